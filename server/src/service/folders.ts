// Whether a folder is this server's own or shared storage, decided here and nowhere else: the
// rules (shared-folder-local, shared-temp-folder), the identity index, the hover and the
// cluster view all ask this module, so they cannot disagree.
//
// Windows says it in the path: a UNC path is a share, a drive letter this server's disk. On
// Linux a share is a mount, which a path cannot prove; the telling sign is a working folder
// under the same mount as the folders the cluster shares (lines 1, 6, 7).
import { t } from './l10n';
import { FieldId, FieldSpec, fieldById } from './fields';
import { perNode } from './memo';
import { NodeFile } from './parse';
import { PathValue, parsePath, pathSegments } from './values/path';
import { excerpt } from './mention';

export type FolderLocation = 'local' | 'shared';

/** What the judgement rests on. */
export type FolderBasis = 'unc' | 'drive' | 'install-folder' | 'no-root' | 'mount' | 'own-disk';

export interface FolderJudgement {
  location: FolderLocation;
  basis: FolderBasis;
  /** Why, as a predicate after the folder's name: "lies inside this server's IceWarp install folder". */
  reason: string;
}

/** The install folder of a Linux server; POSIX paths under it are local. */
export const POSIX_INSTALL_FOLDER = '/opt/icewarp/';

/** Leading folders a working folder must share with a common folder to count as the same mount (`/mnt/icewarp/`). */
const MOUNT_DEPTH = 2;

const COMMON_FIELDS: readonly FieldId[] = ['configPath', 'spamPath', 'groupwarePath'];

/** The node's directory line, judged; undefined when the line is empty. */
export function judgeFolder(node: NodeFile, fieldId: FieldId): FolderJudgement | undefined {
  return judgements(node).get(fieldId);
}

/**
 * How `text` would be judged as this node's line `fieldId`: for a folder a fix proposes, before
 * it is written (a Linux folder is local or on a mount by this node's shared folders).
 */
export function judgeProposedFolder(node: NodeFile, fieldId: FieldId, text: string): FolderJudgement {
  return judge(node, fieldById(fieldId), parsePath({ text, range: node.field[fieldId].value.range }));
}

/** Lines 8, 9, 13 (the queues) and any folder named temp or tmp: folders each server keeps for itself. */
export function isWorkingFolder(field: FieldSpec, path: PathValue): boolean {
  return field.sharing === 'working' || isTempFolder(path);
}

export function isTempFolder(path: PathValue): boolean {
  const last = pathSegments(path).at(-1)?.toLowerCase();
  return last === 'temp' || last === 'tmp';
}

const judgements = perNode((node): Map<FieldId, FolderJudgement> => {
  const result = new Map<FieldId, FolderJudgement>();
  for (const [fieldId, path] of node.paths) result.set(fieldId, judge(node, fieldById(fieldId), path));
  return result;
});

function judge(node: NodeFile, field: FieldSpec, path: PathValue): FolderJudgement {
  switch (path.style) {
    case 'unc': {
      const unc = path.unc;
      if (!unc?.server || unc.prefix.text.length < 2) {
        return { location: 'local', basis: 'no-root', reason: t('has neither a drive letter nor a server, so it is a folder on the current drive of this server') };
      }
      const share = unc.share ? `\\\\${unc.server.text}\\${unc.share.text}` : `\\\\${unc.server.text}`;
      return { location: 'shared', basis: 'unc', reason: t('is a UNC path, on the network share {0}', excerpt(share)) };
    }
    case 'drive':
      if (isInWindowsInstallFolder(path)) return installFolder();
      return { location: 'local', basis: 'drive', reason: t('is on the local drive {0}, which other nodes cannot see', path.text.slice(0, 2).toUpperCase()) };
    case 'relative':
      return { location: 'local', basis: 'no-root', reason: t('is a relative path, which this server resolves against its own working folder') };
    case 'posix': {
      if (isInPosixInstallFolder(path)) return installFolder();
      if (field.sharing === 'common') {
        return { location: 'shared', basis: 'mount', reason: t('is a Linux path outside the install folder, taken for a mounted share') };
      }
      const mount = mountOf(node, path);
      if (mount) return { location: 'shared', basis: 'mount', reason: t('lies under {0}, the mount of the {1} (line {2})', excerpt(mount.folder), mount.field.title, mount.field.line) };
      return {
        location: 'local',
        basis: 'own-disk',
        reason: t("lies under no mount of the shared folders (lines 1, 6, 7), so it is taken for this server's own disk"),
      };
    }
  }
}

function installFolder(): FolderJudgement {
  return { location: 'local', basis: 'install-folder', reason: t("lies inside this server's IceWarp install folder") };
}

/** The shared folder (line 1, 6 or 7) whose mount `path` lies under, and that mount's folder. */
function mountOf(node: NodeFile, path: PathValue): { field: FieldSpec; folder: string } | undefined {
  const segments = pathSegments(path);
  for (const id of COMMON_FIELDS) {
    const common = node.paths.get(id);
    if (!common || common.style !== 'posix' || isInPosixInstallFolder(common)) continue;
    const commonSegments = pathSegments(common);
    let shared = 0;
    while (shared < segments.length && shared < commonSegments.length && segments[shared] === commonSegments[shared]) shared++;
    const inside = shared === commonSegments.length && commonSegments.length > 0;
    if (shared >= MOUNT_DEPTH || inside) return { field: fieldById(id), folder: `/${commonSegments.slice(0, Math.max(shared, 1)).join('/')}/` };
  }
  return undefined;
}

function isInPosixInstallFolder(path: PathValue): boolean {
  const install = pathSegments({ ...path, text: POSIX_INSTALL_FOLDER });
  const segments = pathSegments(path);
  return install.every((segment, index) => segments[index] === segment);
}

/** `...\Program Files[ (x86)]\IceWarp\...` and the Merak-era `...\Merak\...`. */
function isInWindowsInstallFolder(path: PathValue): boolean {
  const segments = pathSegments(path).map((segment) => segment.toLowerCase());
  if (segments.includes('merak')) return true;
  return segments.some((segment, index) => /^program files( \(x86\))?$/.test(segment) && segments[index + 1] === 'icewarp');
}
