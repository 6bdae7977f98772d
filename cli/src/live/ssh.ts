// The transport: the system's OpenSSH client, so the admin's ~/.ssh/config, agent, keys and
// known_hosts apply. Files move through OpenSSH's SFTP subsystem in batch mode (`sftp -b -`):
// no remote shell, so no quoting for one, and the same on Linux and on Windows OpenSSH servers
// (whose default shell is cmd.exe); sftp's `rename` uses posix-rename@openssh.com when the server
// offers it, an atomic replace. Two things SFTP cannot do are asked of `ssh` itself: `ssh -G`
// prints the login user (no connection), and the numeric owner and group of a file (sftp prints
// names, and its chown/chgrp take numbers) come from `stat` in the remote shell, quoted for it,
// only when a push must set them. Every run is non-interactive (BatchMode: no password or
// passphrase prompt, unknown host keys refused), bounded in time, and never given a host that
// was not checked (./names.ts), always after `--`.
import { spawn } from 'node:child_process';
import { LiveUsageError, sftpDestination } from './names';

export interface SshOptions {
  /** `--ssh-config`: passed as `-F` (ssh then reads this file instead of ~/.ssh/config). */
  sshConfig?: string;
  /** `--accept-new-host-keys`: StrictHostKeyChecking=accept-new (never `no`). */
  acceptNewHostKeys?: boolean;
  /** `--sudo`: the SFTP server runs as root through `sudo -n` (Linux servers). */
  sudo?: boolean;
  /** Seconds to wait for a connection (ssh's ConnectTimeout). */
  connectTimeout?: number;
}

export const DEFAULT_CONNECT_TIMEOUT = 10;

/**
 * `--sudo`: the SFTP server started as a remote command under `sudo -n` (never a password
 * prompt). The first sftp-server of the usual places (Debian/Ubuntu, RHEL/SUSE, Arch) that
 * exists; a constant command, no value of ours inside.
 */
const SUDO_SFTP_SERVER =
  'sudo -n sh -c \'for s in /usr/lib/openssh/sftp-server /usr/libexec/openssh/sftp-server /usr/lib/ssh/sftp-server /usr/libexec/sftp-server; do if [ -x "$s" ]; then exec "$s"; fi; done; echo "no sftp-server found" >&2; exit 127\'';

/** The options every ssh and sftp run gets. A user's RequestTTY / RemoteCommand must not change the bytes. */
function sshOptionArgs(options: SshOptions): string[] {
  const args: string[] = [];
  if (options.sshConfig) args.push('-F', options.sshConfig);
  args.push(
    '-o', 'BatchMode=yes',
    '-o', `ConnectTimeout=${options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT}`,
    '-o', 'RemoteCommand=none',
    '-o', 'RequestTTY=no',
    // A server that stops answering mid-transfer ends the run instead of hanging it.
    '-o', 'ServerAliveInterval=10',
    '-o', 'ServerAliveCountMax=3',
  );
  if (options.acceptNewHostKeys) args.push('-o', 'StrictHostKeyChecking=accept-new');
  return args;
}

export function sftpArgs(target: string, options: SshOptions): string[] {
  return ['-b', '-', ...sshOptionArgs(options), ...(options.sudo ? ['-s', SUDO_SFTP_SERVER] : []), '--', sftpDestination(target)];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How long a whole run may take beyond the connection (a file of a few KB takes milliseconds). */
function runLimitMs(options: SshOptions): number {
  return ((options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT) * 2 + 60) * 1000;
}

function run(command: string, args: string[], input: string, cwd: string | undefined, limitMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n(stopped after ${Math.round(limitMs / 1000)} s)`;
      child.kill();
    }, limitMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new LiveUsageError(`${command} was not found: install the OpenSSH client (ssh, sftp)`) : error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** One sftp run of the given batch commands; `cwd` is where local paths of get/put are resolved. */
export function sftpBatch(target: string, commands: readonly string[], options: SshOptions, cwd: string): Promise<RunResult> {
  return run('sftp', sftpArgs(target, options), commands.map((line) => `${line}\n`).join(''), cwd, runLimitMs(options));
}

/** The outputs of the commands of a batch, by the echo line sftp prints before each (`sftp> cmd`). */
export function outputsByCommand(stdout: string): string[] {
  const outputs: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (line.startsWith('sftp> ')) outputs.push('');
    else if (outputs.length > 0 && line !== '') outputs[outputs.length - 1] += `${line}\n`;
  }
  return outputs;
}

const SENTINEL = 'Local working directory: ';

/**
 * An sftp connection that takes commands one group at a time, so a push can check a node's file
 * and replace it within one connection, right after the check. A group ends with `lpwd`, whose
 * answer marks its end; a failing command ends the whole connection (sftp's batch mode), and
 * the group's promise rejects with what sftp said.
 */
export class SftpSession {
  private readonly child;
  private stdout = '';
  private stderr = '';
  private exited: RunResult | undefined;
  private waiter: { resolve: (output: string) => void; reject: (error: SftpFailure) => void } | undefined;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(target: string, options: SshOptions, cwd: string) {
    this.child = spawn('sftp', sftpArgs(target, options), { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      this.settle();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (error: NodeJS.ErrnoException) => {
      this.stderr += error.code === 'ENOENT' ? 'sftp was not found: install the OpenSSH client (ssh, sftp)' : error.message;
      this.finish(null);
    });
    this.child.on('close', (code) => this.finish(code));
    // A session lives for one push; one that outlives any sensible push is ended.
    this.timer = setTimeout(() => this.child.kill(), runLimitMs(options) * 4);
  }

  /** False once the connection ended (a failed command ends it). */
  get alive(): boolean {
    return this.exited === undefined;
  }

  /** Runs the commands; resolves with their output (echo lines removed) once all ran. */
  run(commands: readonly string[]): Promise<string> {
    if (this.exited) return Promise.reject(new SftpFailure(this.exited));
    if (this.waiter) throw new Error('one group of sftp commands at a time');
    this.stdout = '';
    this.stderr = '';
    const done = new Promise<string>((resolve, reject) => (this.waiter = { resolve, reject }));
    this.child.stdin.write([...commands, 'lpwd'].map((line) => `${line}\n`).join(''));
    return done;
  }

  private settle(): void {
    const end = this.stdout.indexOf(SENTINEL);
    if (end < 0 || !this.waiter || !this.stdout.slice(end).includes('\n')) return;
    const output = this.stdout
      .slice(0, end)
      .split(/\r?\n/)
      .filter((line) => !line.startsWith('sftp> ') && line !== '')
      .join('\n');
    const { resolve } = this.waiter;
    this.waiter = undefined;
    resolve(output);
  }

  private finish(code: number | null): void {
    clearTimeout(this.timer);
    this.exited = { code, stdout: this.stdout, stderr: this.stderr };
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(new SftpFailure(this.exited));
  }

  /** Ends the connection (after the commands sent so far). */
  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('close', () => resolve());
      this.child.stdin.end();
    });
  }
}

export class SftpFailure extends Error {
  constructor(readonly result: RunResult) {
    super(lastLine(result.stderr) || `sftp ended with code ${result.code}`);
  }
}

/** `ssh -G`: the user ssh would log in as, from the same options and config (no connection is made). */
export async function loginUser(target: string, options: SshOptions): Promise<string | undefined> {
  const result = await run('ssh', ['-G', ...sshOptionArgs(options), '--', target], '', undefined, 30_000);
  return /^user (.+)$/m.exec(result.stdout)?.[1].trim();
}

/** A POSIX shell's single-quoted word: `'...'`, each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The numeric owner and group of a remote file, from `stat` in the remote shell (POSIX servers):
 * needed only to give a pushed file back to an owner other than the ssh user, since sftp's
 * chown/chgrp take numbers and its listings print names.
 */
export async function remoteOwnerIds(target: string, remotePath: string, options: SshOptions): Promise<{ uid: number; gid: number } | { error: string }> {
  const command = `${options.sudo ? 'sudo -n ' : ''}stat -L -c '%u %g' -- ${shellQuote(remotePath)}`;
  const result = await run('ssh', [...sshOptionArgs(options), '-T', '--', target, command], '', undefined, runLimitMs(options));
  const match = /^(\d+) (\d+)\s*$/.exec(result.stdout);
  if (result.code === 0 && match) return { uid: Number(match[1]), gid: Number(match[2]) };
  return { error: describeFailure(result.stderr) || `stat ended with code ${result.code}` };
}

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^Pseudo-terminal will not be allocated/.test(line));
  return sanitize(lines[lines.length - 1] ?? '');
}

/** Terminal control characters from a server's message are not passed on. */
function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}

/** What went wrong, in one line an admin can act on, from what ssh / sftp printed. */
export function describeFailure(stderr: string, context: { target?: string; remotePath?: string } = {}): string {
  const text = stderr;
  const host = context.target ?? 'the host';
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/i.test(text)) {
    return `its host key differs from the one in known_hosts (a changed server, or someone in between); not connecting. Run \`ssh ${host}\` to see the details`;
  }
  if (/Host key verification failed|No \S+ host key is known for/i.test(text)) {
    return `its host key is not known (not in known_hosts): run \`ssh ${host}\` once to check and accept it, or pass --accept-new-host-keys`;
  }
  if (/Could not resolve hostname/i.test(text)) return 'the host name does not resolve (DNS, or a Host entry in the ssh config)';
  if (/Connection refused/i.test(text)) return 'the connection was refused (no ssh server on that port?)';
  if (/timed out|Connection timeout/i.test(text)) return 'no answer within the connect timeout';
  if (/No route to host|Network is unreachable/i.test(text)) return 'the host cannot be reached (no route)';
  if (/Permission denied \((?:publickey|password|keyboard-interactive|gssapi)/i.test(text)) {
    return 'the server did not accept any key (Permission denied); is the key loaded in ssh-agent or named in the ssh config?';
  }
  if (/sudo: .*password is required|sudo: a terminal is required/i.test(text)) return '--sudo: sudo asks for a password on the server; allow the ssh user to run sftp-server with sudo and no password';
  if (/subsystem request failed/i.test(text)) return 'the server offers no SFTP subsystem (Subsystem sftp in sshd_config)';
  if (/File ".*" not found|No such file or directory/i.test(text)) return `no file at ${context.remotePath ?? 'that path'}`;
  if (/Permission denied/i.test(text)) return `the ssh user may not do that there (Permission denied: ${lastLine(text)})`;
  return lastLine(text) || 'the connection failed';
}
