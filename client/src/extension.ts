// The VS Code side: starts the IceWarp language server and hands its results to the editor.
// It holds no rules and parses nothing; the server owns the truth.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, NODE_FILE_GLOB } from '../../common/protocol';
import { CrashAwareErrorHandler, ServerNotifier } from './serverErrors';
import { RedactingOutputChannel } from './redactingChannel';
import { ClusterTreeProvider, registerClusterView } from './clusterTree';
import { OpenSettingsFileOptions, OpenSettingsFileResult, SettingsFileCommand } from './commands';
import { ClusterCommands } from './clusterCommands';
import { PasswordMask } from './passwordMask';
import { LiveFileNotice } from './liveFileNotice';
import { registerWalkthrough } from './walkthrough';

export const OUTPUT_CHANNEL_NAME = 'IceWarp Cluster Config';
/** The client id is also the settings prefix the library reads `trace.server` from: `icewarp.trace.server`. */
const CLIENT_ID = 'icewarp';

/** What `activate()` returns: used by the integration tests. */
export interface IceWarpExtensionApi {
  client: LanguageClient;
  /** The log and trace channel; it redacts line-5 passwords and remembers what it printed. */
  outputChannel: RedactingOutputChannel;
  /** Resolves once the server has answered `initialize`; rejects if it could not start. */
  ready: Promise<void>;
  /** Error notifications the client has shown, oldest first (so tests can check "said so once"). */
  errorMessagesShown: readonly string[];
  /** The restart policy: `hasGivenUp` and `onDidGiveUp` tell when the server stays down. */
  serverRestarts: Pick<CrashAwareErrorHandler, 'hasGivenUp' | 'onDidGiveUp'>;
  /** The "IceWarp Cluster" view's data: its children are what the tree shows. */
  clusterTree: ClusterTreeProvider;
  /** The cluster commands (promote, add, remove, compare, fix all...) with test seams (answers, no preview). */
  clusterCommands: ClusterCommands;
  /** "IceWarp: Open Settings File" with test seams (where to look, who answers the quick pick). */
  openSettingsFile(options?: OpenSettingsFileOptions): Promise<OpenSettingsFileResult>;
  /** The `••••` over line-5 passwords: what it covers in an editor, when that changes, the toggle. */
  passwordMask: Pick<PasswordMask, 'maskedRanges' | 'onDidApply' | 'toggle' | 'passwordsShown'>;
  /** The "live file with auto save" notice, with test seams (who answers its buttons). */
  liveFileNotice: Pick<LiveFileNotice, 'check'>;
}

let client: LanguageClient | undefined;

/**
 * Routes the library's forced error pop-ups through our notifier, so the user sees one message
 * with a "Show Output" button instead of one per failed attempt.
 */
class IceWarpLanguageClient extends LanguageClient {
  /** While the first start is in flight, activate() reports a failure itself, in clearer words. */
  suppressForcedNotifications = true;
  /** The library's last "Server process exited with code N." line: a clearer reason than a disposed connection. */
  lastServerExit: string | undefined;

  constructor(
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
    private readonly notifier: ServerNotifier,
  ) {
    super(CLIENT_ID, OUTPUT_CHANNEL_NAME, serverOptions, clientOptions);
  }

  // The library passes its "show a notification" flag where `data` belongs when it reports a
  // restart, which printed a bare "false" line in the output channel.
  override info(message: string, data?: unknown, showNotification: boolean = true): void {
    if (typeof data === 'boolean') super.info(message, undefined, data);
    else super.info(message, data, showNotification);
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    if (message.startsWith('Server process exited')) this.lastServerExit = message.replace(/\.$/, '').toLowerCase();
    if (showNotification !== 'force') {
      super.error(message, data, showNotification);
      return;
    }
    super.error(message, data, false);
    if (!this.suppressForcedNotifications) {
      this.notifier.showErrorOnce(`IceWarp language server: ${message}`);
    }
  }
}

export function activate(context: vscode.ExtensionContext): IceWarpExtensionApi {
  // Log and trace share one channel that never prints a line-5 password (the verbose trace
  // prints whole documents).
  const outputChannel = new RedactingOutputChannel(vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME));
  context.subscriptions.push(outputChannel);
  const notifier = new ServerNotifier(outputChannel);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      // Attach a debugger to port 6009 when the extension runs in debug mode.
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };

  const fileWatcher = vscode.workspace.createFileSystemWatcher(NODE_FILE_GLOB);
  context.subscriptions.push(fileWatcher);

  const errorHandler = new CrashAwareErrorHandler(notifier, outputChannel);
  context.subscriptions.push(errorHandler);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      // The server compares every node file of the workspace, open or not, so it must hear
      // about files created, changed or deleted on disk.
      fileEvents: fileWatcher,
      configurationSection: CLIENT_ID,
    },
    // No `workspaceFolder`: one server serves every folder of a multi-root workspace; it gets
    // them at initialize and through workspace/didChangeWorkspaceFolders.
    outputChannel,
    traceOutputChannel: outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
  };

  const languageClient = new IceWarpLanguageClient(serverOptions, clientOptions, notifier);
  client = languageClient;
  // A server that runs again (after a restart) ends the episode: a later failure may say so again.
  context.subscriptions.push(
    languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) notifier.reset();
    }),
  );

  const ready = startClient(languageClient, serverModule, notifier, outputChannel);
  // activate() must not fail because the server did: the rejection is reported to the user.
  ready.catch(() => undefined);

  const clusterTree = registerClusterView(context, languageClient, ready);
  const settingsFileCommand = new SettingsFileCommand(languageClient, ready, context.extensionUri);
  context.subscriptions.push(settingsFileCommand.register());
  const clusterCommands = new ClusterCommands(languageClient, ready, clusterTree);
  context.subscriptions.push(...clusterCommands.register());
  // Needs no server: the mask and the live-file notice work while it starts or is down.
  const passwordMask = new PasswordMask();
  context.subscriptions.push(passwordMask, ...passwordMask.register());
  const liveFileNotice = new LiveFileNotice(context.globalState);
  context.subscriptions.push(liveFileNotice, registerWalkthrough(context));

  return {
    client: languageClient,
    outputChannel,
    ready,
    errorMessagesShown: notifier.shown,
    serverRestarts: errorHandler,
    clusterTree,
    clusterCommands,
    openSettingsFile: (options) => settingsFileCommand.run(options),
    passwordMask,
    liveFileNotice,
  };
}

async function startClient(
  languageClient: IceWarpLanguageClient,
  serverModule: string,
  notifier: ServerNotifier,
  outputChannel: vscode.OutputChannel,
): Promise<void> {
  if (!fs.existsSync(serverModule)) {
    const message = `The IceWarp language server could not start: ${serverModule} is missing (run \`npm run build\`). Validation of path.cfg / path.dat is off.`;
    outputChannel.appendLine(message);
    notifier.showErrorOnce(message);
    throw new Error(message);
  }
  try {
    await languageClient.start();
  } catch (error) {
    const reason = languageClient.lastServerExit ?? (error instanceof Error ? error.message : String(error));
    const message = `The IceWarp language server failed to start (${reason}). Validation of path.cfg / path.dat is off; see the output for details.`;
    outputChannel.appendLine(message);
    notifier.showErrorOnce(message);
    throw error;
  } finally {
    languageClient.suppressForcedNotifications = false;
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop();
}
