// The file's lines as a whole: mixed line endings (one diagnostic for the file), and line 5's
// entries read line by line (a `|` inside a password, an empty password). What a user sees for
// each, and where each must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServiceDiagnostic, Workspace, fixesFor, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, diagnose, nodeText, only, spans, withValues } from './helpers';

const apply = (text: string, edits: Parameters<typeof TextDocument.applyEdits>[1]) => TextDocument.applyEdits(TextDocument.create('file:///x/path.dat', 'icewarp-pathcfg', 1, text), edits);
const summary = (diagnostics: readonly ServiceDiagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);

function workspaceOf(files: Record<string, string>): Workspace {
  const workspace = new Workspace();
  for (const [uri, text] of Object.entries(files)) workspace.set(parseNodeFile(uri, text));
  return workspace;
}

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
