// The browser extension host's side of the client (vscode.dev, github.dev, code-server's web
// worker extension host): the server's core runs in this same worker, at the far end of a
// MessageChannel. A web extension served by a VS Code server (code-server, VS Code Server,
// Codespaces in the browser) is loaded from a vscode-remote:// URI, and VS Code refuses `new
// Worker` for those ("Creating workers from remote extensions is currently not supported"); a
// MessageChannel works in every browser host, and the server's work (milliseconds per change)
// does not need a thread of its own. Nothing of this machine can be read here: Open Settings File
// looks in the workspace only, and the read-only check asks VS Code's file system API.
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { startBrowserServer } from '../../../server/src/browserEndpoint';
import { CLIENT_ID, type ClientHost, OUTPUT_CHANNEL_NAME, oneNotificationClient } from './clientHost';
import type { ServerNotifier } from '../serverErrors';
import { workspaceWriteAccess } from '../cluster/writableFiles';
// One bundle in the browser: the web extension host loads no module but `vscode` beside it.
import * as features from '../features';

/** A client whose transports are one end of a MessageChannel; the server core holds the other. */
class InWorkerLanguageClient extends oneNotificationClient(BaseLanguageClient) {
  private server: { dispose(): void } | undefined;

  constructor(clientOptions: LanguageClientOptions) {
    super(CLIENT_ID, OUTPUT_CHANNEL_NAME, clientOptions);
  }

  // A fresh channel and server for every (re)start: nothing survives from a previous one.
  protected override createMessageTransports(): Promise<MessageTransports> {
    this.stopServer();
    const channel = new MessageChannel();
    this.server = startBrowserServer(channel.port1);
    return Promise.resolve({ reader: new BrowserMessageReader(channel.port2), writer: new BrowserMessageWriter(channel.port2) });
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.stopServer();
    }
  }

  private stopServer(): void {
    this.server?.dispose();
    this.server = undefined;
  }
}

export const browserClientHost: ClientHost = {
  kind: 'browser',
  createClient(clientOptions: LanguageClientOptions, notifier: ServerNotifier) {
    const client = new InWorkerLanguageClient(clientOptions);
    client.notifier = notifier;
    return client;
  },
  installFolders: undefined,
  writeAccess: workspaceWriteAccess,
  // The browser has no environment to ask: the demo runs the Node host.
  openWalkthroughOnStart: false,
  loadFeatures: () => features,
};
