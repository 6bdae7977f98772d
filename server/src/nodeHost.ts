// The server as the Node host runs it: the core with the disk for its files and the process's
// own figures for icewarp/serverStatus. The entry (./server.ts) and the in-process LSP tests
// both start it this way.
import type { Connection } from 'vscode-languageserver';
import { type Server, createServer } from './core/createServer';
import { nodeFileAccess } from './nodeFiles';

export function createNodeServer(connection: Connection): Server {
  return createServer(connection, nodeFileAccess, {
    processStatus: () => {
      const memory = process.memoryUsage();
      return { pid: process.pid, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
    },
  });
}
