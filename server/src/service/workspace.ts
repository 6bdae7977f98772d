// The set of node files the service knows (open documents and files on disk), with the
// cross-node facts rules need. Indexes are rebuilt lazily after a change: O(nodes).
import { Cluster, clusterKeys, groupClusters } from './cluster';
import { NodeFile } from './parse';
import { perNode } from './memo';
import { judgeFolder } from './folders';
import { folderKey } from './values/path';
import { withoutTrailing } from './values/pieces';
import { hostKey, isIpAddress } from './values/hosts';

/** What a workspace rule may ask about other nodes. */
export interface WorkspaceFacts {
  /** The other nodes of this node's cluster. */
  peersOf(node: NodeFile): NodeFile[];
  /** The other nodes that hold the same identity key (see `identityKeys`). */
  nodesSharing(node: NodeFile, key: string): NodeFile[];
  /** Every node, this one included. */
  all(): readonly NodeFile[];
  /** The node (or draft) with this URI. */
  get(uri: string): NodeFile | undefined;
  /** Is this URI a draft (an untitled buffer): checked against the workspace, invisible to its nodes? */
  isGuest(uri: string): boolean;
  /** Every member of the cluster that holds this cluster key (see `clusterKeys`); empty when none does. */
  clusterHolding(key: string): readonly NodeFile[];
  /** The nodes whose diagnostics depend on this one, itself included. */
  dependents(uri: string): Set<string>;
}

/**
 * The nodes whose diagnostics depend on this one: its cluster and every node sharing an
 * identity key with it. A draft is invisible to the others, so only it depends on itself.
 */
export function dependentsOf(workspace: WorkspaceFacts, uri: string): Set<string> {
  const result = new Set<string>([uri]);
  const node = workspace.get(uri);
  if (!node || workspace.isGuest(uri)) return result;
  for (const peer of workspace.peersOf(node)) result.add(peer.uri);
  for (const key of identityKeys(node)) for (const other of workspace.nodesSharing(node, key)) result.add(other.uri);
  return result;
}

const UNSHARABLE_IPS = new Set(['127.0.0.1', '::1', '0.0.0.0', '::']);

/**
 * Keys that two nodes must never share: hostname, bound IPs, TeamChat URL, and working folders
 * on shared storage (folders.ts). Each key says what it is before the colon.
 */
export const identityKeys: (node: NodeFile) => readonly string[] = perNode(deriveIdentityKeys);

function deriveIdentityKeys(node: NodeFile): string[] {
  const keys = new Set<string>();
  const hostname = node.field.hostname.value.text;
  if (hostname) keys.add(`host:${hostKey(hostname)}`);
  for (const half of node.ipBinding.halves) {
    for (const entry of half.entries) {
      const ip = entry.text.toLowerCase();
      if (isIpAddress(ip) && !UNSHARABLE_IPS.has(ip)) keys.add(`ip:${ip}`);
    }
  }
  const url = node.field.teamChatUrl.value.text;
  if (url) keys.add(`url:${withoutTrailing(url, '/').toLowerCase()}`);
  for (const { fieldId, path } of workingFolders(node)) {
    if (judgeFolder(node, fieldId)?.location === 'shared') keys.add(`work:${folderKey(path)}`);
  }
  return [...keys];
}

/** Lines 8, 9, 13: this server's own queues. */
export function workingFolders(node: NodeFile) {
  const result = [];
  for (const id of ['outgoingQueue', 'retryQueue', 'incomingQueue'] as const) {
    const path = node.paths.get(id);
    if (path) result.push({ fieldId: id, path });
  }
  return result;
}

interface Indexes {
  clusters: Cluster[];
  clusterByUri: Map<string, Cluster>;
  clusterByKey: Map<string, Cluster>;
  nodesByKey: Map<string, NodeFile[]>;
}

export class Workspace implements WorkspaceFacts {
  private readonly nodes = new Map<string, NodeFile>();
  /** Drafts (untitled buffers): validated against the workspace, invisible to its nodes. */
  private readonly guests = new Map<string, NodeFile>();
  private indexes: Indexes | undefined;

  set(node: NodeFile): void {
    this.guests.delete(node.uri);
    this.nodes.set(node.uri, node);
    this.indexes = undefined;
  }

  /**
   * A draft that is not a file of the workspace yet: it gets cross-node findings about the
   * cluster it would join, but a template half filled in must not flag the real nodes.
   */
  setGuest(node: NodeFile): void {
    if (this.nodes.delete(node.uri)) this.indexes = undefined;
    this.guests.set(node.uri, node);
  }

  delete(uri: string): boolean {
    const existed = this.nodes.delete(uri);
    if (existed) this.indexes = undefined;
    return this.guests.delete(uri) || existed;
  }

  get(uri: string): NodeFile | undefined {
    return this.nodes.get(uri) ?? this.guests.get(uri);
  }

  has(uri: string): boolean {
    return this.nodes.has(uri) || this.guests.has(uri);
  }

  isGuest(uri: string): boolean {
    return this.guests.has(uri);
  }

  all(): readonly NodeFile[] {
    return [...this.nodes.values()];
  }

  clusters(): Cluster[] {
    return this.index().clusters;
  }

  clusterOf(uri: string): Cluster | undefined {
    return this.index().clusterByUri.get(uri);
  }

  peersOf(node: NodeFile): NodeFile[] {
    if (this.guests.has(node.uri)) return this.clustersAGuestJoins(node).flatMap((cluster) => cluster.nodes);
    const cluster = this.clusterOf(node.uri);
    return cluster ? cluster.nodes.filter((other) => other.uri !== node.uri) : [];
  }

  private clustersAGuestJoins(guest: NodeFile): Cluster[] {
    const { clusterByKey } = this.index();
    const joined = new Set<Cluster>();
    for (const key of clusterKeys(guest)) {
      const cluster = clusterByKey.get(key);
      if (cluster) joined.add(cluster);
    }
    return [...joined];
  }

  nodesSharing(node: NodeFile, key: string): NodeFile[] {
    return (this.index().nodesByKey.get(key) ?? []).filter((other) => other.uri !== node.uri);
  }

  clusterHolding(key: string): readonly NodeFile[] {
    return this.index().clusterByKey.get(key)?.nodes ?? [];
  }

  /** Ask before and after a change to know what to republish (see `dependentsOf`). */
  dependents(uri: string): Set<string> {
    return dependentsOf(this, uri);
  }

  private index(): Indexes {
    if (this.indexes) return this.indexes;
    const nodes = this.all();
    const clusters = groupClusters(nodes);
    const clusterByUri = new Map<string, Cluster>();
    const clusterByKey = new Map<string, Cluster>();
    for (const cluster of clusters) {
      for (const node of cluster.nodes) {
        clusterByUri.set(node.uri, cluster);
        for (const key of clusterKeys(node)) clusterByKey.set(key, cluster);
      }
    }
    const nodesByKey = new Map<string, NodeFile[]>();
    for (const node of nodes) {
      for (const key of identityKeys(node)) {
        const list = nodesByKey.get(key);
        if (list) list.push(node);
        else nodesByKey.set(key, [node]);
      }
    }
    this.indexes = { clusters, clusterByUri, clusterByKey, nodesByKey };
    return this.indexes;
  }
}
