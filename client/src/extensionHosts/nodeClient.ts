// The Node extension host's side of the client (desktop VS Code, and Remote-SSH, WSL, Dev
// Containers and code-server, where the extension runs beside the files): the server runs as a
// Node process (dist/server.js over IPC), and Open Settings File and the read-only check read this
// machine's disk, which is the remote's when the window is remote.
import { promises as fs, constants as fsConstants, existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, type ClientHost, type InstallFolders, OUTPUT_CHANNEL_NAME, oneNotificationClient } from './clientHost';
import type { ServerNotifier } from '../serverErrors';
import { OPEN_ON_START_ENV } from '../walkthrough';
import { type WriteAccess, workspaceWriteAccess } from '../cluster/writableFiles';

class NodeLanguageClient extends oneNotificationClient(LanguageClient) {}

export function nodeClientHost(context: vscode.ExtensionContext): ClientHost {
  const serverModule = context.asAbsolutePath('dist/server.js');
  return {
    kind: 'node',
    createClient(clientOptions: LanguageClientOptions, notifier: ServerNotifier) {
      const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: {
          module: serverModule,
          transport: TransportKind.ipc,
          // Attach a debugger to port 6009 when the extension runs in debug mode.
          options: { execArgv: ['--nolazy', '--inspect=6009'] },
        },
      };
      const client = new NodeLanguageClient(CLIENT_ID, OUTPUT_CHANNEL_NAME, serverOptions, clientOptions);
      client.notifier = notifier;
      return client;
    },
    startProblem: () => (existsSync(serverModule) ? undefined : `${serverModule} is missing (run \`npm run build\`)`),
    installFolders: diskInstallFolders,
    writeAccess: diskWriteAccess,
    openWalkthroughOnStart: process.env[OPEN_ON_START_ENV] === '1',
    // A bundle of its own beside this one (esbuild.mjs): not compiled until activate() asks.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadFeatures: () => require('../features') as typeof import('../features'),
    // dist/live.js, a bundle of its own (esbuild.mjs): the check engine and the ssh transport
    // of the command line, compiled only when a Pull / Push command runs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadLiveEngine: () => (require('../../../cli/src/live/index') as typeof import('../../../cli/src/live/index')).liveEngine,
  };
}

const diskInstallFolders: InstallFolders = {
  async existingFiles(fsPaths) {
    const found: string[] = [];
    for (const fsPath of fsPaths) if (await isFile(fsPath)) found.push(fsPath);
    return found;
  },
};

async function isFile(fsPath: string): Promise<boolean> {
  try {
    return (await fs.stat(fsPath)).isFile();
  } catch {
    return false;
  }
}

/** Local files by their permissions for this process; other schemes through VS Code's API. */
async function diskWriteAccess(uri: vscode.Uri): Promise<WriteAccess> {
  if (uri.scheme !== 'file') return workspaceWriteAccess(uri);
  let mode: number;
  try {
    mode = (await fs.stat(uri.fsPath)).mode;
  } catch {
    return 'missing';
  }
  // Marked read-only (no write bit at all): refused even for a root process, which could write it.
  if ((mode & 0o222) === 0) return 'read-only';
  try {
    await fs.access(uri.fsPath, fsConstants.W_OK);
    return 'writable';
  } catch {
    return 'read-only';
  }
}
