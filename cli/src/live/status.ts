// `status [<dir>]`: each recorded node's local copy and its server's file against what the last
// pull (or push) recorded: in sync, changed locally, changed on the server, or both.
import * as path from 'node:path';
import { ClusterRecord, readRecord, RecordedNode, sha256 } from './record';
import { readLocal, readRemote } from './nodeFiles';
import { mapLimited } from './pull';
import { LiveUsageError } from './names';
import { SshOptions } from './ssh';

export type SyncState = 'in-sync' | 'changed-locally' | 'changed-on-server' | 'changed-both';

const SYNC_STATE_TEXT: Record<SyncState, string> = {
  'in-sync': 'in sync',
  'changed-locally': 'changed locally',
  'changed-on-server': 'changed on the server',
  'changed-both': 'changed locally and on the server',
};

export interface NodeStatus {
  host: string;
  file: string;
  /** Undefined when the server could not be read (`serverProblem` says why) or the local copy is gone. */
  state?: SyncState;
  localProblem?: string;
  serverProblem?: string;
  /** A failed push left this node with the pushed file and its backup could not be put back. */
  restoreFailed?: RecordedNode['restoreFailed'];
}

export async function loadRecord(folder: string): Promise<ClusterRecord> {
  const read = await readRecord(folder);
  if (read.kind === 'none') throw new LiveUsageError(`${path.resolve(folder)} holds no .icewarp-cluster.json: pull a cluster into it first`);
  if (read.kind === 'invalid') throw new LiveUsageError(`${path.join(path.resolve(folder), '.icewarp-cluster.json')} ${read.reason}`);
  return read.record;
}

export async function status(folder: string, ssh: SshOptions): Promise<NodeStatus[]> {
  const record = await loadRecord(folder);
  return mapLimited(record.nodes, 6, async (node): Promise<NodeStatus> => {
    const file = path.join(path.resolve(folder), ...node.file.split('/'));
    const result: NodeStatus = { host: node.host, file, ...(node.restoreFailed ? { restoreFailed: node.restoreFailed } : {}) };
    const local = await readLocal(file);
    if (local.kind === 'missing') result.localProblem = 'the local copy is missing';
    else if (local.kind === 'unreadable') result.localProblem = `the local copy cannot be read (${local.reason})`;
    const remote = await readRemote(node.sshTarget, node.remotePath, ssh);
    if (!remote.ok) result.serverProblem = remote.reason;
    if (local.kind === 'file' && remote.ok) {
      const changedLocally = sha256(local.bytes) !== node.sha256;
      const changedOnServer = sha256(remote.bytes) !== node.sha256;
      result.state = changedLocally ? (changedOnServer ? 'changed-both' : 'changed-locally') : changedOnServer ? 'changed-on-server' : 'in-sync';
    }
    return result;
  });
}

/** 0 all in sync; 1 anything else; 2 a server (or a local copy) that could not be read. */
export function statusExitCode(statuses: readonly NodeStatus[]): number {
  if (statuses.some((node) => node.serverProblem || node.localProblem)) return 2;
  return statuses.every((node) => node.state === 'in-sync' && !node.restoreFailed) ? 0 : 1;
}

export function statusLine(node: NodeStatus): string {
  const parts: string[] = [];
  if (node.state) parts.push(SYNC_STATE_TEXT[node.state]);
  if (node.localProblem) parts.push(node.localProblem);
  if (node.serverProblem) parts.push(`the server could not be read: ${node.serverProblem}`);
  if (node.restoreFailed) {
    parts.push(`a push on ${node.restoreFailed.at} could not be undone here (${node.restoreFailed.reason}); the file as it was before is in ${node.restoreFailed.backup} on the server`);
  }
  return `${node.host}: ${parts.join('; ')}`;
}
