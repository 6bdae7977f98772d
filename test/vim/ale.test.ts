// The language server in Vim, as an admin on an IceWarp server (Debian 12) would use it: Debian's
// Vim 9 (vim-nox) with Debian's ALE 3.3 (`apt-get install vim-nox vim-ale`), the editors guide's
// setup, run headless (`vim -es`, session.vim), against `icewarp-pathcfg-language-server` from
// the npm tarball installed offline, on a 3-node workspace in a git repository. ALE registers no
// file watchers: a node changed on disk is seen by the server's own watching. Each test is one
// Vim session, bounded in time: the script polls for conditions and the test kills a session
// that hangs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editorVersion, installTarball, nodeLines, runEditor, writeWorkspace } from '../../testing/editorSessions';

const SESSION = path.join(__dirname, 'session.vim');
/** How long one wait inside Vim may take, and how long a whole session may run. */
const WAIT_MS = 30_000;
const SESSION_MS = 120_000;

/** ALE's location list entry: 1-based line and byte columns, the end column inclusive; type E, W or I. */
interface Shown {
  code: string;
  lnum: number;
  col: number;
  end_col: number;
  type: string;
}

interface Observed {
  scenario: string;
  error?: string;
  filetype?: string;
  before?: Record<'mx2' | 'mx3', Shown[]>;
  hover?: string;
  prompts?: string[];
  fixed_line?: string;
  after?: Record<'mx2' | 'mx3', Shown[]>;
}

const codesOf = (shown: Shown[] | undefined) => (shown ?? []).map((item) => item.code);

describe('Vim 9 with ALE 3.3 (Debian)', () => {
  let server: { server: string; remove(): void };
  const workspaces: string[] = [];

  before(() => {
    assert.match(editorVersion('vim', ['--version'], 'vim-nox vim-ale', 'test:vim'), /^VIM - Vi IMproved 9/);
    assert.ok(fs.existsSync('/usr/share/vim-ale/autoload/ale.vim'), 'ALE is not installed: `sudo apt-get install vim-ale` (Debian, Ubuntu), then run `npm run test:vim` again.');
    server = installTarball('icewarp-vim');
  });
  after(() => {
    for (const root of workspaces) fs.rmSync(root, { recursive: true, force: true });
    server?.remove();
  });

  async function session(config: { scenario: 'edit' | 'settings' | 'rename'; settings?: unknown; whitespace_type?: string; new_name?: string }): Promise<{ observed: Observed; root: string }> {
    const root = writeWorkspace('icewarp-vim');
    workspaces.push(root);
    const out = path.join(root, 'observed.json');
    const configFile = path.join(root, 'session.json');
    fs.writeFileSync(configFile, JSON.stringify({ ...config, server: server.server, root, timeout_ms: WAIT_MS, out }));
    // No vimrc and no viminfo (a user's would change what ALE does); Debian's packages stay on the packpath.
    const { code, output } = await runEditor('vim', ['-N', '-u', 'NONE', '-i', 'NONE', '-es', '-S', SESSION], {
      cwd: root,
      env: { ...process.env, ICEWARP_VIM_CONFIG: configFile, HOME: root },
      timeoutMs: SESSION_MS,
    });
    assert.ok(fs.existsSync(out), `Vim wrote nothing (exit ${code}): ${output}`);
    const observed = JSON.parse(fs.readFileSync(out, 'utf8')) as Observed;
    assert.equal(observed.error ?? null, null, `${observed.error}\n${output}`);
    assert.equal(code, 0, output);
    return { observed, root };
  }

  test('own and cross-node diagnostics where they are, a hover, a quick fix at the start of the line, a node changed on disk', async () => {
    const { observed, root } = await session({ scenario: 'edit' });
    assert.equal(observed.filetype, 'icewarp');
    // Cross-node: line 4 of mx2, whose Server ID mx1 (never opened) has too.
    assert.deepEqual(observed.before?.mx2, [{ code: 'server-id-duplicate', lnum: 4, col: 1, end_col: 2, type: 'E' }]);
    // Own: the two trailing spaces of line 12, after "license.key" (columns 12 and 13).
    assert.deepEqual(observed.before?.mx3, [{ code: 'whitespace', lnum: 12, col: 12, end_col: 13, type: 'W' }]);

    // ALE asks for plain text: no Markdown marks.
    assert.match(observed.hover ?? '', /^Slave flag · line 14\n/);
    assert.doesNotMatch(observed.hover ?? '', /\*\*|`/);

    // With the cursor at the start of line 12, on "license", before the problem: its fix, applied by ALE.
    assert.deepEqual(observed.prompts, [`Code Fixes:\n1) Trim whitespace from License file (line 12)\nType number and <Enter> (empty cancels): `]);
    assert.equal(observed.fixed_line, 'license.key');
    assert.deepEqual(codesOf(observed.after?.mx3), []);
    assert.equal(nodeLines(root, 'mx3')[11], 'license.key  ', 'ALE changed the buffer only');

    // mx1 changed on disk while closed, seen by the server's own watching: mx2's duplicate is gone.
    assert.deepEqual(codesOf(observed.after?.mx2), []);
  });

  test('a severity override from the linter’s lsp_config is honoured', async () => {
    const { observed } = await session({
      scenario: 'settings',
      settings: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'off', whitespace: 'error' } } } },
      whitespace_type: 'E',
    });
    assert.deepEqual(codesOf(observed.before?.mx2), []);
    assert.equal(observed.before?.mx3.find((item) => item.code === 'whitespace')?.type, 'E');
  });

  test('a rename of a host across nodes, applied by ALE and written to every node file', async () => {
    const { observed, root } = await session({ scenario: 'rename', new_name: 'mx9.example.net' });
    assert.deepEqual(observed.prompts, ['New name: ']);
    assert.equal(nodeLines(root, 'mx1')[10], 'mx9.example.net', "mx1's own hostname (line 11)");
    for (const node of ['mx1', 'mx2', 'mx3']) assert.equal(nodeLines(root, node)[14], 'mx9.example.net', `${node} line 15`);
  });
});
