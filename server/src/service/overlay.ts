// The workspace as it would be with one node replaced: what a quick fix is tried against. It
// shadows the node instead of copying the workspace, and regroups only the clusters the node
// left or joins, so a trial costs the same in a workspace of five nodes or of a thousand.
import { Cluster, clusterKeys, groupClusters } from './cluster';
import { NodeFile } from './parse';
import { WorkspaceFacts, dependentsOf, identityKeys } from './workspace';
import { nameAs } from './mention';

export class WorkspaceOverlay implements WorkspaceFacts {
  private readonly guest: boolean;
  private regrouped: Map<string, Cluster> | undefined;

  constructor(
    private readonly base: WorkspaceFacts,
    private readonly node: NodeFile,
  ) {
    this.guest = base.isGuest(node.uri);
    // Messages of the trial name the node as the workspace names the version it replaces.
    nameAs(node, base.get(node.uri));
  }

  get(uri: string): NodeFile | undefined {
    return uri === this.node.uri ? this.node : this.base.get(uri);
  }

  isGuest(uri: string): boolean {
    return this.base.isGuest(uri);
  }

  all(): readonly NodeFile[] {
    const others = this.base.all().filter((other) => other.uri !== this.node.uri);
    return this.guest ? others : [...others, this.node];
  }

  peersOf(node: NodeFile): NodeFile[] {
    if (this.guest) {
      if (node.uri !== this.node.uri) return this.base.peersOf(node);
      // A draft is checked against every cluster its keys would join.
      const joined = new Set<NodeFile>();
      for (const key of clusterKeys(node)) for (const member of this.base.clusterHolding(key)) joined.add(member);
      return [...joined].filter((member) => member.uri !== node.uri);
    }
    const cluster = this.clusters().get(node.uri);
    if (cluster) return cluster.nodes.filter((other) => other.uri !== node.uri);
    return this.base.peersOf(node);
  }

  nodesSharing(node: NodeFile, key: string): NodeFile[] {
    const others = this.base.nodesSharing(node, key).filter((other) => other.uri !== this.node.uri);
    if (!this.guest && node.uri !== this.node.uri && identityKeys(this.node).includes(key)) others.push(this.node);
    return others;
  }

  clusterHolding(key: string): readonly NodeFile[] {
    if (this.guest) return this.base.clusterHolding(key);
    for (const cluster of new Set(this.clusters().values())) {
      if (cluster.nodes.some((member) => clusterKeys(member).includes(key))) return cluster.nodes;
    }
    const members = this.base.clusterHolding(key);
    // Held there only by the node's previous version: no cluster holds it now.
    return members.some((member) => member.uri === this.node.uri) ? [] : members;
  }

  dependents(uri: string): Set<string> {
    return dependentsOf(this, uri);
  }

  /** The regrouped clusters are this overlay's own objects (one evidence each per trial); every other is the base's. */
  clusterOf(uri: string): Cluster | undefined {
    if (this.guest) return uri === this.node.uri ? undefined : this.base.clusterOf?.(uri);
    return this.clusters().get(uri) ?? this.base.clusterOf?.(uri);
  }

  /**
   * The clusters that change: the one the replaced node was in (it may split) and every one the
   * new node's keys reach (they may merge), regrouped with the new node. Every other cluster
   * is the base's.
   */
  private clusters(): Map<string, Cluster> {
    if (this.regrouped) return this.regrouped;
    const members = new Map<string, NodeFile>();
    const previous = this.base.get(this.node.uri);
    if (previous) for (const peer of this.base.peersOf(previous)) members.set(peer.uri, peer);
    for (const key of clusterKeys(this.node)) for (const member of this.base.clusterHolding(key)) members.set(member.uri, member);
    members.set(this.node.uri, this.node);
    this.regrouped = new Map();
    for (const cluster of groupClusters([...members.values()])) for (const member of cluster.nodes) this.regrouped.set(member.uri, cluster);
    return this.regrouped;
  }
}
