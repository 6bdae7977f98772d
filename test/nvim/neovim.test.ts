// The language server in Neovim, as an admin on the IceWarp server would use it: Debian's
// Neovim (0.7.2 on bookworm) started `--clean --headless`, its built-in LSP client only
// (session.lua), against `icewarp-pathcfg-language-server` from the npm tarball installed
// offline into a temporary prefix, on a 3-node workspace. Each test is one Neovim session,
// bounded in time: the script polls for conditions and the test kills a session that hangs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SESSION = path.join(__dirname, 'session.lua');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cluster');
/** How long one wait inside Neovim may take, and how long a whole session may run. */
const WAIT_MS = 30_000;
const SESSION_MS = 120_000;

const NVIM_MISSING = [
  'Neovim (nvim) is not installed: the Neovim tests need it.',
  'Install it with your package manager, e.g. `sudo apt-get install neovim` (Debian, Ubuntu),',
  '`brew install neovim` (macOS) or from https://github.com/neovim/neovim/releases, then run `npm run test:nvim` again.',
].join('\n');

/** Neovim's version, or a failure that says how to install it (never a silent skip). */
function nvimVersion(): string {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(NVIM_MISSING);
  return probe.stdout.split('\n')[0];
}

interface Shown {
  code: string;
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
}

interface Observed {
  scenario: string;
  error?: string;
  filetype?: string;
  encoding?: string;
  before?: Record<'mx1' | 'mx2' | 'mx3', Shown[]>;
  hover?: string;
  fix_title?: string;
  fixed_line?: string;
  after?: Shown[] | Record<'mx1' | 'mx2' | 'mx3', Shown[]>;
}

interface Scenario {
  scenario: 'edit' | 'settings' | 'rename';
  encoding?: 'utf-8' | 'utf-16';
  initOptions?: Record<string, unknown>;
  /** `settings`, pushed by an on_init (Neovim 0.7 does not push them itself). */
  settings?: Record<string, unknown>;
  /** A code the settings turn off: the session waits until no node shows it (or times out). */
  turnedOff?: string;
  newName?: string;
}

/** The npm tarball of the command line and the language server, packed and installed offline into a temporary prefix. */
function installTarball(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-nvim-pack-'));
  const pack = spawnSync(process.execPath, ['scripts/packCli.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const tarball = path.join(out, fs.readdirSync(out).find((name) => name.endsWith('.tgz')) as string);
  const prefix = path.join(out, 'prefix');
  const install = spawnSync('npm', ['install', '--global', '--offline', '--prefix', prefix, tarball], {
    cwd: out,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
  assert.equal(install.status, 0, install.stderr);
  return path.join(prefix, 'bin', 'icewarp-pathcfg-language-server');
}

/** mx1 master, mx2 and mx3 slaves; mx2 takes mx1's Server ID; mx3 has trailing spaces after a non-ASCII key on line 12. */
function writeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-nvim-'));
  for (const node of ['mx1', 'mx2', 'mx3']) {
    let text = fs.readFileSync(path.join(FIXTURES, node, 'path.dat'), 'utf8');
    if (node === 'mx2') text = text.replace('\n12\n', '\n11\n');
    if (node === 'mx3') text = text.replace('\nlicense.key\n', '\nlicénse-🔑.key  \n');
    fs.mkdirSync(path.join(root, node));
    fs.writeFileSync(path.join(root, node, 'path.dat'), text);
  }
  return root;
}

const codesOn = (shown: Shown[] | undefined, lnum: number) => (shown ?? []).filter((item) => item.lnum === lnum).map((item) => item.code);

describe('Neovim (built-in LSP client, no plugins)', () => {
  let server: string;
  const workspaces: string[] = [];

  before(() => {
    const version = nvimVersion();
    assert.match(version, /^NVIM v/);
    server = installTarball();
  });
  after(() => {
    for (const root of workspaces) fs.rmSync(root, { recursive: true, force: true });
    if (server) fs.rmSync(path.dirname(path.dirname(path.dirname(server))), { recursive: true, force: true });
  });

  /** Runs one session on a fresh workspace; what Neovim showed, and the workspace it ran on. */
  async function session(scenario: Scenario): Promise<{ observed: Observed; root: string }> {
    const root = writeWorkspace();
    workspaces.push(root);
    const out = path.join(root, 'observed.json');
    const configFile = path.join(root, 'session.json');
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        scenario: scenario.scenario,
        cmd: [server],
        root,
        encoding: scenario.encoding ?? 'utf-16',
        init_options: scenario.initOptions ?? {},
        ...(scenario.settings ? { settings: scenario.settings } : {}),
        ...(scenario.turnedOff ? { turned_off: scenario.turnedOff } : {}),
        new_name: scenario.newName ?? '',
        timeout_ms: WAIT_MS,
        out,
      }),
    );
    const child = spawn('nvim', ['--clean', '--headless', '-c', `luafile ${SESSION}`], {
      cwd: root,
      env: { ...process.env, ICEWARP_NVIM_CONFIG: configFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), SESSION_MS);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    assert.ok(fs.existsSync(out), `Neovim wrote nothing (exit ${code}): ${output}`);
    const observed = JSON.parse(fs.readFileSync(out, 'utf8')) as Observed;
    assert.equal(observed.error ?? null, null, `${observed.error}\n${output}`);
    assert.equal(code, 0, output);
    return { observed, root };
  }

  for (const encoding of ['utf-16', 'utf-8'] as const) {
    test(`own and cross-node diagnostics with their lines, a hover, a quick fix applied by Neovim (${encoding})`, async () => {
      const { observed, root } = await session({ scenario: 'edit', encoding });
      assert.equal(observed.filetype, 'icewarp');
      assert.equal(observed.encoding, encoding);
      const before = observed.before;
      assert.ok(before);
      // Cross-node, in files Neovim never opened: the duplicate Server ID on line 4 of mx2, whose
      // 11 breaks the cluster's numbering (hostname number + 10); mx1 keeps its own.
      assert.deepEqual(codesOn(before.mx1, 3), []);
      assert.deepEqual(codesOn(before.mx2, 3), ['server-id-duplicate']);
      // Own, in the open file: the trailing spaces of line 12, at their byte column in Neovim's
      // buffer whichever encoding the server and Neovim agreed on.
      const whitespace = before.mx3.find((item) => item.code === 'whitespace' && item.lnum === 11);
      const key = 'licénse-🔑.key';
      assert.deepEqual([whitespace?.col, whitespace?.end_col], [Buffer.byteLength(key), Buffer.byteLength(`${key}  `)]);

      assert.match(observed.hover ?? '', /\*\*Slave flag\*\* · line 14/);
      assert.match(observed.fix_title ?? '', /[Tt]rim/);
      assert.equal(observed.fixed_line, key);
      assert.deepEqual(codesOn(observed.after as Shown[], 11), [], 'the problem is gone');
      // Neovim changed the buffer only; the file on disk is as it was.
      assert.match(fs.readFileSync(path.join(root, 'mx3', 'path.dat'), 'utf8'), /\.key {2}\n/);
    });
  }

  test('a severity override given only through init_options is honoured', async () => {
    const { observed } = await session({
      scenario: 'settings',
      initOptions: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'off', whitespace: 'error' } } } },
    });
    const before = observed.before;
    assert.ok(before);
    for (const node of ['mx1', 'mx2', 'mx3'] as const) {
      assert.ok(!before[node].some((item) => item.code === 'server-id-duplicate'), `${node}: ${JSON.stringify(before[node])}`);
    }
    // vim.diagnostic.severity.ERROR is 1.
    assert.equal(before.mx3.find((item) => item.code === 'whitespace')?.severity, 1);
  });

  test('settings pushed by an on_init are honoured too', async () => {
    const { observed } = await session({
      scenario: 'settings',
      settings: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'off' } } } },
      turnedOff: 'server-id-duplicate',
    });
    const before = observed.before;
    assert.ok(before);
    for (const node of ['mx1', 'mx2'] as const) assert.deepEqual(before[node], [], node);
  });

  test('a rename of a host across nodes, applied by Neovim and written to every node file', async () => {
    const { observed, root } = await session({ scenario: 'rename', newName: 'mx9.example.net' });
    const lines = (node: string) => fs.readFileSync(path.join(root, node, 'path.dat'), 'utf8').split('\n');
    assert.equal(lines('mx1')[10], 'mx9.example.net', "mx1's own hostname (line 11)");
    for (const node of ['mx1', 'mx2', 'mx3']) assert.equal(lines(node)[14], 'mx9.example.net', `${node} line 15`);
    const after = observed.after as Record<'mx1' | 'mx2' | 'mx3', Shown[]>;
    for (const node of ['mx1', 'mx2', 'mx3'] as const) {
      assert.ok(!after[node].some((item) => String(item.code).startsWith('cluster-')), `${node}: ${JSON.stringify(after[node])}`);
    }
  });
});
