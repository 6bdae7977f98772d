import { t } from '../l10n';
import { NodeFile } from '../parse';
import { PathValue, folderKey } from '../values/path';
import { workingFolders } from '../workspace';
import { judgeFolder } from '../folders';
import { Finding, Rule, relatedFor } from './rule';
import { localFolderFix } from './sharedTempFolder';
import { nodeName, otherNodesNamed, quote } from '../mention';

/**
 * Two nodes that use the same shared working folder (lines 8, 9, 13: a UNC share, or a Linux
 * mount, as folders.ts judges) take each other's queued messages. The single-file variant (a
 * working folder on shared storage at all) is a warning in sharedTempFolder.ts; this collision
 * raises the same code to an error. The `work:` keys of identityKeys() index exactly these
 * folders, so this asks nodesSharing, never every node.
 */
export const sharedTempFolderCollision: Rule<'shared-temp-folder'> = {
  code: 'shared-temp-folder',
  scope: 'workspace',
  check({ node, workspace }) {
    const findings: Finding<'shared-temp-folder'>[] = [];
    for (const { fieldId, path } of workingFolders(node)) {
      if (judgeFolder(node, fieldId)?.location !== 'shared') continue;
      const key = folderKey(path);
      const others = workspace.nodesSharing(node, `work:${key}`);
      if (others.length === 0) continue;
      const field = node.field[fieldId].field;
      const fix = localFolderFix(node, field, path, workspace);
      findings.push({
        range: path.range,
        severity: 'error',
        message: t(
          "{0} (line {1}) {2} is also used as a working folder by {3}; a service empties its working folders when it starts and each server takes queued messages from its own, so servers sharing one lose or steal each other's work. Give each server a local folder.",
          field.title,
          field.line,
          quote(path.text),
          otherNodesNamed(others),
        ),
        ...relatedFor(
          others.flatMap((other) => matchingWorkingFolders(other, key).map((match) => ({ other, match }))),
          ({ other, match }) => ({ uri: other.uri, range: match.range, message: t('{0} uses the same folder here', nodeName(other)) }),
        ),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
};

function matchingWorkingFolders(node: NodeFile, key: string): PathValue[] {
  return workingFolders(node)
    .filter(({ fieldId, path }) => judgeFolder(node, fieldId)?.location === 'shared' && folderKey(path) === key)
    .map(({ path }) => path);
}
