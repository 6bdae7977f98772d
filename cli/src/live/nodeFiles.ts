// Reading node files over SFTP and writing them into the local folder: the bytes unchanged,
// readable by their owner only (line 5 holds passwords), each host in a folder of its own.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { foreignReasons, parseNode } from '../engine';
import { describeFailure, sftpBatch, SshOptions } from './ssh';
import { sftpQuote, shown } from './names';
import { writePrivateFile } from './record';

/** A private scratch folder for sftp's local side (get writes there; nobody else may read it). */
export async function withScratchFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-live-'));
  await fs.chmod(folder, 0o700);
  try {
    return await work(folder);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

export type RemoteRead = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** The bytes of a remote file, through one sftp run. */
export function readRemote(target: string, remotePath: string, options: SshOptions): Promise<RemoteRead> {
  return withScratchFolder(async (scratch) => {
    const result = await sftpBatch(target, [`get ${sftpQuote(remotePath)} "node.bin"`], options, scratch);
    if (result.code !== 0) return { ok: false, reason: describeFailure(result.stderr, { target, remotePath }) };
    try {
      return { ok: true, bytes: await fs.readFile(path.join(scratch, 'node.bin')) };
    } catch {
      return { ok: false, reason: describeFailure(result.stderr, { target, remotePath }) };
    }
  });
}

/** A node file's text as the editor reads it: UTF-8, without a BOM. */
export function textOf(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export interface NamedHost {
  value: string;
  /** `line 15` or `line 16`. */
  where: string;
}

/** The hosts a node file names as master (line 15) and slaves (line 16); none for another program's file. */
export function hostsNamedIn(bytes: Uint8Array, fsPath: string): { hosts: NamedHost[]; foreign?: string[] } {
  const node = parseNode(fsPath, textOf(bytes));
  const foreign = foreignReasons(node);
  if (foreign) return { hosts: [], foreign };
  return {
    hosts: [
      ...node.masterHosts.hosts.map((host) => ({ value: host.text, where: 'line 15 (master host)' })),
      ...node.slaveHosts.hosts.map((host) => ({ value: host.text, where: 'line 16 (slave hosts)' })),
    ],
  };
}

export type LocalState = { kind: 'missing' } | { kind: 'file'; bytes: Buffer } | { kind: 'unreadable'; reason: string };

export async function readLocal(file: string): Promise<LocalState> {
  try {
    return { kind: 'file', bytes: await fs.readFile(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: code ?? (error as Error).message };
  }
}

const GITIGNORE = '# Written by icewarp-pathcfg pull: line 5 of the node file holds passwords.\n# Keep it out of version control (delete this file only if that is what you want).\n*\n';

/**
 * The host's folder (owner only) with a `.gitignore` that keeps its files out of Git. Returns a
 * warning when a `.gitignore` of someone else's is there.
 */
export async function prepareHostFolder(folder: string): Promise<string | undefined> {
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const ignore = path.join(folder, '.gitignore');
  try {
    await fs.writeFile(ignore, GITIGNORE, { flag: 'wx', mode: 0o600 });
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return `could not write ${shown(ignore)}: node files hold passwords (line 5); keep them out of version control`;
  }
  const existing = await fs.readFile(ignore, 'utf8').catch(() => '');
  if (existing === GITIGNORE || /^\*\s*$/m.test(existing)) return undefined;
  return `${shown(ignore)} is not ours: node files hold passwords (line 5); make sure Git ignores them`;
}

export async function writeNodeFile(file: string, bytes: Uint8Array): Promise<void> {
  await writePrivateFile(file, bytes);
}
