// Exit codes, what is looked at and what is said about input that cannot be checked, the
// editor's settings file, severities from the command line, bad usage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, copyFixture, runCli, tempDir } from './helpers';

test('exit code 0 for a clean cluster, 1 for errors, 2 for input that cannot be read', () => {
  assert.equal(runCli(['check'], { cwd: copyFixture('clean') }).code, 0);
  assert.equal(runCli(['check'], { cwd: copyFixture('cross-node') }).code, 1);
  const root = copyFixture('clean');
  const run = runCli(['check', '.', 'no-such-folder'], { cwd: root });
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'no-such-folder: no such file or folder\n');
  assert.match(run.stdout, /^No problems in 2 files$/m, 'the rest is still checked');
});

test('warnings alone exit 0, unless there are more than --max-warnings', () => {
  const root = copyFixture('linux-lf');
  const options = { cwd: root };
  assert.equal(runCli(['check', '--rule', 'master-in-slave-list=warning'], options).code, 0);
  // Three warnings: a trailing space, an empty Server ID and the master in mx2's slave list.
  assert.equal(runCli(['check', '--rule', 'master-in-slave-list=warning', '--max-warnings', '3'], options).code, 0);
  assert.equal(runCli(['check', '--rule', 'master-in-slave-list=warning', '--max-warnings', '2'], options).code, 1);
});

test('a folder with no node files says so and exits 0', () => {
  const empty = tempDir();
  fs.mkdirSync(path.join(empty, 'node_modules', 'x'), { recursive: true });
  fs.writeFileSync(path.join(empty, 'node_modules', 'x', 'path.dat'), 'skipped, as the editor skips it\n');
  const run = runCli(['check'], { cwd: empty });
  assert.equal(run.code, 0);
  assert.equal(run.stderr, 'No path.cfg or path.dat found in ..\n');
  assert.equal(runCli(['check', '--format', 'json'], { cwd: empty }).stdout, '[]\n');
});

test('a FIFO named path.dat is named, not opened, and the run goes on to exit 2', () => {
  const root = copyFixture('clean');
  fs.mkdirSync(path.join(root, 'mx3'));
  execFileSync('mkfifo', [path.join(root, 'mx3', 'path.dat')]);
  const run = runCli(['check'], { cwd: root });
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'mx3/path.dat: a FIFO (named pipe), not a regular file\n');
  assert.match(run.stdout, /^No problems in 2 files$/m);
  // Named on the command line, the same.
  assert.equal(runCli(['check', 'mx3/path.dat'], { cwd: root }).stderr, 'mx3/path.dat: a FIFO (named pipe), not a regular file\n');
});

test('a file over --max-file-size gets one line and the file-too-large diagnostic, and exit 2', () => {
  const root = copyFixture('clean');
  const run = runCli(['check', '--max-file-size', '100'], { cwd: root });
  assert.equal(run.code, 2);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 2, run.stderr);
  assert.match(lines[0], /^mx1\/path\.dat: 2\d\d bytes, more than the 100 bytes of --max-file-size \(icewarp\.maxFileSize\); not checked$/);
  assert.match(run.stdout, /^mx1\/path\.dat:1:1 {2}info {5}This file has .* so it is not validated\. .* {2}file-too-large$/m);
});

test('a file that cannot be read is named with the reason, and the others are still checked', () => {
  const root = copyFixture('clean');
  const unreadable = path.join(root, 'mx2', 'path.dat');
  fs.chmodSync(unreadable, 0o000);
  let run;
  if (process.getuid?.() === 0) {
    // Root reads anything: run as nobody, who can read the rest of the copy but not this file.
    // Only the folders this test made: the temporary folder (created 0700) and the copy in it.
    for (const dir of [path.dirname(root), root, path.join(root, 'mx1'), path.join(root, 'mx2')]) fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(root, 'mx1', 'path.dat'), 0o644);
    // The bundle needs nothing beside it: a copy in the temporary folder is readable by nobody
    // wherever the checkout lives.
    const cli = path.join(path.dirname(root), 'cli.js');
    fs.copyFileSync(CLI, cli);
    fs.chmodSync(cli, 0o644);
    const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'check'], { cwd: root, encoding: 'utf8' });
    run = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  } else {
    run = runCli(['check'], { cwd: root });
  }
  assert.equal(run.stderr, 'mx2/path.dat: permission denied\n');
  assert.equal(run.code, 2);
  assert.match(run.stdout, /^No problems in 2 files$/m);
  assert.ok(!run.stdout.includes('    at '), 'no stack trace');
});

test('icewarp.* of the nearest .vscode/settings.json applies, comments and trailing commas included; --no-config ignores it; --rule wins', () => {
  const root = copyFixture('linux-lf');
  fs.mkdirSync(path.join(root, '.vscode'));
  fs.writeFileSync(
    path.join(root, '.vscode', 'settings.json'),
    `{
      // as VS Code writes it
      "editor.tabSize": 2,
      "icewarp.diagnostics.severity": {
        "master-in-slave-list": "off", /* known, and planned */
        "whitespace": "error",
      },
    }\n`,
  );
  const withConfig = runCli(['check'], { cwd: root });
  assert.ok(!withConfig.stdout.includes('master-in-slave-list'), withConfig.stdout);
  assert.match(withConfig.stdout, /^mx2\/path\.dat:1:17 {2}error {4}.* {2}whitespace$/m);
  assert.equal(withConfig.stderr, '');
  const noConfig = runCli(['check', '--no-config'], { cwd: root });
  assert.match(noConfig.stdout, /master-in-slave-list$/m);
  assert.match(noConfig.stdout, /^mx2\/path\.dat:1:17 {2}warning {2}.* {2}whitespace$/m);
  const overridden = runCli(['check', '--rule', 'whitespace=off', '--rule', 'master-in-slave-list=error'], { cwd: root });
  assert.ok(!overridden.stdout.includes('whitespace'), overridden.stdout);
  assert.match(overridden.stdout, /master-in-slave-list$/m);
});

test('a settings file nested in a sub-folder applies to the files below it only, and its mistakes are named', () => {
  const root = copyFixture('linux-lf');
  fs.mkdirSync(path.join(root, 'mx2', '.vscode'));
  fs.writeFileSync(path.join(root, 'mx2', '.vscode', 'settings.json'), '{ "icewarp": { "maxFileSize": "big", "diagnostics": { "severity": { "whitespace": "off" } } } }');
  const run = runCli(['check'], { cwd: root });
  assert.ok(!/^mx2\/path\.dat:\d+:\d+ .*whitespace$/m.test(run.stdout), run.stdout);
  assert.equal(run.stderr, 'mx2/.vscode/settings.json: invalid setting icewarp.maxFileSize (Expected number, received string); using its default\n');
});

test('bad usage: one line on stderr and exit 2, no stack trace', () => {
  const root = copyFixture('clean');
  for (const args of [['check', '--format', 'xml'], ['check', '--rule', 'no-such-code=off'], ['check', '--rule', 'whitespace=loud'], ['check', '--frobnicate'], ['check', '--fix', '--fix-dry-run'], ['chek']]) {
    const run = runCli(args, { cwd: root });
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, /^error: /, args.join(' '));
  }
});

test('--help and --version answer and exit 0', () => {
  const root = copyFixture('clean');
  const version = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../packages/icewarp-pathcfg/package.json'), 'utf8')).version;
  assert.deepEqual(runCli(['--version'], { cwd: root }), { code: 0, stdout: `${version}\n`, stderr: '' });
  const help = runCli(['check', '--help'], { cwd: root });
  assert.equal(help.code, 0);
  for (const option of ['--format', '--fix', '--fix-dry-run', '--rule', '--no-config', '--max-warnings', '--max-file-size']) assert.ok(help.stdout.includes(option), option);
  const codes = runCli(['codes'], { cwd: root });
  assert.match(codes.stdout, /^server-id-too-long +error +The Server ID \(line 4\) has more than 2 characters\.$/m);
});

test('a symbolic link named path.dat is checked as the file it leads to; one that leads nowhere is named', () => {
  const root = copyFixture('clean');
  const outside = tempDir();
  fs.copyFileSync(path.join(root, 'mx2', 'path.dat'), path.join(outside, 'kept-elsewhere.dat'));
  fs.rmSync(path.join(root, 'mx2', 'path.dat'));
  fs.symlinkSync(path.join(outside, 'kept-elsewhere.dat'), path.join(root, 'mx2', 'path.dat'));
  fs.mkdirSync(path.join(root, 'gone'));
  fs.symlinkSync(path.join(outside, 'nothing-here.dat'), path.join(root, 'gone', 'path.dat'));
  const run = runCli(['check', '--format', 'json'], { cwd: root });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(
    (JSON.parse(run.stdout) as { file: string }[]).map((file) => file.file),
    ['mx1/path.dat', 'mx2/path.dat'],
    'the linked node is checked with its peer',
  );
  assert.equal(run.stderr, 'gone/path.dat: a symbolic link that leads nowhere (no such file or folder), not checked\n');
});
