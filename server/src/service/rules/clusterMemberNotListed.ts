import { t } from '../l10n';
import { NodeFile } from '../parse';
import { clusterEvidence } from '../evidence/evidence';
import { excerpt, nodeName } from '../mention';
import { appendHost } from './edits';
import { fixOffer } from './fix';
import { Rule } from './rule';

/**
 * A node is added to a cluster one file at a time: its own file lists it as a slave first, and
 * the older nodes do not list it yet. A node that names the cluster's master, shares its Config
 * folder and lists itself is such a working member (the cluster evidence decides), so the lists
 * that lack it are told "does not list ... yet", not the new node "odd one out". Taking a node
 * out one file at a time looks the same, so adding it is offered, never preferred.
 */
export const clusterMemberNotListed: Rule<'cluster-member-not-listed'> = {
  code: 'cluster-member-not-listed',
  scope: 'workspace',
  check({ node, workspace }) {
    if (workspace.peersOf(node).length === 0) return [];
    const line = node.field.slaveHosts;
    const evidence = clusterEvidence(node, workspace);
    return evidence
      .notListedBy(node)
      .map((missing) => ({
        range: line.value.range,
        message: t('{0} (line {1}) does not list {2} yet, which names the same master, shares the Config folder and lists itself as a slave: a node being added to the cluster (or taken out) one file at a time.', line.field.title, line.field.line, nodeName(missing.node)),
        related: evidence.slaveMentions(missing.node, missing).map((mention) => ({ uri: missing.node.uri, range: mention.piece.range, message: t('{0} lists itself here', nodeName(missing.node)) })),
        fixes: [addToSlaveList(node, missing.node)],
      }));
  },
};

/** Adds a node's hostname to this node's slave list (line 16): offered, never preferred (it may be on its way out). */
export function addToSlaveList(node: NodeFile, member: NodeFile) {
  const hostname = member.field.hostname.value.text;
  return fixOffer('slave-add-member', false, () => ({
    title: t('Add {0} to the slave hosts (line 16)', excerpt(hostname)),
    edits: appendHost(node, node.field.slaveHosts, node.slaveHosts, hostname),
  }));
}
