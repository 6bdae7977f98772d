// Before a multi-file change is previewed: can every file it touches be written? VS Code would
// apply the edit in memory and fail at save, leaving part of a cluster changed; this refuses
// first, so nothing changes. Only files on this machine's disk can be checked.
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChangedFile } from '../../common/clusterOps';

/** Why a file of the change cannot be written, or undefined when all can. */
export async function unwritableFile(files: readonly ChangedFile[]): Promise<string | undefined> {
  for (const file of files) {
    const uri = vscode.Uri.parse(file.uri);
    if (uri.scheme !== 'file') continue;
    if (file.kind === 'create') {
      if (!(await writable(await nearestExisting(path.dirname(uri.fsPath))))) return `${file.label} cannot be created: its folder is not writable; nothing was changed.`;
    } else if ((await exists(uri.fsPath)) && !(await writable(uri.fsPath))) {
      return `${file.label} cannot be written (read-only); nothing was changed.`;
    }
  }
  return undefined;
}

/** Writable for this process, and not marked read-only (which a root process should respect too). */
async function writable(fsPath: string): Promise<boolean> {
  try {
    const stat = await fs.stat(fsPath);
    if ((stat.mode & 0o222) === 0) return false;
    await fs.access(fsPath, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function exists(fsPath: string): Promise<boolean> {
  try {
    await fs.stat(fsPath);
    return true;
  } catch {
    return false;
  }
}

async function nearestExisting(folder: string): Promise<string> {
  let current = folder;
  while (!(await exists(current))) {
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}
