// Workspace -> the cluster model the tree view shows: clusters, their nodes (files in the
// workspace and hosts only named by them), each node's role, identity, folders and problem
// counts. Protocol-free; the LSP feature only fills in the problem counts it published.
// Never carries a password: line 5 (remote logon) is not read here at all.
import { groupClusters } from './cluster';
import { FieldId, fieldById } from './fields';
import { NodeFile } from './parse';
import { roleOf } from './role';
import { judgeFolder } from './folders';
import { Severity } from './types';
import { PathValue } from './values/path';
import { hostKey } from './values/hosts';
import { fileLabel } from './mention';
import { evidenceOf } from './evidence/evidence';
import { t } from './l10n';

// The model's types are derived from the schemas the client checks the answer with, so they
// are written once (common/protocol.ts).
import type {
  ClusterModel,
  ClusterNode,
  FolderDetail,
  HostMention,
  NodeDetail,
  NodeRole,
  ProblemCounts,
} from '../../../common/protocol';

const SHARED_FOLDER_FIELDS: readonly FieldId[] = ['configPath', 'spamPath', 'groupwarePath'];
const WORKING_FOLDER_FIELDS: readonly FieldId[] = ['outgoingQueue', 'retryQueue', 'incomingQueue'];

export function emptyProblemCounts(): ProblemCounts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

export function countProblems(severities: Iterable<Severity>): ProblemCounts {
  const counts = emptyProblemCounts();
  for (const severity of severities) counts[severity]++;
  return counts;
}

/**
 * Builds the model of every cluster in the workspace. `problemsOf` gives a node's problem
 * counts (the adapter counts the diagnostics it last published).
 */
export function buildClusterModel(nodes: readonly NodeFile[], problemsOf: (uri: string) => ProblemCounts = emptyProblemCounts): ClusterModel {
  // A host is "not in workspace" only when no node file anywhere answers to it.
  const known = new Set<string>();
  for (const node of nodes) for (const name of namesOf(node)) known.add(name);
  return {
    clusters: groupClusters(nodes).map((cluster) => {
      // A standalone server on the cluster's shared Config folder is shown apart, not as a second master.
      const evidence = evidenceOf(cluster.nodes);
      const fileNodes = cluster.nodes.map((node) => fileNode(node, problemsOf(node.uri), evidence.isStandaloneOnSharedConfig(node)));
      const members = sortNodes([...fileNodes, ...missingHosts(cluster.nodes, known)]);
      return {
        id: cluster.id,
        label: clusterLabel(cluster.nodes, fileNodes),
        nodes: members,
        problems: sumProblems(fileNodes.map((node) => node.problems)),
      };
    }),
  };
}

function fileNode(node: NodeFile, problems: ProblemCounts, standalone: boolean): ClusterNode {
  const { role, evidence, line } = roleOf(node);
  const serverId = detail(node, 'serverId');
  const hostname = detail(node, 'hostname');
  const binding = detail(node, 'ipBinding');
  const halves = node.ipBinding.halves.map((half) => half.entries.map((entry) => entry.text).filter((text) => text.length > 0));
  return {
    kind: 'file',
    uri: node.uri,
    label: hostname?.value ?? fileLabel(node),
    file: fileLabel(node),
    role,
    roleEvidence: evidence,
    roleLine: line,
    ...(serverId ? { serverId } : {}),
    ...(hostname ? { hostname } : {}),
    ...(binding ? { ipBinding: { ...binding, server: halves[0] ?? [], outgoing: halves[1] ?? [] } } : {}),
    sharedFolders: folders(node, SHARED_FOLDER_FIELDS),
    workingFolders: folders(node, WORKING_FOLDER_FIELDS),
    problems,
    ...(standalone ? { standalone } : {}),
  };
}

function detail(node: NodeFile, id: FieldId): NodeDetail | undefined {
  const field = fieldById(id);
  const line = node.field[field.id];
  if (!line.value.text) return undefined;
  return { field: id, title: field.title, line: line.index, value: line.value.text };
}

function folders(node: NodeFile, ids: readonly FieldId[]): FolderDetail[] {
  const result: FolderDetail[] = [];
  for (const id of ids) {
    const path = node.paths.get(id);
    const judged = judgeFolder(node, id);
    const field = fieldById(id);
    if (path && judged) result.push({ field: id, title: field.title, line: field.line - 1, value: path.text, location: judged.location });
  }
  return result;
}

/** Keys under which a file node answers to a host name: its hostname and its bound IPs. */
function namesOf(node: NodeFile): Set<string> {
  const names = new Set<string>();
  const hostname = node.field.hostname.value.text;
  if (hostname) names.add(hostKey(hostname));
  for (const half of node.ipBinding.halves) for (const entry of half.entries) if (entry.text) names.add(hostKey(entry.text));
  return names;
}

/** Hosts named in line 15 or 16 of a member that no node file of the workspace answers to. */
function missingHosts(members: readonly NodeFile[], known: ReadonlySet<string>): ClusterNode[] {
  const missing = new Map<string, { label: string; asMaster: boolean; namedBy: HostMention[] }>();
  for (const node of members) {
    const mentions = [
      ...node.masterHosts.hosts.map((host) => ({ host, asMaster: true })),
      ...node.slaveHosts.hosts.map((host) => ({ host, asMaster: false })),
    ];
    for (const { host, asMaster } of mentions) {
      const key = hostKey(host.text);
      if (known.has(key)) continue;
      const entry = missing.get(key) ?? { label: host.text, asMaster: false, namedBy: [] };
      entry.asMaster ||= asMaster;
      if (!entry.namedBy.some((mention) => mention.uri === node.uri && mention.line === host.range.start.line)) {
        entry.namedBy.push({ uri: node.uri, line: host.range.start.line });
      }
      missing.set(key, entry);
    }
  }
  return [...missing.values()].map((entry) => ({
    kind: 'missing',
    label: entry.label,
    // Named as the master anywhere wins: the master line is what makes a server the master.
    role: entry.asMaster ? 'master' : 'slave',
    roleEvidence: entry.asMaster ? 'named-as-master' : 'named-as-slave',
    roleLine: entry.namedBy[0].line,
    sharedFolders: [],
    workingFolders: [],
    problems: emptyProblemCounts(),
    namedBy: entry.namedBy,
  }));
}

const ROLE_RANK: Record<NodeRole, number> = { master: 0, slave: 1, unknown: 2 };

function sortNodes(nodes: ClusterNode[]): ClusterNode[] {
  return nodes.sort(
    (a, b) =>
      Number(a.standalone === true) - Number(b.standalone === true) ||
      ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
      (a.kind === b.kind ? 0 : a.kind === 'file' ? -1 : 1) ||
      a.label.localeCompare(b.label) ||
      (a.uri ?? '').localeCompare(b.uri ?? ''),
  );
}

function clusterLabel(members: readonly NodeFile[], fileNodes: readonly ClusterNode[]): string {
  const votes = new Map<string, { text: string; count: number }>();
  for (const node of members) {
    const master = node.masterHosts.hosts[0];
    if (!master) continue;
    const key = hostKey(master.text);
    const vote = votes.get(key) ?? { text: master.text, count: 0 };
    vote.count++;
    votes.set(key, vote);
  }
  const named = [...votes.values()].sort((a, b) => b.count - a.count)[0];
  if (named) return named.text;
  const master = fileNodes.find((node) => node.role === 'master' && !node.standalone && node.hostname);
  if (master?.hostname) return master.hostname.value;
  const config = members.map((node) => node.paths.get('configPath')).find((path): path is PathValue => path !== undefined);
  if (config) return config.text;
  return fileNodes[0]?.label ?? t('cluster');
}

function sumProblems(list: readonly ProblemCounts[]): ProblemCounts {
  const total = emptyProblemCounts();
  for (const counts of list) {
    total.error += counts.error;
    total.warning += counts.warning;
    total.information += counts.information;
    total.hint += counts.hint;
  }
  return total;
}

