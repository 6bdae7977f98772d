// `.icewarp-cluster.json`: what a pull brought into a folder, so `status` and `push` know where
// each node came from and what the server held then. Read back with the same distrust as a node
// file (a folder may come from anyone): every host and path is checked again before use, and the
// ssh config file is never taken from it (it can run programs: ProxyCommand, Match exec).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkHost, localFileNameProblem, remotePathProblem } from './names';
import { CLUSTER_RECORD_FILE } from '../../../common/liveCluster';

const FORMAT = 1;

export interface RestoreFailure {
  /** When the push that could not be undone ran (ISO 8601, UTC). */
  at: string;
  /** The backup on the server that holds the file as it was before that push. */
  backup: string;
  reason: string;
}

export interface RecordedNode {
  /** The host, lower-case without a trailing dot: also the name of its folder. */
  host: string;
  /** What ssh was given. */
  sshTarget: string;
  /** The node file on the server, as given (relative paths are relative to the ssh user's home). */
  remotePath: string;
  /** The local copy, relative to the record's folder, `/`-separated (`mx1.example.net/path.dat`). */
  file: string;
  /** SHA-256 of the bytes the server held at the last pull or push. */
  sha256: string;
  pulledAt: string;
  pushedAt?: string;
  /** The backup the last push left beside the file on the server. */
  lastBackup?: string;
  /** A push failed and this node could not be put back: the server holds the pushed file. */
  restoreFailed?: RestoreFailure;
}

export interface ClusterRecord {
  format: typeof FORMAT;
  nodes: RecordedNode[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function recordPath(folder: string): string {
  return path.join(folder, CLUSTER_RECORD_FILE);
}

export type RecordRead = { kind: 'none' } | { kind: 'record'; record: ClusterRecord } | { kind: 'invalid'; reason: string };

export async function readRecord(folder: string): Promise<RecordRead> {
  let text: string;
  try {
    text = await fs.readFile(recordPath(folder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'invalid', reason: `could not be read (${(error as Error).message})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'is not valid JSON' };
  }
  const reason = recordProblem(raw);
  return reason ? { kind: 'invalid', reason } : { kind: 'record', record: raw as ClusterRecord };
}

function recordProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return 'is not an object';
  const record = raw as { format?: unknown; nodes?: unknown };
  if (record.format !== FORMAT) return `has format ${JSON.stringify(record.format)}; this version reads format ${FORMAT}`;
  if (!Array.isArray(record.nodes)) return 'has no list of nodes';
  for (const [index, node] of record.nodes.entries()) {
    const problem = nodeProblem(node);
    if (problem) return `node ${index + 1}: ${problem}`;
  }
  return undefined;
}

function nodeProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return 'is not an object';
  const node = raw as Record<string, unknown>;
  for (const key of ['host', 'sshTarget', 'remotePath', 'file', 'sha256', 'pulledAt']) {
    if (typeof node[key] !== 'string') return `"${key}" is missing`;
  }
  const host = checkHost(node.host as string);
  if (!host.ok || host.key !== node.host) return `host ${JSON.stringify(node.host)} is not a host name (${host.ok ? 'not in lower case' : host.reason})`;
  const target = checkHost(node.sshTarget as string);
  if (!target.ok) return `ssh target ${JSON.stringify(node.sshTarget)} is not a host name (${target.reason})`;
  const remote = remotePathProblem(node.remotePath as string);
  if (remote) return `remote path ${JSON.stringify(node.remotePath)}: ${remote}`;
  const parts = (node.file as string).split('/');
  if (parts.length !== 2 || parts[0] !== node.host || localFileNameProblem(parts[1])) return `file ${JSON.stringify(node.file)} is not <host>/<file name>`;
  if (!/^[0-9a-f]{64}$/.test(node.sha256 as string)) return 'sha256 is not a SHA-256';
  return undefined;
}

/** Writes the record (readable by its owner only, like the node files beside it). */
export async function writeRecord(folder: string, record: ClusterRecord): Promise<void> {
  const sorted: ClusterRecord = { format: FORMAT, nodes: [...record.nodes].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0)) };
  await writePrivateFile(recordPath(folder), Buffer.from(`${JSON.stringify(sorted, null, 2)}\n`, 'utf8'));
}

/**
 * Writes bytes to a file only its owner can read (0600), through a temporary file in the same
 * folder renamed over it: a reader sees the old file or the new one, never half of each.
 */
export async function writePrivateFile(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The umask can only take bits away; a file that existed before keeps nothing of its mode.
    await fs.chmod(temporary, 0o600);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** The UTC time as a file name part: 20250131T120000.123Z. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}
