// A file's lines as a whole, through the real server on a workspace folder: a node shifted by
// one line (lines-shifted: one diagnostic, no fix of a shifted line, the fix that moves the
// lines back), mixed line endings (one diagnostic for the file) and line 5's entries (a `|`
// inside a password, an empty password). Each test reads what the editor shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../../testing/lspClient';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from '../unit/helpers';

const CRLF = '\r\n';
/** The demo cluster's Windows nodes (mx1 the master) and a second, Linux cluster (b1 the master). */
const MX = (n: number, changes: Record<number, string> = {}) =>
  nodeText(withValues(WINDOWS_SLAVE, { 4: `1${n}`, 10: `192.168.10.1${n}|192.168.10.1${n}`, 11: `mx${n}.example.net`, 14: n === 1 ? '0' : '1', ...changes }), CRLF);
const B = (n: number) =>
  nodeText(withValues(LINUX_MASTER, { 1: '/mnt/b/config/', 4: `2${n}`, 10: `10.0.2.${n}`, 11: `b${n}.example.org`, 14: n === 1 ? '0' : '1', 15: 'b1.example.org', 16: 'b2.example.org' }));

function withLine(text: string, line: number, change: 'insert' | 'delete'): string {
  const ending = text.includes(CRLF) ? CRLF : '\n';
  const lines = text.split(ending);
  if (change === 'insert') lines.splice(line - 1, 0, '');
  else lines.splice(line - 1, 1);
  return lines.join(ending);
}

/** A standalone Linux node (no cluster) whose lines 4 and 10 end with CRLF. */
const MIXED = nodeText(withValues(LINUX_MASTER, { 1: '/mnt/m/config/', 10: '10.0.9.1', 11: 'mixed.example.org', 15: '', 16: '' }))
  .split('\n')
  .map((line, index, all) => line + (index === all.length - 1 ? '' : index === 3 || index === 9 ? CRLF : '\n'))
  .join('');
const PASSWORD_HEAD = 'Head7pw';
const PASSWORD_TAIL = 'Tail7pw';

const FILES: Record<string, string> = {
  mx1: MX(1),
  mx2: withLine(MX(2), 4, 'insert'),
  mx3: MX(3),
  b1: B(1),
  b2: withLine(B(2), 4, 'delete'),
  mixed: MIXED,
  // Standalone Windows nodes: a `|` inside the password; a user with an empty password.
  bar: nodeText(withValues(WINDOWS_SLAVE, { 1: '\\\\fs09\\bar\\config\\', 5: `\\\\fs09\\bar;ICEWARP\\svc-mail;${PASSWORD_HEAD}|${PASSWORD_TAIL}`, 10: '192.168.90.1', 11: 'bar.example.org', 14: '0', 15: '', 16: '' }), CRLF),
  empty: nodeText(withValues(WINDOWS_SLAVE, { 1: '\\\\fs09\\empty\\config\\', 5: '\\\\fs09\\empty;ICEWARP\\svc-mail;', 10: '192.168.90.2', 11: 'empty.example.org', 14: '0', 15: '', 16: '' }), CRLF),
};

const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
const applyEdits = (text: string, edits: readonly TextEdit[]) => TextDocument.applyEdits(TextDocument.create('untitled:x', 'icewarp-pathcfg', 1, text), [...edits]);

describe('a file\'s lines as a whole, over LSP', () => {
  let folder: string;
  let client: TestClient;
  const uriOf = (name: string) => fileUri(path.join(folder, name, 'path.dat'));
  const diagnosticsOf = (name: string) => client.latestDiagnostics(uriOf(name)) ?? [];
  const codeActions = (name: string, diagnostic: Pick<Diagnostic, 'range'> & Partial<Diagnostic>, only = ['quickfix']) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(name) }, range: diagnostic.range, context: { diagnostics: diagnostic.code ? [diagnostic] : [], only } });
  /** Opens the file with the text it has on disk, changes it to `text`, and waits for its new diagnostics. */
  const edit = async (name: string, text: string) => {
    const uri = uriOf(name);
    const count = client.publishCount(uri);
    await client.change(uri, text, 2);
    await client.diagnosticsAfter(uri, count);
    await client.idle();
  };

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-lines-'));
    for (const [name, text] of Object.entries(FILES)) {
      await fs.mkdir(path.join(folder, name));
      await fs.writeFile(path.join(folder, name, 'path.dat'), text);
    }
    client = await TestClient.start({ folders: [folder] });
    await Promise.all(Object.keys(FILES).map((name) => client.diagnosticsAfter(uriOf(name), 0)));
    await client.idle();
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('a node with an empty line inserted gets one lines-shifted error; its peers see nothing of its shifted values', () => {
    assert.deepEqual(summary(diagnosticsOf('mx2')), ['lines-shifted@4']);
    const [shift] = diagnosticsOf('mx2');
    assert.equal(shift.severity, 1);
    assert.match(shift.message, /^Lines 4-17 look shifted down by one: line 4 is empty and the Server ID is on line 5/);
    assert.deepEqual(summary(diagnosticsOf('mx1')), []);
    assert.deepEqual(summary(diagnosticsOf('mx3')), []);
  });

  test('no fix writes into a shifted line: fix-all has nothing to do, and line 4 offers no Server ID', async () => {
    await client.open(uriOf('mx2'), FILES.mx2);
    await client.idle();
    const whole = { start: { line: 0, character: 0 }, end: { line: 18, character: 0 } };
    assert.deepEqual(await codeActions('mx2', { range: whole }, ['source.fixAll']), []);
    // What server-id-missing would say of the inserted empty line: no fix answers it; what line 4
    // offers is the fix of the problem its range touches, the shift.
    const missing: Diagnostic = { code: 'server-id-missing', source: 'icewarp', message: 'Server ID (line 4) is empty', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } } };
    const offered = await codeActions('mx2', missing);
    assert.deepEqual(
      offered.map((action) => [action.title, action.diagnostics?.map((each) => each.code)]),
      [['Remove the empty line 4 (lines 5-18 move up one)', ['lines-shifted']]],
    );
  });

  test('the shift fix removes the empty line; applied, the node and its cluster validate clean', async () => {
    const [shift] = diagnosticsOf('mx2');
    const actions = await codeActions('mx2', shift);
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [['Remove the empty line 4 (lines 5-18 move up one)', false]],
    );
    const fixed = applyEdits(FILES.mx2, actions[0].edit?.changes?.[uriOf('mx2')] ?? []);
    assert.equal(fixed, MX(2));
    await edit('mx2', fixed);
    for (const name of ['mx1', 'mx2', 'mx3']) assert.deepEqual(summary(diagnosticsOf(name)), [], name);
  });

  test('a deleted line: the insert fix puts an empty line back, and the missing Server ID is then said (and fixed) on its own line', async () => {
    assert.deepEqual(summary(diagnosticsOf('b2')), ['lines-shifted@2']);
    assert.deepEqual(summary(diagnosticsOf('b1')), []);
    await client.open(uriOf('b2'), FILES.b2);
    await client.idle();
    const [shift] = diagnosticsOf('b2');
    const actions = await codeActions('b2', shift);
    assert.deepEqual(actions.map((action) => action.title), ['Insert an empty line 2 (lines 2-17 move down one)']);
    const fixed = applyEdits(FILES.b2, actions[0].edit?.changes?.[uriOf('b2')] ?? []);
    assert.equal(fixed.split('\n').length, FILES.b2.split('\n').length + 1);
    await edit('b2', fixed);
    assert.deepEqual(summary(diagnosticsOf('b2')), ['server-id-missing@4']);
    const [missing] = diagnosticsOf('b2');
    const idFix = await codeActions('b2', missing);
    // Which ID is the cluster's convention's business; that one is offered, preferred, on line 4 itself.
    assert.equal(idFix.length, 1);
    assert.match(idFix[0].title, /next free .*Server ID: \w+$/);
    assert.equal(idFix[0].isPreferred, true);
    assert.deepEqual(idFix[0].edit?.changes?.[uriOf('b2')]?.map((each) => each.range.start.line), [3]);
  });

  test('mixed line endings: one diagnostic for the file (not open), counting each ending and saying what VS Code writes', () => {
    const found = diagnosticsOf('mixed').filter((d) => d.code === 'mixed-line-endings');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].range, { start: { line: 3, character: 2 }, end: { line: 4, character: 0 } });
    assert.match(found[0].message, /^This file mixes line endings: 14 lines end with LF; 2 with CRLF \(lines 4, 10\)\. VS Code writes LF throughout when it next saves this file/);
  });

  test('mixed line endings in an editor that keeps the bytes: still one, and fix-all writes the dominant ending', async () => {
    await client.open(uriOf('mixed'), MIXED);
    await client.idle();
    assert.deepEqual(summary(diagnosticsOf('mixed').filter((d) => d.code === 'mixed-line-endings')), ['mixed-line-endings@4']);
    const whole = { start: { line: 0, character: 0 }, end: { line: 16, character: 0 } };
    const [fixAll] = await codeActions('mixed', { range: whole }, ['source.fixAll']);
    assert.equal(applyEdits(MIXED, fixAll.edit?.changes?.[uriOf('mixed')] ?? []), MIXED.replace(/\r\n/g, '\n'));
  });

  test('a "|" inside a password: the stray entry names the cause; no message, fix or hover shows the password', async () => {
    const malformed = diagnosticsOf('bar').filter((d) => d.code === 'remote-logon-malformed');
    assert.equal(malformed.length, 1);
    assert.match(malformed[0].message, /^Remote logon \(line 5\), entry 2 of 2, does not start with a share path: a "\|" separates entries, so the password of entry 1 most likely holds a "\|"/);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf('bar') }, position: { line: 4, character: 3 } });
    const shown = JSON.stringify([diagnosticsOf('bar'), await codeActions('bar', malformed[0]), (hover?.contents as MarkupContent | undefined)?.value ?? '']);
    assert.ok(!shown.includes(PASSWORD_HEAD) && !shown.includes(PASSWORD_TAIL), shown);
  });

  test('a user with an empty password: a warning at the last ";", with no fix', async () => {
    const found = diagnosticsOf('empty').filter((d) => d.code === 'remote-logon-password-empty');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 2);
    const line5 = FILES.empty.split(CRLF)[4];
    assert.deepEqual(found[0].range, { start: { line: 4, character: line5.length - 1 }, end: { line: 4, character: line5.length } });
    assert.deepEqual((await codeActions('empty', found[0])).filter((action) => action.kind === 'quickfix' && action.edit), []);
  });
});
