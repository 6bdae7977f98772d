// Who an operation acts on: the nodes of a node's cluster, and its one master. Every refusal
// says what is wrong and what to do, naming nodes by hostname and folder.
import { t } from '../l10n';
import { NodeFile, isInCluster } from '../parse';
import { WorkspaceFacts } from '../workspace';
import { listNames } from '../mention';
import { roleOf } from '../role';
import { nodeName, refuse } from './change';

export type Refusal = { ok: false; reason: string };

/** A saved node file of the workspace (an untitled draft is not a server of any cluster yet). */
export function savedNode(workspace: WorkspaceFacts, uri: string): NodeFile | Refusal {
  const node = workspace.get(uri);
  if (!node) return refuse(t('This file is not a path.cfg or path.dat the server knows: open a node file of the workspace.'));
  if (!workspace.all().includes(node)) return refuse(t('{0} is not saved in the workspace yet: save it as path.cfg or path.dat in a folder of its own first.', nodeName(node)));
  return node;
}

export function isRefusal<T>(value: T | Refusal): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/**
 * The node and the other nodes of its cluster that take part in it (they name a master host or
 * slave hosts), sorted by URI; refused when the node names neither.
 */
export function clusterMembers(node: NodeFile, workspace: WorkspaceFacts): NodeFile[] | Refusal {
  if (!isInCluster(node)) {
    return refuse(t('{0} is not in a cluster: it names no master host (line 15) and no slave hosts (line 16).', nodeName(node)));
  }
  return [node, ...workspace.peersOf(node).filter(isInCluster)].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** The one node of the cluster whose role is master; refused with none or several. */
export function masterOf(node: NodeFile, members: readonly NodeFile[]): NodeFile | Refusal {
  const masters = members.filter((member) => roleOf(member).role === 'master');
  if (masters.length === 1) return masters[0];
  if (masters.length === 0) {
    return refuse(t('The cluster of {0} has no master: none of its {1} node files says 0 on line 14 (Slave flag). Set line 14 to 0 on the master first.', nodeName(node), members.length));
  }
  return refuse(t('The cluster of {0} has {1} masters: {2} all say master on line 14 (Slave flag). A cluster has exactly one; set 1 on every slave first.', nodeName(node), masters.length, listNames(masters.map(nodeName))));
}
