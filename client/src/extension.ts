// The VS Code side, shared by both extension hosts: it starts the IceWarp language server through
// the host's entry (./extensionHosts/nodeMain.ts runs the server as a Node process,
// ./extensionHosts/browserMain.ts inside the web extension host's worker) and hands its results
// to the editor. It holds no rules and parses nothing; the server owns the truth. Nothing here
// needs Node: what needs the local machine comes from the host (./extensionHosts/clientHost.ts).
import * as vscode from 'vscode';
import { type BaseLanguageClient, type LanguageClientOptions, RevealOutputChannelOn, State } from 'vscode-languageclient';
import { EXPLAIN_BASE_URI_OPTION, LANGUAGE_ID, MESSAGES_OPTION, NODE_FILE_GLOB, VSCODE_EXTENSION_OPTION } from '../../common/protocolNames';
import { explainBaseUri, registerExplain } from './explain';
import { CrashAwareErrorHandler, ServerNotifier } from './serverErrors';
import { RedactingOutputChannel } from './passwords/redactingChannel';
import { registerWalkthrough } from './walkthrough';
import { CLIENT_ID, type ClientHost, type IceWarpLanguageClient, OUTPUT_CHANNEL_NAME, nodeFileSchemes } from './extensionHosts/clientHost';
import { answerFileRequests } from './extensionHosts/fileRequestAnswers';
import { CONTEXT_KEYS } from './cluster/clusterIds';
import { FolderCreations } from './folderCreations';
// Types only: the features are loaded through the host, after the server's start (./features.ts).
import type { ClusterTreeProvider } from './cluster/clusterTree';
import type { OpenSettingsFileOptions, OpenSettingsFileResult } from './settingsFiles/openSettingsFile';
import type { ClusterCommands } from './cluster/clusterCommands';
import type { PasswordMask } from './passwords/passwordMask';
import type { LiveFileNotice } from './settingsFiles/liveFileNotice';
import type { ForeignFiles } from './settingsFiles/foreignDocuments';
import type { LiveCluster } from './live/liveCluster';

/** What `activate()` returns: used by the integration tests. */
export interface IceWarpExtensionApi {
  /** Where the server runs: a Node process, or inside the browser's extension host worker. */
  host: ClientHost['kind'];
  client: BaseLanguageClient;
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
  /** "IceWarp: Open IceWarp Settings File" with test seams (where to look, who answers the quick pick). */
  openSettingsFile(options?: OpenSettingsFileOptions): Promise<OpenSettingsFileResult>;
  /** The `••••` over line-5 passwords: what it covers in an editor, when that changes, the toggle. */
  passwordMask: Pick<PasswordMask, 'maskedRanges' | 'onDidApply' | 'toggle' | 'passwordsShown'>;
  /** The "live file with auto save" notice, with test seams (who answers its buttons). */
  liveFileNotice: Pick<LiveFileNotice, 'check'>;
  /** Other programs' path.dat / path.cfg: the server's verdicts, the status item, the switches of language. */
  foreignFiles: Pick<ForeignFiles, 'verdictOf' | 'statusItem' | 'onDidSwitch' | 'treatAsSettingsFile'>;
  /** Pull / Push Cluster over ssh and the view's sync states, with test seams (answers instead of prompts). */
  liveCluster: Pick<LiveCluster, 'pull' | 'push' | 'compare' | 'syncStateOf' | 'reloadStates'>;
  /** Folders created on disk, forwarded to the server to be walked: how many paths were sent. */
  folderCreations: Pick<FolderCreations, 'forwarded'>;
}

let client: BaseLanguageClient | undefined;

export function activateExtension(context: vscode.ExtensionContext, host: ClientHost): IceWarpExtensionApi {
  // Log and trace share one channel that never prints a line-5 password (the verbose trace
  // prints whole documents).
  const outputChannel = new RedactingOutputChannel(vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME));
  context.subscriptions.push(outputChannel);
  const notifier = new ServerNotifier(outputChannel);

  const fileWatcher = vscode.workspace.createFileSystemWatcher(NODE_FILE_GLOB);
  // A deleted folder is reported as one event for the folder, none for the node files in it:
  // deletions of anything go to the server, which forgets the node files under a deleted folder.
  const deletionWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  context.subscriptions.push(fileWatcher, deletionWatcher);

  // The documents the server validates: on the disk, untitled, and on the file systems the
  // workspace is on (github.dev, a remote in the browser...), but never a git: or diff view of a
  // node file, which would count as a second node with the same identity.
  const schemes = nodeFileSchemes(vscode.workspace.workspaceFolders?.map((folder) => folder.uri.scheme) ?? [], vscode.env.remoteName);
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.nodeFileSchemes, schemes);
  const errorHandler = new CrashAwareErrorHandler(notifier, outputChannel);
  context.subscriptions.push(errorHandler);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...schemes.map((scheme) => ({ scheme, language: LANGUAGE_ID })), { scheme: 'untitled', language: LANGUAGE_ID }],
    synchronize: {
      // The server compares every node file of the workspace, open or not, so it must hear
      // about files created, changed or deleted on disk.
      fileEvents: [fileWatcher, deletionWatcher],
      configurationSection: CLIENT_ID,
    },
    // No `workspaceFolder`: one server serves every folder of a multi-root workspace; it gets
    // them at initialize and through workspace/didChangeWorkspaceFolders.
    outputChannel,
    traceOutputChannel: outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    // Each diagnostic's code links to its page, opened by this extension (./explain.ts); this
    // client handles IceWarp's notifications, and its own watchers above report the disk's changes.
    // The display language's messages, which the server loads only when asked for (the browser's server has no disk).
    initializationOptions: { [EXPLAIN_BASE_URI_OPTION]: explainBaseUri(context), [VSCODE_EXTENSION_OPTION]: true, ...(vscode.l10n.bundle ? { [MESSAGES_OPTION]: vscode.l10n.bundle } : {}) },
  };

  const languageClient = host.createClient(clientOptions, notifier);
  client = languageClient;
  // The server asks for the files it cannot read itself (all of them in the browser).
  context.subscriptions.push(...answerFileRequests(languageClient));
  // A server that runs again (after a restart) ends the episode: a later failure may say so again.
  context.subscriptions.push(
    languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) notifier.reset();
    }),
  );

  const ready = startClient(languageClient, host, notifier, outputChannel);
  // activate() must not fail because the server did: the rejection is reported to the user.
  ready.catch(() => undefined);
  // Node files inside new folders: the server walks the folders this forwards.
  const folderCreations = new FolderCreations(languageClient, ready);
  context.subscriptions.push(folderCreations);

  // The rest needs nothing before the server's start is under way: loading it now (zod, the
  // schemas, the view and the commands) overlaps with the server process starting, and it is
  // all registered before activate() returns, so before the server's first message is handled.
  const { clusterTree, foreignFiles, settingsFileCommand, clusterCommands, passwordMask, liveFileNotice, liveCluster } = host
    .loadFeatures()
    .activateFeatures(context, languageClient, ready, host);
  context.subscriptions.push(registerWalkthrough(context, host.openWalkthroughOnStart));
  context.subscriptions.push(...registerExplain(context));

  return {
    host: host.kind,
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
    foreignFiles,
    liveCluster,
    folderCreations,
  };
}

async function startClient(languageClient: IceWarpLanguageClient, host: ClientHost, notifier: ServerNotifier, outputChannel: vscode.OutputChannel): Promise<void> {
  const problem = host.startProblem?.();
  if (problem) {
    // The output channel is the log: English; the notification speaks the display language.
    const message = `The IceWarp language server could not start: ${problem}. Validation of path.cfg / path.dat is off.`;
    outputChannel.appendLine(message);
    notifier.showErrorOnce(vscode.l10n.t('The IceWarp language server could not start: {0}. Validation of path.cfg / path.dat is off.', problem));
    throw new Error(message);
  }
  try {
    await languageClient.start();
  } catch (error) {
    const reason = languageClient.lastServerExit ?? (error instanceof Error ? error.message : String(error));
    outputChannel.appendLine(`The IceWarp language server failed to start (${reason}). Validation of path.cfg / path.dat is off; see the output for details.`);
    notifier.showErrorOnce(vscode.l10n.t('The IceWarp language server failed to start ({0}). Validation of path.cfg / path.dat is off; see the output for details.', reason));
    throw error;
  } finally {
    languageClient.suppressForcedNotifications = false;
  }
}

export async function deactivateExtension(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop();
}
