import { FieldLine, NodeFile } from '../parse';
import { hostKey } from '../values/hosts';
import { HostList } from '../values/hosts';
import { Finding, Rule } from './rule';
import { MAX_RELATED, clusterPeers } from './clusterPeers';
import { listNames, nodeLabel, otherNodes, quote } from './mention';

/**
 * Every node of a cluster names the same master (line 15) and the same slaves (line 16).
 * Lists compare as sets of host keys: order, case and a trailing dot do not matter.
 */
export const clusterMembershipMismatch: Rule = {
  code: 'cluster-membership-mismatch',
  scope: 'workspace',
  check({ node, workspace }) {
    const peers = clusterPeers(node, workspace);
    if (peers.length === 0) return [];
    return [
      ...compareLine(node, peers, node.fields[14], (file) => file.masterHosts),
      ...compareLine(node, peers, node.fields[15], (file) => file.slaveHosts),
    ];
  },
};

function compareLine(node: NodeFile, peers: NodeFile[], line: FieldLine, list: (file: NodeFile) => HostList): Finding[] {
  const own = hostSet(list(node));
  const differing = peers.filter((peer) => !sameSet(own, hostSet(list(peer))));
  if (differing.length === 0) return [];
  const what = `${line.field.title} (line ${line.field.line})`;
  const here = own.size === 0 ? 'is empty here' : `is ${describe(list(node))} here`;
  return [
    {
      range: line.value.range,
      message: `${what} ${here}, but ${otherNodes(differing.length)} of this cluster ${differing.length === 1 ? 'names' : 'name'} ${differenceSummary(own, differing.map((peer) => hostSet(list(peer))))}; every node of a cluster must name the same ${line.field.line === 15 ? 'master' : 'slaves'}.`,
      related: differing.slice(0, MAX_RELATED).map((peer) => {
        const theirs = list(peer);
        const peerLine = peer.fields[line.index];
        return {
          uri: peer.uri,
          range: peerLine.value.range,
          message: `${nodeLabel(peer)} has ${theirs.hosts.length === 0 ? 'this line empty' : describe(theirs)}`,
        };
      }),
    },
  ];
}

function hostSet(list: HostList): Set<string> {
  return new Set(list.hosts.map((host) => hostKey(host.text)));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a) if (!b.has(key)) return false;
  return true;
}

function describe(list: HostList): string {
  return listNames(list.hosts.map((host) => quote(host.text)));
}

/** What the others add or lack, so the user sees the difference rather than two long lists. */
function differenceSummary(own: Set<string>, others: Set<string>[]): string {
  const extra = new Set<string>();
  const missing = new Set<string>();
  for (const theirs of others) {
    for (const key of theirs) if (!own.has(key)) extra.add(key);
    for (const key of own) if (!theirs.has(key)) missing.add(key);
  }
  const parts: string[] = [];
  if (extra.size > 0) parts.push(`${listNames([...extra].map(quote))}, which this node does not`);
  if (missing.size > 0) parts.push(`${extra.size > 0 ? 'and lack' : 'a list without'} ${listNames([...missing].map(quote))}`);
  return parts.join(' ') || 'a different list';
}
