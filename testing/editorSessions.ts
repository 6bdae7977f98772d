// What the editor layers (test/nvim, test/emacs, test/vim) share: the npm tarball of the language
// server packed and installed offline as an admin installs it, a 3-node workspace with a
// cross-node and an own problem, an editor run headless and bounded in time, and a clear failure
// when the editor is not installed (never a silent skip).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cluster');

/**
 * The first line of `command --version`, or a failure that names the Debian packages to
 * install (`apt-get install ...`) and the npm script to run again.
 */
export function editorVersion(command: string, versionArgs: readonly string[], packages: string, script: string): string {
  const probe = spawnSync(command, [...versionArgs], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${command} is not installed: the tests of \`npm run ${script}\` need it. Install it with \`sudo apt-get install ${packages}\` (Debian, Ubuntu), then run them again.`);
  }
  return probe.stdout.split('\n')[0];
}

/** The npm tarball of the command line and the language server, packed and installed offline into a temporary prefix: the server's path, and how to remove it all. */
export function installTarball(prefix: string): { server: string; remove(): void } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-pack-`));
  const pack = spawnSync(process.execPath, ['scripts/packCli.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const tarball = path.join(out, fs.readdirSync(out).find((name) => name.endsWith('.tgz')) as string);
  const install = spawnSync('npm', ['install', '--global', '--offline', '--prefix', path.join(out, 'prefix'), tarball], {
    cwd: out,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
  assert.equal(install.status, 0, install.stderr);
  return { server: path.join(out, 'prefix', 'bin', 'icewarp-pathcfg-language-server'), remove: () => fs.rmSync(out, { recursive: true, force: true }) };
}

/**
 * A cluster of three nodes as an admin keeps it, in a git repository (editors take its top as
 * the root): mx1 master, mx2 and mx3 slaves; mx2 takes mx1's Server ID (server-id-duplicate on
 * line 4 of both); mx3 has two trailing spaces after its license file (whitespace, line 12).
 */
export function writeWorkspace(prefix: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  for (const node of ['mx1', 'mx2', 'mx3']) {
    let text = fs.readFileSync(path.join(FIXTURES, node, 'path.dat'), 'utf8');
    if (node === 'mx2') text = text.replace('\n12\n', '\n11\n');
    if (node === 'mx3') text = text.replace('\nlicense.key\n', '\nlicense.key  \n');
    fs.mkdirSync(path.join(root, node));
    fs.writeFileSync(path.join(root, node, 'path.dat'), text);
  }
  assert.equal(spawnSync('git', ['init', '--quiet', root]).status, 0, 'git init');
  return root;
}

/** The lines of a node file on disk. */
export function nodeLines(root: string, node: string): string[] {
  return fs.readFileSync(path.join(root, node, 'path.dat'), 'utf8').split('\n');
}

/**
 * Runs an editor headless until it exits, killed after `timeoutMs`; its exit code and everything
 * it printed. The editor's own script waits for conditions and writes what it saw to a file.
 */
export async function runEditor(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output };
}
