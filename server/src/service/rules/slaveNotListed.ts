import { t } from '../l10n';
import { ClusterEvidence, clusterEvidence } from '../evidence/evidence';
import { nodeName, quote } from '../mention';
import { NodeFile } from '../parse';
import { addToSlaveList } from './clusterMemberNotListed';
import { Finding, Rule } from './rule';

/**
 * A slave (line 14 is 1) that names the cluster's master on line 15, but that no slave list
 * names, not even its own: the cluster does not count it. Told on the node and on the master's
 * slave list, each with a fix adding it there (not preferred: only the admin knows whether the
 * server is joining or was taken out). Once its own list names it, it is a member being rolled
 * out, and the other lists are told by cluster-member-not-listed.
 */
export const slaveNotListed: Rule<'slave-not-listed'> = {
  code: 'slave-not-listed',
  scope: 'workspace',
  check({ node, workspace }) {
    if (workspace.peersOf(node).length === 0) return [];
    const evidence = clusterEvidence(node, workspace);
    const findings: Finding<'slave-not-listed'>[] = [];
    if (evidence.isUnlistedSlave(node)) findings.push(onTheSlave(node, evidence));
    if (evidence.master?.node === node) {
      for (const slave of evidence.unlistedSlaves()) findings.push(onTheMaster(node, slave.node));
    }
    return findings;
  },
};

function masterName(evidence: ClusterEvidence): string {
  return evidence.master?.node.field.hostname.value.text || (evidence.masterKey ?? '');
}

function onTheSlave(node: NodeFile, evidence: ClusterEvidence): Finding<'slave-not-listed'> {
  const list = node.field.slaveHosts;
  const hostname = node.field.hostname;
  const master = evidence.master?.node;
  return {
    // On line 16 when it has hosts; an empty line 16 would be a squiggle too small to see.
    range: node.slaveHosts.hosts.length > 0 ? list.value.range : hostname.value.range,
    message: t('This server ({0}, line 11) is a slave (line 14) of {1}, but no slave list names it, not even its own (line 16): the cluster does not count it as a member. List it on line 16 of every node.', quote(hostname.value.text), quote(masterName(evidence))),
    ...(master ? { related: [{ uri: master.uri, range: master.field.slaveHosts.value.range, message: t('The master, {0}, does not list it here', nodeName(master)) }] } : {}),
    fixes: [addToSlaveList(node, node)],
  };
}

function onTheMaster(node: NodeFile, slave: NodeFile): Finding<'slave-not-listed'> {
  const list = node.field.slaveHosts;
  return {
    range: list.value.range,
    message: t('{0} (line {1}) does not name {2}, a slave of this master (its line 14 is 1 and its line 15 names this server) that no slave list names.', list.field.title, list.field.line, nodeName(slave)),
    related: [{ uri: slave.uri, range: slave.field.hostname.value.range, message: t('{0} says it is a slave of this master', nodeName(slave)) }],
    fixes: [addToSlaveList(node, slave)],
  };
}
