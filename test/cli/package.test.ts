// The npm tarball as a user gets it: packed by `npm run pack:cli`, installed offline into a
// temporary prefix with `npm install -g`, no dependency fetched, both commands on the PATH
// working: `icewarp-pathcfg check` with exit codes 0, 1 and 2, and the language server over stdio,
// a TCP port and a Unix socket, linking each code to its page installed beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as net from 'node:net';
import { createMessageConnection, SocketMessageReader, SocketMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileURLToPath } from 'node:url';
import { URI } from 'vscode-uri';
import { ROOT, copyFixture, runCommand, tempDir } from './helpers';

const NPM_ENV = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function packAndInstall(): { tarball: string; bin: string } {
  const out = tempDir('icewarp-pack-');
  const pack = spawnSync(process.execPath, ['scripts/packCli.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const tarball = path.join(out, fs.readdirSync(out).find((name) => name.endsWith('.tgz')) as string);
  const prefix = tempDir('icewarp-prefix-');
  const install = runCommand('npm', ['install', '--global', '--offline', '--prefix', prefix, tarball], { cwd: out, env: NPM_ENV });
  assert.equal(install.code, 0, install.stderr);
  return { tarball, bin: path.join(prefix, 'bin') };
}

const installed = packAndInstall();

/** Every code page of docs/ (docs/codes/, docs/<language>/codes/) as the tarball holds it. */
function codePages(): string[] {
  const docs = path.join(ROOT, 'docs');
  const folders = ['codes', ...fs.readdirSync(docs).filter((name) => fs.existsSync(path.join(docs, name, 'codes'))).map((name) => `${name}/codes`)];
  return folders.flatMap((folder) => fs.readdirSync(path.join(docs, folder)).filter((name) => name.endsWith('.md')).map((name) => `package/docs/${folder}/${name}`));
}

/** The messages of each language besides English, read when a language is asked for. */
function messageBundles(): string[] {
  return fs.readdirSync(path.join(ROOT, 'l10n')).filter((name) => /^bundle\.l10n\.[a-z]+\.json$/.test(name)).map((name) => `package/l10n/${name}`);
}

test('the tarball holds the two bundles, the server, the code pages, the messages and its manifest, and no dependency', () => {
  const listing = runCommand('tar', ['tzf', installed.tarball], { cwd: ROOT }).stdout.trim().split('\n').sort();
  assert.deepEqual(
    listing,
    ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/dist/language-server.js', 'package/dist/server.js', 'package/package.json', ...codePages(), ...messageBundles()].sort(),
  );
  const manifest = JSON.parse(runCommand('tar', ['xzOf', installed.tarball, 'package/package.json'], { cwd: ROOT }).stdout);
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(Object.keys(manifest.bin).sort(), ['icewarp-pathcfg', 'icewarp-pathcfg-language-server']);
});

test('the installed icewarp-pathcfg checks a folder: exit codes 0, 1 and 2', () => {
  const cli = path.join(installed.bin, 'icewarp-pathcfg');
  const clean = runCommand(cli, ['check'], { cwd: copyFixture('clean') });
  assert.deepEqual([clean.code, clean.stdout], [0, 'No problems in 2 files\n']);
  const broken = runCommand(cli, ['check', '--format', 'github'], { cwd: copyFixture('cross-node') });
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /^::error file=mx2\/path\.dat,line=4,col=1,endLine=4,endColumn=3,title=server-id-duplicate::/m);
  const missing = runCommand(cli, ['check', 'nowhere'], { cwd: copyFixture('clean') });
  assert.deepEqual([missing.code, missing.stderr], [2, 'nowhere: no such file or folder\n']);
});

test('the installed icewarp-pathcfg has the live cluster commands (pull, status, push over SSH)', () => {
  const help = runCommand(path.join(installed.bin, 'icewarp-pathcfg'), ['--help'], { cwd: ROOT });
  for (const command of ['pull [options] <host>', 'status [options] [dir]', 'push [options] [dir]']) assert.ok(help.stdout.includes(command), command);
});

test('the installed icewarp-pathcfg writes its messages in Czech with --locale cs, read from the package', () => {
  const czech = runCommand(path.join(installed.bin, 'icewarp-pathcfg'), ['check', '--locale', 'cs'], { cwd: copyFixture('cross-node') });
  assert.equal(czech.code, 1);
  assert.match(czech.stdout, /Server ID "\S+" používá také/);
  assert.equal(czech.stderr, '');
});

test('the installed icewarp-pathcfg-language-server answers --version and --help, and speaks LSP over stdio by default', async () => {
  const server = path.join(installed.bin, 'icewarp-pathcfg-language-server');
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'packages', 'icewarp-pathcfg', 'package.json'), 'utf8')).version;
  assert.equal(runCommand(server, ['--version'], { cwd: ROOT }).stdout, `${version}\n`);
  const help = runCommand(server, ['--help'], { cwd: ROOT }).stdout;
  assert.match(help, /^Usage: icewarp-pathcfg-language-server \[--stdio/);
  // Every transport the server takes is listed under Options (each is tried below or in hosts.test.ts).
  for (const option of ['--stdio', '--socket=PORT', '--pipe=NAME', '--node-ipc']) assert.match(help, new RegExp(`^ {2}${option} `, 'm'), option);

  const root = copyFixture('cross-node');
  const child = spawn(server, [], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // mx2's Server ID breaks the cluster's numbering: the duplicate is told on mx2.
  const mx2 = URI.file(path.join(root, 'mx2', 'path.dat')).toString();
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (params.uri === mx2 && params.diagnostics.length > 0) resolve(params);
    }),
  );
  connection.listen();
  try {
    const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: URI.file(root).toString(), capabilities: {} });
    assert.equal(result.serverInfo?.name, 'IceWarp Cluster Config');
    await connection.sendNotification('initialized', {});
    // Cross-node findings from the unopened files of the folder: the workspace index works too.
    const published = (await diagnostics).diagnostics;
    const codes = published.map((diagnostic) => diagnostic.code);
    assert.ok(codes.includes('server-id-duplicate'), codes.join(', '));
    // Each code links to its page, installed with the server.
    const page = fileURLToPath(published.find((diagnostic) => diagnostic.code === 'server-id-duplicate')?.codeDescription?.href ?? 'file:///nowhere');
    assert.equal(page, path.join(fs.realpathSync(path.dirname(installed.bin)), 'lib', 'node_modules', 'icewarp-pathcfg', 'docs', 'codes', 'server-id-duplicate.md'));
    assert.ok(fs.existsSync(page), page);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('the installed language server connects to a client listening on a TCP port (--socket) or a Unix socket (--pipe)', async () => {
  const server = path.join(installed.bin, 'icewarp-pathcfg-language-server');
  const pipe = path.join(tempDir('icewarp-pipe-'), 'lsp.sock');
  for (const [listenOn, argument] of [[0, (port: number | string) => `--socket=${port}`], [pipe, () => `--pipe=${pipe}`]] as const) {
    // The client listens; the server, started with where to find it, connects.
    const listener = net.createServer();
    const accepted = new Promise<net.Socket>((resolve) => listener.once('connection', resolve));
    await new Promise<void>((resolve) => (typeof listenOn === 'number' ? listener.listen(listenOn, '127.0.0.1', resolve) : listener.listen(listenOn, resolve)));
    const address = listener.address();
    const child = spawn(server, [argument(typeof address === 'object' && address ? address.port : String(address))], { stdio: ['ignore', 'ignore', 'inherit'] });
    const socket = await accepted;
    const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'IceWarp Cluster Config', argument(''));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      socket.destroy();
      listener.close();
      child.kill();
    }
  }
});

test('the pre-commit hooks of .pre-commit-hooks.yaml run the installed command on a repository', () => {
  const hooks = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const entries = [...hooks.matchAll(/^ {2}entry: (.+)$/gm)].map((match) => match[1].split(' '));
  const files = new RegExp(/^ {2}files: (.+)$/m.exec(hooks)?.[1] ?? '^$');
  assert.deepEqual(entries, [['icewarp-pathcfg', 'check'], ['icewarp-pathcfg', 'check', '--fix']]);
  assert.ok(['path.dat', 'mx1/path.dat', 'a/b/path.cfg'].every((name) => files.test(name)));
  assert.ok(!['path.dat.bak', 'mypath.dat', 'path.dat/x'].some((name) => files.test(name)));
  // pre-commit runs the entry with the repository as the current folder and no file names.
  const env = { PATH: `${installed.bin}${path.delimiter}${process.env.PATH}` };
  const root = copyFixture('windows-crlf');
  const [command, ...args] = entries[0];
  assert.equal(runCommand(command, args, { cwd: root, env }).code, 1);
  const [fixCommand, ...fixArgs] = entries[1];
  const fixed = runCommand(fixCommand, fixArgs, { cwd: root, env });
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.match(fixed.stderr, /^Fixed mx1\/path\.dat: /m);
});
