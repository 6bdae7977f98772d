import { t } from '../l10n';
import { DIRECTORY_FIELDS, FieldSpec } from '../fields';
import { NodeFile } from '../parse';
import { PathValue, folderKey } from '../values/path';
import { Finding, Rule } from './rule';
import { clusterPeers } from './clusterPeers';
import { perNode } from '../memo';
import { nodeName, nodeNames, quote } from '../mention';
import { Version, share, vote } from '../evidence/votes';
import { setValue } from './edits';
import { fixOffer } from './fix';

/** Lines that every node of a cluster must point at the same folder (lines 1, 6, 7). */
const COMMON_FIELDS = DIRECTORY_FIELDS.filter((field) => field.sharing === 'common');

/** Per common line: the style and folder key of the path it holds, or undefined when empty. */
const commonFolders = perNode((node) =>
  COMMON_FIELDS.map((field) => {
    const path = node.paths.get(field.id);
    return path ? { path, key: `${path.style}:${folderKey(path)}` } : undefined;
  }),
);

/**
 * Nodes of one cluster must point a common folder at the same place. Only paths of the same
 * style are compared: a Linux mount (`/mnt/icewarp/config`) and a UNC path or a mapped drive
 * can be the same share, which this file cannot tell. Empty lines are shared-folder-local's.
 * The finding goes on the nodes that differ from the cluster's majority and offers its folder;
 * with no majority (two nodes, a tie), every side is flagged and names the others.
 */
export const sharedFolderMismatch: Rule<'shared-folder-mismatch'> = {
  code: 'shared-folder-mismatch',
  scope: 'workspace',
  check({ node, workspace }) {
    const peers = clusterPeers(node, workspace);
    if (peers.length === 0) return [];
    const findings: Finding<'shared-folder-mismatch'>[] = [];
    const ownFolders = commonFolders(node);
    COMMON_FIELDS.forEach((field, fieldIndex) => {
      const style = ownFolders[fieldIndex]?.path.style;
      const result = vote<PathValue>(node, peers, (file) => {
        const folder = commonFolders(file)[fieldIndex];
        return folder && folder.path.style === style ? { key: folder.key, value: folder.path } : undefined;
      });
      if (!result || result.majority === result.own) return;
      const { own, majority, others, voters, clear } = result;
      const reference = majority ?? (others.length === 1 ? others[0] : undefined);
      const folder = quote(own.value.text);
      let message: string;
      if (!reference) message = t('{0} (line {1}) points at {2}, but {3} other nodes of this cluster use other folders, which do not agree among themselves either (see related information).', field.title, field.line, folder, voters - own.nodes.length);
      else {
        const who = majority ? share(majority, voters) : nodeNames(reference.nodes);
        const plural = majority !== undefined || reference.nodes.length > 1;
        message = plural ? t('{0} (line {1}) points at {2}, but {3} use {4}.', field.title, field.line, folder, who, quote(reference.value.text)) : t('{0} (line {1}) points at {2}, but {3} uses {4}.', field.title, field.line, folder, who, quote(reference.value.text));
        const rule = ` ${t('Every node must share the same {0} folder.', field.title.replace(/ path$/, ''))}`;
        if (message.length + rule.length <= 200) message += rule;
      }
      findings.push({
        range: own.value.range,
        message,
        related: others
          .flatMap((version) => version.nodes)
          .map((peer) => {
            // Every voter holds a folder on this line.
            const path = peer.paths.get(field.id) as PathValue;
            return { uri: peer.uri, range: path.range, message: t('{0} uses {1}', nodeName(peer), quote(path.text)) };
          }),
        ...(majority ? { fixes: [useClusterFolder(node, field, majority, clear)] } : {}),
      });
    });
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
