// The browser worker entry, bundled as dist/browser/server.js: the server in a dedicated web
// worker of its own, talking LSP over the worker's messages, for any browser editor that starts
// it with `new Worker(url)`. The VS Code web extension runs the same core in its extension host's
// worker instead (docs/features.md, "In the browser..."); the bench starts this bundle to measure
// it.
import { type MessageEndpoint, startBrowserServer } from './browserEndpoint';

// In a worker the global scope is the endpoint (self.postMessage, self.onmessage).
startBrowserServer(globalThis as unknown as MessageEndpoint);
