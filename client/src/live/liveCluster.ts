// The live cluster in VS Code: "IceWarp: Pull Cluster from Servers…", "IceWarp: Push Cluster to
// Servers…" and the Cluster view's per-node sync state, on the command line's engine
// (cli/src/live, run in this process: the diff the user confirms is the plan that is written,
// byte for byte). The engine comes from the host: VS Code's Node extension host loads
// dist/live.js when a command first needs it; the browser has none, and says why.
//
// The view's state of a pulled node comes from its folder's .icewarp-cluster.json and its local
// copy (no connection: "pulled" or "changed locally"), and, once asked with "Compare Pulled Nodes
// with Their Servers", from its server: in sync, changed locally, changed on the server, or both.
import * as vscode from 'vscode';
import {
  CLUSTER_RECORD_FILE,
  DEFAULT_REMOTE_PATH,
  type LiveEngine,
  type LiveLocalState,
  type LivePullResult,
  type LivePushResult,
  type LiveSshOptions,
  type LiveSyncState,
} from '../../../common/liveCluster';
import type { ClusterTreeProvider } from '../cluster/clusterTree';
import { LIVE_COMMANDS, LIVE_CONTEXT_KEYS, LIVE_SETTINGS } from './liveIds';

export interface PullOptions {
  /** Test seams: the answers instead of the input box and the folder dialog. */
  host?: string;
  folder?: vscode.Uri;
  discover?: boolean;
  /** False: leave the workspace's folders as they are. */
  open?: boolean;
}

export interface PushOptions {
  folder?: vscode.Uri;
  /** Test seam: the answer to the modal question (true: push). */
  confirm?: (message: string) => Thenable<boolean>;
}

/** The scheme of the read-only diff a push shows before it asks. */
const PUSH_DIFF_SCHEME = 'icewarp-push';

/** Why the commands do nothing in the browser. */
const browserReason = () =>
  vscode.l10n.t(
    'Pulling and pushing a cluster runs ssh on the machine the extension runs on, and the browser has none. Use VS Code on the desktop, or a Remote-SSH, WSL or code-server window (ssh then runs on that machine, with its keys and ssh config).',
  );

/** A node's sync state as the view says it, in the display language. */
function syncText(state: LiveSyncState): string {
  switch (state) {
    case 'in-sync':
      return vscode.l10n.t('in sync');
    case 'changed-locally':
      return vscode.l10n.t('changed locally');
    case 'changed-on-server':
      return vscode.l10n.t('changed on the server');
    case 'changed-both':
      return vscode.l10n.t('changed locally and on the server');
  }
}

const noPulledCluster = () => vscode.l10n.t('No pulled cluster in this workspace: run "IceWarp: Pull Cluster from Servers…" first.');

interface ServerState {
  changedOnServer?: boolean;
  problem?: string;
  at: Date;
}

export class LiveCluster implements vscode.Disposable {
  private engine: LiveEngine | undefined;
  /** By the local copy's path. */
  private localStates = new Map<string, LiveLocalState>();
  private readonly serverStates = new Map<string, ServerState>();
  private readonly diffs = new Map<string, string>();
  private readonly diffChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.diffChanged];
  private statesLoading: Promise<void> | undefined;

  constructor(
    private readonly loadEngine: (() => LiveEngine) | undefined,
    private readonly output: vscode.OutputChannel,
    private readonly tree: ClusterTreeProvider,
  ) {}

  register(): vscode.Disposable[] {
    void vscode.commands.executeCommand('setContext', LIVE_CONTEXT_KEYS.available, this.loadEngine !== undefined);
    this.disposables.push(
      vscode.commands.registerCommand(LIVE_COMMANDS.pull, () => this.pull()),
      vscode.commands.registerCommand(LIVE_COMMANDS.push, (target?: unknown) => this.push({ folder: folderOf(target) })),
      vscode.commands.registerCommand(LIVE_COMMANDS.compare, () => this.compare()),
      vscode.workspace.registerTextDocumentContentProvider(PUSH_DIFF_SCHEME, { onDidChange: this.diffChanged.event, provideTextDocumentContent: (uri) => this.diffs.get(uri.toString()) ?? '' }),
      this.tree.addNodeDecorator((uri) => this.decorate(uri)),
    );
    if (this.loadEngine) {
      const records = vscode.workspace.createFileSystemWatcher(`**/${CLUSTER_RECORD_FILE}`);
      this.disposables.push(
        records,
        records.onDidChange(() => this.reloadStates()),
        records.onDidCreate(() => this.reloadStates()),
        records.onDidDelete(() => this.reloadStates()),
        // Every change of a node file makes the tree refresh: its local state is read again then.
        this.tree.onDidRefresh(() => this.reloadStates()),
        vscode.workspace.onDidChangeWorkspaceFolders(() => this.reloadStates()),
      );
      void this.reloadStates();
    }
    return this.disposables;
  }

  /** The engine, or undefined after saying why there is none (the browser). */
  private requireEngine(): LiveEngine | undefined {
    if (!this.loadEngine) {
      void vscode.window.showInformationMessage(browserReason());
      return undefined;
    }
    this.engine ??= this.loadEngine();
    return this.engine;
  }

  private log(line: string): void {
    this.output.appendLine(`[live] ${line}`);
  }

  /** "IceWarp: Pull Cluster from Servers…": one host and a folder; the rest is found in the files. */
  async pull(options: PullOptions = {}): Promise<LivePullResult | undefined> {
    const engine = this.requireEngine();
    if (!engine) return undefined;
    const host =
      options.host ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('IceWarp: Pull Cluster from Servers'),
        prompt: vscode.l10n.t('One server of the cluster, as ssh knows it (your ssh config, agent and known_hosts apply). The other nodes are found in its path.dat (lines 15 and 16).'),
        placeHolder: 'mx1.example.net',
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' ? undefined : engine.hostProblem(value.trim())),
      }))?.trim();
    if (!host) return undefined;
    const folder = options.folder ?? (await pickFolder());
    if (!folder) return undefined;
    if (folder.scheme !== 'file') {
      void vscode.window.showErrorMessage(vscode.l10n.t("The cluster is pulled into a folder of this machine's disk; {0} is not one.", folder.toString()));
      return undefined;
    }
    const remotePath = vscode.workspace.getConfiguration().get<string>(LIVE_SETTINGS.remotePath, DEFAULT_REMOTE_PATH) || DEFAULT_REMOTE_PATH;
    let result: LivePullResult;
    try {
      result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling the cluster of {0}', host) }, (progress) =>
        engine.pull({
          host,
          folder: folder.fsPath,
          remotePath,
          discover: options.discover ?? true,
          ssh: sshOptions(),
          report: (line) => {
            this.log(line);
            progress.report({ message: line });
          },
        }),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Pull Cluster: {0}', messageOf(error)));
      return undefined;
    }
    for (const node of result.pulled) this.serverStates.delete(node.file);
    await this.reloadStates();
    if (result.pulled.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was pulled: {0}', result.failed.map((failure) => `${failure.host}: ${failure.reason}`).join('; ')));
      return result;
    }
    const pulledHosts = result.pulled.map((node) => node.host).join(', ');
    const said = [
      result.pulled.length === 1
        ? vscode.l10n.t('Pulled {0} node ({1}) into {2}.', 1, pulledHosts, folder.fsPath)
        : vscode.l10n.t('Pulled {0} nodes ({1}) into {2}.', result.pulled.length, pulledHosts, folder.fsPath),
    ];
    if (result.failed.length > 0) said.push(vscode.l10n.t('Could not be read ({0}): {1}.', result.failed.length, result.failed.map((failure) => `${failure.host} (${failure.reason})`).join('; ')));
    if (result.rejected.length > 0) said.push(vscode.l10n.t('Not contacted (no host name): {0}.', result.rejected.map((entry) => JSON.stringify(entry.value)).join(', ')));
    const message = said.join(' ');
    void (said.length > 1 ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
    if (options.open !== false) await openFolder(folder);
    return result;
  }

  /** "IceWarp: Push Cluster to Servers…": the plan (refusals, or a diff per node), a modal question, then all or nothing. */
  async push(options: PushOptions = {}): Promise<LivePushResult | undefined> {
    const engine = this.requireEngine();
    if (!engine) return undefined;
    const folder = options.folder ?? (await this.pickPulledFolder());
    if (!folder) return undefined;
    if (!(await saveNodeFilesUnder(folder))) return undefined;
    const report = (line: string) => this.log(line);
    let plan;
    try {
      plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing the pulled cluster with its servers') }, () => engine.planPush(folder.fsPath, sshOptions(), report));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Push Cluster: {0}', messageOf(error)));
      return undefined;
    }
    const stops = [...plan.refusals.map((refusal) => `${refusal.host}: ${refusal.reason}`), ...plan.unreachable.map((failure) => `${failure.host}: ${failure.reason}`)];
    if (stops.length > 0) {
      for (const stop of stops) this.log(`refused: ${stop}`);
      void vscode.window.showErrorMessage(
        plan.checkErrors ? vscode.l10n.t('Nothing was pushed. {0} (the Problems panel lists them)', stops.join(' ')) : vscode.l10n.t('Nothing was pushed. {0}', stops.join(' ')),
      );
      return undefined;
    }
    if (plan.nodes.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to push: no pulled node changed since the pull.'));
      return undefined;
    }
    const hosts = plan.nodes.map((node) => node.host).join(', ');
    const diffUri = vscode.Uri.from({ scheme: PUSH_DIFF_SCHEME, path: `/push to ${hosts}.diff` });
    this.diffs.set(diffUri.toString(), plan.nodes.map((node) => node.diff).join(''));
    this.diffChanged.fire(diffUri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(diffUri), { preview: true });
    const endings = plan.nodes.filter((node) => node.endings).map((node) => vscode.l10n.t('{0} keeps its {1} line endings.', node.host, node.endings ?? ''));
    const question = [
      plan.nodes.length === 1
        ? vscode.l10n.t('Write {0} node to its server ({1})? The diff is open; each server keeps a backup of its file.', 1, hosts)
        : vscode.l10n.t('Write {0} nodes to their servers ({1})? The diff is open; each server keeps a backup of its file.', plan.nodes.length, hosts),
      ...endings,
    ].join(' ');
    const pushButton = vscode.l10n.t('Push');
    const confirmed = options.confirm ? await options.confirm(question) : (await vscode.window.showWarningMessage(question, { modal: true }, pushButton)) === pushButton;
    if (!confirmed) return undefined;
    let result: LivePushResult;
    try {
      result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pushing to {0}', hosts) }, (progress) =>
        plan.apply((line) => {
          report(line);
          progress.report({ message: line });
        }),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Push Cluster: {0}', messageOf(error)));
      return undefined;
    }
    for (const leftover of result.leftovers) this.log(`${leftover.host}: could not delete ${leftover.path} on the server; delete it by hand`);
    for (const node of plan.nodes) this.serverStates.delete(this.fileOfHost(folder, node.host) ?? '');
    await this.reloadStates();
    if (result.ok) {
      const written = result.written.join(', ');
      void vscode.window.showInformationMessage(
        result.written.length === 1
          ? vscode.l10n.t('Pushed {0} node ({1}). IceWarp reads path.dat when its services start: restart the IceWarp services on each changed node ({1}) for the change to take effect.', 1, written)
          : vscode.l10n.t('Pushed {0} nodes ({1}). IceWarp reads path.dat when its services start: restart the IceWarp services on each changed node ({1}) for the change to take effect.', result.written.length, written),
      );
    } else if (result.notRestored.length > 0) {
      const notRestored = result.notRestored.join(', ');
      void vscode.window.showErrorMessage(
        result.notRestored.length === 1
          ? vscode.l10n.t('The push failed and {0} could not be put back: {1} server holds the pushed file (see the output; the Cluster view marks it).', notRestored, 1)
          : vscode.l10n.t('The push failed and {0} could not be put back: {1} servers hold the pushed file (see the output; the Cluster view marks them).', notRestored, result.notRestored.length),
      );
    } else {
      void vscode.window.showErrorMessage(vscode.l10n.t('The push failed; every node holds the file it held before (see the output for what happened).'));
    }
    return result;
  }

  /** "Compare Pulled Nodes with Their Servers": `status` for every pulled folder; the view shows the result. */
  async compare(): Promise<string[] | undefined> {
    const engine = this.requireEngine();
    if (!engine) return undefined;
    const folders = await findPulledFolders();
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(noPulledCluster());
      return undefined;
    }
    const lines: string[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing pulled nodes with their servers') }, async () => {
      for (const folder of folders) {
        try {
          for (const node of await engine.status(folder.fsPath, sshOptions())) {
            lines.push(node.line);
            this.log(node.line);
            const changedOnServer = node.state === undefined ? undefined : node.state === 'changed-on-server' || node.state === 'changed-both';
            this.serverStates.set(node.file, { at: new Date(), ...(changedOnServer !== undefined ? { changedOnServer } : {}), ...(node.serverProblem ? { problem: node.serverProblem } : {}) });
          }
        } catch (error) {
          lines.push(`${folder.fsPath}: ${messageOf(error)}`);
        }
      }
    });
    await this.reloadStates();
    this.tree.redraw();
    void vscode.window.showInformationMessage(lines.join(' · '));
    return lines;
  }

  /** The sync state the view shows for a node file, or undefined for a node that was not pulled. */
  syncStateOf(uri: string): { state?: LiveSyncState; text: string; tooltip: string } | undefined {
    const fsPath = vscode.Uri.parse(uri).fsPath;
    const local = this.localStates.get(fsPath);
    if (!local) return undefined;
    const language = vscode.env.language;
    const pulled = vscode.l10n.t('Pulled from {0} ({1}).', local.host, new Date(local.pulledAt).toLocaleString(language));
    if (local.restoreFailed) {
      return {
        text: vscode.l10n.t('not put back after a failed push'),
        tooltip: `${pulled} ${vscode.l10n.t('A push on {0} failed and this node could not be put back: its server holds the pushed file; the file as it was is {1} there.', local.restoreFailed.at, local.restoreFailed.backup)}`,
      };
    }
    if (local.changedLocally === undefined) return { text: vscode.l10n.t('local copy missing'), tooltip: pulled };
    const server = this.serverStates.get(fsPath);
    if (!server || server.changedOnServer === undefined) {
      const asked = server?.problem
        ? vscode.l10n.t('Its server could not be read: {0}.', server.problem)
        : vscode.l10n.t('Not compared with its server since: use "Compare Pulled Nodes with Their Servers".');
      return local.changedLocally
        ? { state: 'changed-locally', text: syncText('changed-locally'), tooltip: `${pulled} ${asked}` }
        : { text: vscode.l10n.t('pulled'), tooltip: `${pulled} ${vscode.l10n.t('Unchanged here.')} ${asked}` };
    }
    const state: LiveSyncState = local.changedLocally ? (server.changedOnServer ? 'changed-both' : 'changed-locally') : server.changedOnServer ? 'changed-on-server' : 'in-sync';
    return { state, text: syncText(state), tooltip: `${pulled} ${vscode.l10n.t('Compared with its server at {0}.', server.at.toLocaleTimeString(language))}` };
  }

  private decorate(uri: string): { description: string; tooltip: string } | undefined {
    const state = this.syncStateOf(uri);
    return state && { description: state.text, tooltip: state.tooltip };
  }

  /** Reads every pulled folder's record and local copies again (no connection); redraws on a change. */
  reloadStates(): Promise<void> {
    this.statesLoading ??= this.loadStates().finally(() => (this.statesLoading = undefined));
    return this.statesLoading;
  }

  private async loadStates(): Promise<void> {
    const engine = this.loadEngine ? (this.engine ??= this.loadEngine()) : undefined;
    if (!engine) return;
    const folders = await findPulledFolders();
    void vscode.commands.executeCommand('setContext', LIVE_CONTEXT_KEYS.hasPulledCluster, folders.length > 0);
    const states = new Map<string, LiveLocalState>();
    for (const folder of folders) {
      try {
        for (const state of await engine.localStates(folder.fsPath)) states.set(state.file, state);
      } catch (error) {
        this.log(`${folder.fsPath}: ${messageOf(error)}`);
      }
    }
    const changed = JSON.stringify([...states]) !== JSON.stringify([...this.localStates]);
    this.localStates = states;
    if (changed) this.tree.redraw();
  }

  private fileOfHost(folder: vscode.Uri, host: string): string | undefined {
    return [...this.localStates.values()].find((state) => state.host === host && state.file.startsWith(folder.fsPath))?.file;
  }

  private async pickPulledFolder(): Promise<vscode.Uri | undefined> {
    const folders = await findPulledFolders();
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(noPulledCluster());
      return undefined;
    }
    if (folders.length === 1) return folders[0];
    const picked = await vscode.window.showQuickPick(
      folders.map((folder) => ({ label: vscode.workspace.asRelativePath(folder, true), folder })),
      { title: vscode.l10n.t('IceWarp: Push Cluster to Servers'), placeHolder: vscode.l10n.t('The pulled cluster to push') },
    );
    return picked?.folder;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function sshOptions(): LiveSshOptions {
  // Restricted in untrusted workspaces (package.json): there, only the user's own value counts.
  const configFile = vscode.workspace.getConfiguration().get<string>(LIVE_SETTINGS.sshConfigFile, '').trim();
  return configFile ? { sshConfig: configFile } : {};
}

/** The folders of the workspace that hold a pulled cluster. */
async function findPulledFolders(): Promise<vscode.Uri[]> {
  const records = await vscode.workspace.findFiles(`**/${CLUSTER_RECORD_FILE}`, '**/node_modules/**', 50);
  return records
    .filter((uri) => uri.scheme === 'file')
    .map((uri) => vscode.Uri.joinPath(uri, '..'))
    .sort((a, b) => (a.fsPath < b.fsPath ? -1 : 1));
}

/** The folder a command was run on from a menu (a folder or a file in the Explorer). */
function folderOf(target: unknown): vscode.Uri | undefined {
  if (!(target instanceof vscode.Uri) || target.scheme !== 'file') return undefined;
  return target.path.endsWith(`/${CLUSTER_RECORD_FILE}`) ? vscode.Uri.joinPath(target, '..') : target;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('The folder to pull the cluster into (each node in a folder named after its host)'),
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Pull into This Folder'),
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

/**
 * Opens the pulled folder: one of the workspace already stays as it is; an empty window opens
 * it; a multi-root workspace gets it as one more folder (the first stays, so nothing restarts).
 * A window of one folder would have to reload either way: the user says how.
 */
async function openFolder(folder: vscode.Uri): Promise<void> {
  if (vscode.workspace.getWorkspaceFolder(folder)) return;
  const open = vscode.workspace.workspaceFolders ?? [];
  if (open.length === 0) {
    await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: false });
    return;
  }
  if (vscode.workspace.workspaceFile) {
    vscode.workspace.updateWorkspaceFolders(open.length, 0, { uri: folder });
    return;
  }
  const openFolderButton = vscode.l10n.t('Open Folder');
  const newWindow = vscode.l10n.t('Open in New Window');
  const addToWorkspace = vscode.l10n.t('Add to Workspace');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Open the pulled cluster, {0}?', folder.fsPath), openFolderButton, newWindow, addToWorkspace);
  if (choice === openFolderButton || choice === newWindow) await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: choice === newWindow });
  else if (choice === addToWorkspace) vscode.workspace.updateWorkspaceFolders(open.length, 0, { uri: folder });
}

/** Unsaved node files under the folder are saved first (a push sends what is on disk), or the push stops. */
async function saveNodeFilesUnder(folder: vscode.Uri): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((document) => document.isDirty && document.uri.scheme === 'file' && document.uri.fsPath.startsWith(folder.fsPath));
  if (dirty.length === 0) return true;
  const saveButton = vscode.l10n.t('Save and Continue');
  const question =
    dirty.length === 1
      ? vscode.l10n.t('{0} file of the pulled cluster has unsaved changes; a push sends what is saved.', 1)
      : vscode.l10n.t('{0} files of the pulled cluster have unsaved changes; a push sends what is saved.', dirty.length);
  const answer = await vscode.window.showWarningMessage(question, { modal: true }, saveButton);
  if (answer !== saveButton) return false;
  for (const document of dirty) if (!(await document.save())) return false;
  return true;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

