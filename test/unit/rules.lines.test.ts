// The file's lines as a whole: a file shifted by one line (lines-shifted), mixed line endings
// (one diagnostic for the file), and line 5's entries read line by line (a `|` inside a
// password, an empty password). What a user sees for each, and where each must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServiceDiagnostic, Workspace, fixAll, fixesFor, isShiftedField, parseNodeFile, shiftOf, validate } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, diagnose, diagnoseWorkspace, nodeText, only, spans, withValues } from './helpers';

const apply = (text: string, edits: Parameters<typeof TextDocument.applyEdits>[1]) => TextDocument.applyEdits(TextDocument.create('file:///x/path.dat', 'icewarp-pathcfg', 1, text), edits);
const summary = (diagnostics: readonly ServiceDiagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);

/** The text with an empty line inserted before line `line` (1-based), or line `line` deleted. */
function shifted(text: string, line: number, change: 'insert' | 'delete'): string {
  const ending = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(ending);
  if (change === 'insert') lines.splice(line - 1, 0, '');
  else lines.splice(line - 1, 1);
  return lines.join(ending);
}

// The demo cluster's three Windows nodes: mx1 the master, mx2 and mx3 its slaves.
const MX = (n: number, changes: Record<number, string> = {}) =>
  nodeText(withValues(WINDOWS_SLAVE, { 4: `1${n}`, 10: `192.168.10.1${n}|192.168.10.1${n}`, 11: `mx${n}.example.net`, 14: n === 1 ? '0' : '1', ...changes }), '\r\n');
const uriOf = (n: number) => `file:///demo/mx${n}/path.dat`;

function workspaceOf(files: Record<string, string>): Workspace {
  const workspace = new Workspace();
  for (const [uri, text] of Object.entries(files)) workspace.set(parseNodeFile(uri, text));
  return workspace;
}

// ---------------------------------------------------------------------------------------------
// lines-shifted

test('an empty line inserted before the Server ID: one error instead of a cascade, and no other diagnostic on the shifted lines', () => {
  const text = shifted(MX(2), 4, 'insert');
  const found = diagnose(text);
  assert.deepEqual(summary(found), ['lines-shifted@4']);
  const [shift] = found;
  assert.equal(shift.severity, 'error');
  // From the empty line to the end of the misplaced Server ID.
  assert.deepEqual(shift.range, { start: { line: 3, character: 0 }, end: { line: 4, character: 2 } });
  assert.match(shift.message, /^Lines 4-17 look shifted down by one: line 4 is empty and the Server ID is on line 5, so IceWarp reads every value from line 5 on as the field after its own \(\d+ values fit only the line above them\)\. Remove line 4/);
});

test('a deleted line: the values fit one line down; the message names the field that is gone', () => {
  // Line 3 deleted from a file whose line 2 holds the web folder: only line 3 can be the place.
  const found = diagnose(shifted(MX(2, { 2: 'D:\\IceWarp\\html\\' }), 3, 'delete'));
  assert.deepEqual(summary(found), ['lines-shifted@3']);
  assert.match(found[0].message, /^Lines 3-17 look shifted up by one: the Server ID is on line 3, where the \(reserved\) belongs, so a line before it seems deleted/);
  assert.deepEqual(found[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
  // The Server ID line deleted: the Remote logon is on line 4, and lines 2-3 are empty, so any of lines 2-4 may be its place.
  const logon = diagnose(shifted(MX(2), 4, 'delete'));
  assert.deepEqual(summary(logon), ['lines-shifted@2']);
  assert.match(logon[0].message, /^Lines 2-17 look shifted up by one: the Remote logon is on line 4, where the Server ID belongs, and lines 2-3 are empty, so one of lines 2-4 seems deleted/);
  // The range marks the misplaced entry; the message never quotes it.
  assert.deepEqual(logon[0].range, { start: { line: 1, character: 0 }, end: { line: 3, character: WINDOWS_SLAVE[5].length } });
  assert.ok(!logon[0].message.includes('secret'));
});

test('a deleted line before empty lines: any of them may be its place, so the shift covers them all and names the first misplaced value', () => {
  // The Linux master's lines 5-7 are empty: with line 4 deleted, the outgoing queue is on line 7.
  const found = diagnose(shifted(nodeText(LINUX_MASTER), 4, 'delete'));
  assert.deepEqual(summary(found), ['lines-shifted@2'], 'no server-id-missing on a line that may be the deleted one\'s place');
  assert.deepEqual(found[0].range, { start: { line: 1, character: 0 }, end: { line: 6, character: LINUX_MASTER[8].length } });
  assert.match(found[0].message, /^Lines 2-17 look shifted up by one: the Outgoing queue is on line 7, where the GroupWare path belongs, and lines 2-6 are empty, so one of lines 2-7 seems deleted/);
});

test('a shift is found wherever the line went in, on Linux and Windows files alike', () => {
  for (const [name, base, ending] of [
    ['linux', LINUX_MASTER, '\n'],
    ['windows', WINDOWS_SLAVE, '\r\n'],
  ] as const) {
    const text = nodeText(base, ending);
    for (const line of [2, 4, 8, 10]) {
      const down = shiftOf(parseNodeFile('file:///x/path.dat', shifted(text, line, 'insert')));
      assert.equal(down?.direction, 'down', `${name}: a line inserted at ${line}`);
      const up = shiftOf(parseNodeFile('file:///x/path.dat', shifted(text, line, 'delete')));
      assert.equal(up?.direction, 'up', `${name}: line ${line} deleted`);
    }
  }
});

test('fix-all on a shifted file writes no Server ID into the inserted empty line (nor anything else)', () => {
  // A slave that already has its ID on line 5: server-id-missing's fix would write another into line 4.
  const workspace = workspaceOf({ [uriOf(1)]: MX(1), [uriOf(2)]: shifted(MX(2), 4, 'insert'), [uriOf(3)]: MX(3) });
  const node = workspace.get(uriOf(2));
  assert.ok(node);
  assert.deepEqual(fixAll(node, workspace), []);
  const diagnostics = validate(node, workspace);
  assert.ok(!diagnostics.some((d) => d.code === 'server-id-missing'));
});

test('the shift fix removes the inserted line (not preferred), and the file validates clean again', () => {
  const files = { [uriOf(1)]: MX(1), [uriOf(2)]: shifted(MX(2), 4, 'insert'), [uriOf(3)]: MX(3) };
  const workspace = workspaceOf(files);
  const node = workspace.get(uriOf(2));
  assert.ok(node);
  const [shift] = only(validate(node, workspace), 'lines-shifted');
  const fixes = fixesFor(node, shift, workspace);
  assert.deepEqual(
    fixes.map((fix) => [fix.id, fix.title, fix.isPreferred]),
    [['lines-shifted-remove-line', 'Remove the empty line 4 (lines 5-18 move up one)', false]],
  );
  const fixed = apply(node.text, fixes[0].edits);
  assert.equal(fixed, MX(2));
  const after = diagnoseWorkspace({ ...files, [uriOf(2)]: fixed });
  assert.deepEqual(Object.values(after).flatMap(summary), []);
});

test('the insert fix puts back an empty line for the deleted field; what the field lacks is then said on its own line', () => {
  const files = { [uriOf(1)]: MX(1), [uriOf(2)]: shifted(MX(2), 4, 'delete'), [uriOf(3)]: MX(3) };
  const workspace = workspaceOf(files);
  const node = workspace.get(uriOf(2));
  assert.ok(node);
  const [shift] = only(validate(node, workspace), 'lines-shifted');
  const fixes = fixesFor(node, shift, workspace);
  assert.deepEqual(
    fixes.map((fix) => [fix.id, fix.title, fix.isPreferred]),
    [['lines-shifted-insert-line', 'Insert an empty line 2 (lines 2-17 move down one)', false]],
  );
  const fixed = apply(node.text, fixes[0].edits);
  assert.equal(fixed, MX(2, { 4: '' }));
  assert.deepEqual(summary(diagnoseWorkspace({ ...files, [uriOf(2)]: fixed })[uriOf(2)]), ['server-id-missing@4']);
});

test('a BOM stays first when the first line is the one removed or inserted', () => {
  const text = '\uFEFF' + shifted(nodeText(LINUX_MASTER), 1, 'insert');
  const workspace = workspaceOf({ 'file:///bom/path.dat': text });
  const node = workspace.get('file:///bom/path.dat');
  assert.ok(node);
  const [shift] = only(validate(node, workspace), 'lines-shifted');
  assert.ok(shift, summary(validate(node, workspace)).join());
  const [fix] = fixesFor(node, shift, workspace);
  assert.equal(apply(node.text, fix.edits), '\uFEFF' + nodeText(LINUX_MASTER));
});

test('a shifted node\'s values stay out of cross-node checks: its peers see nothing of it', () => {
  // Two nodes: one against one, every slave-list and master-line difference would flag both sides.
  const master = nodeText(withValues(LINUX_MASTER, { 16: 'mx2.example.net' }));
  const slave = nodeText(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1', 16: 'mx2.example.net' }));
  const found = diagnoseWorkspace({ 'file:///c/mx1/path.dat': master, 'file:///c/mx2/path.dat': shifted(slave, 4, 'insert') });
  assert.deepEqual(summary(found['file:///c/mx1/path.dat']), []);
  assert.deepEqual(summary(found['file:///c/mx2/path.dat']), ['lines-shifted@4']);
  const node = parseNodeFile('file:///c/mx2/path.dat', shifted(slave, 4, 'insert'));
  assert.equal(isShiftedField(node, 'configPath'), false, 'line 1 is read where it belongs');
  assert.equal(isShiftedField(node, 'slaveHosts'), true);
});

test('lines-shifted set to off: every line speaks for itself again', () => {
  const found = diagnose(shifted(nodeText(LINUX_MASTER), 4, 'insert'), { severityOverrides: { 'lines-shifted': 'off' } });
  assert.ok(!found.some((d) => d.code === 'lines-shifted'));
  assert.ok(found.some((d) => d.code === 'host-invalid' && d.range.start.line === 14), summary(found).join());
});

test('lines-shifted stays quiet on correct files, files with many empty lines, and a misplaced value or two', () => {
  const quiet = (text: string, what: string) => assert.equal(shiftOf(parseNodeFile('file:///q/path.dat', text)), undefined, what);
  quiet(nodeText(LINUX_MASTER), 'a Linux master');
  quiet(nodeText(WINDOWS_SLAVE, '\r\n'), 'a Windows slave');
  quiet(nodeText({ 1: '/mnt/data/config/', 4: '11', 11: 'mx1.example.net', 15: 'mx1.example.net', 16: 'mx2.example.net' }), 'most lines empty');
  quiet(nodeText({ 4: '11' }), 'only a Server ID');
  quiet(nodeText(withValues(LINUX_MASTER, { 11: 'license.key', 12: 'mx1.example.net' })), 'two values swapped');
  quiet(nodeText(withValues(LINUX_MASTER, { 8: '/opt/icewarp/mailqueues/_incoming/', 13: '/opt/icewarp/mailqueues/_outgoing/' })), 'two queues swapped');
  quiet(nodeText(withValues(LINUX_MASTER, { 3: 'x', 4: '123', 14: 'yes' })), 'three values wrong in place');
  // Every fixture of the repository: real files, broken ones, other programs' files.
  const root = path.resolve(__dirname, '../fixtures');
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));
  for (const file of walk(root)) quiet(readFileSync(file, 'utf8'), path.relative(root, file));
});

// ---------------------------------------------------------------------------------------------
// mixed-line-endings: one diagnostic for the file

/** The Linux master with these 0-based lines ending otherwise. */
function withEndings(ends: Record<number, string>, base = '\n'): string {
  const lines = nodeText(LINUX_MASTER, base).split(base);
  return lines.map((line, index) => line + (index === lines.length - 1 ? '' : (ends[index] ?? base))).join('');
}

test('mixed-line-endings: one diagnostic for the file, counting each ending and naming the stray lines', () => {
  const found = only(diagnose(withEndings({ 3: '\r\n', 9: '\r\n' })), 'mixed-line-endings');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'information');
  // At the first stray ending, exactly the ending.
  assert.deepEqual(found[0].range, { start: { line: 3, character: 2 }, end: { line: 4, character: 0 } });
  assert.equal(
    found[0].message,
    'This file mixes line endings: 14 lines end with LF; 2 with CRLF (lines 4, 10). VS Code writes LF throughout when it next saves this file, as do the quick fix and `icewarp-pathcfg check --fix`: the ending most lines use. Tools that read the file line by line may keep a stray CR in the value.',
  );
});

test('mixed-line-endings says when VS Code will write another ending than the fix (lone CRs count as CR for it)', () => {
  // 3 LF, 2 CRLF, 2 lone CR: most lines end with LF, but more than half of the endings hold a CR.
  const text = 'a\nb\nc\nd\r\ne\r\nf\rg\rh';
  const [found] = only(diagnose(text), 'mixed-line-endings');
  assert.match(found.message, /^This file mixes line endings: 3 lines end with LF; 2 with CRLF \(lines 4, 5\); 2 with a lone CR \(lines 6, 7\)\. VS Code writes CRLF throughout when it next saves this file \(it takes CRLF only when more than half the endings are CR or CRLF\); the quick fix and `icewarp-pathcfg check --fix` write LF, the ending most lines use\. IceWarp may not read a lone CR/);
});

test('mixed-line-endings: a file converted wholesale still gets one diagnostic, naming the first stray lines', () => {
  const text = Array.from({ length: 60 }, (_, index) => `x${index}${index % 2 === 0 && index < 50 ? '\r\n' : '\n'}`).join('');
  const found = only(diagnose(text), 'mixed-line-endings');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^This file mixes line endings: 35 lines end with LF; 25 with CRLF \(lines 1, 3, 5, 7, 9 and 20 more\)\./);
});

test('mixed-line-endings: its one fix writes the dominant ending on every line', () => {
  const text = withEndings({ 0: '\n', 3: '\n', 9: '\n' }, '\r\n');
  const workspace = workspaceOf({ 'file:///m/path.dat': text });
  const node = workspace.get('file:///m/path.dat');
  assert.ok(node);
  const [found] = only(validate(node, workspace), 'mixed-line-endings');
  const fixes = fixesFor(node, found, workspace);
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.isPreferred]), [['Use CRLF line endings throughout (as most lines do)', true]]);
  assert.equal(apply(text, fixes[0].edits), nodeText(LINUX_MASTER, '\r\n'));
});

// ---------------------------------------------------------------------------------------------
// Line 5: a `|` inside a password, an empty password

const PASSWORD_HEAD = 'Tr1cky';
const PASSWORD_TAIL = 'Pass9';

test('a "|" inside a password: the stray entry names the likely cause, never the password', () => {
  const found = only(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${PASSWORD_HEAD}|${PASSWORD_TAIL}` }), '\r\n')), 'remote-logon-malformed');
  assert.equal(found.length, 1);
  assert.equal(
    found[0].message,
    'Remote logon (line 5), entry 2 of 2, does not start with a share path: a "|" separates entries, so the password of entry 1 most likely holds a "|" and IceWarp reads the rest of it as this entry. A password on this line cannot contain "|": give the account a password without one, on the share and here.',
  );
  assert.ok(!found[0].message.includes(PASSWORD_HEAD) && !found[0].message.includes(PASSWORD_TAIL));
  // Two bars: both tails point at the entry whose password holds them.
  const twice = only(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;svc;a|b;c|d` }))), 'remote-logon-malformed');
  assert.deepEqual(twice.map((d) => /password of entry (\d)/.exec(d.message)?.[1]), ['1', '1']);
});

test('an entry after a "|" that starts with a share path is an entry: its own fault is named, not a password', () => {
  const found = only(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: '\\\\fs01\\icewarp;svc;pw|\\\\fs02\\data' }))), 'remote-logon-malformed');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /entry 2 of 2, lacks the user and the password/);
});

test('remote-logon-password-empty: an entry with a user and no password, marked at its last ";"', () => {
  const line5 = '\\\\fs01\\icewarp;ICEWARP\\svc-mail;';
  const found = diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: line5 }), '\r\n'));
  assert.deepEqual(spans(found, 'remote-logon-password-empty'), [[5, line5.length - 1, line5.length]]);
  const [empty] = only(found, 'remote-logon-password-empty');
  assert.equal(empty.severity, 'warning');
  assert.equal(empty.message, 'Remote logon (line 5), entry 1, names a user but its password is empty, so IceWarp logs on to the share without a password, which a protected share refuses. Type the password after the last ";".');
  assert.deepEqual(summary(found), ['remote-logon-password-empty@5'], 'nothing else: the entry is well formed');
  const second = diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;svc;pw|\\\\fs02\\data;svc; ` })));
  assert.match(only(second, 'remote-logon-password-empty')[0].message, /entry 2 of 2, names a user/);
});

test('remote-logon-password-empty stays quiet with a password, without a user, and on malformed entries', () => {
  for (const line5 of ['\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret', '\\\\fs01\\icewarp;;', '\\\\fs01\\icewarp;svc', 'svc;pw;', '']) {
    assert.deepEqual(spans(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: line5 }))), 'remote-logon-password-empty'), [], line5);
  }
});
