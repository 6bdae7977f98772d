// The language server in the editors other than VS Code that Debian ships (Emacs with eglot or
// lsp-mode, Vim with ALE or YouCompleteMe, Neovim), each seen through a plain client that says
// only what such an editor says: quick fixes for the requested range (vim-lsp and eglot ask at
// the cursor, ALE sends its diagnostics back without `source`), no IceWarp notification a client
// does not handle (lsp-mode warns of each), the disk watched by the client when it can register
// watchers and by the server when it cannot, each code linked to its page on disk, hovers in the
// format asked for, and a workspace from the deprecated `rootPath` alone.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { clusterChangedNotification, fileKindNotification } from '../../common/protocol';
import { STAT_INTERVAL_MS, WALK_INTERVAL_MS } from '../../server/src/core/fileWatching';
import { type Cancel, type Timers, runtimeTimers } from '../../server/src/core/timers';
import { PLAIN_CAPABILITIES, TestClient, codes, fileUri } from '../../testing/lspClient';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const has = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === code);
const lacks = (code: string) => (diagnostics: Diagnostic[]) => !diagnostics.some((d) => d.code === code);
const at = (line: number, character: number) => ({ line, character });
const DYNAMIC_WATCHERS: ClientCapabilities = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };

/** mx1 master, mx2 and mx3 slaves; mx2 takes mx1's Server ID (server-id-duplicate on both); mx3 has trailing spaces after its license file (line 12). */
async function writeWorkspace(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-other-editors-'));
  for (const node of ['mx1', 'mx2', 'mx3']) {
    let text = await fs.readFile(path.join(FIXTURES, 'cluster', node, 'path.dat'), 'utf8');
    if (node === 'mx2') text = text.replace('\n12\n', '\n11\n');
    if (node === 'mx3') text = text.replace('\nlicense.key\n', '\nlicense.key  \n');
    await fs.mkdir(path.join(folder, node));
    await fs.writeFile(path.join(folder, node, 'path.dat'), text);
  }
  return folder;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'icewarp-pathcfg', 1, text), [...edits]);
}

describe('quick fixes answer the requested range, whatever the client sends back', () => {
  let folder: string;
  let client: TestClient;
  let mx3: string;
  let text: string;
  let whitespace: Diagnostic;
  const actionsFor = (range: { start: { line: number; character: number }; end: { line: number; character: number } }, diagnostics: unknown[] = []) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: mx3 }, range, context: { diagnostics } });

  before(async () => {
    folder = await writeWorkspace();
    client = await TestClient.start({ capabilities: PLAIN_CAPABILITIES, folders: [folder], sendWorkspaceFolders: false });
    mx3 = fileUri(path.join(folder, 'mx3', 'path.dat'));
    text = await fs.readFile(path.join(folder, 'mx3', 'path.dat'), 'utf8');
    await client.open(mx3, text);
    await client.waitFor(() => has('whitespace')(client.latestDiagnostics(mx3) ?? []), 'the trailing spaces');
    whitespace = client.latestDiagnostics(mx3)?.find((d) => d.code === 'whitespace') as Diagnostic;
    assert.deepEqual(whitespace.range, { start: at(11, 11), end: at(11, 13) });
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test("the cursor at the start of the line, nothing sent back (vim-lsp, eglot): the fixes of the line's problems", async () => {
    const actions = await actionsFor({ start: at(11, 0), end: at(11, 0) });
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix?.edit?.changes?.[mx3], JSON.stringify(actions));
    assert.equal(applyEdits(text, fix.edit.changes[mx3]).split('\n')[11], 'license.key');
    assert.deepEqual(fix.diagnostics, [whitespace], "named by the server's diagnostic");
  });

  test('a range over the word under the cursor, diagnostics sent back without source (ALE): the fixes, naming what was sent', async () => {
    // ALE sends the word under the cursor and its own copy: code and message, no source.
    const sent = { code: 'whitespace', message: whitespace.message, range: whitespace.range };
    const actions = await actionsFor({ start: at(11, 0), end: at(11, 11) }, [sent]);
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    assert.deepEqual(fix.diagnostics, [sent]);
  });

  test('a range that touches no problem, the sexp at point (eglot 1.9): the fixes of its line', async () => {
    const actions = await actionsFor({ start: at(11, 0), end: at(11, 7) });
    assert.deepEqual(actions.find((action) => action.isPreferred)?.diagnostics, [whitespace]);
  });

  test('a diagnostic sent back without code is matched by its message, line breaks and runs of spaces as one space', async () => {
    const sent = { message: `  ${whitespace.message.replace(/ /g, ' \n ')} `, range: { start: at(11, 0), end: at(11, 13) } };
    const actions = await actionsFor({ start: at(11, 5), end: at(11, 5) }, [sent]);
    assert.deepEqual(actions.find((action) => action.isPreferred)?.diagnostics, [sent]);
  });

  test("a range on another line gets no fix of this line's problem, and one fix names every diagnostic it fixes", async () => {
    assert.deepEqual(await actionsFor({ start: at(2, 0), end: at(2, 0) }), []);
    const twice = await actionsFor({ start: at(0, 0), end: at(16, 0) }, [whitespace, { ...whitespace, source: 'icewarp' }]);
    assert.equal(twice.filter((action) => action.isPreferred).length, 1, JSON.stringify(twice));
  });
});

describe("IceWarp's own notifications go only to the extension's client", () => {
  let folder: string;
  before(async () => {
    folder = await writeWorkspace();
  });
  after(() => fs.rm(folder, { recursive: true, force: true }));

  test('a plain client hears neither icewarp/clusterChanged nor icewarp/fileKind; the extension hears both', async () => {
    const plain = await TestClient.start({ capabilities: PLAIN_CAPABILITIES, folders: [folder] });
    const extension = await TestClient.start({ folders: [folder] });
    const heard: Record<'plain' | 'extension', string[]> = { plain: [], extension: [] };
    let clusterChanged: () => void = () => undefined;
    const extensionHeardClusterChanged = new Promise<void>((resolve) => (clusterChanged = resolve));
    for (const [name, client] of [['plain', plain], ['extension', extension]] as const) {
      for (const method of [clusterChangedNotification.method, fileKindNotification.method]) {
        client.connection.onNotification(method, () => {
          heard[name].push(method);
          if (name === 'extension' && method === clusterChangedNotification.method) clusterChanged();
        });
      }
    }
    try {
      const mx1 = fileUri(path.join(folder, 'mx1', 'path.dat'));
      // The plain client's server publishes first, so its pause before icewarp/clusterChanged
      // (the same length in both servers, timers of one process) ends first.
      await plain.waitFor(() => plain.publishCount(mx1) > 0, 'the plain client’s diagnostics');
      await extension.waitFor(() => extension.publishCount(mx1) > 0, 'the extension’s diagnostics');
      await extensionHeardClusterChanged;
      // Another program's path.cfg, opened: judged foreign at once.
      const foreign = fileUri(path.join(folder, 'other', 'path.cfg'));
      const foreignText = await fs.readFile(path.join(FIXTURES, 'foreign', 'ini-sections', 'path.cfg'), 'utf8');
      await plain.open(foreign, foreignText);
      await extension.open(foreign, foreignText);
      await extension.status();
      await plain.status();
      assert.ok(heard.extension.includes(fileKindNotification.method), JSON.stringify(heard));
      assert.deepEqual(heard.plain, []);
    } finally {
      await plain.stop();
      await extension.stop();
    }
  });
});

/** The runtime's clock, except that the server's own watching polls only when the test says. */
class HeldPolls implements Timers {
  private held: (() => void)[] = [];
  nextTurn(callback: () => void): Cancel {
    return runtimeTimers.nextTurn(callback);
  }
  after(ms: number, callback: () => void): Cancel {
    if (ms !== STAT_INTERVAL_MS) return runtimeTimers.after(ms, callback);
    let cancelled = false;
    this.held.push(() => {
      if (!cancelled) callback();
    });
    return () => {
      cancelled = true;
    };
  }
  get waiting(): number {
    return this.held.length;
  }
  /** Runs the poll that is due, and answers once the next one is: the round has ended. */
  async poll(client: TestClient): Promise<void> {
    const due = this.held;
    this.held = [];
    for (const run of due) run();
    for (let asked = 0; this.held.length === 0; asked++) {
      if (asked > 10_000) throw new Error('the server did not poll again');
      await client.status();
    }
  }
}

describe('files changed on disk while closed', () => {
  let folder: string;
  const uriOf = (node: string) => fileUri(path.join(folder, node, 'path.dat'));
  const writeNode = async (node: string, change: (text: string) => string) => {
    const file = path.join(folder, node, 'path.dat');
    await fs.writeFile(file, change(await fs.readFile(file, 'utf8')));
  };
  beforeEach(async () => {
    folder = await writeWorkspace();
  });
  afterEach(() => fs.rm(folder, { recursive: true, force: true }));

  test('a client that can register watchers is asked to watch two string globs', async () => {
    const client = await TestClient.start({ capabilities: DYNAMIC_WATCHERS, folders: [folder] });
    try {
      await client.waitFor(() => client.registrations.length > 0, 'a registration');
      assert.deepEqual(client.registrations.map((registration) => [registration.method, registration.registerOptions]), [
        ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/path.cfg' }, { globPattern: '**/path.dat' }] }],
      ]);
      // What such a client then reports updates the nodes that depend on the file.
      await client.waitFor(() => has('server-id-duplicate')(client.latestDiagnostics(uriOf('mx2')) ?? []), 'the duplicate Server ID');
      await writeNode('mx1', (text) => text.replace('\n11\n', '\n10\n'));
      const count = client.publishCount(uriOf('mx2'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('mx1'), type: 2 }] });
      await client.diagnosticsAfter(uriOf('mx2'), count, lacks('server-id-duplicate'));
    } finally {
      await client.stop();
    }
  });

  test("the extension's client, whose own watchers report the disk, is asked for none", async () => {
    const client = await TestClient.start({ folders: [folder] });
    try {
      // Registered in the same turn as the watchers would be, before them.
      await client.waitFor(() => client.registrations.length > 0, 'the settings registration');
      await client.idle();
      assert.deepEqual(
        client.registrations.map((registration) => registration.method),
        ['workspace/didChangeConfiguration'],
      );
    } finally {
      await client.stop();
    }
  });

  test('a client without dynamic registration (ALE, Neovim 0.7): the server notices changes, deletions and new node files itself', async () => {
    const clock = new HeldPolls();
    const client = await TestClient.start({ capabilities: PLAIN_CAPABILITIES, folders: [folder], timers: clock });
    try {
      await client.waitFor(() => has('server-id-duplicate')(client.latestDiagnostics(uriOf('mx2')) ?? []), 'the duplicate Server ID');
      // Watching starts once the workspace is indexed.
      for (let asked = 0; clock.waiting === 0; asked++) {
        if (asked > 10_000) throw new Error('the server does not poll');
        await client.status();
      }
      assert.deepEqual(client.serverRequests, [], 'nothing asked of a client that advertised nothing');

      // mx1 gets its own Server ID on disk: mx2's duplicate goes at the next poll.
      await writeNode('mx1', (text) => text.replace('\n11\n', '\n10\n'));
      let count = client.publishCount(uriOf('mx2'));
      await clock.poll(client);
      await client.diagnosticsAfter(uriOf('mx2'), count, lacks('server-id-duplicate'));

      // A new node with mx3's Server ID: found by the walk, every WALK_INTERVAL_MS.
      await fs.mkdir(path.join(folder, 'mx4'));
      await fs.writeFile(path.join(folder, 'mx4', 'path.dat'), (await fs.readFile(path.join(folder, 'mx3', 'path.dat'), 'utf8')).replace('mx3.example.net\n', 'mx4.example.net\n'));
      count = client.publishCount(uriOf('mx3'));
      for (let round = 0; round < WALK_INTERVAL_MS / STAT_INTERVAL_MS; round++) await clock.poll(client);
      await client.diagnosticsAfter(uriOf('mx3'), count, has('server-id-duplicate'));

      // mx4 deleted: its diagnostics are cleared, and mx3's duplicate goes.
      await fs.rm(path.join(folder, 'mx4'), { recursive: true });
      count = client.publishCount(uriOf('mx3'));
      await clock.poll(client);
      await client.diagnosticsAfter(uriOf('mx3'), count, lacks('server-id-duplicate'));
      assert.deepEqual(client.latestDiagnostics(uriOf('mx4')), []);
    } finally {
      await client.stop();
    }
  });
});

describe("each code links to its page on disk, and hovers come in the client's format", () => {
  let folder: string;
  before(async () => {
    folder = await writeWorkspace();
  });
  after(() => fs.rm(folder, { recursive: true, force: true }));

  test('codeDescription.href: the file: URL of docs/codes/<code>.md, which exists (English where no page is translated)', async () => {
    for (const locale of [undefined, 'cs']) {
      const client = await TestClient.start({ capabilities: PLAIN_CAPABILITIES, folders: [folder], locale });
      try {
        const mx2 = fileUri(path.join(folder, 'mx2', 'path.dat'));
        await client.waitFor(() => has('server-id-duplicate')(client.latestDiagnostics(mx2) ?? []), 'the duplicate Server ID');
        for (const diagnostic of client.latestDiagnostics(mx2) ?? []) {
          const href = diagnostic.codeDescription?.href ?? '';
          assert.ok(href.startsWith('file:'), href);
          const page = fileURLToPath(href);
          assert.ok(existsSync(page), page);
          const translated = path.resolve(__dirname, '../../docs', locale ?? 'en', 'codes', `${diagnostic.code}.md`);
          const expected = locale && existsSync(translated) ? path.join(locale, 'codes') : 'codes';
          assert.ok(page.endsWith(path.join('docs', expected, `${diagnostic.code}.md`)), page);
        }
      } finally {
        await client.stop();
      }
    }
  });

  test('a client that shows no code links reads each code and its page at the end of the hover; plain text when asked', async () => {
    const clients = {
      markdown: await TestClient.start({ capabilities: PLAIN_CAPABILITIES, folders: [folder] }),
      // ALE, and eglot without markdown-mode.
      plain: await TestClient.start({ capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } }, folders: [folder] }),
      links: await TestClient.start({ capabilities: { textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } }, folders: [folder] }),
    };
    try {
      const mx2 = fileUri(path.join(folder, 'mx2', 'path.dat'));
      const hovers: Record<string, string> = {};
      for (const [name, client] of Object.entries(clients)) {
        await client.waitFor(() => has('server-id-duplicate')(client.latestDiagnostics(mx2) ?? []), 'the duplicate Server ID');
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: mx2 }, position: at(3, 0) });
        const contents = hover.contents as MarkupContent;
        hovers[name] = `${contents.kind}\n${contents.value}`;
      }
      const page = (client: TestClient) => client.latestDiagnostics(mx2)?.find((d) => d.code === 'server-id-duplicate')?.codeDescription?.href;
      assert.ok(hovers.markdown.startsWith('markdown\n**Server ID**'), hovers.markdown);
      assert.ok(hovers.markdown.endsWith(`\`server-id-duplicate\`: ${page(clients.markdown)}`), hovers.markdown);
      assert.ok(hovers.plain.startsWith('plaintext\nServer ID · line 4'), hovers.plain);
      assert.ok(!/[`*]/.test(hovers.plain), hovers.plain);
      assert.ok(hovers.plain.endsWith(`server-id-duplicate: ${page(clients.plain)}`), hovers.plain);
      assert.ok(!hovers.links.includes('file:'), hovers.links);
      // Only on a line with problems.
      const elsewhere = await clients.markdown.request<Hover>('textDocument/hover', { textDocument: { uri: mx2 }, position: at(0, 0) });
      assert.ok(!(elsewhere.contents as MarkupContent).value.includes('file:'));
    } finally {
      for (const client of Object.values(clients)) await client.stop();
    }
  });
});

describe('a client that sends only the deprecated rootPath', () => {
  test('gets its workspace: the nodes under it, own and cross-node diagnostics', async () => {
    const folder = await writeWorkspace();
    const client = await TestClient.start({ capabilities: PLAIN_CAPABILITIES, folders: [folder], sendWorkspaceFolders: false, sendRootUri: false });
    try {
      // mx2 took the master's Server ID: the duplicate is blamed on it.
      const mx2 = fileUri(path.join(folder, 'mx2', 'path.dat'));
      await client.waitFor(() => client.publishCount(mx2) > 0, 'diagnostics of an unopened node');
      assert.deepEqual(codes(client.latestDiagnostics(mx2)), ['server-id-duplicate']);
    } finally {
      await client.stop();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
