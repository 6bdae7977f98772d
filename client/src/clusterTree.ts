// The "IceWarp Cluster" view in the Explorer: clusters, their nodes (master first), and each
// node's details, as the server's icewarp/cluster answer says (checked with zod). The server
// tells us when that answer may have changed; refreshes are debounced so a burst of
// notifications redraws the tree once.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  NODE_FILE_GLOB,
  clusterChangedNotification,
  clusterRequest,
  clusterResponseSchema,
  type ClusterInfo,
  type ClusterNodeInfo,
  type ClusterResponse,
  type ProblemCountsInfo,
} from '../../common/protocol';

export const CLUSTER_VIEW_ID = 'icewarpCluster';
export const CLUSTER_COMMANDS = {
  refresh: 'icewarp.cluster.refresh',
  openFile: 'icewarp.cluster.openFile',
  copyHostname: 'icewarp.cluster.copyHostname',
  revealInExplorer: 'icewarp.cluster.revealInExplorer',
} as const;
/** Context keys the manifest's `when` clauses read. */
const VISIBLE_CONTEXT = 'icewarp.clusterView.visible';
const STATE_CONTEXT = 'icewarp.clusterView.state';
/** The scheme of the tree nodes' resourceUri, so our problem badges decorate only the tree. */
const DECORATION_SCHEME = 'icewarp-cluster-node';
const REFRESH_DELAY_MS = 250;

export type ClusterTreeState = 'loading' | 'empty' | 'ready' | 'unavailable';

export interface ClusterElement {
  kind: 'cluster';
  id: string;
  cluster: ClusterInfo;
}

export interface NodeElement {
  kind: 'node';
  id: string;
  node: ClusterNodeInfo;
  parent: ClusterElement;
}

export interface DetailElement {
  kind: 'detail';
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  /** The file and 0-based line a click opens. */
  uri: string;
  line: number;
  parent: NodeElement;
}

export type ClusterTreeElement = ClusterElement | NodeElement | DetailElement;

const ROLE_ICONS: Record<ClusterNodeInfo['role'], string> = { master: 'star-full', slave: 'server', unknown: 'question' };
const MISSING_ICON = 'debug-disconnect';

export class ClusterTreeProvider implements vscode.TreeDataProvider<ClusterTreeElement>, vscode.FileDecorationProvider, vscode.Disposable {
  private model: ClusterResponse = { clusters: [] };
  private state: ClusterTreeState = 'loading';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private refreshAgain = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeTreeData = new vscode.EventEmitter<ClusterTreeElement | undefined>();
  private readonly changeDecorations = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly refreshed = new vscode.EventEmitter<ClusterResponse>();
  readonly onDidChangeTreeData = this.changeTreeData.event;
  readonly onDidChangeFileDecorations = this.changeDecorations.event;
  /** Fires after each refresh with the model the tree now shows (tests wait on it). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.disposables.push(this.changeTreeData, this.changeDecorations, this.refreshed);
    this.disposables.push(client.onNotification(clusterChangedNotification, () => this.scheduleRefresh()));
    void this.setContext(STATE_CONTEXT, this.state);
  }

  /** The model the tree shows now. */
  get current(): ClusterResponse {
    return this.model;
  }

  get currentState(): ClusterTreeState {
    return this.state;
  }

  /** Coalesces bursts (a save republishes every peer) into one request and one redraw. */
  scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  /** Asks the server now; the tree redraws once the answer is in (no empty flash in between). */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.refreshAgain = true;
      return this.inFlight;
    }
    this.inFlight = this.load().finally(() => {
      this.inFlight = undefined;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    let model: ClusterResponse;
    try {
      await this.ready;
      model = clusterResponseSchema.parse(await this.client.sendRequest(clusterRequest));
    } catch {
      // No server or an answer of the wrong shape: say so in the view, keep nothing stale.
      this.apply({ clusters: [] }, 'unavailable');
      return;
    }
    if (model.clusters.length > 0) return this.apply(model, 'ready');
    // Right after start the server may still be indexing: a notification follows its first
    // publish round. Only a workspace without node files is "empty" (the welcome text says so).
    const found = await vscode.workspace.findFiles(NODE_FILE_GLOB, '**/node_modules/**', 1);
    this.apply(model, found.length > 0 ? 'loading' : 'empty');
  }

  private apply(model: ClusterResponse, state: ClusterTreeState): void {
    const previous = this.model;
    const unchanged = state === this.state && JSON.stringify(model) === JSON.stringify(previous);
    this.model = model;
    this.state = state;
    if (unchanged) {
      // Most keystrokes change nothing the tree shows: no redraw at all.
      this.refreshed.fire(model);
      return;
    }
    void this.setContext(STATE_CONTEXT, state);
    if (model.clusters.length > 0) void this.setContext(VISIBLE_CONTEXT, true);
    this.changeTreeData.fire(undefined);
    const decorated = [...previous.clusters, ...model.clusters].flatMap((cluster) => cluster.nodes.filter((node) => node.uri).map((node) => decorationUri(node)));
    this.changeDecorations.fire(decorated);
    this.refreshed.fire(model);
  }

  /** The view shows once the workspace has a node file, and stays (its empty state explains itself). */
  async revealIfWorkspaceHasNodeFiles(): Promise<void> {
    const found = await vscode.workspace.findFiles(NODE_FILE_GLOB, '**/node_modules/**', 1);
    if (found.length > 0) await this.setContext(VISIBLE_CONTEXT, true);
  }

  getChildren(element?: ClusterTreeElement): ClusterTreeElement[] {
    if (!element) return this.model.clusters.map((cluster) => ({ kind: 'cluster', id: `cluster:${cluster.id}`, cluster }));
    if (element.kind === 'cluster') {
      return element.cluster.nodes.map((node) => ({ kind: 'node', id: `${element.id}|${nodeKey(node)}`, node, parent: element }));
    }
    if (element.kind === 'node') return detailsOf(element);
    return [];
  }

  getParent(element: ClusterTreeElement): ClusterTreeElement | undefined {
    return element.kind === 'cluster' ? undefined : element.parent;
  }

  getTreeItem(element: ClusterTreeElement): vscode.TreeItem {
    if (element.kind === 'cluster') return clusterItem(element);
    if (element.kind === 'node') return nodeItem(element);
    return detailItem(element);
  }

  /** Problem badge on a node: errors and warnings together, coloured by the worst. */
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DECORATION_SCHEME) return undefined;
    const node = this.model.clusters.flatMap((cluster) => cluster.nodes).find((candidate) => candidate.uri && decorationUri(candidate).toString() === uri.toString());
    if (!node) return undefined;
    const { error, warning } = node.problems;
    if (error + warning === 0) return undefined;
    return new vscode.FileDecoration(
      error + warning > 9 ? '9+' : String(error + warning),
      problemText(node.problems),
      new vscode.ThemeColor(error > 0 ? 'list.errorForeground' : 'list.warningForeground'),
    );
  }

  private setContext(key: string, value: unknown): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function nodeKey(node: ClusterNodeInfo): string {
  return node.uri ?? `missing:${node.label.toLowerCase()}`;
}

function decorationUri(node: ClusterNodeInfo): vscode.Uri {
  return vscode.Uri.from({ scheme: DECORATION_SCHEME, path: '/node', query: node.uri ?? node.label });
}

export function problemText(problems: ProblemCountsInfo): string {
  const parts: string[] = [];
  const add = (count: number, one: string, many: string) => count > 0 && parts.push(`${count} ${count === 1 ? one : many}`);
  add(problems.error, 'error', 'errors');
  add(problems.warning, 'warning', 'warnings');
  add(problems.information, 'info', 'infos');
  return parts.join(', ');
}

function clusterItem(element: ClusterElement): vscode.TreeItem {
  const { cluster } = element;
  const item = new vscode.TreeItem(cluster.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = element.id;
  const files = cluster.nodes.filter((node) => node.kind === 'file').length;
  const missing = cluster.nodes.length - files;
  item.description = [
    `${files} ${files === 1 ? 'node' : 'nodes'}`,
    missing > 0 ? `${missing} not in workspace` : undefined,
    problemText(cluster.problems) || undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
  item.tooltip = `Cluster ${cluster.label}: ${item.description}`;
  item.iconPath = new vscode.ThemeIcon('server-environment');
  item.contextValue = 'icewarpCluster';
  return item;
}

function nodeItem(element: NodeElement): vscode.TreeItem {
  const { node } = element;
  const missing = node.kind === 'missing';
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  const role = node.role === 'unknown' ? 'role unknown' : node.role;
  item.description = [role, missing ? 'not in workspace' : undefined, node.serverId ? `ID ${node.serverId.value}` : undefined, problemText(node.problems) || undefined]
    .filter((part) => part !== undefined)
    .join(' · ');
  item.iconPath = missing
    ? new vscode.ThemeIcon(MISSING_ICON, new vscode.ThemeColor('disabledForeground'))
    : new vscode.ThemeIcon(ROLE_ICONS[node.role], node.role === 'master' ? new vscode.ThemeColor('charts.yellow') : undefined);
  item.resourceUri = decorationUri(node);
  item.contextValue = missing ? 'icewarpNode.missing' : 'icewarpNode.file';
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${node.label} — ${role}${missing ? ', not in workspace' : ''}\n\n`);
  tooltip.appendText(roleExplanation(node));
  if (node.uri) tooltip.appendText(`\n\n${vscode.Uri.parse(node.uri).fsPath}`);
  const problems = problemText(node.problems);
  if (problems) tooltip.appendText(`\n\n${problems}`);
  item.tooltip = tooltip;
  const target = openTarget(node);
  if (target) item.command = openCommand(target.uri, target.line, missing ? `Open the line naming ${node.label}` : `Open ${node.label}`);
  return item;
}

function roleExplanation(node: ClusterNodeInfo): string {
  switch (node.roleEvidence) {
    case 'slave-flag':
      return `Line 14 says ${node.role}.`;
    case 'master-host':
      return 'Line 14 is invalid; its own hostname is the master host (line 15).';
    case 'slave-hosts':
      return 'Line 14 is invalid; its own hostname is in the slave list (line 16).';
    case 'named-as-master':
      return 'Named as the master host (line 15) by another node; no settings file of it in the workspace.';
    case 'named-as-slave':
      return 'Named in the slave list (line 16) by another node; no settings file of it in the workspace.';
    case 'none':
      return 'Line 14 is not 0 or 1, and lines 15/16 do not name this server.';
  }
}

/** A node opens its file; a missing host opens the first line that names it. */
function openTarget(node: ClusterNodeInfo): { uri: string; line?: number } | undefined {
  if (node.uri) return { uri: node.uri };
  const mention = node.namedBy?.[0];
  return mention ? { uri: mention.uri, line: mention.line } : undefined;
}

function openCommand(uri: string, line: number | undefined, title: string): vscode.Command {
  const options: vscode.TextDocumentShowOptions = line === undefined ? {} : { selection: new vscode.Range(line, 0, line, 0) };
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(uri), options] };
}

function detailsOf(element: NodeElement): DetailElement[] {
  const { node } = element;
  const details: DetailElement[] = [];
  const add = (key: string, label: string, description: string, tooltip: string, icon: string, uri: string, line: number) =>
    details.push({ kind: 'detail', id: `${element.id}|${key}`, label, description, tooltip, icon, uri, line, parent: element });
  if (!node.uri) {
    for (const mention of node.namedBy ?? []) {
      const file = vscode.workspace.asRelativePath(vscode.Uri.parse(mention.uri), true);
      add(`named:${mention.uri}:${mention.line}`, `Named in ${file}`, `line ${mention.line + 1}`, `${file}, line ${mention.line + 1}`, 'references', mention.uri, mention.line);
    }
    return details;
  }
  const uri = node.uri;
  const role = node.role === 'unknown' ? 'unknown' : node.role;
  add('role', 'Role', role, roleExplanation(node), 'person', uri, node.roleLine ?? 13);
  for (const detail of [node.serverId, node.hostname]) {
    if (detail) add(detail.field, detail.title, detail.value, `Line ${detail.line + 1}: ${detail.title}`, detail.field === 'serverId' ? 'symbol-key' : 'globe', uri, detail.line);
  }
  if (node.ipBinding) {
    const binding = node.ipBinding;
    const text = binding.outgoing.length > 0 ? `${binding.server.join(', ')} (outgoing ${binding.outgoing.join(', ')})` : binding.server.join(', ');
    add(binding.field, binding.title, text, `Line ${binding.line + 1}: ${binding.title} ${binding.value}`, 'plug', uri, binding.line);
  }
  for (const folder of node.sharedFolders) {
    add(folder.field, folder.title, `${folder.value} · ${folder.location}`, `Line ${folder.line + 1}: a folder every node shares; this one is ${folder.location}`, 'folder-library', uri, folder.line);
  }
  for (const folder of node.workingFolders) {
    add(folder.field, folder.title, `${folder.value} · ${folder.location}`, `Line ${folder.line + 1}: this server's own working folder; this one is ${folder.location}`, 'folder', uri, folder.line);
  }
  return details;
}

function detailItem(element: DetailElement): vscode.TreeItem {
  const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.description = element.description;
  item.tooltip = element.tooltip;
  item.iconPath = new vscode.ThemeIcon(element.icon);
  item.contextValue = 'icewarpDetail';
  item.command = openCommand(element.uri, element.line, `Open line ${element.line + 1}`);
  return item;
}

/** Registers the view, its badge provider and its commands; returns the provider for the test API. */
export function registerClusterView(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): ClusterTreeProvider {
  const provider = new ClusterTreeProvider(client, ready);
  const view = vscode.window.createTreeView(CLUSTER_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const nodeOf = (element: ClusterTreeElement | undefined): ClusterNodeInfo | undefined => (element?.kind === 'node' ? element.node : undefined);
  context.subscriptions.push(
    provider,
    view,
    vscode.window.registerFileDecorationProvider(provider),
    vscode.commands.registerCommand(CLUSTER_COMMANDS.refresh, () => provider.refresh()),
    vscode.commands.registerCommand(CLUSTER_COMMANDS.openFile, async (element?: ClusterTreeElement) => {
      const node = nodeOf(element);
      if (node?.uri) await vscode.window.showTextDocument(vscode.Uri.parse(node.uri));
    }),
    vscode.commands.registerCommand(CLUSTER_COMMANDS.copyHostname, async (element?: ClusterTreeElement) => {
      const node = nodeOf(element);
      if (node) await vscode.env.clipboard.writeText(node.hostname?.value ?? node.label);
    }),
    vscode.commands.registerCommand(CLUSTER_COMMANDS.revealInExplorer, async (element?: ClusterTreeElement) => {
      const node = nodeOf(element);
      if (node?.uri) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(node.uri));
    }),
  );
  void provider.revealIfWorkspaceHasNodeFiles();
  void provider.refresh();
  return provider;
}
