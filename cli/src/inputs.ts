// What `check [paths...]` is asked to look at: node files under folders (found by the language
// server's own walk, server/src/host/diskNodeFiles.ts, so the editor and CI see the same files) and files
// named on the command line, plus the entries the server skips in silence but a command line must
// name: a FIFO, socket or device called path.dat (reading one would block or make no sense), a
// link that leads to no file, a folder that cannot be listed, the walk's folder limit reached.
// Folders whose name is not valid UTF-8 are walked by their bytes (server/src/host/diskPaths.ts):
// their paths keep every byte, and print with `\xNN` for the bytes that are no UTF-8.
import { Stats, closeSync, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import * as path from 'node:path';
import { MAX_READABLE_FILE_SIZE } from '../../common/fileRequests';
import { describeFsError, forFs, kindOfStats, walkNodeFiles } from '../../server/src/host/diskNodeFiles';

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
  const walk = await walkNodeFiles(folders, { byteNames: 'walk' });
  for (const folder of walk.unlistedFolders) problems.push({ path: folder.path, reason: `a folder that ${folder.reason}; node files in it are not checked` });
  const notices: string[] = [];
  for (const odd of walk.oddEntries) {
    // A link that leads nowhere is worth a line, not a failed run: the editor skips it too.
    if (odd.kind.startsWith('a symbolic link')) notices.push(`${displayPath(odd.path)}: ${odd.kind}, not checked`);
    else problems.push({ path: odd.path, reason: `${odd.kind}, not a regular file` });
  }
  if (walk.stoppedAt !== undefined) {
    notices.push(`Stopped looking after ${walk.stoppedAt.toLocaleString('en-US')} folders, as the editor does; name fewer folders to check the rest.`);
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files: [...new Set([...walk.files, ...named])].sort(),
    problems,
    notices: notices.sort(),
    listedFolders: walk.listedFolders,
  };
}

export type NodeText = { kind: 'text'; text: string } | { kind: 'too-large'; size: number } | { kind: 'unreadable' };

/** One buffer for every read: a node file is well under 1 KB, and a run reads thousands. */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A node file's text as the language server reads an unopened one (server/src/host/diskNodeFiles.ts:
 * UTF-8, BOM removed, larger than `maxSize` only measured), synchronously and without a stat
 * first: open, read into one reused buffer, close. For 10,000 small files that is a fraction of
 * the CPU of a stat and a callback read each, and nothing is in flight between two files.
 */
export function readNodeText(fsPath: string, maxSize: number): NodeText {
  const limit = Math.min(maxSize, MAX_READABLE_FILE_SIZE);
  let descriptor: number;
  try {
    descriptor = openSync(forFs(fsPath), 'r');
  } catch {
    return { kind: 'unreadable' };
  }
  try {
    let length = 0;
    // One byte past the limit tells a file that is too large, without reading the rest of it.
    while (length <= limit) {
      if (length === readBuffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(readBuffer.length * 2, limit + 1));
        readBuffer.copy(grown, 0, 0, length);
        readBuffer = grown;
      }
      const read = readSync(descriptor, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit) return { kind: 'too-large', size: fstatSync(descriptor).size };
    const text = readBuffer.toString('utf8', 0, length);
    return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    closeSync(descriptor);
  }
}

function kindOf(stats: Stats): string {
  return kindOfStats(stats);
}

/** Why a file cannot be read, in words (never a stack). */
export async function whyUnreadable(fsPath: string): Promise<string> {
  try {
    const stats = await fs.stat(forFs(fsPath));
    if (!stats.isFile()) return `${kindOf(stats)}, not a regular file`;
    const handle = await fs.open(forFs(fsPath), 'r');
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
  return describeFsError(error);
}

/**
 * A path as printed: relative to the current folder with `/`, as CI logs and code scanning
 * expect. A byte that is no UTF-8 stays in it (the text formats print it as `\xNN`).
 */
export function displayPath(fsPath: string): string {
  const relative = path.relative(process.cwd(), fsPath) || path.basename(fsPath);
  return relative.split(path.sep).join('/');
}
