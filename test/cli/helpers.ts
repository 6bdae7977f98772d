// Runs the built command line (`node dist/cli.js`, as a user of a checkout would) on copies of
// the fixture clusters, and compares output with golden files.
import assert from 'node:assert/strict';
import { SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(__dirname, 'fixtures');
const GOLDEN = path.join(__dirname, 'golden');
/** `ICEWARP_UPDATE_GOLDEN=1 npm run test:cli` rewrites the golden files (then review the diff). */
const UPDATE = process.env.ICEWARP_UPDATE_GOLDEN === '1';

if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
}

/**
 * The environment of a CI job: no colour settings and no locale inherited from whoever runs the
 * tests (the command line speaks the language of LC_ALL / LC_MESSAGES / LANG without --locale).
 */
function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function runCli(args: readonly string[], options: RunOptions): Run {
  return fromSpawn(spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env: cleanEnv(options.env), encoding: 'utf8' }));
}

export function runCommand(command: string, args: readonly string[], options: RunOptions): Run {
  return fromSpawn(spawnSync(command, args, { cwd: options.cwd, env: cleanEnv(options.env), encoding: 'utf8' }));
}

function fromSpawn(result: SpawnSyncReturns<string>): Run {
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the command line as an unprivileged user (nobody) when the tests run as root, who may
 * read and list anything: permissions are only tested that way. The bundle is copied beside
 * `root` (it needs nothing else), so nobody can run it wherever the checkout lives; the test
 * makes `root` itself readable.
 */
export function runCliUnprivileged(args: readonly string[], root: string): Run {
  if (process.getuid?.() !== 0) return runCli(args, { cwd: root });
  const cli = path.join(path.dirname(root), 'cli.js');
  fs.copyFileSync(CLI, cli);
  fs.chmodSync(cli, 0o644);
  fs.chmodSync(path.dirname(root), 0o755);
  return fromSpawn(spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, ...args], { cwd: root, env: cleanEnv(), encoding: 'utf8' }));
}

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'icewarp-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (temporaryFolders.length === 0) process.on('exit', () => temporaryFolders.forEach((each) => fs.rmSync(each, { recursive: true, force: true })));
  temporaryFolders.push(dir);
  return dir;
}

/** One exit listener for them all (a listener each makes Node warn of a leak past ten). */
const temporaryFolders: string[] = [];

/** A copy of a fixture cluster in a temporary folder (so no settings file of this repository applies). */
export function copyFixture(name: string): string {
  const dir = path.join(tempDir(), name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Output with the temporary folder's absolute path and file URI replaced by `<root>`. */
export function normalize(text: string, root: string): string {
  const uri = pathToFileURL(root).href;
  return text.split(uri).join('file:///<root>').split(root).join('<root>');
}

/** Compares with test/cli/golden/<name> (text, or bytes for a Buffer), or writes it in update mode. */
export function assertGolden(name: string, actual: string | Buffer): void {
  const file = path.join(GOLDEN, name);
  if (UPDATE) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${name} is missing: run with ICEWARP_UPDATE_GOLDEN=1`);
  if (typeof actual === 'string') assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from golden/${name}`);
  else assert.ok(actual.equals(fs.readFileSync(file)), `bytes differ from golden/${name}`);
}

/** Lines with their endings, split as the editor splits them. */
export function linesOf(bytes: Buffer): string[] {
  return bytes.toString('latin1').match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/** Every line-5 password of the fixture clusters. */
export const FIXTURE_PASSWORDS = ['Pw-Crlf-Master-7781', 'Pw-Crlf-Slave-2294', 'Pw-Cross-One-5150', 'Pw-Cross-Two-6262', 'Pw-Cross-Three-7373'];
