// The server as the Node host runs it: the core with the disk for its files (and the client for
// folders of other file systems, e.g. a virtual workspace), the code pages and the messages of
// each language shipped beside it, and the process's own figures for icewarp/serverStatus. The
// entry (./server.ts) and the in-process LSP tests both start it this way.
import type { Connection } from 'vscode-languageserver';
import { type Server, createServer } from './core/createServer';
import { clientFileAccess, fileAccessByScheme } from './host/clientFiles';
import { diskCodePages } from './host/codePages';
import { nodeFileAccess } from './host/diskNodeFiles';
import { diskMessages } from './host/diskMessages';
import { environmentLocale, setMessageBundleLoader } from './service';

/** `environment`: where the language comes from when the client sends none (the process's own, unless a test brings one). */
export function createNodeServer(connection: Connection, environment: Readonly<Record<string, string | undefined>> = process.env): Server {
  // A language's messages are read when initialize names it, from the l10n folder shipped beside the bundle.
  setMessageBundleLoader(diskMessages(__dirname));
  return createServer(connection, fileAccessByScheme(nodeFileAccess, clientFileAccess(connection)), {
    processStatus: () => {
      const memory = process.memoryUsage();
      return { pid: process.pid, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
    },
    // Beside the bundle (dist/ of the package, the .vsix or a checkout), or above this file in a checkout.
    codePageUri: diskCodePages(__dirname),
    // For a client that sends no locale: LC_ALL / LC_MESSAGES / LANG, as other programs on the machine read them.
    environmentLocale: environmentLocale(environment),
  });
}
