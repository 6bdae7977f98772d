// `pull <host>`: the node file of one host over SFTP, then the rest of its cluster, found in the
// files themselves (line 15's master host, line 16's slave hosts), until no new host appears.
// Each node lands in <folder>/<host>/<file name> byte for byte, owner-only; the record
// (.icewarp-cluster.json) says where each came from and what the server held.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileTimestamp, readRecord, RecordedNode, sha256, writeRecord } from './record';
import { hostsNamedIn, prepareHostFolder, readLocal, readRemote, writeNodeFile } from './nodeFiles';
import { checkHost, DEFAULT_REMOTE_PATH, LiveUsageError, localFileNameProblem, normalizeRemotePath, remoteBaseName, remotePathProblem, shown } from './names';
import { SshOptions } from './ssh';

export interface PullRequest {
  host: string;
  /** The folder the nodes go into (each in a folder named after its host). */
  folder: string;
  remotePath?: string;
  /** False: only `host`. */
  discover: boolean;
  ssh: SshOptions;
  /** A line about the run as it goes. */
  report: (line: string) => void;
}

export interface PulledNode {
  host: string;
  /** Absolute path of the local copy. */
  file: string;
  size: number;
  /** A local copy with changes of its own was kept here rather than overwritten. */
  keptLocalCopy?: string;
}

export interface PullOutcome {
  folder: string;
  pulled: PulledNode[];
  /** Hosts that could not be read: one line each; they make the exit code 2. */
  failed: { host: string; reason: string }[];
  /** Values of lines 15/16 that are no host name: reported, never passed to ssh. */
  rejected: { value: string; where: string; reason: string }[];
}

const PARALLEL_READS = 6;

export async function pull(request: PullRequest): Promise<PullOutcome> {
  const first = checkHost(request.host);
  if (!first.ok) throw new LiveUsageError(`${shown(request.host)} is not a host name: ${first.reason}`);
  const remotePath = normalizeRemotePath(request.remotePath ?? DEFAULT_REMOTE_PATH);
  const pathProblem = remotePathProblem(remotePath);
  if (pathProblem) throw new LiveUsageError(`--remote-path ${shown(remotePath)}: ${pathProblem}`);
  const fileName = remoteBaseName(remotePath);
  const nameProblem = localFileNameProblem(fileName);
  if (nameProblem) throw new LiveUsageError(`--remote-path ${shown(remotePath)}: its file name ${nameProblem}`);

  const folder = path.resolve(request.folder);
  await fs.mkdir(folder, { recursive: true });
  const existing = await readRecord(folder);
  if (existing.kind === 'invalid') throw new LiveUsageError(`${path.join(folder, '.icewarp-cluster.json')} ${existing.reason}; move it away to pull into this folder`);
  const recorded = new Map<string, RecordedNode>(existing.kind === 'record' ? existing.record.nodes.map((node) => [node.host, node]) : []);

  const outcome: PullOutcome = { folder, pulled: [], failed: [], rejected: [] };
  const seen = new Set<string>([first.key]);
  let wave: { key: string; target: string }[] = [{ key: first.key, target: first.target }];
  const pulledAt = new Date();
  while (wave.length > 0) {
    const next: { key: string; target: string }[] = [];
    const results = await mapLimited(wave, PARALLEL_READS, (host) => pullOne(host, remotePath, fileName, folder, recorded.get(host.key), request, pulledAt));
    for (const [index, result] of results.entries()) {
      const host = wave[index];
      if (!result.ok) {
        outcome.failed.push({ host: host.key, reason: result.reason });
        request.report(`${host.key}: ${result.reason}`);
        continue;
      }
      outcome.pulled.push(result.node);
      recorded.set(host.key, result.record);
      request.report(`${host.key}: pulled ${remotePath} (${result.node.size} bytes) into ${shownPath(result.node.file)}`);
      if (result.node.keptLocalCopy) request.report(`${host.key}: the local file had changes of its own; kept as ${result.node.keptLocalCopy}`);
      if (result.warning) request.report(`warning: ${result.warning}`);
      if (!request.discover) continue;
      const named = hostsNamedIn(result.bytes, result.node.file);
      if (named.foreign) request.report(`${host.key}: its ${fileName} is not IceWarp's (${named.foreign.join('; ')}); no hosts taken from it`);
      for (const mention of named.hosts) {
        const checked = checkHost(mention.value);
        if (!checked.ok) {
          outcome.rejected.push({ value: mention.value, where: `${host.key}, ${mention.where}`, reason: checked.reason });
          request.report(`${host.key}: ${mention.where} names ${shown(mention.value)}, which is not a host name (${checked.reason}); not contacted`);
          continue;
        }
        if (seen.has(checked.key)) continue;
        seen.add(checked.key);
        request.report(`${host.key}: ${mention.where} names ${checked.key}`);
        next.push({ key: checked.key, target: checked.target });
      }
    }
    wave = next.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  if (outcome.pulled.length > 0) await writeRecord(folder, { format: 1, nodes: [...recorded.values()] });
  outcome.pulled.sort((a, b) => (a.host < b.host ? -1 : 1));
  return outcome;
}

type OneResult = { ok: true; node: PulledNode; record: RecordedNode; bytes: Buffer; warning?: string } | { ok: false; reason: string };

async function pullOne(
  host: { key: string; target: string },
  remotePath: string,
  fileName: string,
  folder: string,
  previous: RecordedNode | undefined,
  request: PullRequest,
  pulledAt: Date,
): Promise<OneResult> {
  const read = await readRemote(host.target, remotePath, request.ssh);
  if (!read.ok) return read;
  const hostFolder = path.join(folder, host.key);
  const warning = await prepareHostFolder(hostFolder);
  const file = path.join(hostFolder, fileName);
  const node: PulledNode = { host: host.key, file, size: read.bytes.length };
  // Nothing lost: a local copy edited since the last pull (or never pulled) is kept beside it.
  const local = await readLocal(file);
  if (local.kind === 'file' && !local.bytes.equals(read.bytes)) {
    const localSum = sha256(local.bytes);
    const localChanges = previous?.file !== `${host.key}/${fileName}` || localSum !== previous.sha256;
    if (localChanges) {
      const kept = `${file}.local-${fileTimestamp(pulledAt)}`;
      await writeNodeFile(kept, local.bytes);
      node.keptLocalCopy = shownPath(kept);
    }
  }
  await writeNodeFile(file, read.bytes);
  const record: RecordedNode = {
    host: host.key,
    sshTarget: host.target,
    remotePath,
    file: `${host.key}/${fileName}`,
    sha256: sha256(read.bytes),
    pulledAt: pulledAt.toISOString(),
  };
  return { ok: true, node, record, bytes: read.bytes, ...(warning ? { warning } : {}) };
}

/** A local path as printed: relative to the current folder when inside it (a terminal), else absolute (the editor). */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Runs `work` over the items with at most `limit` at a time; results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
