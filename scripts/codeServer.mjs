// Shared helper: install and run code-server (VS Code's own server + web workbench, from npm) and
// drive it with Debian's Chromium. Used by `npm start`, the e2e runner and the screenshot script.
// The recipe: the README's Quick start, CONTRIBUTING.md's "What npm start does". Everything is
// cached under .cache/ (git-ignored).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** 4.100.3 is VS Code 1.100.3, the newest code-server that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(REPO_ROOT, '.cache', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';
/** What building code-server's native modules needs (build tools and python3 are assumed). */
export const CODE_SERVER_DEBIAN_PACKAGES = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'pkg-config', 'ripgrep'];
/** What the tests and screenshots add: a browser to drive the workbench. */
export const BROWSER_DEBIAN_PACKAGES = ['chromium'];
export const DEBIAN_PACKAGES = [...CODE_SERVER_DEBIAN_PACKAGES, ...BROWSER_DEBIAN_PACKAGES];
/** The @vscode/ripgrep release that code-server 4.100.3's postinstall looks for in its cache. */
const RIPGREP_CACHE_DIR = `vscode-ripgrep-cache-1.15.11`;
const RIPGREP_VERSION = 'v13.0.0-10';

const log = (message) => console.log(`[code-server] ${message}`);

/** Installs the missing Debian packages when running as root; otherwise says which ones to install. */
export function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const missing = packages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `These Debian packages are needed and not installed: ${missing.join(' ')}.\n` +
        `Install them once as root: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Path of code-server's entry script, installing code-server into .cache/ on first use. */
export function ensureCodeServer() {
  const entry = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const installedVersion = readJson(path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'package.json'))?.version;
  if (fs.existsSync(entry) && installedVersion === CODE_SERVER_VERSION) return entry;

  ensureDebianPackages(CODE_SERVER_DEBIAN_PACKAGES);
  seedRipgrepCache();
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // A package.json of its own: without it npm would walk up and install into the extension's folder.
  fs.writeFileSync(
    path.join(CODE_SERVER_DIR, 'package.json'),
    JSON.stringify({ name: 'icewarp-code-server-cache', private: true, description: 'code-server for npm start and the e2e tests' }, null, 2),
  );
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, CODE_SERVER_DIR)} (first use, about a minute)`);
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: CODE_SERVER_DIR,
    // As root, npm would otherwise drop privileges for install scripts and node-gyp could not write.
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (!fs.existsSync(entry)) throw new Error(`code-server installed, but ${entry} is missing`);
  return entry;
}

/**
 * code-server's postinstall downloads a ripgrep binary from the internet, which these machines
 * cannot reach; it first looks in a local cache, so we put Debian's rg there in the expected tarball.
 */
function seedRipgrepCache() {
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  if (!arch) throw new Error(`no ripgrep cache recipe for architecture ${process.arch}`);
  const cacheDir = path.join(os.tmpdir(), RIPGREP_CACHE_DIR);
  const tarball = path.join(cacheDir, `ripgrep-${RIPGREP_VERSION}-${arch}-unknown-linux-musl.tar.gz`);
  if (fs.existsSync(tarball)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is not installed; install the Debian package ripgrep');
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-staging-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  fs.mkdirSync(cacheDir, { recursive: true });
  run('tar', ['-czf', tarball, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
}

/** A free loopback port (the OS picks it). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on loopback and waits until it answers. Returns `{ port, origin, stop }`;
 * `stop()` ends code-server and every process it started (they share its process group).
 * `env` is added to code-server's environment, which its extension host inherits.
 * `workspaceTrust` keeps VS Code's workspace trust on (Restricted Mode for untrusted folders).
 * `locale` is the display language (`--locale`); VS Code takes it only with that language's pack installed.
 * @param {{ entry: string, folder?: string, userDataDir: string, extensionsDir: string, port?: number, quiet?: boolean, env?: Record<string, string>, workspaceTrust?: boolean, locale?: string }} options
 */
export async function startCodeServer({ entry, folder, userDataDir, extensionsDir, port, quiet = true, env = {}, workspaceTrust = false, locale }) {
  const chosenPort = port ?? (await freePort());
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(locale ? ['--locale', locale] : []),
  ];
  if (folder) args.push(folder);
  const child = spawn(process.execPath, args, {
    detached: true, // its own process group, so stop() reaches the extension host and pty host too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const output = [];
  const collect = (chunk) => {
    const text = chunk.toString();
    output.push(text);
    if (!quiet) process.stdout.write(text.replace(/^/gm, '[code-server] '));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const origin = `http://127.0.0.1:${chosenPort}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child.pid, 'SIGTERM');
    // The extension host, pty host and language server are in the group too: wait for all of them.
    const deadline = Date.now() + 5000;
    while (liveProcessesInGroup(child.pid).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    killGroup(child.pid, 'SIGKILL');
    await exited;
  };

  const ready = await Promise.race([
    waitForHttp(origin, 60_000).then(() => 'ready', (error) => error),
    exited.then(({ code, signal }) => new Error(`code-server exited early (code ${code}, signal ${signal})`)),
  ]);
  if (ready !== 'ready') {
    await stop();
    throw new Error(`${ready.message}\n${output.join('')}`);
  }
  return { port: chosenPort, origin, pid: child.pid, stop, exited, output };
}

/**
 * Process ids of the group that are still alive. Zombies do not count: they have exited, and
 * on some containers the init process is slow to reap what it inherits.
 */
export function liveProcessesInGroup(pgid) {
  const live = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces, so split after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') live.push(Number(entry));
  }
  return live;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Polls until the server answers any HTTP status (code-server answers / with a redirect). */
async function waitForHttp(origin, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await new Promise((resolve) => {
      const request = http.get(origin, (response) => {
        response.resume();
        resolve(true);
      });
      request.on('error', () => resolve(false));
      request.setTimeout(2000, () => request.destroy());
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${origin} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The workbench URL. `extensionDevelopmentPath` loads an extension from a folder without
 * installing it; with `extensionTestsPath` the extension host runs that mocha suite and reports
 * its exit code to the page (window.codeAutomationExit).
 * @param {{ origin: string, port: number, folder?: string, workspaceFile?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} options
 */
export function workbenchUrl({ origin, port, folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams();
  if (workspaceFile) query.set('workspace', workspaceFile);
  else if (folder) query.set('folder', folder);
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${origin}/?${query.toString()}`;
}

/**
 * User settings that run an extension in the browser's web worker extension host instead of
 * code-server's Node one (its package.json "browser" entry, as vscode.dev runs it). The launch
 * payload's `extensionDevelopmentKind` would say the same for an extension under development, but
 * code-server 4.100's workbench parses it and never applies it, so VS Code's own setting does.
 */
export function runInWebWorkerSettings(extensionId) {
  return { 'remote.extensionKind': { [extensionId]: ['web'] } };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installVsix({ entry, vsix, extensionsDir, userDataDir }) {
  run(process.execPath, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force']);
}

/** Debian's Chromium through playwright-core (which downloads no browser of its own). */
export async function launchChromium() {
  ensureDebianPackages(BROWSER_DEBIAN_PACKAGES);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh temporary folder, removed by the caller. */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// CLI for CI and set-up: `node scripts/codeServer.mjs install` installs the Debian packages (as
// root) and code-server into .cache/; `node scripts/codeServer.mjs packages` prints the package list.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === 'packages') {
    console.log(DEBIAN_PACKAGES.join(' '));
  } else if (command === 'install') {
    try {
      ensureDebianPackages(DEBIAN_PACKAGES);
      log(`ready: ${ensureCodeServer()}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  } else {
    console.error('usage: node scripts/codeServer.mjs install | packages');
    process.exit(2);
  }
}
