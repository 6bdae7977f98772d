import { t } from '../l10n';
import { FIELDS } from '../fields';
import { judgeFolder } from '../folders';
import { isInCluster } from '../parse';
import { Finding, Rule } from './rule';

const COMMON_FIELDS = FIELDS.filter((field) => field.sharing === 'common');

/**
 * In a cluster the common folders (line 1; lines 6, 7 when set) must be the same folder for
 * every node. A drive letter is this server's own disk (a drive mapped in a user session is
 * invisible to a service), and the install folder is this server's own copy. A UNC path is
 * not flagged even when it reaches another server's install folder: every node sees the same
 * folder through it, which is what "common" asks. Which is which, folders.ts decides.
 */
export const sharedFolderLocal: Rule<'shared-folder-local'> = {
  code: 'shared-folder-local',
  scope: 'file',
  check({ node }) {
    if (!isInCluster(node)) return [];
    const findings: Finding<'shared-folder-local'>[] = [];
    for (const field of COMMON_FIELDS) {
      const line = node.field[field.id];
      const path = node.paths.get(field.id);
      if (!path) {
        if (field.id === 'configPath') {
          findings.push({
            range: line.value.range,
            message: t("{0} (line {1}) is empty, so this node falls back to its own local config folder instead of the cluster's shared one; the nodes would run with different settings.", field.title, field.line),
          });
        }
        continue;
      }
      const judged = judgeFolder(node, field.id);
      // A relative path or one without a root is path-invalid's (or unc-malformed's) finding.
      if (judged?.basis !== 'install-folder' && judged?.basis !== 'drive') continue;
      findings.push({ range: path.range, message: t('{0} (line {1}) {2}, but in a cluster it must be a folder every node shares (a UNC path \\\\server\\share\\... on Windows, a mounted share on Linux).', field.title, field.line, judged.reason) });
    }
    return findings;
  },
};
