import { t } from '../l10n';
import { NodeFile } from '../parse';
import { clusterEvidence } from '../evidence/evidence';
import { excerpt, nodeName } from '../mention';
import { appendHost } from './edits';
import { fixOffer } from './fix';
import { Rule } from './rule';

/**
 * A node is added to a cluster one file at a time: its own file lists it as a slave first (or
 * the master's does), and the other nodes do not list it yet. A node that names the cluster's
 * master, shares its Config folder and is listed so is such a working member (the cluster
 * evidence decides), so the lists that lack it are told "does not list ... yet", not the new
 * node "odd one out". Taking a node out one file at a time looks the same, so adding it is
 * offered, never preferred.
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
      .map((missing) => {
        const master = evidence.master;
        // Where the node is listed already: its own list, else the master's.
        const listing = evidence.slaveMentions(missing.node, missing);
        const related =
          listing.length > 0
            ? listing.map((mention) => ({ uri: missing.node.uri, range: mention.piece.range, message: t('{0} lists itself here', nodeName(missing.node)) }))
            : master
              ? evidence.slaveMentions(master.node, missing).map((mention) => ({ uri: master.node.uri, range: mention.piece.range, message: t('The master, {0}, lists it here', nodeName(master.node)) }))
              : [];
        return {
          range: line.value.range,
          message:
            listing.length > 0
              ? t('{0} (line {1}) does not list {2} yet, which names the same master, shares the Config folder and lists itself as a slave: a node being added to the cluster (or taken out) one file at a time.', line.field.title, line.field.line, nodeName(missing.node))
              : t('{0} (line {1}) does not list {2} yet, which names the same master, shares the Config folder and is listed by the master: a node being added to the cluster (or taken out) one file at a time.', line.field.title, line.field.line, nodeName(missing.node)),
          related,
          fixes: [addToSlaveList(node, missing.node)],
        };
      });
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
