// `push [<dir>]`: the nodes changed locally go back to their servers, all or none.
//
// planPush writes nothing: it finds the changed nodes, refuses (the server's file changed since
// the pull, an error in the folder, a file the ssh user cannot write or that is no regular file,
// a node whose last push could not be undone), reads each server's file and its mode and owner,
// and prepares the diff (passwords masked) and the exact bytes to write.
//
// applyPush writes what was planned, in two phases. Stage: on every node, the new bytes to a
// temporary file beside the live one and the current bytes to a backup (`path.dat.bak-<UTC>`),
// both with the live file's mode, owner and group; a failure anywhere removes what was staged,
// and no live file has changed. Replace: node by node, within one connection, the server's file
// is read once more and must still be the one planned, then the temporary file is renamed over
// it (posix-rename: atomic). A failure there puts the backups of the nodes already replaced back
// in their place; a node that cannot be put back is printed and recorded (status shows it).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CheckReport, runCheck } from '../check';
import { unifiedDiff } from '../unifiedDiff';
import { ClusterRecord, fileTimestamp, RecordedNode, sha256, writeRecord } from './record';
import { readLocal, textOf, withScratchFolder } from './nodeFiles';
import { joinRemote, remoteBaseName, remoteDirName, remotePathProblem, sftpQuote, shown } from './names';
import { mapLimited } from './pull';
import { describeFailure, loginUser, outputsByCommand, remoteOwnerIds, sftpBatch, SftpFailure, SftpSession, SshOptions } from './ssh';
import { loadRecord } from './status';

export interface PushRequest {
  folder: string;
  ssh: SshOptions;
  report: (line: string) => void;
}

/** What a remote `ls -l` says of the live file. */
interface RemoteFileInfo {
  /** The file itself, symbolic links resolved. */
  realPath: string;
  mode: number;
  owner: string;
  group: string;
}

export interface PlannedNode {
  node: RecordedNode;
  /** `mx1.example.net/path.dat`. */
  display: string;
  localFile: string;
  /** The bytes to write: the local file's, with the server file's line endings. */
  bytes: Buffer;
  serverBytes: Buffer;
  /** Unified diff of the server's file to the bytes to write, line-5 passwords masked. */
  diff: string;
  /** Set when the local line endings were changed to the server file's. */
  endings?: string;
  remote: RemoteFileInfo;
}

export interface PushPlan {
  folder: string;
  record: ClusterRecord;
  nodes: PlannedNode[];
  /** Reasons nothing may be written (exit code 1). */
  refusals: { host: string; reason: string }[];
  /** Servers that could not be read (exit code 2). */
  unreachable: { host: string; reason: string }[];
  /** The folder's check when it found errors (printed as `check` prints it). */
  check?: CheckReport;
}

export interface PushResult {
  written: string[];
  /** Nodes put back after a failure, and those that could not be. */
  restored: string[];
  notRestored: string[];
  /** Staged files a failure left behind (paths on the server), to delete by hand. */
  leftovers: { host: string; path: string }[];
  ok: boolean;
}

export async function planPush(request: PushRequest): Promise<PushPlan> {
  const folder = path.resolve(request.folder);
  const record = await loadRecord(folder);
  const plan: PushPlan = { folder, record, nodes: [], refusals: [], unreachable: [] };

  const changed: { node: RecordedNode; localFile: string; bytes: Buffer }[] = [];
  for (const node of record.nodes) {
    const localFile = path.join(folder, ...node.file.split('/'));
    if (node.restoreFailed) {
      plan.refusals.push({ host: node.host, reason: `a push on ${node.restoreFailed.at} could not be undone on this node (its backup is ${node.restoreFailed.backup}); pull again first` });
      continue;
    }
    const local = await readLocal(localFile);
    if (local.kind !== 'file') {
      plan.refusals.push({ host: node.host, reason: local.kind === 'missing' ? `${node.file} is missing (a push never deletes a server's file)` : `${node.file} cannot be read (${local.reason})` });
      continue;
    }
    if (sha256(local.bytes) !== node.sha256) changed.push({ node, localFile, bytes: local.bytes });
  }
  if (changed.length === 0 || plan.refusals.length > 0) return plan;

  // The same judgement as `check` and the editor, with the folder's severity settings.
  const check = await runCheck({ paths: [folder], rules: {}, useConfig: true, fix: 'none', notify: request.report });
  const errors = check.files.reduce((sum, file) => sum + file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length, 0);
  if (errors > 0) {
    plan.check = check;
    plan.refusals.push({ host: path.basename(folder), reason: `the folder has ${errors === 1 ? 'an error' : `${errors} errors`} under its severity settings; fix ${errors === 1 ? 'it' : 'them'} first` });
    return plan;
  }

  const inspected = await mapLimited(changed, 6, (entry) => inspect(entry.node, request.ssh));
  for (const [index, entry] of changed.entries()) {
    const result = inspected[index];
    if (result.kind === 'unreachable') {
      plan.unreachable.push({ host: entry.node.host, reason: result.reason });
      continue;
    }
    if (result.kind === 'refused') {
      plan.refusals.push({ host: entry.node.host, reason: result.reason });
      continue;
    }
    const matched = matchLineEndings(entry.bytes, result.serverBytes);
    plan.nodes.push({
      node: entry.node,
      display: entry.node.file,
      localFile: entry.localFile,
      bytes: matched.bytes,
      serverBytes: result.serverBytes,
      diff: unifiedDiff(entry.node.file, textOf(result.serverBytes), textOf(matched.bytes), { forReading: true }).text,
      ...(matched.endings ? { endings: matched.endings } : {}),
      remote: result.info,
    });
  }
  return plan;
}

type Inspection = { kind: 'ok'; serverBytes: Buffer; info: RemoteFileInfo } | { kind: 'refused'; reason: string } | { kind: 'unreachable'; reason: string };

/** One connection: the real path (links resolved), the listing, the bytes; then the judgement. */
async function inspect(node: RecordedNode, ssh: SshOptions): Promise<Inspection> {
  return withScratchFolder(async (scratch) => {
    const quoted = sftpQuote(node.remotePath);
    // sftp has no readlink: `cd` resolves the path on the server (SSH_FXP_REALPATH) and names
    // the result when it is no folder. Its `-` lets the batch go on.
    const result = await sftpBatch(node.sshTarget, [`-cd ${quoted}`, `ls -l ${quoted}`, `get ${quoted} "server.bin"`], ssh, scratch);
    if (result.code !== 0) return { kind: 'unreachable', reason: describeFailure(result.stderr, { target: node.sshTarget, remotePath: node.remotePath }) };
    const serverBytes = await fs.readFile(path.join(scratch, 'server.bin'));
    if (sha256(serverBytes) !== node.sha256) return { kind: 'refused', reason: 'changed on the server since the pull; pull again (your local changes are kept aside) and redo them' };
    const realPath = /Can't change directory: "(.*)" is not a directory/.exec(result.stderr)?.[1];
    if (realPath === undefined) return { kind: 'refused', reason: `${shown(node.remotePath)} could not be resolved on the server (is it a folder?)` };
    if (remotePathProblem(realPath)) return { kind: 'refused', reason: `it is a link to ${shown(realPath)}, a path this tool does not pass to sftp` };
    const listing = parseListing(outputsByCommand(result.stdout)[1] ?? '');
    if (!listing) return { kind: 'refused', reason: 'its mode and owner could not be read from the server\'s listing' };
    if (listing.type !== '-') return { kind: 'refused', reason: `${shown(realPath)} is not a regular file` };
    const user = ssh.sudo ? 'root' : await loginUser(node.sshTarget, ssh);
    const writable = writeProblem(listing, user);
    if (writable) return { kind: 'refused', reason: writable };
    return { kind: 'ok', serverBytes, info: { realPath, mode: listing.mode, owner: listing.owner, group: listing.group } };
  });
}

interface Listing {
  type: string;
  mode: number;
  modeText: string;
  owner: string;
  group: string;
}

/** `-rw-r-----    ? icewarp  icewarp   1234 Jan  1 12:00 name` (sftp's `ls -l`). */
export function parseListing(output: string): Listing | undefined {
  const match = /^([-dlcbps])([-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT])\S*\s+\S+\s+(\S+)\s+(\S+)\s+\d+\s/m.exec(output);
  if (!match) return undefined;
  const bits = match[2];
  let mode = 0;
  const set = (index: number, letters: string, value: number) => {
    if (letters.includes(bits[index])) mode |= value;
  };
  set(0, 'r', 0o400);
  set(1, 'w', 0o200);
  set(2, 'xs', 0o100);
  set(3, 'r', 0o040);
  set(4, 'w', 0o020);
  set(5, 'xs', 0o010);
  set(6, 'r', 0o004);
  set(7, 'w', 0o002);
  set(8, 'xt', 0o001);
  if ('sS'.includes(bits[2])) mode |= 0o4000;
  if ('sS'.includes(bits[5])) mode |= 0o2000;
  if ('tT'.includes(bits[8])) mode |= 0o1000;
  return { type: match[1], mode, modeText: bits, owner: match[3], group: match[4] };
}

/**
 * Could the ssh user write the file itself? A rename needs only the folder's write permission, so
 * this is asked here: a file its owner made read-only is never replaced, nor one of another user
 * (whose owner the new file could not keep).
 */
function writeProblem(listing: Listing, user: string | undefined): string | undefined {
  if ((listing.mode & 0o222) === 0) return `it is read-only (${listing.modeText}): its owner made it so; not replaced`;
  if (user === 'root') return undefined;
  if (user === undefined) return 'the ssh user could not be told (ssh -G)';
  if (listing.owner !== user) return `it belongs to ${listing.owner}, not to the ssh user ${user}, who could not write it nor give a new file back to ${listing.owner} (log in as ${listing.owner}, or use --sudo)`;
  if ((listing.mode & 0o200) === 0) return `it is read-only for its owner (${listing.modeText}); not replaced`;
  return undefined;
}

/**
 * The local bytes with the server file's line endings, when the server's file uses one kind
 * throughout and the local copy has others (an editor that changed them): a push changes values,
 * not the file's shape. Bytes are handled one to one (latin1), so other characters are untouched.
 */
export function matchLineEndings(local: Buffer, server: Buffer): { bytes: Buffer; endings?: string } {
  const kinds = (bytes: Buffer) => {
    const text = bytes.toString('latin1');
    const crlf = (text.match(/\r\n/g) ?? []).length;
    return { crlf, lf: (text.match(/\n/g) ?? []).length - crlf, cr: (text.match(/\r/g) ?? []).length - crlf };
  };
  const theirs = kinds(server);
  const ending = theirs.crlf > 0 && theirs.lf === 0 && theirs.cr === 0 ? '\r\n' : theirs.lf > 0 && theirs.crlf === 0 && theirs.cr === 0 ? '\n' : undefined;
  if (!ending) return { bytes: local };
  const ours = kinds(local);
  const foreign = ending === '\r\n' ? ours.lf + ours.cr : ours.crlf + ours.cr;
  if (foreign === 0) return { bytes: local };
  const bytes = Buffer.from(local.toString('latin1').replace(/\r\n|\r|\n/g, ending), 'latin1');
  return { bytes, endings: ending === '\r\n' ? 'CRLF' : 'LF' };
}

interface Staged {
  planned: PlannedNode;
  temporary: string;
  backup: string;
}

export async function applyPush(plan: PushPlan, request: PushRequest): Promise<PushResult> {
  if (plan.refusals.length > 0 || plan.unreachable.length > 0) throw new Error('a refused plan is never applied');
  const result: PushResult = { written: [], restored: [], notRestored: [], leftovers: [], ok: false };
  const startedAt = new Date();
  const stamp = fileTimestamp(startedAt);
  const report = request.report;

  return withScratchFolder(async (scratch) => {
    const staged: Staged[] = [];
    for (const [index, planned] of plan.nodes.entries()) {
      await fs.writeFile(path.join(scratch, `new-${index}.bin`), planned.bytes, { mode: 0o600 });
      await fs.writeFile(path.join(scratch, `old-${index}.bin`), planned.serverBytes, { mode: 0o600 });
      const dir = remoteDirName(planned.remote.realPath);
      const base = remoteBaseName(planned.remote.realPath);
      staged.push({ planned, temporary: joinRemote(dir, `.${base}.icewarp-${randomBytes(4).toString('hex')}.tmp`), backup: joinRemote(dir, `${base}.bak-${stamp}`) });
    }

    // Phase 1: stage everywhere, or nowhere.
    for (const [index, entry] of staged.entries()) {
      const problem = await stage(entry, index, scratch, request.ssh);
      if (problem) {
        report(`${entry.planned.node.host}: could not stage the new file: ${problem}`);
        for (const done of staged.slice(0, index + 1)) await removeStaged(done, scratch, request.ssh, result);
        report(result.leftovers.length === 0 ? 'Nothing was changed on any node.' : 'No live file was changed on any node.');
        return result;
      }
      report(`${entry.planned.node.host}: staged ${entry.temporary} and the backup ${entry.backup}`);
    }

    // Phase 2: node by node, check once more and replace; on a failure, put the others back.
    // Every connection is made first: a server that cannot be reached now stops the push while
    // no live file has changed.
    const sessions = staged.map((entry) => new SftpSession(entry.planned.node.sshTarget, request.ssh, scratch));
    const connected = await Promise.all(sessions.map((session) => session.run([]).then(() => undefined, (error: unknown) => error)));
    const unconnected = connected.findIndex((error) => error !== undefined);
    if (unconnected >= 0) {
      const error = connected[unconnected];
      const { node } = staged[unconnected].planned;
      report(`${node.host}: could not connect to replace the file: ${error instanceof SftpFailure ? describeFailure(error.result.stderr, { target: node.sshTarget }) : String(error)}`);
      await Promise.all(sessions.map((session) => session.close()));
      for (const entry of staged) await removeStaged(entry, scratch, request.ssh, result);
      report(result.leftovers.length === 0 ? 'Nothing was changed on any node.' : 'No live file was changed on any node.');
      return result;
    }
    const replaced: number[] = [];
    let failure: string | undefined;
    let failedAt = -1;
    for (const [index, entry] of staged.entries()) {
      const { node, remote } = entry.planned;
      try {
        await sessions[index].run([`get ${sftpQuote(remote.realPath)} "check-${index}.bin"`]);
        const now = await fs.readFile(path.join(scratch, `check-${index}.bin`));
        if (sha256(now) !== node.sha256) {
          failure = `${node.host}: changed on the server during the push; not replaced`;
          failedAt = index;
          break;
        }
        await sessions[index].run([`rename ${sftpQuote(entry.temporary)} ${sftpQuote(remote.realPath)}`]);
        replaced.push(index);
        report(`${node.host}: replaced ${remote.realPath}`);
      } catch (error) {
        failure = `${node.host}: could not replace ${remote.realPath}: ${error instanceof SftpFailure ? describeFailure(error.result.stderr, { target: node.sshTarget, remotePath: remote.realPath }) : (error as Error).message}`;
        failedAt = index;
        break;
      }
    }

    if (failure === undefined) {
      await Promise.all(sessions.map((session) => session.close()));
      for (const entry of staged) {
        const { node, bytes, localFile, endings } = entry.planned;
        node.sha256 = sha256(bytes);
        node.pushedAt = startedAt.toISOString();
        node.lastBackup = entry.backup;
        // The local copy is what the server now holds (line endings included), so status says in sync.
        if (endings) await fs.writeFile(localFile, bytes);
        result.written.push(node.host);
      }
      await writeRecord(plan.folder, plan.record);
      result.ok = true;
      return result;
    }

    report(failure);
    for (const index of [...replaced].reverse()) {
      const entry = staged[index];
      const { node } = entry.planned;
      try {
        await restore(sessions[index], entry, scratch, request.ssh);
        result.restored.push(node.host);
        report(`${node.host}: put back as it was (from ${entry.backup})`);
      } catch (error) {
        const reason = error instanceof SftpFailure ? describeFailure(error.result.stderr, { target: node.sshTarget }) : (error as Error).message;
        result.notRestored.push(node.host);
        node.restoreFailed = { at: startedAt.toISOString(), backup: entry.backup, reason };
        report(`${node.host}: NOT PUT BACK: it holds the pushed file; the file as it was is ${entry.backup} on the server (${reason})`);
      }
    }
    await Promise.all(sessions.map((session) => session.close()));
    for (const entry of staged.slice(failedAt)) await removeStaged(entry, scratch, request.ssh, result);
    if (result.notRestored.length > 0) await writeRecord(plan.folder, plan.record);
    report(result.notRestored.length === 0 ? 'Every node holds the file it held before the push.' : `The cluster is half-changed: ${result.notRestored.join(', ')} could not be put back (see above; \`status\` shows it).`);
    return result;
  });
}

/** Puts the backup back in place of the live file; over a new connection if the first one died. */
async function restore(session: SftpSession, entry: Staged, scratch: string, ssh: SshOptions): Promise<void> {
  const command = `rename ${sftpQuote(entry.backup)} ${sftpQuote(entry.planned.remote.realPath)}`;
  if (session.alive) return void (await session.run([command]));
  const fresh = new SftpSession(entry.planned.node.sshTarget, ssh, scratch);
  try {
    await fresh.run([command]);
  } finally {
    await fresh.close();
  }
}

/** Stages one node; undefined on success, else why not. */
async function stage(entry: Staged, index: number, scratch: string, ssh: SshOptions): Promise<string | undefined> {
  const { node, remote } = entry.planned;
  const mode = (remote.mode & 0o7777).toString(8);
  const temporary = sftpQuote(entry.temporary);
  const backup = sftpQuote(entry.backup);
  const session = new SftpSession(node.sshTarget, ssh, scratch);
  try {
    await session.run([`put "old-${index}.bin" ${backup}`, `chmod ${mode} ${backup}`, `put "new-${index}.bin" ${temporary}`, `chmod ${mode} ${temporary}`]);
    let listing = parseListing(await session.run([`ls -l ${temporary}`]));
    if (!listing) return 'the staged file could not be listed';
    if (listing.owner !== remote.owner || listing.group !== remote.group) {
      // A new file belongs to the ssh user: give it the live file's owner and group, or stop.
      const ids = await remoteOwnerIds(node.sshTarget, remote.realPath, ssh);
      if ('error' in ids) return `it belongs to ${remote.owner}:${remote.group}, and its numeric owner could not be read (${ids.error})`;
      const commands: string[] = [];
      if (listing.group !== remote.group) commands.push(`chgrp ${ids.gid} ${backup}`, `chgrp ${ids.gid} ${temporary}`);
      if (listing.owner !== remote.owner) commands.push(`chown ${ids.uid} ${backup}`, `chown ${ids.uid} ${temporary}`);
      try {
        listing = parseListing(await session.run([...commands, `ls -l ${temporary}`]));
      } catch (error) {
        return `the new file could not be given the owner and group ${remote.owner}:${remote.group} (${error instanceof SftpFailure ? describeFailure(error.result.stderr) : (error as Error).message})`;
      }
      if (!listing || listing.owner !== remote.owner || listing.group !== remote.group) return `the new file could not be given the owner and group ${remote.owner}:${remote.group}`;
    }
    if ((listing.mode & 0o7777) !== (remote.mode & 0o7777)) return `the new file could not be given the mode ${mode}`;
    return undefined;
  } catch (error) {
    return error instanceof SftpFailure ? describeFailure(error.result.stderr, { target: node.sshTarget, remotePath: entry.temporary }) : (error as Error).message;
  } finally {
    await session.close();
  }
}

/** Deletes a node's staged files (each may or may not exist); what cannot be deleted is listed. */
async function removeStaged(entry: Staged, scratch: string, ssh: SshOptions, result: PushResult): Promise<void> {
  const host = entry.planned.node.host;
  const targets = [entry.temporary, ...(result.restored.includes(host) ? [] : [entry.backup])];
  const run = await sftpBatch(entry.planned.node.sshTarget, targets.map((target) => `-rm ${sftpQuote(target)}`), ssh, scratch);
  const outputs = run.stderr;
  for (const target of targets) {
    // `rm` of a file that is not there (renamed away, never staged) is no leftover.
    const stillThere = run.code !== 0 || (outputs.includes(target) && !/not found|No such file/i.test(lineAbout(outputs, target)));
    if (stillThere) result.leftovers.push({ host, path: target });
  }
}

function lineAbout(text: string, target: string): string {
  return text.split(/\r?\n/).find((line) => line.includes(target)) ?? '';
}
