import { t } from '../l10n';
import { DIRECTORY_FIELDS, FieldSpec } from '../fields';
import { NodeFile } from '../parse';
import { PathValue } from '../values/path';
import { Finding, Rule, relatedFor } from './rule';
import { nodeName, nodeNames, quote } from '../mention';
import { Version, share } from '../evidence/votes';
import { clusterEvidence } from '../evidence/evidence';
import { setValue } from './edits';
import { fixOffer } from './fix';

/** Lines that every node of a cluster must point at the same folder (lines 1, 6, 7). */
const COMMON_FIELDS = DIRECTORY_FIELDS.filter((field) => field.sharing === 'common');

/**
 * Nodes of one cluster must point a common folder at the same place. The cluster evidence
 * counts the folders once per cluster; only paths of the same style are compared: a Linux mount
 * (`/mnt/icewarp/config`) and a UNC path or a mapped drive can be the same share, which this file
 * cannot tell. Empty lines are shared-folder-local's. The finding goes on the nodes that differ
 * from the cluster's majority and offers its folder; with no majority (two nodes, a tie), every
 * side is flagged and names the others.
 */
export const sharedFolderMismatch: Rule<'shared-folder-mismatch'> = {
  code: 'shared-folder-mismatch',
  scope: 'workspace',
  check({ node, workspace }) {
    if (node.paths.size === 0 || workspace.peersOf(node).length === 0) return [];
    const evidence = clusterEvidence(node, workspace);
    const findings: Finding<'shared-folder-mismatch'>[] = [];
    for (const field of COMMON_FIELDS) {
      const result = evidence.folderVote(node, field);
      if (!result || result.majority === result.own) continue;
      const { majority, others, voters, clear } = result;
      // This node's own path: the version's value is written by its first node, maybe another.
      const ownPath = node.paths.get(field.id) as PathValue;
      const reference = majority ?? (others.length === 1 ? others[0] : undefined);
      const folder = quote(ownPath.text);
      let message: string;
      if (!reference) message = t('{0} (line {1}) points at {2}, but {3} other nodes of this cluster use other folders, which do not agree among themselves either (see related information).', field.title, field.line, folder, voters - result.own.nodes.length);
      else {
        const who = majority ? share(majority, voters) : nodeNames(reference.nodes);
        const plural = majority !== undefined || reference.nodes.length > 1;
        message = plural ? t('{0} (line {1}) points at {2}, but {3} use {4}.', field.title, field.line, folder, who, quote(reference.value.text)) : t('{0} (line {1}) points at {2}, but {3} uses {4}.', field.title, field.line, folder, who, quote(reference.value.text));
        const rule = ` ${t('Every node must share the same {0} folder.', field.title.replace(/ path$/, ''))}`;
        if (message.length + rule.length <= 200) message += rule;
      }
      findings.push({
        range: ownPath.range,
        message,
        ...relatedFor(
          others.flatMap((version) => version.nodes),
          (peer) => {
            // Every voter holds a folder on this line.
            const path = peer.paths.get(field.id) as PathValue;
            return { uri: peer.uri, range: path.range, message: t('{0} uses {1}', nodeName(peer), quote(path.text)) };
          },
        ),
        ...(majority ? { fixes: [useClusterFolder(node, field, majority, clear)] } : {}),
      });
    }
    return findings;
  },
};

/** "Use the cluster's value": the majority's folder, as its first node writes it. */
function useClusterFolder(node: NodeFile, field: FieldSpec, majority: Version<PathValue>, clear: boolean) {
  return fixOffer('cluster-use-majority', clear, () => ({
    title: t("Use the cluster's value: {0}", quote(majority.value.text)),
    edits: setValue(node, node.field[field.id], majority.value.text),
  }));
}
