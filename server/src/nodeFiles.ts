// The Node host's file access: finds and reads path.cfg / path.dat files on disk for the
// workspace index.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { SKIPPED_FOLDERS } from '../../common/fileAccess';
import { type FileAccess, type FileRead, type FileStat, type NodeFileListing, isNodeFileName } from './host/fileAccess';

const SKIPPED = new Set(SKIPPED_FOLDERS);
/** Enough for any real config repository; keeps a stray home-folder workspace from walking forever. */
const MAX_FOLDERS = 20_000;
/** Folders listed at once while walking the workspace. */
const READDIR_BATCH = 64;

export const nodeFileAccess: FileAccess = { findNodeFiles, readNodeFile, stat };

/** Every node file under the folders (file: URIs only), as URIs in VS Code's own spelling. */
async function findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing> {
  const found: string[] = [];
  let visited = 0;
  const queue = folderUris.map((uri) => URI.parse(uri)).filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
  while (queue.length > 0 && visited < MAX_FOLDERS) {
    // A batch of folders at a time: one readdir after another leaves the disk idle between them
    // (1,000 node files in 1,200 folders: 120 ms one by one, bench/run.ts figure (d)).
    const batch = queue.splice(0, Math.min(READDIR_BATCH, MAX_FOLDERS - visited));
    visited += batch.length;
    const listings = await Promise.all(
      batch.map((folder) => fs.readdir(folder, { withFileTypes: true }).catch(() => [])), // unreadable or vanished: not ours to report
    );
    batch.forEach((folder, index) => {
      for (const entry of listings[index]) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !SKIPPED.has(entry.name)) queue.push(full);
        else if (entry.isFile() && isNodeFileName(entry.name)) found.push(URI.file(full).toString());
      }
    });
  }
  return { uris: found.sort() };
}

/** Reads a node file as VS Code would show it: UTF-8, BOM removed. */
async function readNodeFile(uri: string, maxSize: number): Promise<FileRead> {
  const fsPath = URI.parse(uri).fsPath;
  try {
    const stat = await fs.stat(fsPath);
    if (!stat.isFile()) return { kind: 'missing' };
    if (stat.size > maxSize) return { kind: 'too-large', size: stat.size };
    const text = await fs.readFile(fsPath, 'utf8');
    return { kind: 'text', text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { kind: 'missing' };
  }
}

async function stat(uri: string): Promise<FileStat | undefined> {
  try {
    const stats = await fs.stat(URI.parse(uri).fsPath);
    return { type: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size };
  } catch {
    return undefined;
  }
}
