// The rows of the "IceWarp Cluster" view: clusters, their nodes and each node's details, as
// TreeItems built from the server's model. Pure rendering: no requests, no state.
import * as vscode from 'vscode';
import type { ClusterSummary, ClusterNode } from '../../../common/protocol';
import { CONTEXT_VALUES } from './clusterIds';
import { decorationUri, problemText } from './clusterBadges';
import { locationName, roleName } from '../roleWords';

export interface ClusterElement {
  kind: 'cluster';
  id: string;
  cluster: ClusterSummary;
}

export interface NodeElement {
  kind: 'node';
  id: string;
  node: ClusterNode;
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

const ROLE_ICONS: Record<ClusterNode['role'], string> = { master: 'star-full', slave: 'server', unknown: 'question' };
const MISSING_ICON = 'debug-disconnect';
const NODE_CONTEXT: Record<ClusterNode['role'], string> = { master: CONTEXT_VALUES.master, slave: CONTEXT_VALUES.slave, unknown: CONTEXT_VALUES.unknownRole };

export function clusterElements(clusters: readonly ClusterSummary[]): ClusterElement[] {
  return clusters.map((cluster) => ({ kind: 'cluster', id: `cluster:${cluster.id}`, cluster }));
}

export function nodeElements(parent: ClusterElement): NodeElement[] {
  return parent.cluster.nodes.map((node) => ({ kind: 'node', id: `${parent.id}|${nodeKey(node)}`, node, parent }));
}

function nodeKey(node: ClusterNode): string {
  return node.uri ?? `missing:${node.label.toLowerCase()}`;
}

export function treeItemOf(element: ClusterTreeElement): vscode.TreeItem {
  if (element.kind === 'cluster') return clusterItem(element);
  if (element.kind === 'node') return nodeItem(element);
  return detailItem(element);
}

function clusterItem(element: ClusterElement): vscode.TreeItem {
  const { cluster } = element;
  const item = new vscode.TreeItem(cluster.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = element.id;
  const files = cluster.nodes.filter((node) => node.kind === 'file').length;
  const missing = cluster.nodes.length - files;
  item.description = [
    files === 1 ? vscode.l10n.t('{0} node', files) : vscode.l10n.t('{0} nodes', files),
    missing > 0 ? vscode.l10n.t('{0} not in workspace', missing) : undefined,
    problemText(cluster.problems) || undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
  item.tooltip = vscode.l10n.t('Cluster {0}: {1}', cluster.label, item.description);
  item.iconPath = new vscode.ThemeIcon('server-environment');
  item.contextValue = CONTEXT_VALUES.cluster;
  return item;
}

function nodeItem(element: NodeElement): vscode.TreeItem {
  const { node } = element;
  const missing = node.kind === 'missing';
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  // A standalone server on the shared Config folder is no second master of the cluster.
  const role = node.standalone ? vscode.l10n.t('standalone on the shared Config folder') : roleName(node.role);
  item.description = [role, missing ? vscode.l10n.t('not in workspace') : undefined, node.serverId ? vscode.l10n.t('ID {0}', node.serverId.value) : undefined, problemText(node.problems) || undefined]
    .filter((part) => part !== undefined)
    .join(' · ');
  item.iconPath = missing
    ? new vscode.ThemeIcon(MISSING_ICON, new vscode.ThemeColor('disabledForeground'))
    : node.standalone
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(ROLE_ICONS[node.role], node.role === 'master' ? new vscode.ThemeColor('charts.yellow') : undefined);
  item.resourceUri = decorationUri(node);
  item.contextValue = missing ? CONTEXT_VALUES.missing : NODE_CONTEXT[node.role];
  const tooltip = new vscode.MarkdownString();
  // Named as messages name it: the hostname and the file's path as far as it tells it apart.
  const named = `${node.label}${node.file && node.file !== node.label ? ` (${node.file})` : ''}`;
  tooltip.appendText(`${missing ? vscode.l10n.t('{0} — {1}, not in workspace', named, role) : `${named} — ${role}`}\n\n`);
  tooltip.appendText(
    node.standalone
      ? vscode.l10n.t(
          'Line 14 says master, with no master host and no slaves, but line 1 is the shared Config folder of this cluster: started, it would write the configuration as a second master. Copy the folder to local storage and point line 1 at the copy.',
        )
      : roleExplanation(node),
  );
  if (node.uri) tooltip.appendText(`\n\n${vscode.Uri.parse(node.uri).fsPath}`);
  const problems = problemText(node.problems);
  if (problems) tooltip.appendText(`\n\n${problems}`);
  item.tooltip = tooltip;
  const target = openTarget(node);
  if (target) item.command = openCommand(target.uri, target.line, missing ? vscode.l10n.t('Open the line naming {0}', node.label) : vscode.l10n.t('Open {0}', node.label));
  return item;
}

function roleExplanation(node: ClusterNode): string {
  switch (node.roleEvidence) {
    case 'slave-flag':
      return vscode.l10n.t('Line 14 says {0}.', roleName(node.role));
    case 'master-host':
      return vscode.l10n.t('Line 14 is invalid; its own hostname is the master host (line 15).');
    case 'slave-hosts':
      return vscode.l10n.t('Line 14 is invalid; its own hostname is in the slave list (line 16).');
    case 'named-as-master':
      return vscode.l10n.t('Named as the master host (line 15) by another node; no settings file of it in the workspace.');
    case 'named-as-slave':
      return vscode.l10n.t('Named in the slave list (line 16) by another node; no settings file of it in the workspace.');
    case 'none':
      return vscode.l10n.t('Line 14 is not 0 or 1, and lines 15/16 do not name this server.');
  }
}

/** A node opens its file; a missing host opens the first line that names it. */
function openTarget(node: ClusterNode): { uri: string; line?: number } | undefined {
  if (node.uri) return { uri: node.uri };
  const mention = node.namedBy?.[0];
  return mention ? { uri: mention.uri, line: mention.line } : undefined;
}

function openCommand(uri: string, line: number | undefined, title: string): vscode.Command {
  const options: vscode.TextDocumentShowOptions = line === undefined ? {} : { selection: new vscode.Range(line, 0, line, 0) };
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(uri), options] };
}

export function detailsOf(element: NodeElement): DetailElement[] {
  const { node } = element;
  const details: DetailElement[] = [];
  const add = (key: string, label: string, description: string, tooltip: string, icon: string, uri: string, line: number) =>
    details.push({ kind: 'detail', id: `${element.id}|${key}`, label, description, tooltip, icon, uri, line, parent: element });
  if (!node.uri) {
    for (const mention of node.namedBy ?? []) {
      const file = vscode.workspace.asRelativePath(vscode.Uri.parse(mention.uri), true);
      add(
        `named:${mention.uri}:${mention.line}`,
        vscode.l10n.t('Named in {0}', file),
        vscode.l10n.t('line {0}', mention.line + 1),
        vscode.l10n.t('{0}, line {1}', file, mention.line + 1),
        'references',
        mention.uri,
        mention.line,
      );
    }
    return details;
  }
  const uri = node.uri;
  const role = node.role === 'unknown' ? vscode.l10n.t('unknown') : roleName(node.role);
  add('role', vscode.l10n.t('Role'), role, roleExplanation(node), 'person', uri, node.roleLine ?? 13);
  for (const detail of [node.serverId, node.hostname]) {
    if (detail) add(detail.field, detail.title, detail.value, vscode.l10n.t('Line {0}: {1}', detail.line + 1, detail.title), detail.field === 'serverId' ? 'symbol-key' : 'globe', uri, detail.line);
  }
  if (node.ipBinding) {
    const binding = node.ipBinding;
    const text = binding.outgoing.length > 0 ? vscode.l10n.t('{0} (outgoing {1})', binding.server.join(', '), binding.outgoing.join(', ')) : binding.server.join(', ');
    add(binding.field, binding.title, text, vscode.l10n.t('Line {0}: {1} {2}', binding.line + 1, binding.title, binding.value), 'plug', uri, binding.line);
  }
  for (const folder of node.sharedFolders) {
    const location = locationName(folder.location);
    add(folder.field, folder.title, `${folder.value} · ${location}`, vscode.l10n.t('Line {0}: a folder every node shares; this one is {1}', folder.line + 1, location), 'folder-library', uri, folder.line);
  }
  for (const folder of node.workingFolders) {
    const location = locationName(folder.location);
    add(folder.field, folder.title, `${folder.value} · ${location}`, vscode.l10n.t("Line {0}: this server's own working folder; this one is {1}", folder.line + 1, location), 'folder', uri, folder.line);
  }
  return details;
}

function detailItem(element: DetailElement): vscode.TreeItem {
  const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.description = element.description;
  item.tooltip = element.tooltip;
  item.iconPath = new vscode.ThemeIcon(element.icon);
  item.contextValue = CONTEXT_VALUES.detail;
  item.command = openCommand(element.uri, element.line, vscode.l10n.t('Open line {0}', element.line + 1));
  return item;
}
