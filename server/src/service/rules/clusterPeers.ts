// The peers cluster rules compare with. Grouping (cluster.ts) also joins a node that merely
// shares a config folder; the cluster rules speak only about nodes that are in a cluster in
// the catalog's sense (they name a master host or slave hosts).
import { NodeFile, isInCluster } from '../parse';
import type { WorkspaceFacts } from '../workspace';

/** The other cluster members of a node that is in a cluster itself; empty otherwise. */
export function clusterPeers(node: NodeFile, workspace: WorkspaceFacts): NodeFile[] {
  if (!isInCluster(node)) return [];
  return workspace.peersOf(node).filter(isInCluster);
}

/** At most this many related locations per finding: a 1,000-node cluster must not list 999. */
export const MAX_RELATED = 20;

/**
 * Caches what a rule derives from a node. A NodeFile is never changed after parsing (an edit
 * makes a new one), so a WeakMap keyed on it is always current and frees itself. Cluster
 * rules compare each node with all its peers; without this a large cluster would recompute
 * every peer's keys once per node.
 */
export function perNode<T>(derive: (node: NodeFile) => T): (node: NodeFile) => T {
  const cache = new WeakMap<NodeFile, T>();
  return (node) => {
    const cached = cache.get(node);
    if (cached !== undefined) return cached;
    const value = derive(node);
    cache.set(node, value);
    return value;
  };
}
