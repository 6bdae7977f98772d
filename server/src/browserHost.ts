// The server as a browser runs it: the core with the client's file system, for it has no disk
// (files through ./host/clientFiles.ts) and no process to report on. The VS Code web extension
// starts it inside the extension host's own worker on one end of a MessageChannel
// (client/src/browserClient.ts); the worker entry (./browserServer.ts) starts it on a dedicated
// worker's own messages.
import { BrowserMessageReader, BrowserMessageWriter, type Connection, createConnection } from 'vscode-languageserver/browser';
import { type Server, createServer } from './core/createServer';
import { clientFileAccess } from './host/clientFiles';

/** A MessagePort, or a worker's global scope: whatever carries the LSP messages. */
export type MessageEndpoint = ConstructorParameters<typeof BrowserMessageReader>[0];

export function createBrowserServer(connection: Connection): Server {
  return createServer(connection, clientFileAccess(connection));
}

/** Starts the server on `endpoint`; `dispose()` ends it and closes the endpoint's side. */
export function startBrowserServer(endpoint: MessageEndpoint): { dispose(): void } {
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
