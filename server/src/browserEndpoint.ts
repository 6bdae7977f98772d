// The browser server on a message endpoint: a MessagePort (the VS Code web extension runs the
// core inside its extension host's worker, client/src/extensionHosts/browserClient.ts) or a
// dedicated worker's global scope (./browserServer.ts). Loads the connection library's browser
// runtime, so only browser bundles import this file.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createBrowserServer } from './browserHost';
import { installBrowserRuntime } from './browserRuntime';

/** A MessagePort, or a worker's global scope: whatever carries the LSP messages. */
export type MessageEndpoint = ConstructorParameters<typeof BrowserMessageReader>[0];

/** Starts the server on `endpoint`; `dispose()` ends it. */
export function startBrowserServer(endpoint: MessageEndpoint): { dispose(): void } {
  installBrowserRuntime();
  const connection = createConnection(new BrowserMessageReader(endpoint), new BrowserMessageWriter(endpoint));
  const server = createBrowserServer(connection);
  connection.listen();
  return {
    dispose() {
      server.dispose();
      connection.dispose();
    },
  };
}
