import { t } from '../l10n';
import { NodeFile } from '../parse';
import { clusterEvidence } from '../evidence/evidence';
import { excerpt, nodeName, nodeNames, quote } from '../mention';
import { setValue } from './edits';
import { fixOffer } from './fix';
import { Finding, Rule, relatedFor } from './rule';

/**
 * A typo in a node's own hostname (line 11): every other node that names the server on line 15
 * or 16 uses a name a typo away from it, which no node owns. The node is told, on line 11, with
 * the name the others use; the others get nothing (host-possible-typo leaves that name alone).
 * One node against one with nothing else to tell them apart: both are told, and no fix is preferred.
 * The fix changes the server's own identity, so an admin applies it: it is never preferred.
 */
export const hostnameContradicted: Rule<'hostname-contradicted'> = {
  code: 'hostname-contradicted',
  scope: 'workspace',
  check({ node, workspace }) {
    const own = node.field.hostname;
    if (!own.value.text || workspace.peersOf(node).length === 0) return [];
    const findings: Finding<'hostname-contradicted'>[] = [];
    for (const dispute of clusterEvidence(node, workspace).nameDisputesOf(node)) {
      if (dispute.blame !== 'hostname' && dispute.blame !== 'either') continue;
      // A name another node of the workspace answers to is that node's, not a spelling of this one.
      if (workspace.nodesSharing(node, `host:${dispute.key}`).length > 0) continue;
      const others = [...new Set(dispute.mentions.map((mention) => mention.by))].filter((by) => by !== node);
      if (others.length === 0) continue;
      const title = own.field.title;
      const name = quote(dispute.name);
      let message: string;
      if (dispute.blame === 'either') message = t('{0} (line {1}) is {2}, but the other node naming this server, {3}, calls it {4}; one of the two names is a typo, and nothing in the cluster tells which.', title, own.field.line, quote(own.value.text), nodeName(others[0]), name);
      else if (others.length === 1) message = t('{0} (line {1}) is {2}, but every other node calls this server {3}: {4} names it so on line 15 or 16. Line 11 must be the name the others reach it by.', title, own.field.line, quote(own.value.text), name, nodeName(others[0]));
      else message = t('{0} (line {1}) is {2}, but every other node calls this server {3}: {4} name it so on line 15 or 16. Line 11 must be the name the others reach it by.', title, own.field.line, quote(own.value.text), name, nodeNames(others));
      findings.push({
        range: own.value.range,
        message,
        // Every line 15/16 giving the name, the other nodes' first.
        ...relatedFor(
          [...dispute.mentions].sort((a, b) => Number(a.by === node) - Number(b.by === node)),
          (mention) => ({
            uri: mention.by.uri,
            range: mention.piece.range,
            message: mention.by === node ? t('This file calls this server {0} here too', name) : t('{0} calls this server {1} here', nodeName(mention.by), name),
          }),
        ),
        fixes: [useClusterName(node, dispute.name)],
      });
    }
    return findings;
  },
};

function useClusterName(node: NodeFile, name: string) {
  return fixOffer('hostname-use-cluster-name', false, () => ({
    title: t('Replace with {0}, the name the other nodes use', excerpt(name)),
    edits: setValue(node, node.field.hostname, name),
  }));
}
