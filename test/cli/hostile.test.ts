// Hostile input for the command line: settings files that reach for Object.prototype or nest
// too deep, folders it cannot list or whose names are not UTF-8, output it cannot write, files
// it may not write, diffs around a masked line 5, values that would drive the terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, type Run, copyFixture, runCli, runCliUnprivileged, runCommand } from './helpers';

const ESC = '\u001b';

/** Runs the command line with stdout and stderr as given (a file descriptor, or 'pipe'). */
function runWithStreams(args: readonly string[], cwd: string, stdout: number | 'pipe', stderr: number | 'pipe'): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', stdout, stderr], encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Runs the command line with the reading end of one stream closed before it writes (`| head -0`). */
function runWithClosedReader(args: readonly string[], cwd: string, closed: 'stdout' | 'stderr'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const open = closed === 'stdout' ? child.stderr : child.stdout;
    let text = '';
    open.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child[closed].destroy();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: closed === 'stdout' ? '' : text, stderr: closed === 'stderr' ? '' : text }));
  });
}

test('a settings file cannot reach Object.prototype: __proto__, constructor and prototype are keys like any other, at every level', () => {
  const settingsFiles = [
    '{ "icewarp.__proto__.server-id-too-long": "off" }',
    '{ "icewarp.diagnostics.__proto__.server-id-too-long": "off" }',
    '{ "icewarp.diagnostics.severity.__proto__": { "server-id-too-long": "off" } }',
    '{ "icewarp": { "__proto__": { "server-id-too-long": "off" } } }',
    '{ "icewarp": { "diagnostics": { "severity": { "__proto__": { "server-id-too-long": "off" } } } } }',
    '{ "__proto__": { "icewarp.diagnostics.severity": { "server-id-too-long": "off" } } }',
    '{ "icewarp.constructor.prototype.server-id-too-long": "off" }',
    '{ "icewarp": { "constructor": { "prototype": { "server-id-too-long": "off" } } } }',
    '{ "icewarp.diagnostics.severity.constructor": "off", "icewarp.diagnostics.severity.prototype": "off" }',
    '{ "icewarp.prototype.__proto__.constructor": { "server-id-too-long": "off" } }',
  ];
  for (const settings of settingsFiles) {
    const root = copyFixture('clean');
    // Two folders: the pull request touches one, and its settings must not reach the other.
    for (const node of ['mx1', 'mx2']) {
      const file = path.join(root, node, 'path.dat');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^\d+$/m, (id) => `${id}7`));
    }
    fs.mkdirSync(path.join(root, 'mx1', '.vscode'));
    fs.writeFileSync(path.join(root, 'mx1', '.vscode', 'settings.json'), settings);
    const run = runCli(['check'], { cwd: root });
    for (const node of ['mx1', 'mx2']) assert.match(run.stdout, new RegExp(`^${node}/path\\.dat:4:\\d+ .*server-id-too-long$`, 'm'), `${settings}\n${run.stdout}`);
    assert.equal(run.code, 1, settings);
  }
});

test('a settings file nested 100,000 deep is named, its folder uses the defaults, and the run goes on', () => {
  const root = copyFixture('linux-lf');
  fs.mkdirSync(path.join(root, 'mx2', '.vscode'));
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  fs.writeFileSync(path.join(root, 'mx2', '.vscode', 'settings.json'), `{ "icewarp.diagnostics.severity": { "whitespace": "off" }, "deep": ${deep} }`);
  const run = runCli(['check'], { cwd: root });
  assert.equal(run.stderr, 'mx2/.vscode/settings.json: nested too deeply to be read; using the default settings\n');
  assert.match(run.stdout, /^mx2\/path\.dat:1:17 {2}warning {2}.* {2}whitespace$/m, 'the defaults apply to that folder');
  assert.match(run.stdout, / of 2 files$/m, 'every file is checked');
  assert.equal(run.code, 1);
});

test('a folder that cannot be listed is named on stderr and the run exits 2 (run as nobody when root)', () => {
  const root = copyFixture('clean');
  const locked = path.join(root, 'locked');
  fs.mkdirSync(path.join(locked, 'mx3'), { recursive: true });
  fs.copyFileSync(path.join(root, 'mx1', 'path.dat'), path.join(locked, 'mx3', 'path.dat'));
  fs.chmodSync(locked, 0o000);
  try {
    const run = runCliUnprivileged(['check'], root);
    assert.equal(run.stderr, 'locked: a folder that could not be listed: permission denied; node files in it are not checked\n');
    assert.match(run.stdout, /^No problems in 2 files$/m, 'the rest is checked');
    assert.equal(run.code, 2);
  } finally {
    fs.chmodSync(locked, 0o755);
  }
});

test('a folder whose name is not UTF-8 is walked by its bytes, checked, fixed, and printed with \\xNN', () => {
  const root = copyFixture('clean');
  // cp1250 "Zálohy" (backups), as an old zip unpacks it: 0xE1 is no UTF-8.
  const backups = Buffer.concat([Buffer.from(`${root}/Z`), Buffer.of(0xe1), Buffer.from('lohy')]);
  fs.mkdirSync(backups);
  const node = Buffer.concat([backups, Buffer.from('/path.dat')]);
  const text = fs.readFileSync(path.join(root, 'mx2', 'path.dat'), 'utf8').replace('\n', ' \n');
  fs.writeFileSync(node, text);
  const run = runCli(['check'], { cwd: root });
  assert.match(run.stdout, /^Z\\xe1lohy\/path\.dat:1:\d+ {2}warning .*whitespace$/m, run.stdout);
  assert.match(run.stdout, /in \d of 3 files$/m);
  const json = JSON.parse(runCli(['check', '--format', 'json'], { cwd: root }).stdout) as { file: string }[];
  assert.ok(json.some((file) => file.file === 'Z\\xe1lohy/path.dat'), JSON.stringify(json.map((file) => file.file)));
  const sarif = runCli(['check', '--format', 'sarif'], { cwd: root }).stdout;
  assert.ok(sarif.includes('"uri": "Z%E1lohy/path.dat"'), 'SARIF names the bytes as a URI does');
  const diff = runCli(['check', '--fix-dry-run'], { cwd: root }).stdout;
  assert.ok(diff.includes('--- "a/Z\\341lohy/path.dat"\n'), `headers quoted as git quotes them:\n${diff}`);
  const fix = runCli(['check', '--fix'], { cwd: root });
  assert.match(fix.stderr, /^Fixed Z\\xe1lohy\/path\.dat: /m);
  assert.equal(fs.readFileSync(node, 'utf8'), text.replace(' \n', '\n'), 'written back under its own bytes');
});

test('stdout that cannot be written: exit 2 and one line on stderr, never 1 and a stack trace', () => {
  const full = fs.openSync('/dev/full', 'w');
  try {
    for (const args of [['check'], ['check', '--format', 'sarif'], ['codes']]) {
      const run = runWithStreams(args, copyFixture('cross-node'), full, 'pipe');
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr, 'icewarp-pathcfg: could not write the output: no space left on device (ENOSPC)\n');
    }
  } finally {
    fs.closeSync(full);
  }
});

test('stderr that cannot be written keeps exit 2 for input that could not be read', async () => {
  const full = fs.openSync('/dev/full', 'w');
  try {
    const run = runWithStreams(['check', '.', 'no-such-folder'], copyFixture('clean'), 'pipe', full);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^No problems in 2 files$/m);
  } finally {
    fs.closeSync(full);
  }
  const closed = await runWithClosedReader(['check', '.', 'no-such-folder'], copyFixture('clean'), 'stderr');
  assert.equal(closed.code, 2);
});

test('a reader that goes away (| head) ends the run quietly with the exit code of the findings', async () => {
  const run = await runWithClosedReader(['check'], copyFixture('cross-node'), 'stdout');
  assert.equal(run.stderr, '');
  assert.equal(run.code, 1, 'cross-node has errors');
  const clean = await runWithClosedReader(['check'], copyFixture('clean'), 'stdout');
  assert.equal(clean.code, 0);
});

test('--fix leaves a read-only (0444) file alone, names it and exits 2, also as root', () => {
  const root = copyFixture('linux-lf');
  const file = path.join(root, 'mx2', 'path.dat');
  const before = fs.readFileSync(file);
  fs.chmodSync(file, 0o444);
  const run = runCli(['check', '--fix'], { cwd: root });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^mx2\/path\.dat: not fixed: the file is read-only$/m);
  assert.ok(fs.readFileSync(file).equals(before), 'untouched');
  assert.equal(fs.statSync(file).mode & 0o777, 0o444);
});

test('--fix-dry-run: a hunk beside a masked line 5 has no context on that side and applies with git apply --unidiff-zero', () => {
  const dryRoot = copyFixture('cross-node');
  const fixRoot = copyFixture('cross-node');
  const run = runCli(['check', '--fix-dry-run'], { cwd: dryRoot });
  assert.ok(!run.stdout.includes('***'), `line 5 is no context:\n${run.stdout}`);
  assert.ok(run.stdout.includes('@@ -1,4 +1,4 @@\n'), run.stdout);
  fs.writeFileSync(path.join(dryRoot, 'fixes.diff'), run.stdout);
  const apply = runCommand('git', ['apply', '--unidiff-zero', 'fixes.diff'], { cwd: dryRoot });
  assert.equal(apply.code, 0, apply.stderr);
  runCli(['check', '--fix'], { cwd: fixRoot });
  for (const node of ['mx1', 'mx2', 'mx3']) {
    const file = `${node}/path.dat`;
    assert.ok(fs.readFileSync(path.join(dryRoot, file)).equals(fs.readFileSync(path.join(fixRoot, file))), file);
  }
});

test('--fix-dry-run: a change of line 5 itself is printed masked, commented out as not applicable, and the exit code is 2', () => {
  const dryRoot = copyFixture('windows-crlf');
  const fixRoot = copyFixture('windows-crlf');
  const run = runCli(['check', '--fix-dry-run'], { cwd: dryRoot });
  assert.ok(
    run.stdout.includes('# not applicable: contains a password\n# @@ -5 +5 @@\n# -//fs01/icewarp;ICEWARP\\svc-mail;***\r\n# +\\\\fs01\\icewarp;ICEWARP\\svc-mail;***\r\n'),
    run.stdout,
  );
  assert.match(run.stderr, /^mx1\/path\.dat: the fix of line 5 is not applicable from the diff: it contains a password, which the diff masks; --fix writes it$/m);
  assert.equal(run.code, 2);
  fs.writeFileSync(path.join(dryRoot, 'fixes.diff'), run.stdout);
  const apply = runCommand('git', ['apply', '--unidiff-zero', 'fixes.diff'], { cwd: dryRoot });
  assert.equal(apply.code, 0, apply.stderr);
  runCli(['check', '--fix'], { cwd: fixRoot });
  const applied = fs.readFileSync(path.join(dryRoot, 'mx1', 'path.dat'), 'utf8').split('\r\n');
  const fixed = fs.readFileSync(path.join(fixRoot, 'mx1', 'path.dat'), 'utf8').split('\r\n');
  assert.deepEqual(
    applied.map((line, index) => (line === fixed[index] ? 0 : index + 1)).filter(Boolean),
    [5],
    'every fix but line 5 applied',
  );
  assert.ok(fs.readFileSync(path.join(dryRoot, 'mx2', 'path.dat')).equals(fs.readFileSync(path.join(fixRoot, 'mx2', 'path.dat'))));
});

test('terminal escapes in values and folder names are printed escaped in every human-readable output', () => {
  const root = copyFixture('clean');
  const evil = path.join(root, `mx1${ESC}[2J`);
  fs.renameSync(path.join(root, 'mx1'), evil);
  const file = path.join(evil, 'path.dat');
  // An OSC title change and a screen clear in the hostname (line 11), a C1 CSI and a bidi override on line 12.
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines[10] = `mx1${ESC}]0;pwned\u0007${ESC}[2J.ok.example`;
  lines[11] = 'license\u009b31m\u202e.key';
  fs.writeFileSync(file, lines.join('\n'));
  // And a line on stderr that names the folder: a FIFO called path.cfg beside the node.
  spawnSync('mkfifo', [path.join(evil, 'path.cfg')]);
  for (const format of ['text', 'github']) {
    const run = runCli(['check', '--format', format], { cwd: root });
    for (const output of [run.stdout, run.stderr]) {
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(output), `${format}: ${JSON.stringify(output)}`);
    }
    assert.ok(run.stdout.includes('mx1\\x1b]0;pwned\\x07\\x1b[2J.ok.example'), `${format}: the value is shown, escaped:\n${run.stdout}`);
    assert.ok(run.stdout.includes('mx1\\x1b[2J/path.dat'), `${format}: the folder too`);
    assert.equal(run.stderr, 'mx1\\x1b[2J/path.cfg: a FIFO (named pipe), not a regular file\n');
  }
});
