import { Rule } from './rule';
import { t } from '../l10n';
import { clusterEvidence } from '../evidence/evidence';
import { quote } from '../mention';

/**
 * A slave (line 14 is `1`) that names no master host (line 15) has no one to follow.
 * The finding sits on line 14's `1`: it is always present and visible, whereas line 15 is
 * empty (a zero-width squiggle that is hard to see) or, in a short file, not there at all.
 * The related location still points at line 15, where the fix goes. When the cluster evidence
 * knows the master the node's cluster names, the message names it.
 */
export const slaveWithoutMaster: Rule<'slave-without-master'> = {
  code: 'slave-without-master',
  scope: 'workspace',
  check({ node, workspace }) {
    const flag = node.field.slaveFlag;
    const master = node.field.masterHost;
    if (flag.value.text !== '1' || node.masterHosts.hosts.length > 0) return [];
    const clusterMaster = workspace.peersOf(node).length > 0 ? clusterEvidence(node, workspace).master?.node.field.hostname.value.text : undefined;
    return [
      {
        range: flag.value.range,
        message: clusterMaster
          ? t('{0} (line {1}) makes this server a slave, but {2} (line {3}) is empty: a slave needs the host name of the master it follows; the other nodes of its cluster follow {4}.', flag.field.title, flag.field.line, master.field.title, master.field.line, quote(clusterMaster))
          : t('{0} (line {1}) makes this server a slave, but {2} (line {3}) is empty: a slave needs the host name of the master it follows.', flag.field.title, flag.field.line, master.field.title, master.field.line),
        related: [{ uri: node.uri, range: master.value.range, message: t("Write the master's host name on line {0}", master.field.line) }],
      },
    ];
  },
};
