import { t } from '../l10n';
import { FIELDS, FieldSpec } from '../fields';
import { isWorkingFolder, judgeFolder } from '../folders';
import { NodeFile } from '../parse';
import { PathValue, folderKey } from '../values/path';
import type { WorkspaceFacts } from '../workspace';
import { localQueueFolder } from '../evidence/conventions';
import { replacePiece } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Finding, Rule } from './rule';
import { excerpt } from '../mention';

/**
 * The file variant of `shared-temp-folder`: a per-server working folder on shared storage (a
 * UNC share, or on Linux the mount of the shared folders; folders.ts decides). The queues
 * (lines 8, 9, 13) and any temp folder are this server's own: a service empties its temp
 * folder when it starts, and a shared queue is worked by several servers at once. Two nodes
 * that actually use the same queue are the workspace variant (sharedTempFolderCollision.ts, an
 * error on the same range); this warning stands back then, so the user sees one finding.
 */
export const sharedTempFolder: Rule<'shared-temp-folder'> = {
  code: 'shared-temp-folder',
  scope: 'workspace',
  check({ node, workspace }) {
    const findings: Finding<'shared-temp-folder'>[] = [];
    for (const field of FIELDS) {
      const path = node.paths.get(field.id);
      if (!path || !isWorkingFolder(field, path)) continue;
      const judged = judgeFolder(node, field.id);
      if (judged?.location !== 'shared') continue;
      const isQueue = field.sharing === 'working';
      // The same `work:` key identityKeys() gives the queues; a collision is reported as an error.
      if (isQueue && workspace.nodesSharing(node, `work:${folderKey(path)}`).length > 0) continue;
      const where = judged.basis === 'unc' ? t('lies on a UNC share') : judged.reason;
      const fix = localFolderFix(node, field, path, workspace);
      findings.push({
        range: path.range,
        message: isQueue
          ? t("{0} (line {1}) {2}, but is this server's own working folder: servers sharing it would pick up and lose each other’s messages in progress. Keep it on a local disk.", field.title, field.line, where)
          : t('{0} (line {1}) {2}, but is a temp folder, which each server keeps for itself: a service empties its temp folder when it starts, wiping other servers’ work in progress. Keep it on a local disk.', field.title, field.line, where),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
};

/**
 * A queue on shared storage goes back to a local folder: under line 8 for the retry queue, else
 * where this node's other queues or its peers' queues are kept locally, else the product default
 * (conventions.ts decides which).
 */
export function localFolderFix(node: NodeFile, field: FieldSpec, path: PathValue, workspace: WorkspaceFacts): FixOffer<'working-folder-local-default'> | undefined {
  if (field.sharing !== 'working') return undefined;
  // Written when asked for: publishing diagnostics never looks at the peers' layout.
  return fixOffer('working-folder-local-default', false, () => {
    const proposal = localQueueFolder(node, field, path, workspace.peersOf(node));
    if (!proposal) return undefined;
    const { text, basis } = proposal;
    const shown = excerpt(text);
    const title =
      basis === 'outgoing'
        ? t('Use the local outgoing queue + retry: {0}', shown)
        : basis === 'own'
          ? t("Use this server's own queue layout: {0}", shown)
          : basis === 'peers'
            ? t("Use the other nodes' local queue layout: {0}", shown)
            : t("Use this server's local default: {0}", shown);
    return { title, edits: [replacePiece(path, text)] };
  });
}
