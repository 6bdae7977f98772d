// The language server in Emacs, as an admin on an IceWarp server (Debian 12) would use it:
// Debian's Emacs 28 with Debian's eglot 1.9 (`apt-get install emacs-nox elpa-eglot`), the
// editors guide's setup, run in batch (session.el), against `icewarp-pathcfg-language-server`
// from the npm tarball installed offline, on a 3-node workspace in a git repository. Each test is
// one Emacs session, bounded in time: the script polls for conditions and the test kills a
// session that hangs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editorVersion, installTarball, nodeLines, runEditor, writeWorkspace } from '../../testing/editorSessions';

const SESSION = path.join(__dirname, 'session.el');
/** How long one wait inside Emacs may take, and how long a whole session may run. */
const WAIT_MS = 30_000;
const SESSION_MS = 120_000;

interface Shown {
  code: string;
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  type: string;
}
type Nodes = Partial<Record<'mx1' | 'mx2' | 'mx3', Shown[]>>;

interface Observed {
  scenario: string;
  error?: string;
  before?: Nodes;
  hover?: string;
  offered?: string[];
  fixed_line?: string;
  asked?: string;
  after?: Nodes;
}

const codesOf = (shown: Shown[] | undefined) => (shown ?? []).map((item) => item.code);

describe('Emacs 28 with eglot 1.9 (Debian)', () => {
  let server: { server: string; remove(): void };
  const workspaces: string[] = [];

  before(() => {
    assert.match(editorVersion('emacs', ['--version'], 'emacs-nox elpa-eglot', 'test:emacs'), /^GNU Emacs 2\d/);
    server = installTarball('icewarp-emacs');
  });
  after(() => {
    for (const root of workspaces) fs.rmSync(root, { recursive: true, force: true });
    server?.remove();
  });

  async function session(config: { scenario: 'edit' | 'settings' | 'rename'; settings?: unknown; whitespace_type?: string; new_name?: string }): Promise<{ observed: Observed; root: string }> {
    const root = writeWorkspace('icewarp-emacs');
    workspaces.push(root);
    const out = path.join(root, 'observed.json');
    const configFile = path.join(root, 'session.json');
    fs.writeFileSync(configFile, JSON.stringify({ ...config, server: server.server, root, timeout_ms: WAIT_MS, out }));
    // No init file (a user's would change what eglot does), but Debian's site-start, which puts
    // the elpa packages on the load path as in any Emacs of the system.
    const { code, output } = await runEditor('emacs', ['--batch', '--no-init-file', '-l', SESSION], {
      cwd: root,
      env: { ...process.env, ICEWARP_EMACS_CONFIG: configFile, HOME: root },
      timeoutMs: SESSION_MS,
    });
    assert.ok(fs.existsSync(out), `Emacs wrote nothing (exit ${code}): ${output}`);
    const observed = JSON.parse(fs.readFileSync(out, 'utf8')) as Observed;
    assert.equal(observed.error ?? null, null, `${observed.error}\n${output}`);
    assert.equal(code, 0, output);
    return { observed, root };
  }

  test('own and cross-node diagnostics where they are, a hover, a quick fix at the start of the line, a node changed on disk', async () => {
    const { observed, root } = await session({ scenario: 'edit' });
    const before = observed.before ?? {};
    // Cross-node: line 4 of mx2, whose Server ID mx1 (never opened) has too.
    assert.deepEqual(
      before.mx2?.map(({ code, line, col, end_col, type }) => ({ code, line, col, end_col, type })),
      [{ code: 'server-id-duplicate', line: 3, col: 0, end_col: 2, type: 'eglot-error' }],
    );
    // Own: the two trailing spaces of line 12, after "license.key".
    const whitespace = before.mx3?.find((item) => item.code === 'whitespace');
    assert.deepEqual([whitespace?.line, whitespace?.col, whitespace?.end_col, whitespace?.type], [11, 11, 13, 'eglot-warning']);

    // Plain text, as eglot asks without markdown-mode: no Markdown marks.
    assert.match(observed.hover ?? '', /^Slave flag · line 14\n/);
    assert.doesNotMatch(observed.hover ?? '', /\*\*|`/);

    // With the cursor at the start of line 12, before the problem: its fix, applied by eglot.
    assert.ok(observed.offered?.some((title) => /[Tt]rim/.test(title)), JSON.stringify(observed.offered));
    assert.equal(observed.fixed_line, 'license.key');
    assert.deepEqual(codesOf(observed.after?.mx3), []);
    // eglot changed the buffer only; the file on disk is as it was.
    assert.equal(nodeLines(root, 'mx3')[11], 'license.key  ');

    // mx1 changed on disk while closed (eglot watches what the server asked it to): mx2's duplicate is gone.
    assert.deepEqual(codesOf(observed.after?.mx2), []);
  });

  test('a severity override from eglot-workspace-configuration is honoured', async () => {
    const { observed } = await session({
      scenario: 'settings',
      settings: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'off', whitespace: 'error' } } } },
      whitespace_type: 'eglot-error',
    });
    assert.deepEqual(codesOf(observed.before?.mx2), []);
    assert.equal(observed.before?.mx3?.find((item) => item.code === 'whitespace')?.type, 'eglot-error');
  });

  test('a rename of a host across nodes, applied by eglot and saved to every node file', async () => {
    const { observed, root } = await session({ scenario: 'rename', new_name: 'mx9.example.net' });
    assert.match(observed.asked ?? '', /Server wants to edit:[\s\S]*mx1\/path\.dat/, 'eglot asked before editing the unopened mx1');
    assert.equal(nodeLines(root, 'mx1')[10], 'mx9.example.net', "mx1's own hostname (line 11)");
    for (const node of ['mx1', 'mx2', 'mx3']) assert.equal(nodeLines(root, node)[14], 'mx9.example.net', `${node} line 15`);
    for (const node of ['mx1', 'mx2', 'mx3'] as const) {
      assert.ok(!codesOf(observed.after?.[node]).some((code) => code.startsWith('cluster-')), `${node}: ${JSON.stringify(observed.after?.[node])}`);
    }
  });
});
