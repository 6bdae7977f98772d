// A real OpenSSH server for the live-cluster tests: Debian's sshd on 127.0.0.1 (a free port),
// with a generated host key and user key, `UsePAM no`, and one local user per fake cluster host
// whose home holds the node file at opt/icewarp/path.dat. An ssh client config (-F) maps each
// cluster host name to that port and user, with a known_hosts file that knows the host key.
// Adding users needs root: without it the layer fails and says so. Everything (sshd, users,
// files) is removed by stop(), which the tests call in an `after` hook, failure or not.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const SSHD = '/usr/sbin/sshd';
const SFTP_SERVER = '/usr/lib/openssh/sftp-server';
/** Where the node file lies in each user's home: the tests pass `--remote-path opt/icewarp/path.dat`. */
export const REMOTE_PATH = 'opt/icewarp/path.dat';

export interface LabUser {
  host: string;
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export class SshLab {
  readonly users = new Map<string, LabUser>();
  private readonly groups: string[] = [];
  private sshd: ChildProcess | undefined;
  private sshdLog = '';
  private createdRunDir = false;

  private constructor(
    readonly root: string,
    readonly port: number,
  ) {}

  /** The ssh client config to pass with --ssh-config. */
  get sshConfig(): string {
    return path.join(this.root, 'ssh_config');
  }

  /** A host name the config maps to the lab's sshd under a host key alias that known_hosts lacks. */
  static readonly STRANGER = 'stranger.example.net';

  /** The node file of a host, on the "server". */
  nodeFile(host: string): string {
    return path.join(this.user(host).home, REMOTE_PATH);
  }

  nodeFolder(host: string): string {
    return path.dirname(this.nodeFile(host));
  }

  user(host: string): LabUser {
    const user = this.users.get(host);
    if (!user) throw new Error(`no lab user for ${host}`);
    return user;
  }

  /** Writes a node file on the server as its user would have it (owner, mode 0640 by default). */
  writeNode(host: string, bytes: string | Buffer, mode = 0o640): void {
    const user = this.user(host);
    const file = this.nodeFile(host);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, bytes, { mode });
    fs.chmodSync(file, mode);
    fs.chownSync(file, user.uid, user.gid);
  }

  /**
   * A group the host's user belongs to besides its own (created once, removed by stop()): a node
   * file may belong to a group shared with IceWarp's service user.
   */
  sharedGroup(host: string): { name: string; gid: number } {
    const user = this.user(host);
    const name = `${user.name}g`;
    if (!this.groups.includes(name)) {
      execFileSync('groupadd', [name]);
      this.groups.push(name);
      execFileSync('usermod', ['-a', '-G', name, user.name]);
    }
    return { name, gid: Number(execFileSync('getent', ['group', name], { encoding: 'utf8' }).split(':')[2]) };
  }

  /** Gives every folder from the home down to the node file's back to its user, writable. */
  resetFolders(host: string): void {
    const user = this.user(host);
    for (const folder of [user.home, path.join(user.home, 'opt'), this.nodeFolder(host)]) {
      fs.mkdirSync(folder, { recursive: true });
      fs.chownSync(folder, user.uid, user.gid);
      fs.chmodSync(folder, 0o755);
    }
    for (const entry of fs.readdirSync(this.nodeFolder(host))) fs.rmSync(path.join(this.nodeFolder(host), entry), { recursive: true, force: true });
    fs.rmSync(this.injectionFlag(host), { force: true });
  }

  /**
   * From the next connection on that finds a staged file of a push in the node's folder, the
   * folder turns read-only (as a disk remounted read-only between a push's two phases would).
   */
  makeReadOnlyOnceStaged(host: string): void {
    fs.writeFileSync(this.injectionFlag(host), '');
  }

  private injectionFlag(host: string): string {
    return path.join(this.root, `read-only-once-staged.${this.user(host).name}`);
  }

  /** sshd's own log, for a failing test's message. */
  get log(): string {
    return this.sshdLog;
  }

  static async start(hosts: readonly string[]): Promise<SshLab> {
    if (process.getuid?.() !== 0) {
      throw new Error('test:ssh needs root: it adds a local user per fake cluster host (useradd) for its own sshd. Run it as root (CI does), e.g. in a container.');
    }
    if (!fs.existsSync(SSHD) || !fs.existsSync(SFTP_SERVER)) installOpenSshServer();
    for (const tool of ['ssh', 'sftp', 'ssh-keygen', 'useradd', 'userdel']) {
      try {
        execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      } catch {
        throw new Error(`${tool} is missing: install openssh-client and passwd`);
      }
    }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-sshlab-'));
    // The users' homes are below: they must be able to reach them.
    fs.chmodSync(root, 0o755);
    const lab = new SshLab(root, await freePort());
    try {
      await lab.setUp(hosts);
    } catch (error) {
      await lab.stop();
      throw error;
    }
    return lab;
  }

  private async setUp(hosts: readonly string[]): Promise<void> {
    const { root } = this;
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'icewarp-lab-host', '-f', path.join(root, 'host_key')]);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'icewarp-lab-client', '-f', path.join(root, 'client_key')]);
    fs.copyFileSync(path.join(root, 'client_key.pub'), path.join(root, 'authorized_keys'));
    fs.chmodSync(path.join(root, 'authorized_keys'), 0o644);
    const hostKey = fs.readFileSync(path.join(root, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
    fs.writeFileSync(path.join(root, 'known_hosts'), `icewarp-lab ${hostKey}\n`);

    const tag = randomBytes(3).toString('hex');
    for (const [index, host] of hosts.entries()) {
      const name = `icw${tag}n${index + 1}`;
      const home = path.join(root, 'home', name);
      fs.mkdirSync(home, { recursive: true });
      // `-p '*'`: no password, yet not a locked account (sshd without PAM refuses locked ones).
      execFileSync('useradd', ['-M', '-d', home, '-s', '/bin/sh', '-U', '-p', '*', name]);
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      this.users.set(host, { host, name, uid, gid, home });
      this.resetFolders(host);
    }

    const wrapper = path.join(root, 'sftp-server.sh');
    fs.writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        '# The SFTP server; a node marked by makeReadOnlyOnceStaged() first loses write access to its',
        '# folder once a push has staged a file there.',
        `if [ -e "${root}/read-only-once-staged.$USER" ]; then`,
        `  for staged in "$HOME/${path.dirname(REMOTE_PATH)}"/.*.icewarp-*.tmp; do`,
        `    if [ -e "$staged" ]; then chmod a-w "$HOME/${path.dirname(REMOTE_PATH)}"; break; fi`,
        '  done',
        'fi',
        `exec ${SFTP_SERVER}`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );

    fs.writeFileSync(
      path.join(root, 'sshd_config'),
      [
        `Port ${this.port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${path.join(root, 'host_key')}`,
        `PidFile ${path.join(root, 'sshd.pid')}`,
        'UsePAM no',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        `AuthorizedKeysFile ${path.join(root, 'authorized_keys')}`,
        // The lab's files lie under /tmp, which is world-writable: StrictModes would refuse them.
        'StrictModes no',
        'PermitRootLogin no',
        `AllowUsers ${[...this.users.values()].map((user) => user.name).join(' ')}`,
        `Subsystem sftp ${wrapper}`,
        'LogLevel INFO',
        '',
      ].join('\n'),
    );

    const hostBlocks = [...this.users.values()].flatMap((user) => [`Host ${user.host}`, '  HostName 127.0.0.1', `  Port ${this.port}`, `  User ${user.name}`, '  HostKeyAlias icewarp-lab']);
    const first = [...this.users.values()][0];
    fs.writeFileSync(
      this.sshConfig,
      [
        ...hostBlocks,
        `Host ${SshLab.STRANGER}`,
        '  HostName 127.0.0.1',
        `  Port ${this.port}`,
        `  User ${first.name}`,
        '  HostKeyAlias icewarp-lab-stranger',
        'Host *',
        `  IdentityFile ${path.join(root, 'client_key')}`,
        '  IdentitiesOnly yes',
        '  IdentityAgent none',
        `  UserKnownHostsFile ${path.join(root, 'known_hosts')}`,
        '  GlobalKnownHostsFile /dev/null',
        '  CheckHostIP no',
        '  PasswordAuthentication no',
        '  KbdInteractiveAuthentication no',
        '',
      ].join('\n'),
    );

    // sshd refuses to start without its privilege separation folder (normally made by its service).
    if (!fs.existsSync('/run/sshd')) {
      fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
      this.createdRunDir = true;
    }
    await this.startSshd();
  }

  /** Starts sshd in the foreground and waits for its "Server listening" line (or its exit). */
  private startSshd(): Promise<void> {
    const sshd = spawn(SSHD, ['-D', '-e', '-f', path.join(this.root, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.sshd = sshd;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sshd did not start listening within 20 s:\n${this.sshdLog}`)), 20_000);
      sshd.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        this.sshdLog += chunk;
        if (this.sshdLog.includes(`Server listening on 127.0.0.1 port ${this.port}`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      sshd.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sshd exited with code ${code}:\n${this.sshdLog}`));
      });
      sshd.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  async stop(): Promise<void> {
    const sshd = this.sshd;
    this.sshd = undefined;
    if (sshd && sshd.exitCode === null && sshd.signalCode === null) {
      const exited = new Promise((resolve) => sshd.once('exit', resolve));
      sshd.kill('SIGTERM');
      await exited;
    }
    for (const user of this.users.values()) {
      // -f: a session still ending must not keep its user alive.
      try {
        execFileSync('userdel', ['-f', user.name], { stdio: 'ignore' });
      } catch {
        // Reported by the check below.
      }
      try {
        execFileSync('groupdel', [user.name], { stdio: 'ignore' });
      } catch {
        // userdel removed the user's own group already.
      }
    }
    for (const group of this.groups.splice(0)) {
      try {
        execFileSync('groupdel', [group], { stdio: 'ignore' });
      } catch {
        // Gone with its last member already.
      }
    }
    if (this.createdRunDir) fs.rmSync('/run/sshd', { recursive: true, force: true });
    fs.rmSync(this.root, { recursive: true, force: true });
    const left = [...this.users.values()].filter((user) => {
      try {
        execFileSync('id', [user.name], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
    this.users.clear();
    if (left.length > 0) throw new Error(`could not delete the lab users ${left.map((user) => user.name).join(', ')}`);
  }
}

/** Debian's openssh-server, as `npm test` installs the other Debian packages it needs (as root). */
function installOpenSshServer(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'openssh-server', 'openssh-client'], { env, stdio: 'ignore' });
  } catch (error) {
    throw new Error(`${SSHD} is missing and installing openssh-server failed (${(error as Error).message}): apt-get install openssh-server`);
  }
  if (!fs.existsSync(SSHD) || !fs.existsSync(SFTP_SERVER)) throw new Error(`${SSHD} or ${SFTP_SERVER} is still missing after apt-get install openssh-server`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
