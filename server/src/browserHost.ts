// The server as a browser runs it: the core with the client's file system, for it has no disk
// (files through ./host/clientFiles.ts) and no process to report on. ./browserEndpoint.ts puts
// it on a browser's message endpoint; the in-process protocol tests start it here, on theirs.
import type { Connection } from 'vscode-languageserver';
import { type Server, createServer } from './core/createServer';
import { clientFileAccess } from './host/clientFiles';

export function createBrowserServer(connection: Connection): Server {
  return createServer(connection, clientFileAccess(connection));
}
