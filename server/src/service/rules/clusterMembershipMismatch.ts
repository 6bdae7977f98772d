import { FieldLine, NodeFile } from '../parse';
import { HostList, hostKey } from '../values/hosts';
import { Finding, Rule } from './rule';
import { clusterPeers } from './clusterPeers';
import { perNode } from '../memo';
import { listNames, nodeName, nodeNames, quote } from '../mention';
import { Version, share, vote } from './clusterVotes';
import { setValue } from './edits';
import { fixOffer } from './fix';
import { t } from '../l10n';

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
 * Lists compare as sets of host keys: order, case and a trailing dot do not matter. The
 * finding goes on the nodes that differ from the cluster's majority, which it names with how
 * many nodes hold it, and offers the majority's value; with no majority (two nodes, a tie),
 * every side is flagged and names the others.
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

interface Listed {
  keys: Set<string>;
  /** The line's value as the node writes it. */
  text: string;
  list: HostList;
}

function compareLine(
  node: NodeFile,
  peers: NodeFile[],
  line: FieldLine,
  list: (file: NodeFile) => HostList,
  members: (file: NodeFile) => Membership,
  what: string,
): Finding<'cluster-membership-mismatch'>[] {
  const result = vote<Listed>(node, peers, (file) => ({
    key: members(file).signature,
    value: { keys: members(file).keys, text: file.field[line.field.id].value.text, list: list(file) },
  }));
  if (!result || result.majority === result.own) return [];
  const { own, majority, others, voters, clear } = result;
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
    const rule = ` ${what === 'master' ? t('Every node of a cluster must name the same master.') : t('Every node of a cluster must name the same slaves.')}`;
    if (message.length + rule.length <= 200) message += rule;
  }
  const differing = others.flatMap((version) => version.nodes);
  return [
    {
      range: line.value.range,
      message,
      related: differing.map((peer) => ({
        uri: peer.uri,
        range: peer.field[line.field.id].value.range,
        message: listText(nodeName(peer), list(peer)),
      })),
      ...(majority ? { fixes: [useClusterValue(node, line, majority, clear)] } : {}),
    },
  ];
}

/** "Use the cluster's value": the majority's line, as its first node writes it. */
function useClusterValue(node: NodeFile, line: FieldLine, majority: Version<Listed>, clear: boolean) {
  return fixOffer('cluster-use-majority', clear, () => ({
    title: majority.value.text ? t("Use the cluster's value: {0}", quote(majority.value.text)) : t("Use the cluster's value: empty"),
    edits: setValue(node, node.field[line.field.id], majority.value.text),
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
