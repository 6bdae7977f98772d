// The live cluster over real SSH: `pull`, `status` and `push` of the built command line
// (dist/cli.js) against a real sshd (./sshLab.ts) serving three fake cluster hosts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { REMOTE_PATH, SshLab } from './sshLab';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const HOSTS = ['mx1.example.net', 'mx2.example.net', 'mx3.example.net'] as const;
const SECRET = 'S3cret-Node';

if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');

/** A node of a clean three-node cluster: mx1 the master, mx2 and mx3 slaves; line 5 holds a password. */
function nodeText(index: 1 | 2 | 3, ending: '\n' | '\r\n', overrides: Record<number, string> = {}): string {
  const lines = [
    '\\\\fs01\\icewarp\\config\\',
    '',
    '',
    `4${index}`,
    `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${SECRET}${index}`,
    '',
    '',
    'C:\\IceWarp\\queues\\_outgoing\\',
    'C:\\IceWarp\\queues\\_outgoing\\retry\\',
    `10.60.0.4${index}`,
    `mx${index}.example.net`,
    'license.key',
    'C:\\IceWarp\\queues\\_incoming\\',
    index === 1 ? '0' : '1',
    'mx1.example.net',
    'mx2.example.net;mx3.example.net',
  ];
  for (const [line, text] of Object.entries(overrides)) lines[Number(line) - 1] = text;
  return lines.map((line) => line + ending).join('');
}

/** mx2 is a Windows-edited file (CRLF); the others LF. */
const ORIGINAL: Record<(typeof HOSTS)[number], string> = {
  'mx1.example.net': nodeText(1, '\n'),
  'mx2.example.net': nodeText(2, '\r\n'),
  'mx3.example.net': nodeText(3, '\n'),
};

let lab: SshLab;
/** Every output of every run, for the password check at the end. */
const allOutput: string[] = [];

before(async () => {
  lab = await SshLab.start(HOSTS);
});

after(async () => {
  for (const dir of workFolders) fs.rmSync(dir, { recursive: true, force: true });
  await lab?.stop();
});

beforeEach(() => {
  for (const host of HOSTS) {
    lab.resetFolders(host);
    lab.writeNode(host, ORIGINAL[host]);
  }
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(command: string, args: readonly string[], cwd: string, input = ''): Promise<Run> {
  return runWithEnv(command, args, cwd, {}, input);
}

function runWithEnv(command: string, args: readonly string[], cwd: string, extra: Record<string, string>, input = ''): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'SSH_AUTH_SOCK']) delete env[name];
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      allOutput.push(stdout, stderr);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(input);
  });
}

function cli(args: readonly string[], cwd: string, input = ''): Promise<Run> {
  return run(process.execPath, [CLI, ...args], cwd, input);
}

function ssh(): string[] {
  return ['--ssh-config', lab.sshConfig];
}

const workFolders: string[] = [];

function workFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-live-'));
  workFolders.push(dir);
  return dir;
}

async function pulled(): Promise<string> {
  const dir = workFolder();
  const result = await cli(['pull', 'mx1.example.net', '--into', 'cluster', '--remote-path', REMOTE_PATH, ...ssh()], dir);
  assert.equal(result.code, 0, result.stderr + result.stdout);
  return path.join(dir, 'cluster');
}

function local(folder: string, host: string): string {
  return path.join(folder, host, 'path.dat');
}

function editLocal(folder: string, host: string, edit: (text: string) => string): void {
  const file = local(folder, host);
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
}

/** Files in a node's folder on the server besides path.dat (backups, staged files). */
function extraServerFiles(host: string): string[] {
  return fs.readdirSync(lab.nodeFolder(host)).filter((name) => name !== 'path.dat');
}

function serverText(host: string): string {
  return fs.readFileSync(lab.nodeFile(host), 'utf8');
}

test('pull discovers the three-node cluster from one host name, writes each file byte for byte and owner-only, records it and checks it', async () => {
  // mx3 names mx2 in another spelling: the same node, pulled once.
  lab.writeNode('mx3.example.net', nodeText(3, '\n', { 16: 'MX2.Example.NET.;mx3.example.net' }));
  const dir = workFolder();
  const result = await cli(['pull', 'mx1.example.net', '--into', 'cluster', '--remote-path', REMOTE_PATH, ...ssh()], dir);
  const folder = path.join(dir, 'cluster');
  assert.deepEqual(fs.readdirSync(folder).sort(), ['.icewarp-cluster.json', ...HOSTS]);
  for (const host of HOSTS) {
    assert.ok(fs.readFileSync(local(folder, host)).equals(fs.readFileSync(lab.nodeFile(host))), `${host} differs from the server's bytes`);
    assert.equal(fs.statSync(local(folder, host)).mode & 0o777, 0o600, host);
    assert.match(fs.readFileSync(path.join(folder, host, '.gitignore'), 'utf8'), /^\*$/m);
  }
  const record = JSON.parse(fs.readFileSync(path.join(folder, '.icewarp-cluster.json'), 'utf8')) as { nodes: { host: string; sshTarget: string; remotePath: string; sha256: string; pulledAt: string }[] };
  assert.deepEqual(record.nodes.map((node) => node.host), [...HOSTS]);
  assert.equal(record.nodes[0].remotePath, REMOTE_PATH);
  assert.match(record.nodes[1].sha256, /^[0-9a-f]{64}$/);
  assert.match(result.stderr, /mx1\.example\.net: line 16 \(slave hosts\) names mx2\.example\.net/);
  assert.match(result.stderr, /Pulled 3 nodes into cluster\./);
  // Then the folder is checked as `check` checks it (a case-folded name is worth a word, no error).
  assert.match(result.stdout, /in 3 files|in \d of 3 files/);
  assert.equal(result.code, /\d+ errors?\b/.test(result.stdout) && !/ 0 errors/.test(result.stdout) ? 1 : 0, result.stdout + result.stderr);
});

test('status: in sync after the pull; then changed locally, on the server, or both, per node (exit 1)', async () => {
  const folder = await pulled();
  const clean = await cli(['status', folder, ...ssh()], os.tmpdir());
  assert.equal(clean.code, 0, clean.stderr);
  assert.equal(clean.stdout, HOSTS.map((host) => `${host}: in sync\n`).join(''));

  lab.writeNode('mx1.example.net', nodeText(1, '\n', { 4: '51' }));
  editLocal(folder, 'mx1.example.net', (text) => text.replace('mx2.example.net;mx3', 'mx3.example.net;mx2'));
  lab.writeNode('mx2.example.net', nodeText(2, '\r\n', { 4: '52' }));
  editLocal(folder, 'mx3.example.net', (text) => text.replace(/^43$/m, '53'));
  const drift = await cli(['status', folder, ...ssh()], os.tmpdir());
  assert.equal(drift.code, 1, drift.stderr);
  assert.equal(drift.stdout, ['mx1.example.net: changed locally and on the server', 'mx2.example.net: changed on the server', 'mx3.example.net: changed locally', ''].join('\n'));
});

test('push is refused when a server changed since the pull: "pull again", nothing written anywhere (exit 1)', async () => {
  const folder = await pulled();
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/^42\r$/m, '52\r'));
  editLocal(folder, 'mx3.example.net', (text) => text.replace(/^43$/m, '53'));
  const changedOnServer = nodeText(2, '\r\n', { 13: 'D:\\IceWarp\\queues\\_incoming\\' });
  lab.writeNode('mx2.example.net', changedOnServer);
  const result = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /mx2\.example\.net: refused: changed on the server since the pull; pull again/);
  assert.match(result.stderr, /Nothing was written\./);
  assert.equal(serverText('mx2.example.net'), changedOnServer);
  assert.equal(serverText('mx3.example.net'), ORIGINAL['mx3.example.net']);
  for (const host of HOSTS) assert.deepEqual(extraServerFiles(host), [], host);
});

test('push --dry-run prints the diff per node with passwords masked, and writes nothing (exit 0)', async () => {
  const folder = await pulled();
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/^42\r$/m, '52\r').replace('S3cret-Node2', 'N3w-Passw0rd'));
  const result = await cli(['push', folder, '--dry-run', ...ssh()], os.tmpdir());
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^--- a\/mx2\.example\.net\/path\.dat\n\+\+\+ b\/mx2\.example\.net\/path\.dat\n@@ /);
  assert.match(result.stdout, /^-42\r$/m);
  assert.match(result.stdout, /^\+52\r$/m);
  assert.doesNotMatch(result.stdout + result.stderr, /N3w-Passw0rd|S3cret/);
  assert.match(result.stderr, /Dry run: nothing was written \(1 node would be: mx2\.example\.net\)/);
  assert.equal(serverText('mx2.example.net'), ORIGINAL['mx2.example.net']);
  for (const host of HOSTS) assert.deepEqual(extraServerFiles(host), [], host);
});

test('push without a terminal and without --yes writes nothing and exits 2', async () => {
  const folder = await pulled();
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/^42\r$/m, '52\r'));
  const result = await cli(['push', folder, ...ssh()], os.tmpdir());
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /No terminal to confirm on: pass --yes to write\. Nothing was written\./);
  assert.equal(serverText('mx2.example.net'), ORIGINAL['mx2.example.net']);
  for (const host of HOSTS) assert.deepEqual(extraServerFiles(host), [], host);
});

test('on a terminal, push asks first, and "n" writes nothing', async () => {
  const folder = await pulled();
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/^42\r$/m, '52\r'));
  // util-linux `script` gives the command a terminal; its input is the answer.
  const command = [process.execPath, CLI, 'push', folder, ...ssh()].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = await run('script', ['-qec', command, '/dev/null'], os.tmpdir(), 'n\n');
  assert.match(result.stdout, /Write 1 node \(mx2\.example\.net\)\? \[y\/N\]/);
  assert.match(result.stdout, /Nothing was written\./);
  assert.equal(serverText('mx2.example.net'), ORIGINAL['mx2.example.net']);
  assert.deepEqual(extraServerFiles('mx2.example.net'), []);
});

test('push writes only the changed node, atomically, with a backup, the server\'s line endings, mode and owner; status is then in sync', async () => {
  const folder = await pulled();
  const untouched = new Map(['mx1.example.net', 'mx3.example.net'].map((host) => [host, fs.statSync(lab.nodeFile(host))]));
  const before = fs.statSync(lab.nodeFile('mx2.example.net'));
  // An editor that turned the CRLF file into LF while changing the Server ID.
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/\r\n/g, '\n').replace(/^42$/m, '52'));
  const result = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(result.code, 0, result.stderr);
  const expected = nodeText(2, '\r\n', { 4: '52' });
  assert.equal(serverText('mx2.example.net'), expected);
  const after = fs.statSync(lab.nodeFile('mx2.example.net'));
  assert.notEqual(after.ino, before.ino, 'replaced by a rename, not rewritten in place');
  assert.equal(after.mode & 0o7777, 0o640);
  assert.equal(after.uid, lab.user('mx2.example.net').uid);
  assert.equal(after.gid, lab.user('mx2.example.net').gid);
  const [backup, ...others] = extraServerFiles('mx2.example.net');
  assert.deepEqual(others, []);
  assert.match(backup, /^path\.dat\.bak-\d{8}T\d{6}\.\d{3}Z$/);
  const backupFile = path.join(lab.nodeFolder('mx2.example.net'), backup);
  assert.equal(fs.readFileSync(backupFile, 'utf8'), ORIGINAL['mx2.example.net']);
  assert.equal(fs.statSync(backupFile).mode & 0o7777, 0o640);
  for (const [host, stats] of untouched) {
    const now = fs.statSync(lab.nodeFile(host));
    assert.equal(now.ino, stats.ino, host);
    assert.equal(now.mtimeMs, stats.mtimeMs, host);
    assert.deepEqual(extraServerFiles(host), [], host);
  }
  assert.match(result.stderr, /written with the server's \(CRLF\)/);
  assert.match(result.stderr, /restart the IceWarp services on each changed node \(mx2\.example\.net\)/);
  assert.equal(fs.readFileSync(local(folder, 'mx2.example.net'), 'utf8'), expected);
  const status = await cli(['status', folder, ...ssh()], os.tmpdir());
  assert.equal(status.code, 0, status.stdout + status.stderr);
});

test('a symbolic link to the node file stays a link: its target is replaced, with the backup beside it', async () => {
  const host = 'mx1.example.net';
  const user = lab.user(host);
  const target = path.join(lab.nodeFolder(host), 'live', 'path.dat');
  fs.mkdirSync(path.dirname(target));
  fs.chownSync(path.dirname(target), user.uid, user.gid);
  fs.renameSync(lab.nodeFile(host), target);
  fs.symlinkSync('live/path.dat', lab.nodeFile(host));
  fs.lchownSync(lab.nodeFile(host), user.uid, user.gid);
  const folder = await pulled();
  editLocal(folder, host, (text) => text.replace(/^41$/m, '51'));
  const result = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(result.code, 0, result.stderr);
  assert.equal(fs.readlinkSync(lab.nodeFile(host)), 'live/path.dat');
  assert.equal(fs.readFileSync(target, 'utf8'), nodeText(1, '\n', { 4: '51' }));
  const backups = fs.readdirSync(path.dirname(target)).filter((name) => name.startsWith('path.dat.bak-'));
  assert.equal(backups.length, 1);
  assert.equal(fs.readFileSync(path.join(path.dirname(target), backups[0]), 'utf8'), ORIGINAL[host]);
});

test("push gives the new file the live file's group (one the ssh user shares), and stops when it cannot", async () => {
  const folder = await pulled();
  const shared = lab.sharedGroup('mx2.example.net');
  fs.chownSync(lab.nodeFile('mx2.example.net'), lab.user('mx2.example.net').uid, shared.gid);
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/^42\r$/m, '52\r'));
  const kept = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(kept.code, 0, kept.stderr);
  assert.equal(fs.statSync(lab.nodeFile('mx2.example.net')).gid, shared.gid);
  assert.equal(fs.statSync(lab.nodeFile('mx2.example.net')).mode & 0o7777, 0o640);

  // root's group is not the ssh user's to give: nothing is replaced.
  fs.chownSync(lab.nodeFile('mx3.example.net'), lab.user('mx3.example.net').uid, 0);
  const again = await cli(['pull', 'mx1.example.net', '--into', folder, '--remote-path', REMOTE_PATH, ...ssh()], os.tmpdir());
  assert.equal(again.code, 0, again.stderr);
  editLocal(folder, 'mx3.example.net', (text) => text.replace(/^43$/m, '53'));
  const refused = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, /mx3\.example\.net: could not stage the new file: the new file could not be given the owner and group/);
  assert.match(refused.stderr, /Nothing was changed on any node\./);
  assert.equal(serverText('mx3.example.net'), ORIGINAL['mx3.example.net']);
  assert.deepEqual(extraServerFiles('mx3.example.net'), []);
});

test('push is refused when the folder has an error under its severity settings, and prints it as check does', async () => {
  const folder = await pulled();
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/^42\r$/m, '103\r'));
  const result = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /mx2\.example\.net\/path\.dat:4:3 {2}error {4}Server ID "103" has 3 characters/);
  assert.match(result.stderr, /refused: the folder has an error under its severity settings/);
  assert.equal(serverText('mx2.example.net'), ORIGINAL['mx2.example.net']);
  assert.deepEqual(extraServerFiles('mx2.example.net'), []);
});

test('push is refused when the ssh user cannot write the file itself (its owner made it read-only)', async () => {
  const folder = await pulled();
  fs.chmodSync(lab.nodeFile('mx3.example.net'), 0o444);
  editLocal(folder, 'mx1.example.net', (text) => text.replace(/^41$/m, '51'));
  editLocal(folder, 'mx3.example.net', (text) => text.replace(/^43$/m, '53'));
  const result = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /mx3\.example\.net: refused: it is read-only \(r--r--r--\)/);
  assert.equal(serverText('mx1.example.net'), ORIGINAL['mx1.example.net']);
  for (const host of HOSTS) assert.deepEqual(extraServerFiles(host), [], host);
});

test('a node whose folder cannot be written stops the push before any live file changed, and its staged files are removed elsewhere', async () => {
  const folder = await pulled();
  fs.chmodSync(lab.nodeFolder('mx3.example.net'), 0o555);
  editLocal(folder, 'mx1.example.net', (text) => text.replace(/^41$/m, '51'));
  editLocal(folder, 'mx3.example.net', (text) => text.replace(/^43$/m, '53'));
  const result = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /mx3\.example\.net: could not stage the new file: .*Permission denied/);
  assert.match(result.stderr, /Nothing was changed on any node\./);
  for (const host of HOSTS) {
    assert.equal(serverText(host), ORIGINAL[host], host);
    assert.deepEqual(extraServerFiles(host), [], host);
  }
});

test('a rename that fails on the last node puts the nodes already replaced back as they were (exit 1)', async () => {
  const folder = await pulled();
  editLocal(folder, 'mx1.example.net', (text) => text.replace(/^41$/m, '51'));
  editLocal(folder, 'mx2.example.net', (text) => text.replace(/^42\r$/m, '52\r'));
  editLocal(folder, 'mx3.example.net', (text) => text.replace(/^43$/m, '53'));
  lab.makeReadOnlyOnceStaged('mx3.example.net');
  const result = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /mx1\.example\.net: replaced /);
  assert.match(result.stderr, /mx2\.example\.net: replaced /);
  assert.match(result.stderr, /mx3\.example\.net: could not replace .*Permission denied/);
  assert.match(result.stderr, /mx2\.example\.net: put back as it was/);
  assert.match(result.stderr, /mx1\.example\.net: put back as it was/);
  assert.match(result.stderr, /Every node holds the file it held before the push\./);
  for (const host of HOSTS) assert.equal(serverText(host), ORIGINAL[host], host);
  // The read-only folder keeps what was staged there: said, to delete by hand.
  assert.match(result.stderr, /mx3\.example\.net: could not delete .*\.tmp on the server; delete it by hand/);
  for (const host of ['mx1.example.net', 'mx2.example.net']) assert.deepEqual(extraServerFiles(host), [], host);
  const status = await cli(['status', folder, ...ssh()], os.tmpdir());
  assert.equal(status.stdout, HOSTS.map((host) => `${host}: changed locally\n`).join(''));
});

test('status shows a node a failed push could not put back, and push refuses until it is pulled again', async () => {
  const folder = await pulled();
  const recordFile = path.join(folder, '.icewarp-cluster.json');
  const record = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as { nodes: Record<string, unknown>[] };
  record.nodes[1].restoreFailed = { at: '2025-01-31T12:00:00.000Z', backup: '/opt/icewarp/path.dat.bak-20250131T120000.000Z', reason: 'the connection failed' };
  fs.writeFileSync(recordFile, JSON.stringify(record));
  const status = await cli(['status', folder, ...ssh()], os.tmpdir());
  assert.equal(status.code, 1);
  assert.match(
    status.stdout,
    /^mx2\.example\.net: in sync; a push on 2025-01-31T12:00:00\.000Z could not be undone here \(the connection failed\); the file as it was before is in \/opt\/icewarp\/path\.dat\.bak-20250131T120000\.000Z on the server$/m,
  );
  editLocal(folder, 'mx1.example.net', (text) => text.replace(/^41$/m, '51'));
  const push = await cli(['push', folder, '--yes', ...ssh()], os.tmpdir());
  assert.equal(push.code, 1);
  assert.match(push.stderr, /mx2\.example\.net: refused: a push on 2025-01-31T12:00:00\.000Z could not be undone on this node .*; pull again first/);
  assert.equal(serverText('mx1.example.net'), ORIGINAL['mx1.example.net']);
});

test('a slave host "-oProxyCommand=..." in a pulled file is reported and never reaches ssh: nothing runs', async () => {
  const marker = path.join(lab.root, 'proxy-command-ran');
  const hostile = `-oProxyCommand=touch\${IFS}${marker}`;
  lab.writeNode('mx1.example.net', nodeText(1, '\n', { 16: `mx2.example.net;${hostile};mx3.example.net` }));
  const dir = workFolder();
  const result = await cli(['pull', 'mx1.example.net', '--into', 'cluster', '--remote-path', REMOTE_PATH, ...ssh()], dir);
  assert.ok(!fs.existsSync(marker), 'the ProxyCommand ran');
  assert.ok(result.stderr.includes(`line 16 (slave hosts) names ${JSON.stringify(hostile)}, which is not a host name`), result.stderr);
  assert.match(result.stderr, /not contacted/);
  assert.match(result.stderr, /Pulled 3 nodes/);
  // check reports the value as a problem of the file; the exit code is check's.
  assert.equal(result.code, 1, result.stdout);
});

test('a host whose key is not known fails within seconds with one line and exit 2; --accept-new-host-keys takes it', async () => {
  const dir = workFolder();
  const refused = await cli(['pull', SshLab.STRANGER, '--into', 'cluster', '--remote-path', REMOTE_PATH, ...ssh()], dir);
  assert.equal(refused.code, 2, refused.stderr);
  assert.ok(refused.ms < 8000, `took ${refused.ms} ms`);
  assert.equal(
    refused.stderr,
    `${SshLab.STRANGER}: its host key is not known (not in known_hosts): run \`ssh ${SshLab.STRANGER}\` once to check and accept it, or pass --accept-new-host-keys\n`,
  );
  assert.equal(refused.stdout, '');
  assert.ok(!fs.existsSync(path.join(dir, 'cluster', SshLab.STRANGER)));

  const accepted = await cli(['pull', SshLab.STRANGER, '--no-discover', '--accept-new-host-keys', '--into', 'cluster', '--remote-path', REMOTE_PATH, ...ssh()], dir);
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'cluster')).sort(), ['.icewarp-cluster.json', SshLab.STRANGER]);
});

test('a host name that is no host name is refused before any ssh run (exit 2)', async () => {
  const result = await cli(['pull', '-oProxyCommand=true', '--into', 'cluster', ...ssh()], workFolder());
  // Commander takes it for an option; after `--` it reaches the host check.
  assert.equal(result.code, 2);
  const quoted = await cli(['pull', '--into', 'cluster', ...ssh(), '--', 'mx1.example.net;id'], workFolder());
  assert.equal(quoted.code, 2);
  assert.match(quoted.stderr, /"mx1\.example\.net;id" is not a host name: it holds ";"/);
});

test('in VS Code (code-server): Pull Cluster from Servers… brings the cluster into the workspace, the view shows its state, Push writes the changed node', async () => {
  const pullInto = path.join(workFolder(), 'pulled');
  const before = new Map(HOSTS.map((host) => [host, fs.statSync(lab.nodeFile(host)).ino]));
  // The suite runs in the extension host (test/e2e/live/suite); its own asserts decide the exit code.
  const result = await runWithEnv(process.execPath, [path.join(ROOT, 'test', 'e2e', 'runCodeServer.mjs'), '--live-cluster'], ROOT, {
    ICEWARP_E2E_SSH_CONFIG: lab.sshConfig,
    ICEWARP_E2E_REMOTE_PATH: REMOTE_PATH,
    ICEWARP_E2E_PULL_INTO: pullInto,
  });
  assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
  assert.match(result.stdout, /\b4 passing\b/, result.stdout);
  for (const host of HOSTS) assert.ok(fs.readFileSync(path.join(pullInto, host, 'path.dat')).length > 0, host);
  assert.equal(serverText('mx2.example.net'), nodeText(2, '\r\n', { 4: '52' }));
  assert.notEqual(fs.statSync(lab.nodeFile('mx2.example.net')).ino, before.get('mx2.example.net'));
  for (const host of ['mx1.example.net', 'mx3.example.net'] as const) assert.equal(fs.statSync(lab.nodeFile(host)).ino, before.get(host), host);
});

test('no password of any node appeared in any output of the runs above', () => {
  assert.ok(allOutput.length > 20, 'the runs above produced the output checked here');
  for (const output of allOutput) assert.ok(!output.includes(SECRET), `a password was printed:\n${output}`);
});
