// Node files on the disk: the one walk that finds them and the one read that opens them, for the
// Node host's workspace index and for the command line (cli/src), so both see the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { MAX_READABLE_FILE_SIZE, MAX_WALKED_FOLDERS, SKIPPED_FOLDERS } from '../../../common/fileRequests';
import { forFs, hasRawBytes, pathFromBytes, showPath } from './diskPaths';
// The command line reaches the disk through this file only: the paths it walks come with their helpers.
export { encodePathBytes, forFs, hasRawBytes, pathFromBytes, showPath } from './diskPaths';
import { type FileAccess, type FileRead, type FileStat, type NodeFileListing, isNodeFileName } from './files';

const SKIPPED = new Set(SKIPPED_FOLDERS);
/** Folders listed at once while walking the workspace. */
const READDIR_BATCH = 64;

export const nodeFileAccess: FileAccess = { findNodeFiles, readNodeFile, stat };

/** An entry with a node file's name that is no regular file (and no link to one): never read. */
export interface OddEntry {
  /** Absolute path. */
  path: string;
  /** What it is, e.g. "a FIFO (named pipe)", "a symbolic link to a folder". */
  kind: string;
}

export interface DiskWalk {
  /** Absolute paths of the node files found (regular files, and links to regular files), sorted. */
  files: string[];
  /** Node-file names that are no regular file: FIFOs, sockets, devices, links to anything else. */
  oddEntries: OddEntry[];
  /** Every folder listed, and those of them that hold a `.vscode` folder. */
  listedFolders: { all: Set<string>; withVscode: Set<string> };
  /** Set when the walk stopped at MAX_WALKED_FOLDERS with folders left to list. */
  stoppedAt?: number;
  /**
   * Folders whose node files were not looked for: those that could not be listed (permissions,
   * I/O), and with `byteNames: 'skip'` those whose name is not valid UTF-8. Sorted by path.
   */
  unlistedFolders: UnlistedWalkFolder[];
}

export interface UnlistedWalkFolder {
  /** Absolute path; a name that is not valid UTF-8 keeps its bytes (./diskPaths.ts). */
  path: string;
  reason: string;
}

export interface WalkOptions {
  /** Folders listed at most. */
  maxFolders?: number;
  /**
   * A folder whose name is not valid UTF-8: walked by its bytes (the command line, which reads
   * files by path), or named as skipped (the editor, which names files by URI and cannot open it).
   */
  byteNames?: 'walk' | 'skip';
}

/** Why the editor skips a folder whose name is not valid UTF-8. */
export const NOT_UTF8_REASON = 'its name is not valid UTF-8, and VS Code cannot open files by such a name';

/**
 * Every node file under the roots (absolute folder paths), breadth first, skipping
 * SKIPPED_FOLDERS, listing at most MAX_WALKED_FOLDERS folders. Links to files are followed (a
 * node file kept elsewhere and linked in is a node); links to folders are not, so no loop.
 */
export async function walkNodeFiles(roots: readonly string[], options: WalkOptions = {}): Promise<DiskWalk> {
  const maxFolders = options.maxFolders ?? MAX_WALKED_FOLDERS;
  const files: string[] = [];
  const unlistedFolders: UnlistedWalkFolder[] = [];
  const links: string[] = [];
  const oddEntries: OddEntry[] = [];
  const all = new Set<string>();
  const withVscode = new Set<string>();
  const queue = [...new Set(roots)];
  const queued = new Set(queue); // a root inside another root is listed once
  let next = 0;
  while (next < queue.length && all.size < maxFolders) {
    // A batch of folders at a time: one readdir after another leaves the disk idle between them
    // (1,000 node files in 1,200 folders: 120 ms one by one, bench/run.ts figure (d)).
    const batch = queue.slice(next, next + Math.min(READDIR_BATCH, maxFolders - all.size));
    next += batch.length;
    const listings = await Promise.all(batch.map(listFolder));
    batch.forEach((folder, index) => {
      const listing = listings[index];
      if ('error' in listing) {
        // Gone since its parent was listed: nothing left unchecked. Anything else is named.
        if (!GONE.has(listing.error)) unlistedFolders.push({ path: folder, reason: `could not be listed: ${describeFsError({ code: listing.error })}` });
        return;
      }
      const entries = listing.entries;
      all.add(folder);
      for (const entry of entries) {
        if (entry.type.isDirectory()) {
          if (entry.name === '.vscode') withVscode.add(folder);
          const child = path.join(folder, entry.name);
          if (SKIPPED.has(entry.name) || queued.has(child)) continue;
          queued.add(child);
          if (options.byteNames !== 'walk' && hasRawBytes(entry.name)) unlistedFolders.push({ path: child, reason: NOT_UTF8_REASON });
          else queue.push(child);
        } else if (isNodeFileName(entry.name)) {
          const full = path.join(folder, entry.name);
          if (entry.type.isFile()) files.push(full);
          else if (entry.type.isSymbolicLink()) links.push(full);
          else oddEntries.push({ path: full, kind: kindOfEntry(entry.type) });
        }
      }
    });
  }
  // A link counts as what it leads to (stat follows it; a loop or a dangling link throws).
  await Promise.all(
    links.map(async (link) => {
      try {
        const target = await fs.promises.stat(forFs(link));
        if (target.isFile()) files.push(link);
        else oddEntries.push({ path: link, kind: `a symbolic link to ${kindOfStats(target)}` });
      } catch (error) {
        oddEntries.push({ path: link, kind: `a symbolic link that leads nowhere (${describeFsError(error)})` });
      }
    }),
  );
  oddEntries.sort((a, b) => compare(a.path, b.path));
  unlistedFolders.sort((a, b) => compare(a.path, b.path));
  return {
    files: [...new Set(files)].sort(compare),
    oddEntries,
    listedFolders: { all, withVscode },
    unlistedFolders,
    ...(next < queue.length ? { stoppedAt: maxFolders } : {}),
  };
}

/** Errors of a folder that vanished (or became a file) after its parent was listed. */
const GONE = new Set(['ENOENT', 'ENOTDIR']);

/** A folder entry: its name as ./diskPaths.ts keeps it (every byte), and what it is. */
interface FolderEntry {
  name: string;
  type: Pick<fs.Dirent, 'isDirectory' | 'isFile' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;
}

type FolderListing = { entries: FolderEntry[] } | { error: string };

/**
 * A folder's entries, or the error code that kept it from being listed. Names come as UTF-8;
 * only a folder with a name Node could not decode (U+FFFD) is listed again as bytes. The
 * callback API: fs.promises costs more CPU per call, and a walk makes thousands.
 */
function listFolder(folder: string): Promise<FolderListing> {
  const target = forFs(folder);
  return new Promise((resolve) =>
    fs.readdir(target, { withFileTypes: true }, (error, entries) => {
      if (error) return resolve({ error: errorCode(error) || 'EIO' });
      if (!entries.some((entry) => entry.name.includes('\uFFFD'))) return resolve({ entries: entries.map((entry) => ({ name: entry.name, type: entry })) });
      fs.readdir(target, { withFileTypes: true, encoding: 'buffer' }, (rawError, raw) => {
        if (rawError) resolve({ error: errorCode(rawError) || 'EIO' });
        else resolve({ entries: raw.map((entry) => ({ name: pathFromBytes(entry.name), type: entry })) });
      });
    }),
  );
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Every node file under the folders (file: URIs only), as URIs in VS Code's own spelling. */
async function findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing> {
  const roots = folderUris.map((uri) => URI.parse(uri)).filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
  const walk = await walkNodeFiles(roots, { byteNames: 'skip' });
  const uris = walk.files.map((file) => URI.file(file).toString()).sort();
  const unlisted = walk.unlistedFolders.map((folder) => ({ name: showPath(folder.path), reason: folder.reason }));
  return {
    uris,
    ...(walk.stoppedAt === undefined ? {} : { truncated: { limit: walk.stoppedAt, unit: 'folders' as const } }),
    ...(unlisted.length > 0 ? { unlisted } : {}),
  };
}

/**
 * Reads a node file as VS Code would show it: UTF-8, BOM removed. Larger than `maxSize` (or than
 * can be read at all) it is only measured. The callback API: fs.promises reads cost several
 * times the CPU for the small files node files are (10,000 files: the command line's budget).
 */
export function readNodeFile(uri: string, maxSize: number): Promise<FileRead> {
  return readNodeFileAt(URI.parse(uri).fsPath, maxSize);
}

export async function readNodeFileAt(fsPath: string, maxSize: number): Promise<FileRead> {
  // Each read holds a file open from its open to its close: thousands at once run out of descriptors.
  if (openReads < MAX_OPEN_READS) openReads++;
  else await new Promise<void>((resolve) => waitingReads.push(resolve)); // handed its slot by a read that ended
  try {
    return await readNow(fsPath, maxSize);
  } finally {
    const next = waitingReads.shift();
    if (next) next();
    else openReads--;
  }
}

const MAX_OPEN_READS = 64;
let openReads = 0;
const waitingReads: (() => void)[] = [];

function readNow(fsPath: string, maxSize: number): Promise<FileRead> {
  return new Promise((resolve) => {
    const target = forFs(fsPath);
    fs.stat(target, (statError, stats) => {
      if (statError || !stats.isFile()) return resolve({ kind: 'missing' });
      if (stats.size > Math.min(maxSize, MAX_READABLE_FILE_SIZE)) return resolve({ kind: 'too-large', size: stats.size });
      fs.readFile(target, 'utf8', (readError, text) => {
        if (readError) resolve({ kind: 'missing' });
        else resolve({ kind: 'text', text: text.startsWith('\uFEFF') ? text.slice(1) : text });
      });
    });
  });
}

async function stat(uri: string): Promise<FileStat | undefined> {
  try {
    const stats = await fs.promises.stat(URI.parse(uri).fsPath);
    return { type: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size, mtime: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

function kindOfEntry(entry: FolderEntry['type']): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/** What a stat found, in words, e.g. "a folder". */
export function kindOfStats(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFile()) return 'a file';
  return 'not a file';
}

/** Why a file system call failed, in words (never a stack). */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EIO':
      return 'input/output error';
    default:
      return code ? `cannot be read (${code})` : 'cannot be read';
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
