import { FieldLine, NodeFile } from '../parse';
import { HostList, hostKey } from '../values/hosts';
import { Finding, Rule } from './rule';
import { MAX_RELATED, clusterPeers, perNode } from './clusterPeers';
import { excerpt, listNames, nodeName, otherNodes, quote } from '../mention';

interface Membership {
  /** The host keys of the list, as a set. */
  keys: Set<string>;
  /** The sorted keys joined: equal strings mean equal sets. */
  signature: string;
}

function membership(list: HostList): Membership {
  const keys = new Set(list.hosts.map((host) => hostKey(host.text)));
  return { keys, signature: [...keys].sort().join(';') };
}

const masterOf = perNode((node) => membership(node.masterHosts));
const slavesOf = perNode((node) => membership(node.slaveHosts));

/**
 * Every node of a cluster names the same master (line 15) and the same slaves (line 16).
 * Lists compare as sets of host keys: order, case and a trailing dot do not matter.
 */
export const clusterMembershipMismatch: Rule<'cluster-membership-mismatch'> = {
  code: 'cluster-membership-mismatch',
  scope: 'workspace',
  check({ node, workspace }) {
    const peers = clusterPeers(node, workspace);
    if (peers.length === 0) return [];
    return [
      ...compareLine(node, peers, node.field.masterHost, (file) => file.masterHosts, masterOf, 'master'),
      ...compareLine(node, peers, node.field.slaveHosts, (file) => file.slaveHosts, slavesOf, 'slaves'),
    ];
  },
};

function compareLine(
  node: NodeFile,
  peers: NodeFile[],
  line: FieldLine,
  list: (file: NodeFile) => HostList,
  members: (file: NodeFile) => Membership,
  what: string,
): Finding<'cluster-membership-mismatch'>[] {
  const own = members(node);
  const differing = peers.filter((peer) => members(peer).signature !== own.signature);
  if (differing.length === 0) return [];
  const field = `${line.field.title} (line ${line.field.line})`;
  const here = own.keys.size === 0 ? 'is empty here' : `names ${describe(list(node))} here`;
  // One disagreeing version (the usual typo on one node): spell out the difference.
  // Several versions: the related locations show each.
  const versions = new Set(differing.map((peer) => members(peer).signature));
  const there =
    versions.size === 1
      ? `${differing.length === 1 ? nodeName(differing[0]) : otherNodes(differing.length) + ' of this cluster'} ${listText(list(differing[0]), differing.length > 1)}${difference(own.keys, members(differing[0]).keys)}`
      : `${otherNodes(differing.length)} of this cluster name other ${what} (see related locations)`;
  return [
    {
      range: line.value.range,
      message: `${field} ${here}, but ${there}; every node of a cluster must name the same ${what}.`,
      related: differing.slice(0, MAX_RELATED).map((peer) => ({
        uri: peer.uri,
        range: peer.field[line.field.id].value.range,
        message: `${nodeName(peer)} ${listText(list(peer))}`,
      })),
    },
  ];
}

function listText(list: HostList, plural = false): string {
  if (list.hosts.length === 0) return plural ? 'have this line empty' : 'has this line empty';
  return `${plural ? 'name' : 'names'} ${describe(list)}`;
}

function describe(list: HostList): string {
  return listNames(list.hosts.map((host) => quote(host.text)), 2);
}

/** ` (missing here: a; missing there: b)`, in host keys. */
function difference(own: Set<string>, theirs: Set<string>): string {
  const missingHere = [...theirs].filter((key) => !own.has(key));
  const missingThere = [...own].filter((key) => !theirs.has(key));
  const parts: string[] = [];
  if (missingHere.length > 0) parts.push(`missing here: ${listNames(missingHere.map((key) => excerpt(key)), 2)}`);
  if (missingThere.length > 0) parts.push(`missing there: ${listNames(missingThere.map((key) => excerpt(key)), 2)}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
