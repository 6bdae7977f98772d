// Nodes -> clusters. Two nodes belong to one cluster when they name the same master host or
// point at the same config folder; a node that shares neither is a cluster of its own.
import { NodeFile } from './parse';
import { perNode } from './memo';
import { isShiftedField } from './lineShift';
import { folderKey } from './values/path';
import { hostKey } from './values/hosts';

export interface Cluster {
  /** Stable for the same membership: the smallest member URI. */
  id: string;
  nodes: NodeFile[];
}

/** The keys that tie a node to others of its cluster. */
export const clusterKeys: (node: NodeFile) => readonly string[] = perNode(deriveClusterKeys);

function deriveClusterKeys(node: NodeFile): string[] {
  const keys: string[] = [];
  // A value read from the wrong line of a shifted file (lineShift.ts) ties the node to nothing.
  if (!isShiftedField(node, 'masterHost')) for (const host of node.masterHosts.hosts) keys.push(`master:${hostKey(host.text)}`);
  const config = node.paths.get('configPath');
  if (config && !isShiftedField(node, 'configPath')) keys.push(`config:${folderKey(config)}`);
  return keys;
}

export function groupClusters(nodes: readonly NodeFile[]): Cluster[] {
  const parent = nodes.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]];
      index = parent[index];
    }
    return index;
  };
  const firstWithKey = new Map<string, number>();
  nodes.forEach((node, index) => {
    for (const key of clusterKeys(node)) {
      const other = firstWithKey.get(key);
      if (other === undefined) firstWithKey.set(key, index);
      else parent[find(index)] = find(other);
    }
  });
  const groups = new Map<number, NodeFile[]>();
  nodes.forEach((node, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(node);
    else groups.set(root, [node]);
  });
  return [...groups.values()]
    .map((members) => {
      const sorted = [...members].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
      return { id: sorted[0].uri, nodes: sorted };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
