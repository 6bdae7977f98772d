// Hostile input below the protocol: Server IDs of astral characters, explain links a web page
// makes up (and bases with queries of their own), names that are no UTF-8, text that would drive
// a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import { explainHref } from '../../common/protocolNames';
import { encodePathBytes, forFs, hasRawBytes, pathFromBytes, showPath } from '../../server/src/host/diskPaths';
import { escapeControls } from '../../cli/src/output';
import { quoteUntrusted } from '../../client/src/untrustedText';
import { diagnose, nodeText, only } from './helpers';

test('server-id-too-long counts code points and never splits a surrogate pair', () => {
  const astral = '\u{1D518}'; // 𝔘, two UTF-16 units
  assert.deepEqual(only(diagnose(nodeText({ 4: `A${astral}` })), 'server-id-too-long'), [], '"A𝔘" is two characters');
  assert.deepEqual(only(diagnose(nodeText({ 4: `${astral}${astral}` })), 'server-id-too-long'), []);
  const [tooLong] = only(diagnose(nodeText({ 4: `${astral}${astral}7` })), 'server-id-too-long');
  assert.match(tooLong.message, /has 3 characters/);
  assert.deepEqual([tooLong.range.start.character, tooLong.range.end.character], [4, 5], 'the third character, after two whole pairs');
  const [split] = only(diagnose(nodeText({ 4: `A${astral}${astral}` })), 'server-id-too-long');
  assert.deepEqual([split.range.start.character, split.range.end.character], [3, 5], 'the range starts on a whole pair');
  assert.match(split.message, /has 3 characters/);
  assert.match(only(diagnose(nodeText({ 4: '103' })), 'server-id-too-long')[0].message, /has 3 characters/);
});

test('explainHref builds the link with the URL API: a base with its own query or fragment gets one query', () => {
  assert.equal(explainHref('vscode://publisher.name/explain', 'whitespace'), 'vscode://publisher.name/explain?code=whitespace');
  assert.equal(explainHref('https://docs.example/codes?lang=cs', 'whitespace'), 'https://docs.example/codes?lang=cs&code=whitespace');
  assert.equal(explainHref('https://docs.example/codes?lang=cs#top', 'whitespace'), 'https://docs.example/codes?lang=cs&code=whitespace#top');
  assert.equal(explainHref('https://docs.example/codes?code=old', 'whitespace'), 'https://docs.example/codes?code=whitespace');
  assert.equal(explainHref('not a url?lang=cs', 'whitespace'), 'not a url?lang=cs&code=whitespace');
});

/** What the fake vscode below saw during one explainWith: the warnings shown and the pages opened. */
let seen = { warnings: [] as string[], opened: [] as string[] };
const explainHandlers: { uri?: (uri: { path: string; query: string }) => void; command?: (code: unknown) => Promise<void> } = {};
const PAGES = new Set(['/ext/docs/codes/whitespace.md']);
/** Only what explain.ts asks of the vscode API. */
const fakeVscode = {
  env: { uriScheme: 'vscode' },
  l10n: { t: (message: string, ...args: string[]) => message.replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)]) },
  Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }) },
  workspace: { fs: { stat: async (uri: { path: string }) => (PAGES.has(uri.path) ? {} : Promise.reject(new Error('ENOENT'))) } },
  window: {
    showWarningMessage: async (message: string) => void seen.warnings.push(message),
    registerUriHandler: (handler: { handleUri: (uri: { path: string; query: string }) => void }) => {
      explainHandlers.uri = (uri) => handler.handleUri(uri);
      return { dispose() {} };
    },
  },
  commands: {
    registerCommand: (_id: string, run: (code: unknown) => Promise<void>) => {
      explainHandlers.command = run;
      return { dispose() {} };
    },
    executeCommand: async (_command: string, page: { path: string }) => void seen.opened.push(page.path),
  },
};

/** The client's explain.ts, registered once, with the fake for the 'vscode' only an extension host has. */
function registerExplainOnce(): void {
  if (explainHandlers.uri) return;
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = (request, ...rest) => (request === 'vscode' ? fakeVscode : load(request, ...rest));
  try {
    const { registerExplain } = require('../../client/src/explain') as typeof import('../../client/src/explain');
    registerExplain({ extensionUri: { path: '/ext' }, extension: { id: 'publisher.name' } } as unknown as Parameters<typeof registerExplain>[0]);
  } finally {
    loader._load = load;
  }
}

/** Explains `code` as a link (the URI handler) or the command would: the warnings shown and pages opened. */
async function explainWith(code: unknown, via: 'link' | 'command'): Promise<{ warnings: string[]; opened: string[] }> {
  registerExplainOnce();
  seen = { warnings: [], opened: [] };
  if (via === 'link') explainHandlers.uri?.({ path: '/explain', query: new URLSearchParams({ code: String(code) }).toString() });
  else await explainHandlers.command?.(code);
  // The link's handler runs on: its stat and message come a turn later.
  await new Promise((resolve) => setImmediate(resolve));
  return seen;
}

test('an explain link shows only known codes; anything else a fixed message with the value escaped and cut', async () => {
  assert.deepEqual(await explainWith('whitespace', 'link'), { warnings: [], opened: ['/ext/docs/codes/whitespace.md'] });
  const injected = await explainWith('[Install the update](command:workbench.action.installUpdate)', 'link');
  assert.equal(injected.opened.length, 0);
  assert.equal(injected.warnings.length, 1);
  assert.ok(!/[[\]()]|command:/.test(injected.warnings[0]), injected.warnings[0]);
  assert.match(injected.warnings[0], /^There is no page for the code "\\u\{5b\}Install the update\\u\{5d\}\\u\{28\}command\\u\{3a\}workbench.a…"\.$/);
  const huge = await explainWith(`x${'[a](https://evil.example)'.repeat(40_000)}`, 'link');
  assert.ok(huge.warnings[0].length < 300, `a megabyte is cut: ${huge.warnings[0].length} characters`);
  const notText = await explainWith({ toString: () => '[x](command:y)' }, 'command');
  assert.deepEqual(notText.warnings, ['There is no page for the code (object).']);
  assert.deepEqual((await explainWith('a'.repeat(100), 'command')).opened, [], 'longer than any code');
});

test('quoteUntrusted keeps letters and digits, escapes what could build markup, and cuts by code point', () => {
  assert.equal(quoteUntrusted('server-id-too-long'), '"server-id-too-long"');
  assert.equal(quoteUntrusted('a\u001b]0;x\u0007'), '"a\\u{1b}\\u{5d}0\\u{3b}x\\u{7}"');
  assert.equal(quoteUntrusted('\u{1D518}'.repeat(41)), `"${'\\u{1d518}'.repeat(40)}…"`);
  assert.equal(quoteUntrusted(null), '(null)');
});

test('paths whose names are not UTF-8 keep every byte, print as \\xNN and encode as %NN', () => {
  const bytes = Buffer.concat([Buffer.from('/srv/Z'), Buffer.of(0xe1), Buffer.from('lohy/\u{1D518}/x'), Buffer.of(0xff, 0xc3)]);
  const text = pathFromBytes(bytes);
  assert.ok(hasRawBytes(text));
  assert.ok((forFs(text) as Buffer).equals(bytes), 'the exact bytes back');
  assert.equal(showPath(text), '/srv/Z\\xe1lohy/\u{1D518}/x\\xff\\xc3');
  assert.equal(encodePathBytes(text), '/srv/Z%E1lohy/%F0%9D%94%98/x%FF%C3');
  const valid = pathFromBytes(Buffer.from('/srv/Zálohy/\uFFFD'));
  assert.equal(valid, '/srv/Zálohy/\uFFFD', 'valid UTF-8, a real U+FFFD included, is decoded as usual');
  assert.equal(forFs(valid), valid);
  assert.ok(!hasRawBytes('/srv/\u{1DC80}'), 'an astral character whose low half looks like a kept byte is one');
});

test('escapeControls: C0 but tab, DEL, C1, bidi overrides, separators and kept bytes as escapes; the rest as it is', () => {
  assert.equal(escapeControls('mx1\u001b]0;pwned\u0007\u001b[2J.example'), 'mx1\\x1b]0;pwned\\x07\\x1b[2J.example');
  assert.equal(escapeControls('a\tb\u007fc\u009bd\u202ee\u2028'), 'a\tb\\x7fc\\u{9b}d\\u{202e}e\\u{2028}');
  assert.equal(escapeControls(pathFromBytes(Buffer.concat([Buffer.from('Z'), Buffer.of(0xe1)]))), 'Z\\xe1');
  assert.equal(escapeControls('C:\\IceWarp\\ Zálohy 𝔘'), 'C:\\IceWarp\\ Zálohy 𝔘');
});
