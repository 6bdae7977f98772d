// Before a multi-file change is previewed: can every file it touches be written? VS Code would
// apply the edit in memory and fail at save, leaving part of a cluster changed; this refuses
// first, so nothing changes. How a file is checked is the host's: the Node host asks the disk
// for local files (../extensionHosts/nodeClient.ts); everywhere else VS Code's file system API answers, which
// knows read-only file systems and files their provider marks read-only, but not the operating
// system's permissions of a file on a remote disk (that one fails at save).
import * as vscode from 'vscode';
import type { ChangedFile } from '../../../common/clusterRequests';

/** What is at a URI, for writing. */
export type WriteAccess = 'writable' | 'read-only' | 'missing';
export type WriteAccessCheck = (uri: vscode.Uri) => Promise<WriteAccess>;

/** Why a file of the change cannot be written, or undefined when all can. */
export async function unwritableFile(files: readonly ChangedFile[], access: WriteAccessCheck = workspaceWriteAccess): Promise<string | undefined> {
  for (const file of files) {
    const uri = vscode.Uri.parse(file.uri);
    if (file.kind === 'create') {
      if ((await access(await nearestExisting(parentOf(uri), access))) === 'read-only') return vscode.l10n.t('{0} cannot be created: its folder is not writable; nothing was changed.', file.label);
    } else if ((await access(uri)) === 'read-only') {
      return vscode.l10n.t('{0} cannot be written (read-only); nothing was changed.', file.label);
    }
  }
  return undefined;
}

/** Through vscode.workspace.fs, for any scheme. */
export async function workspaceWriteAccess(uri: vscode.Uri): Promise<WriteAccess> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return 'missing';
  }
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return 'read-only';
  return (stat.permissions ?? 0) & vscode.FilePermission.Readonly ? 'read-only' : 'writable';
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

async function nearestExisting(folder: vscode.Uri, access: WriteAccessCheck): Promise<vscode.Uri> {
  let current = folder;
  while ((await access(current)) === 'missing') {
    const parent = parentOf(current);
    if (parent.path === current.path) return current;
    current = parent;
  }
  return current;
}
