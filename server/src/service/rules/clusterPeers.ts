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
