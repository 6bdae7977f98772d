import { FieldLine, NodeFile } from '../parse';
import { HostList } from '../values/hosts';
import { Finding, Rule, relatedFor } from './rule';
import { listNames, nodeName, nodeNames, quote } from '../mention';
import { share } from '../evidence/votes';
import { HostLine, Listed, MembershipVote, clusterEvidence } from '../evidence/evidence';
import { setValue } from './edits';
import { fixOffer } from './fix';
import { t } from '../l10n';

/**
 * Every node of a cluster names the same master (line 15) and the same slaves (line 16).
 * Lists compare as sets of host keys: order, case and a trailing dot do not matter. The
 * cluster evidence (evidence/evidence.ts) counts the versions and takes out what other evidence
 * explains: the master in a slave list (master-in-slave-list), a node being rolled out that
 * lists itself before the others list it (cluster-member-not-listed). The finding goes on the
 * nodes that differ from the cluster's majority, which it names with how many nodes hold it,
 * and offers the majority's value, preferred only when that changes no server in the list;
 * with no majority (two nodes, a tie), every side is flagged and names the others.
 */
export const clusterMembershipMismatch: Rule<'cluster-membership-mismatch'> = {
  code: 'cluster-membership-mismatch',
  scope: 'workspace',
  check({ node, workspace }) {
    if (workspace.peersOf(node).length === 0) return [];
    const evidence = clusterEvidence(node, workspace);
    return [
      ...compareLine(node, evidence.membershipVote(node, 'masterHost'), node.field.masterHost, 'masterHost'),
      ...compareLine(node, evidence.membershipVote(node, 'slaveHosts'), node.field.slaveHosts, 'slaveHosts'),
    ];
  },
};

function compareLine(node: NodeFile, result: MembershipVote | undefined, line: FieldLine, which: HostLine): Finding<'cluster-membership-mismatch'>[] {
  if (!result || result.majority === result.own) return [];
  const { own, majority, others, voters } = result;
  const list = (file: NodeFile): HostList => (which === 'masterHost' ? file.masterHosts : file.slaveHosts);
  const title = line.field.title;
  const at = line.field.line;
  // Against the majority, or with none, against the one other version when there is one.
  const reference = majority ?? (others.length === 1 ? others[0] : undefined);
  let message: string;
  if (!reference) message = t('{0} (line {1}) differs from {2} other nodes of this cluster, which do not agree among themselves either (see related information).', title, at, voters - own.nodes.length);
  else {
    const who = majority ? share(majority, voters) : nodeNames(reference.nodes);
    const plural = majority !== undefined || reference.nodes.length > 1;
    message =
      own.value.keys.size === 0
        ? plural
          ? t('{0} (line {1}) is empty, but {2} name {3}.', title, at, who, hosts(reference.value.list))
          : t('{0} (line {1}) is empty, but {2} names {3}.', title, at, who, hosts(reference.value.list))
        : difference(title, at, who, own.value, reference.value, plural);
    const rule = ` ${which === 'masterHost' ? t('Every node of a cluster must name the same master.') : t('Every node of a cluster must name the same slaves.')}`;
    if (message.length + rule.length <= 200) message += rule;
  }
  const differing = others.flatMap((version) => version.nodes);
  return [
    {
      range: line.value.range,
      message,
      ...relatedFor(differing, (peer) => ({
        uri: peer.uri,
        range: peer.field[line.field.id].value.range,
        message: listText(nodeName(peer), list(peer)),
      })),
      ...(result.clusterValue !== undefined ? { fixes: [useClusterValue(node, line, result.clusterValue, result.preferred)] } : {}),
    },
  ];
}

/** "Use the cluster's value": the majority's line, as its first node writes it (see `membershipVote`). */
function useClusterValue(node: NodeFile, line: FieldLine, value: string, isPreferred: boolean) {
  return fixOffer('cluster-use-majority', isPreferred, () => ({
    title: value ? t("Use the cluster's value: {0}", quote(value)) : t("Use the cluster's value: empty"),
    edits: setValue(node, node.field[line.field.id], value),
  }));
}

function listText(name: string, list: HostList): string {
  return list.hosts.length === 0 ? t('{0} has this line empty', name) : t('{0} names {1}', name, hosts(list));
}

function hosts(list: HostList): string {
  return listNames(list.hosts.map((host) => quote(host.text)), 2);
}

/** "differs from ..., which name "b" instead of "a"" / "also name "b"" / "do not name "a"", in host keys. */
function difference(title: string, at: number, who: string, own: Listed, theirs: Listed, plural: boolean): string {
  const missingHere = [...theirs.keys].filter((key) => !own.keys.has(key));
  const missingThere = [...own.keys].filter((key) => !theirs.keys.has(key));
  const names = (keys: string[]) => listNames(keys.map(quote), 2);
  if (missingHere.length > 0 && missingThere.length > 0)
    return plural
      ? t('{0} (line {1}) differs from {2}, which name {3} instead of {4}.', title, at, who, names(missingHere), names(missingThere))
      : t('{0} (line {1}) differs from {2}, which names {3} instead of {4}.', title, at, who, names(missingHere), names(missingThere));
  if (missingHere.length > 0)
    return plural ? t('{0} (line {1}) differs from {2}, which also name {3}.', title, at, who, names(missingHere)) : t('{0} (line {1}) differs from {2}, which also names {3}.', title, at, who, names(missingHere));
  return plural ? t('{0} (line {1}) differs from {2}, which do not name {3}.', title, at, who, names(missingThere)) : t('{0} (line {1}) differs from {2}, which does not name {3}.', title, at, who, names(missingThere));
}
