// What `check [paths...]` is asked to look at: node files under folders (found exactly as the
// language server indexes a workspace) and files named on the command line, plus the entries
// the server skips in silence but a command line must name: a FIFO, socket or device called
// path.dat (reading one would block or make no sense), a symbolic link, a folder limit reached.
import { Dirent, Stats, lstatSync, promises as fs, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { discoverNodeFiles, isNodeFileName } from './engine';

export interface InputProblem {
  /** Absolute path. */
  path: string;
  reason: string;
}

export interface Inputs {
  /** Absolute paths of the regular files to check, sorted, each once. */
  files: string[];
  /** Inputs that cannot be checked (the run goes on and ends with exit code 2). */
  problems: InputProblem[];
  /** Things worth a line that do not make the run fail. */
  notices: string[];
  /** Every folder the walk listed, and which of them hold a `.vscode` folder (spares the settings lookup a probe per folder). */
  listedFolders: { all: ReadonlySet<string>; withVscode: ReadonlySet<string> };
}

// The walk of ../../server/src/nodeFiles.ts lists regular files only. These mirror its skipped
// folders and folder limit, so this second look sees exactly the folders the server walks.
// (Were its NodeFileListing to name the entries it skips, this walk could go.)
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.cache', 'dist', 'out']);
const MAX_FOLDERS = 20_000;

export async function collectInputs(args: readonly string[]): Promise<Inputs> {
  const folders: string[] = [];
  const named: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const absolute = path.resolve(arg);
    let stats: Stats;
    try {
      stats = await fs.stat(absolute);
    } catch (error) {
      problems.push({ path: absolute, reason: describeError(error) });
      continue;
    }
    if (stats.isDirectory()) folders.push(absolute);
    else if (stats.isFile()) named.push(absolute);
    else problems.push({ path: absolute, reason: `${kindOf(stats)}, not a regular file` });
  }
  // The server's walk starts its first listings; this one runs while they are under way.
  const discovery = discoverNodeFiles(folders);
  const odd = oddEntries(folders);
  const found = await discovery;
  return {
    files: [...new Set([...found, ...named])].sort(),
    problems: [...problems, ...odd.problems],
    notices: odd.notices,
    listedFolders: odd.listedFolders,
  };
}

/**
 * Node-file names that are not regular files, in the folders the server's walk visits. A
 * synchronous walk: it runs beside the server's asynchronous one and costs a third of it.
 */
function oddEntries(roots: readonly string[]): Pick<Inputs, 'problems' | 'notices' | 'listedFolders'> {
  const problems: InputProblem[] = [];
  const notices: string[] = [];
  const all = new Set<string>();
  const withVscode = new Set<string>();
  const queue = [...roots];
  let visited = 0;
  for (; visited < queue.length && visited < MAX_FOLDERS; visited++) {
    const folder = queue[visited];
    if (all.has(folder)) continue; // named twice (`check . mx1`): listed once
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue; // unreadable or vanished: the server's walk skips it too
    }
    all.add(folder);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name === '.vscode') withVscode.add(folder);
        if (!SKIPPED_FOLDERS.has(entry.name)) queue.push(path.join(folder, entry.name));
      } else if (!entry.isFile() && isNodeFileName(entry.name)) {
        const full = path.join(folder, entry.name);
        if (entry.isSymbolicLink()) {
          // The editor's index does not follow links either (no loops, no files outside the tree).
          notices.push(`${displayPath(full)}: a symbolic link, not followed (name its target to check it)`);
        } else {
          problems.push({ path: full, reason: describeOddEntry(full) });
        }
      }
    }
  }
  if (visited < queue.length) notices.push(`Stopped looking after ${MAX_FOLDERS.toLocaleString('en-US')} folders, as the editor does; name fewer folders to check the rest.`);
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { problems, notices: notices.sort(), listedFolders: { all, withVscode } };
}

function describeOddEntry(full: string): string {
  try {
    return `${kindOf(lstatSync(full))}, not a regular file`;
  } catch (error) {
    return describeError(error);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  return 'not a file';
}

/** Why a file cannot be read, in words (never a stack). */
export async function whyUnreadable(fsPath: string): Promise<string> {
  try {
    const stats = await fs.stat(fsPath);
    if (!stats.isFile()) return `${kindOf(stats)}, not a regular file`;
    const handle = await fs.open(fsPath, 'r');
    try {
      await handle.read(Buffer.alloc(1), 0, 1, 0);
    } finally {
      await handle.close();
    }
    return 'could not be read';
  } catch (error) {
    return describeError(error);
  }
}

export function describeError(error: unknown): string {
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

/** A path as printed: relative to the current folder with `/`, as CI logs and code scanning expect. */
export function displayPath(fsPath: string): string {
  const relative = path.relative(process.cwd(), fsPath) || path.basename(fsPath);
  return relative.split(path.sep).join('/');
}
