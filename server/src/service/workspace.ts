// The set of node files the service knows (open documents and files on disk), with the
// cross-node facts rules need. Each change updates the indexes by what the node added and
// removed: O(its cluster + the nodes sharing its identities), not O(nodes).
import { Cluster, clusterKeys, groupClusters } from './cluster';
import { NodeFile } from './parse';
import { perNode } from './memo';
import { FieldId } from './fields';
import { isShiftedField } from './lineShift';
import { judgeFolder } from './folders';
import { folderKey } from './values/path';
import { withoutTrailing } from './values/pieces';
import { hostKey, isIpAddress } from './values/hosts';
import { FileNames, nameAmong } from './mention';

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
  /**
   * The cluster of a node, where the facts keep clusters as objects: the same object for as long
   * as neither its membership nor any of its members changes, so what is derived from a cluster
   * can be kept with it (the cluster evidence).
   */
  clusterOf?(uri: string): Cluster | undefined;
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
  // A value read from the wrong line of a shifted file (lineShift.ts) is no identity of the node.
  const read = (id: FieldId) => !isShiftedField(node, id);
  const hostname = node.field.hostname.value.text;
  if (hostname && read('hostname')) keys.add(`host:${hostKey(hostname)}`);
  for (const half of read('ipBinding') ? node.ipBinding.halves : []) {
    for (const entry of half.entries) {
      const ip = entry.text.toLowerCase();
      if (isIpAddress(ip) && !UNSHARABLE_IPS.has(ip)) keys.add(`ip:${ip}`);
    }
  }
  const url = node.field.teamChatUrl.value.text;
  if (url && read('teamChatUrl')) keys.add(`url:${withoutTrailing(url, '/').toLowerCase()}`);
  for (const { fieldId, path } of workingFolders(node)) {
    if (read(fieldId) && judgeFolder(node, fieldId)?.location === 'shared') keys.add(`work:${folderKey(path)}`);
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

/** Sorted by URI, so that answers never depend on the order in which nodes arrived. */
function insertByUri(list: NodeFile[], node: NodeFile): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].uri < node.uri) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, node);
}

function addUnder(index: Map<string, NodeFile[]>, keys: readonly string[], node: NodeFile): void {
  for (const key of keys) {
    const list = index.get(key);
    if (list) insertByUri(list, node);
    else index.set(key, [node]);
  }
}

function removeUnder(index: Map<string, NodeFile[]>, keys: readonly string[], node: NodeFile): void {
  for (const key of keys) {
    const list = index.get(key);
    if (!list) continue;
    const at = list.indexOf(node);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) index.delete(key);
  }
}

/**
 * Kept up to date by each change rather than rebuilt: a change to one node costs its cluster
 * and the nodes sharing its keys, whatever the size of the workspace.
 */
export class Workspace implements WorkspaceFacts {
  private readonly nodes = new Map<string, NodeFile>();
  /** Drafts (untitled buffers): validated against the workspace, invisible to its nodes. */
  private readonly guests = new Map<string, NodeFile>();
  /** Identity key -> the nodes that hold it. */
  private readonly nodesByKey = new Map<string, NodeFile[]>();
  /** Cluster key -> the nodes that hold it (all of one cluster). */
  private readonly holdersByClusterKey = new Map<string, NodeFile[]>();
  private readonly clusterByUri = new Map<string, Cluster>();
  /** Every cluster, sorted by id: built when asked after a change. */
  private sortedClusters: Cluster[] | undefined;
  /** How messages name each node file: by the path suffix no other node file shares (mention.ts). */
  private readonly fileNames = new FileNames();

  set(node: NodeFile): void {
    this.guests.delete(node.uri);
    this.replace(this.nodes.get(node.uri), node);
  }

  /**
   * The files whose names (`nodeName`) changed since the last call, because a file that came
   * or went shared or freed part of their path: what names them must be republished.
   */
  takeRenamed(): string[] {
    return this.fileNames.takeRenamed();
  }

  /**
   * A draft that is not a file of the workspace yet: it gets cross-node findings about the
   * cluster it would join, but a template half filled in must not flag the real nodes.
   */
  setGuest(node: NodeFile): void {
    const previous = this.nodes.get(node.uri);
    if (previous) this.replace(previous, undefined);
    this.guests.set(node.uri, node);
    // Named among the files it would join, though it is none of them.
    nameAmong(node, this.fileNames);
  }

  delete(uri: string): boolean {
    const previous = this.nodes.get(uri);
    if (previous) this.replace(previous, undefined);
    return this.guests.delete(uri) || previous !== undefined;
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
    this.sortedClusters ??= [...new Set(this.clusterByUri.values())].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.sortedClusters;
  }

  clusterOf(uri: string): Cluster | undefined {
    return this.clusterByUri.get(uri);
  }

  peersOf(node: NodeFile): NodeFile[] {
    if (this.guests.has(node.uri)) return this.clustersAGuestJoins(node).flatMap((cluster) => cluster.nodes);
    const cluster = this.clusterOf(node.uri);
    return cluster ? cluster.nodes.filter((other) => other.uri !== node.uri) : [];
  }

  private clustersAGuestJoins(guest: NodeFile): Cluster[] {
    const joined = new Set<Cluster>();
    for (const key of clusterKeys(guest)) {
      const cluster = this.clusterWithKey(key);
      if (cluster) joined.add(cluster);
    }
    return [...joined];
  }

  nodesSharing(node: NodeFile, key: string): NodeFile[] {
    return (this.nodesByKey.get(key) ?? []).filter((other) => other.uri !== node.uri);
  }

  clusterHolding(key: string): readonly NodeFile[] {
    return this.clusterWithKey(key)?.nodes ?? [];
  }

  /** Ask before and after a change to know what to republish (see `dependentsOf`). */
  dependents(uri: string): Set<string> {
    return dependentsOf(this, uri);
  }

  private clusterWithKey(key: string): Cluster | undefined {
    const holder = this.holdersByClusterKey.get(key)?.[0];
    return holder && this.clusterByUri.get(holder.uri);
  }

  /**
   * Swaps one node (or adds or removes it) and regroups only the clusters that can change: the
   * one it was in (it may split) and every one its new keys reach (they may merge). Any other
   * cluster shares no key with either version of the node, so it stays as it was.
   */
  private replace(previous: NodeFile | undefined, next: NodeFile | undefined): void {
    const regrouped = new Map<string, NodeFile>();
    if (previous) {
      for (const member of this.clusterByUri.get(previous.uri)?.nodes ?? []) regrouped.set(member.uri, member);
      regrouped.delete(previous.uri);
      this.clusterByUri.delete(previous.uri);
      removeUnder(this.nodesByKey, identityKeys(previous), previous);
      removeUnder(this.holdersByClusterKey, clusterKeys(previous), previous);
      // A new version keeps the node's place in `all()`.
      if (!next) {
        this.nodes.delete(previous.uri);
        this.fileNames.remove(previous.uri);
      }
    }
    if (next) {
      if (!previous) this.fileNames.add(next.uri);
      nameAmong(next, this.fileNames);
      for (const key of clusterKeys(next)) {
        for (const holder of this.holdersByClusterKey.get(key) ?? []) {
          for (const member of this.clusterByUri.get(holder.uri)?.nodes ?? [holder]) regrouped.set(member.uri, member);
        }
      }
      regrouped.set(next.uri, next);
      this.nodes.set(next.uri, next);
      addUnder(this.nodesByKey, identityKeys(next), next);
      addUnder(this.holdersByClusterKey, clusterKeys(next), next);
    }
    for (const cluster of groupClusters([...regrouped.values()])) {
      for (const member of cluster.nodes) this.clusterByUri.set(member.uri, cluster);
    }
    this.sortedClusters = undefined;
  }
}
