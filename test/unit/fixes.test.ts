// Every quick fix, applied to a fixture: its diagnostic goes, no new one comes, every other line
// stays byte-identical, and the file's line ending survives. The table iterates over the
// registered fix codes, so a fix without a case fails here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CODES_WITH_FIXES,
  DIAGNOSTIC_CODES,
  DiagnosticCode,
  type Finding,
  Fix,
  NodeFile,
  RULES,
  ServiceDiagnostic,
  type TextEdit,
  Workspace,
  fixAll,
  fixOffer,
  fixesFor,
  isIpAddress,
  parseNodeFile,
  removeBindingEntries,
  setValue,
  validate,
} from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, codeTableRows, nodeText, withValues } from './helpers';

const SUBJECT = 'file:///ws/subject/path.dat';
type Ending = '\n' | '\r\n';

interface FixCase {
  name: string;
  /** The subject file for a line ending. */
  text: (ending: Ending) => string;
  /** Other nodes of the workspace (same ending as the subject). */
  others?: (ending: Ending) => string[];
  /** Fix ids this case checks; default: every fix offered. */
  fixes?: string[];
  /** The fix rewrites line endings on other lines (their text must stay identical). */
  endingsOnly?: boolean;
  /** The fix moves lines (the one named exception, `lines-shifted`): the text it must give. */
  movesLinesTo?: (ending: Ending) => string;
}

const node = (values: Record<number, string>) => (ending: Ending) => nodeText(values, ending);
const linux = (changes: Record<number, string>) => node(withValues(LINUX_MASTER, changes));
const windows = (changes: Record<number, string>) => node(withValues(WINDOWS_SLAVE, changes));

/** A 16-line file with every line ending `ending` except line 3, which ends with the other one. */
function mixedEndings(ending: Ending): string {
  const other: Ending = ending === '\n' ? '\r\n' : '\n';
  return nodeText(LINUX_MASTER, ending)
    .split(ending)
    .map((line, index, lines) => (index === lines.length - 1 ? line : line + (index === 2 ? other : ending)))
    .join('');
}

/** A file with one line more or less at `line` (1-based): an empty line inserted before it, or it deleted. */
const withLine = (values: Record<number, string>, line: number, change: 'insert' | 'delete') => (ending: Ending) => {
  const lines = nodeText(values, ending).split(ending);
  if (change === 'insert') lines.splice(line - 1, 0, '');
  else lines.splice(line - 1, 1);
  return lines.join(ending);
};

const CASES: Partial<Record<DiagnosticCode, FixCase[]>> = {
  'server-id-too-long': [{ name: 'three digits', text: linux({ 4: '123' }) }],
  'server-id-invalid-char': [{ name: 'an underscore', text: linux({ 4: '1_' }) }],
  'server-id-not-numeric': [{ name: 'letters', text: linux({ 4: 'AB' }) }],
  'server-id-missing': [{ name: 'empty in a cluster', text: linux({ 4: '' }) }],
  'server-id-duplicate': [
    {
      name: 'mx3 with 12, where every other node is its hostname number + 10',
      text: linux({ 4: '12', 10: '10.0.0.13', 11: 'mx3.example.net', 14: '1' }),
      others: (ending) => [nodeText(LINUX_MASTER, ending), nodeText(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' }), ending)],
    },
    {
      name: 'two nodes of one cluster with 11 and nothing to tell which is wrong',
      text: linux({ 10: '' }),
      others: (ending) => [nodeText(withValues(LINUX_MASTER, { 10: '', 11: 'mx2.example.net', 14: '1' }), ending)],
    },
  ],
  'duplicate-identity': [
    {
      name: "mx3 binding mx2's IP, where every other node binds 10.0.0.(hostname number + 10)",
      text: linux({ 4: '13', 10: '10.0.0.12', 11: 'mx3.example.net', 14: '1' }),
      others: (ending) => [nodeText(LINUX_MASTER, ending), nodeText(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' }), ending)],
    },
    {
      name: "mx3's file with mx2's hostname, its Server ID and IP numbered for mx3",
      text: linux({ 4: '13', 10: '10.0.0.13', 11: 'mx2.example.net', 14: '1' }),
      others: (ending) => [nodeText(LINUX_MASTER, ending), nodeText(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' }), ending)],
    },
  ],
  'unc-malformed': [
    { name: 'three backslashes', text: windows({ 1: '\\\\\\fs01\\icewarp\\config\\' }) },
    { name: 'one backslash', text: windows({ 1: '\\fs01\\icewarp\\config\\' }) },
  ],
  'unc-forward-slashes': [
    { name: 'a UNC path', text: windows({ 1: '//fs01/icewarp/config/' }) },
    { name: 'a drive path', text: windows({ 8: 'D:/IceWarp/queues/_outgoing/', 9: 'D:\\IceWarp\\queues\\_outgoing\\retry\\' }) },
  ],
  'shared-temp-folder': [
    { name: 'incoming queue on a share', text: windows({ 13: '\\\\fs01\\icewarp\\queues\\_incoming\\' }) },
    { name: 'retry queue on a share, under the local outgoing queue', text: windows({ 9: '\\\\fs01\\icewarp\\queues\\_outgoing\\retry\\' }) },
    {
      name: 'two nodes share one incoming queue (the error)',
      text: windows({ 13: '\\\\fs01\\icewarp\\queues\\_incoming\\' }),
      others: (ending) => [nodeText(withValues(WINDOWS_SLAVE, { 4: '13', 10: '192.168.10.13', 11: 'mx3.example.net', 13: '\\\\fs01\\icewarp\\queues\\_incoming\\' }), ending)],
    },
  ],
  whitespace: [
    { name: 'trailing spaces', text: linux({ 12: 'license.key  ' }) },
    { name: 'a leading tab', text: linux({ 11: '\tmx1.example.net' }) },
    { name: 'only spaces', text: linux({ 2: '   ' }) },
  ],
  'role-invalid': [
    { name: 'a 2 on a node in no list', text: linux({ 11: 'mx9.example.net', 14: '2' }) },
    { name: '"yes"', text: linux({ 11: 'mx9.example.net', 14: 'yes' }) },
  ],
  'master-host-multiple': [{ name: 'two masters', text: linux({ 15: 'mx1.example.net;mx4.example.net' }) }],
  'slave-list-separator': [
    { name: 'comma and space', text: linux({ 16: 'mx2.example.net, mx3.example.net' }) },
    { name: 'spaces only', text: linux({ 16: 'mx2.example.net mx3.example.net' }) },
  ],
  'slave-duplicate': [{ name: 'a repeat at the end', text: linux({ 16: 'mx2.example.net;mx3.example.net;MX2.example.net' }) }],
  'master-in-slave-list': [
    { name: 'the master first', text: linux({ 11: 'mx4.example.net', 16: 'mx1.example.net;mx2.example.net' }) },
    { name: 'the master alone', text: linux({ 11: 'mx4.example.net', 16: 'mx1.example.net' }) },
  ],
  'role-mismatch': [
    { name: 'the master host says slave', text: linux({ 14: '1' }) },
    { name: 'a listed slave says master', text: windows({ 14: '0' }) },
  ],
  'ip-binding-invalid': [
    { name: 'a bad second IP', text: linux({ 10: '10.0.0.11;10.0.0.999' }) },
    { name: 'a bad outgoing half', text: linux({ 10: '10.0.0.11|not-an-ip' }) },
  ],
  'reserved-line': [{ name: 'text on line 3', text: linux({ 3: 'x' }) }],
  'host-possible-typo': [
    {
      name: "a typo of another node's hostname",
      text: linux({ 16: 'mx2.example.net;mx3.exmaple.net' }),
      others: (ending) => [node(withValues(LINUX_MASTER, { 4: '13', 10: '10.0.0.13', 11: 'mx3.example.net', 14: '1' }))(ending)],
    },
  ],
  'remote-logon-malformed': [
    { name: 'two entries glued with ","', text: windows({ 5: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;pw1,\\\\fs02\\x;u;pw2' }) },
    { name: 'two entries glued with ";"', text: windows({ 5: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;pw1; \\\\fs02\\x;u;pw2' }) },
  ],
  'cluster-membership-mismatch': [
    {
      name: 'one node of three names another slave',
      text: linux({ 4: '13', 10: '10.0.0.13', 11: 'mx3.example.net', 14: '1', 16: 'mx2.example.net;mx4.example.net' }),
      others: (ending) => [node(LINUX_MASTER)(ending), node(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' }))(ending)],
    },
  ],
  'shared-folder-mismatch': [
    {
      name: 'one node of three on another config folder',
      text: linux({ 1: '/mnt/other/config/', 4: '13', 10: '10.0.0.13', 11: 'mx3.example.net', 14: '1' }),
      others: (ending) => [node(LINUX_MASTER)(ending), node(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' }))(ending)],
    },
  ],
  'hostname-contradicted': [
    {
      name: 'a typo in line 11 that every other node names right',
      text: linux({ 4: '13', 10: '10.0.0.13', 11: 'mx3.exmaple.net', 14: '1' }),
      others: (ending) => [node(LINUX_MASTER)(ending), node(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' }))(ending)],
    },
  ],
  'cluster-member-not-listed': [
    {
      name: 'the master does not list a node being added yet',
      text: linux({}),
      others: (ending) =>
        [2, 3, 4].map((k) => {
          const values = withValues(LINUX_MASTER, { 4: `1${k}`, 10: `10.0.0.1${k}`, 11: `mx${k}.example.net`, 14: '1' });
          // mx4 is being added: its own file lists it already.
          return node(k === 4 ? withValues(values, { 16: 'mx2.example.net;mx3.example.net;mx4.example.net' }) : values)(ending);
        }),
    },
  ],
  'slave-not-listed': [
    {
      name: 'a slave of the master that no list names',
      text: linux({ 4: '14', 10: '10.0.0.14', 11: 'mx4.example.net', 14: '1' }),
      others: (ending) => [1, 2, 3].map((k) => node(withValues(LINUX_MASTER, { 4: `1${k}`, 10: `10.0.0.1${k}`, 11: `mx${k}.example.net`, 14: k === 1 ? '0' : '1' }))(ending)),
    },
  ],
  'retry-outside-outgoing': [{ name: 'retry beside the outgoing queue', text: linux({ 9: '/opt/icewarp/retry/' }) }],
  'mixed-line-endings': [{ name: 'one line with the other ending', text: mixedEndings, endingsOnly: true }],
  'lines-shifted': [
    { name: 'an empty line inserted before the Server ID', text: withLine(WINDOWS_SLAVE, 4, 'insert'), movesLinesTo: node(WINDOWS_SLAVE) },
    { name: 'the Server ID line deleted', text: withLine(WINDOWS_SLAVE, 4, 'delete'), movesLinesTo: node(withValues(WINDOWS_SLAVE, { 4: '' })) },
  ],
};

const registeredRules = new Set(RULES.map((rule) => rule.code));

/** Lines with their endings, exactly as in the text. */
function physicalLines(text: string): string[] {
  return text.match(/[^\r\n]*(\r\n|\n|\r|$)/g)?.filter((line, index, all) => line.length > 0 || index < all.length - 1) ?? [];
}

function workspaceOf(subject: string, others: string[]): Workspace {
  const workspace = new Workspace();
  workspace.set(parseNodeFile(SUBJECT, subject));
  others.forEach((text, index) => workspace.set(parseNodeFile(`file:///ws/other${index}/path.dat`, text)));
  return workspace;
}

function subjectOf(workspace: Workspace): NodeFile {
  const subject = workspace.get(SUBJECT);
  assert.ok(subject);
  return subject;
}

/** The independent oracle: the protocol library's own edit application. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(SUBJECT, 'icewarp-pathcfg', 1, text), [...edits]);
}

const key = (diagnostic: ServiceDiagnostic) => `${diagnostic.code}@${diagnostic.range.start.line + 1}`;

function checkFix(code: DiagnosticCode, fixCase: FixCase, ending: Ending, fix: Fix, diagnostic: ServiceDiagnostic, before: string, others: string[], diagnosticsBefore: ServiceDiagnostic[]): void {
  const edits = fix.edits;
  assert.ok(edits.length > 0, `${fix.id} has edits`);
  const line = diagnostic.range.start.line;
  if (!fixCase.endingsOnly && !fixCase.movesLinesTo) {
    for (const edit of edits) assert.ok(edit.range.start.line === line && edit.range.end.line === line, `${fix.id} edits only line ${line + 1}: ${JSON.stringify(edit.range)}`);
  }
  const after = applyEdits(before, edits);
  assert.notEqual(after, before, `${fix.id} changes the text`);
  if (fixCase.movesLinesTo) {
    // Every line moves, and the values judged on their own lines again may raise what the shift
    // hid (a deleted Server ID is missing): the text it gives is the whole check.
    assert.equal(after, fixCase.movesLinesTo(ending), `${fix.id} moves the lines back`);
    assert.equal(fix.isPreferred, false, `${fix.id} is never preferred`);
    return;
  }

  const workspace = workspaceOf(after, others);
  const diagnosticsAfter = validate(subjectOf(workspace), workspace);
  assert.ok(!diagnosticsAfter.some((d) => d.code === code && d.range.start.line === line), `${fix.id}: ${code} on line ${line + 1} is gone; after: ${diagnosticsAfter.map(key)}`);
  const remaining = diagnosticsBefore.map(key);
  for (const found of diagnosticsAfter.map(key)) {
    const index = remaining.indexOf(found);
    assert.ok(index >= 0, `${fix.id} brought a new diagnostic ${found}; before: ${diagnosticsBefore.map(key)}`);
    remaining.splice(index, 1);
  }

  const oldLines = physicalLines(before);
  const newLines = physicalLines(after);
  assert.equal(newLines.length, oldLines.length, 'the line count stays');
  oldLines.forEach((oldLine, index) => {
    if (fixCase.endingsOnly) assert.equal(newLines[index].replace(/\r?\n|\r/, ''), oldLine.replace(/\r?\n|\r/, ''), `text of line ${index + 1}`);
    else if (index !== line) assert.equal(newLines[index], oldLine, `line ${index + 1} is byte-identical`);
  });
  if (ending === '\r\n') assert.ok(!/(^|[^\r])\n|\r(?!\n)/.test(after), `${fix.id} keeps CRLF: ${JSON.stringify(after)}`);
  else assert.ok(!after.includes('\r'), `${fix.id} keeps LF`);
}

describe('every registered quick fix', () => {
  for (const code of CODES_WITH_FIXES) {
    const cases = CASES[code] ?? [];
    test(`${code} has fixture cases`, () => assert.ok(cases.length > 0, `add a case for ${code} to CASES`));
    // Rules still being written are skipped by name until they are registered, then checked.
    const todo = registeredRules.has(code) ? undefined : `rule ${code} is not registered yet`;
    for (const fixCase of cases) {
      for (const ending of ['\n', '\r\n'] as Ending[]) {
        test(`${code}: ${fixCase.name} (${ending === '\n' ? 'LF' : 'CRLF'})`, { todo }, () => {
          const before = fixCase.text(ending);
          const others = fixCase.others?.(ending) ?? [];
          const workspace = workspaceOf(before, others);
          const diagnosticsBefore = validate(subjectOf(workspace), workspace);
          const ofCode = diagnosticsBefore.filter((d) => d.code === code);
          assert.equal(ofCode.length, 1, `the fixture raises ${code} once; raised: ${diagnosticsBefore.map(key)}`);
          const fixes = fixesFor(subjectOf(workspace), ofCode[0], workspace);
          const checked = fixes.filter((fix) => !fixCase.fixes || fixCase.fixes.includes(fix.id));
          assert.ok(checked.length > 0, `${code} offers a fix; offered: ${fixes.map((fix) => fix.id)}`);
          for (const fix of checked) checkFix(code, fixCase, ending, fix, ofCode[0], before, others, diagnosticsBefore);
        });
      }
    }
  }
});

test('every fix id a code declares is offered by some case of the table', () => {
  const offered = new Set<string>();
  for (const [code, cases] of Object.entries(CASES)) {
    for (const fixCase of cases ?? []) {
      const workspace = workspaceOf(fixCase.text('\n'), fixCase.others?.('\n') ?? []);
      for (const diagnostic of validate(subjectOf(workspace), workspace).filter((d) => d.code === code)) {
        for (const fix of fixesFor(subjectOf(workspace), diagnostic, workspace)) offered.add(fix.id);
      }
    }
  }
  const declared = new Set(CODES_WITH_FIXES.flatMap((code) => [...DIAGNOSTIC_CODES[code].fixes]));
  assert.deepEqual([...declared].filter((id) => !offered.has(id)).sort(), []);
});

test('the types tie a rule to the fixes its code declares', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const nothing = () => undefined;
  const declared: Finding<'whitespace'> = { range, message: '', fixes: [fixOffer('whitespace-trim', true, nothing)] };
  // @ts-expect-error: whitespace declares whitespace-trim, not slave-flag-0 (typecheck fails if this compiles)
  const undeclared: Finding<'whitespace'> = { range, message: '', fixes: [fixOffer('slave-flag-0', true, nothing)] };
  // @ts-expect-error: path-invalid declares no fix at all
  const none: Finding<'path-invalid'> = { range, message: '', fixes: [fixOffer('unc-backslashes', true, nothing)] };
  assert.ok(declared && undeclared && none);
});

test('every code whose README row names a quick fix has a registered fix', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const withFix = codeTableRows(readme).filter((row) => row.fix !== '-').map((row) => row.code);
  assert.ok(withFix.length >= 15, `found ${withFix.length} codes with fixes in the README table`);
  assert.deepEqual(withFix.filter((code) => !(CODES_WITH_FIXES as readonly string[]).includes(code)), []);
});

describe('fix details', () => {
  test('a fix that would add an error is not offered (making a slave of a node that names no master)', () => {
    const text = nodeText(withValues(LINUX_MASTER, { 11: 'mx2.example.net', 14: '0', 15: '' }));
    const workspace = workspaceOf(text, []);
    const node = subjectOf(workspace);
    const mismatch = validate(node, workspace).find((d) => d.code === 'role-mismatch');
    assert.ok(mismatch, 'mx2 is in the slave list but says master');
    // Line 14 = 1 would raise slave-without-master, an error: the warning is better left to the user.
    assert.deepEqual(fixesFor(node, mismatch, workspace).map((fix) => fix.id), []);
  });

  test('a fix that would let a lone CR and an LF meet as one CRLF (moving lines up a field) is not offered', () => {
    const text = '/mnt/data/config/\n\r \n11\n';
    const workspace = workspaceOf(text, []);
    const node = subjectOf(workspace);
    const whitespace = validate(node, workspace).find((d) => d.code === 'whitespace');
    assert.ok(whitespace);
    assert.deepEqual(fixesFor(node, whitespace, workspace), []);
  });

  test('a fix that needs a line the file lacks adds it with the file\'s own ending', () => {
    // No rule raises a finding on a line the file lacks; the edit all value fixes build on still adds it.
    const short = parseNodeFile(SUBJECT, 'x\r\n');
    assert.equal(applyEdits('x\r\n', setValue(short, short.field.serverId, '01')), 'x\r\n\r\n\r\n01');
  });

  test('the next free Server ID is one past the highest of the node\'s cluster, written as the cluster writes its IDs', () => {
    const offered = (ids: string[], stranger: string) => {
      // The subject repeats the first ID of its cluster; the stranger is a node of another cluster.
      const [first, ...rest] = ids;
      const peers = [first, ...rest].map((id, index) => nodeText(withValues(LINUX_MASTER, { 4: id, 10: `10.0.0.${20 + index}`, 11: `mx${20 + index}.example.net`, 14: index === 0 ? '0' : '1' })));
      const other = nodeText({ 1: '/mnt/b/config/', 4: stranger, 11: 'b1.example.org', 15: 'b1.example.org' });
      const workspace = workspaceOf(nodeText(withValues(LINUX_MASTER, { 4: first, 14: '1' })), [...peers, other]);
      const node = subjectOf(workspace);
      const duplicate = validate(node, workspace).find((d) => d.code === 'server-id-duplicate');
      assert.ok(duplicate);
      return fixesFor(node, duplicate, workspace).map((fix) => fix.title);
    };
    // Another cluster using 10 must not push this one to 11.
    assert.deepEqual(offered(['01', '02'], '10'), ['Use the next free numeric Server ID: 03']);
    assert.deepEqual(offered(['1', '2'], '10'), ['Use the next free numeric Server ID: 3']);
    assert.deepEqual(offered(['11', '12'], '01'), ['Use the next free numeric Server ID: 13']);
  });

  test('preferred only where no human choice is needed', () => {
    const preferred = (text: string, code: string) => {
      const workspace = workspaceOf(text, []);
      const node = subjectOf(workspace);
      const diagnostic = validate(node, workspace).find((d) => d.code === code) ?? { code, range: node.field.configPath.raw.range };
      return fixesFor(node, diagnostic, workspace).map((fix) => `${fix.id}${fix.isPreferred ? '*' : ''}`);
    };
    assert.deepEqual(preferred(nodeText(withValues(LINUX_MASTER, { 4: '123' })), 'server-id-too-long'), ['server-id-keep-first-two', 'server-id-next-free']);
    assert.deepEqual(preferred(nodeText(withValues(LINUX_MASTER, { 14: '2' })), 'role-invalid'), ['slave-flag-0', 'slave-flag-1']);
    assert.deepEqual(preferred(nodeText(withValues(LINUX_MASTER, { 14: 'slave' })), 'role-invalid'), ['slave-flag-0', 'slave-flag-1*']);
    assert.deepEqual(preferred(nodeText(withValues(LINUX_MASTER, { 12: 'license.key ' })), 'whitespace'), ['whitespace-trim*']);
    // A trailing space on line 5 may be part of a password.
    assert.deepEqual(preferred(nodeText(withValues(WINDOWS_SLAVE, { 5: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;pass ' })), 'whitespace'), ['whitespace-trim']);
  });

  test('a fix on line 5 never carries the password in its title or edits', () => {
    const password = 'Tr0ub4dor&3-unique';
    const text = nodeText(withValues(WINDOWS_SLAVE, { 5: `//fs01/icewarp;ICEWARP\\svc-mail;${password} ` }), '\r\n');
    const workspace = workspaceOf(text, []);
    const node = subjectOf(workspace);
    const all = [...validate(node, workspace), { code: 'unc-forward-slashes', range: node.field.remoteLogon.raw.range }, { code: 'whitespace', range: node.field.remoteLogon.raw.range }];
    const fixes = all.flatMap((diagnostic) => fixesFor(node, diagnostic, workspace));
    assert.ok(fixes.length >= 2);
    const shown = JSON.stringify(fixes.map((fix) => ({ title: fix.title, edits: fix.edits })));
    assert.ok(!shown.includes(password));
  });

  test('removing hosts keeps one separator between the rest', () => {
    const text = nodeText(withValues(LINUX_MASTER, { 11: 'mx4.example.net', 16: 'mx1.example.net;mx2.example.net;mx1.example.net;mx3.example.net' }));
    const workspace = workspaceOf(text, []);
    const node = subjectOf(workspace);
    const [fix] = fixesFor(node, { code: 'master-in-slave-list', range: node.field.slaveHosts.raw.range }, workspace);
    assert.equal(physicalLines(applyEdits(text, fix.edits))[15], 'mx2.example.net;mx3.example.net\n');
  });

  test('removing IP binding entries keeps the rest well formed', () => {
    const cases: [string, string][] = [
      ['bad;10.0.0.1;10.0.0.2', '10.0.0.1;10.0.0.2'],
      ['10.0.0.1 ; bad ; 10.0.0.2', '10.0.0.1 ; 10.0.0.2'],
      ['bad1;bad2;10.0.0.1', '10.0.0.1'],
      ['10.0.0.1|', '10.0.0.1'],
      ['10.0.0.1|10.0.0.2|10.0.0.3', '10.0.0.1|10.0.0.2'],
      ['bad|10.0.0.2', '10.0.0.2'],
      ['bad', ''],
    ];
    for (const [value, expected] of cases) {
      const text = nodeText({ 10: value });
      const parsed = parseNodeFile(SUBJECT, text);
      // Every entry that is no IP address, and everything past the second `|`.
      const bad = parsed.ipBinding.halves.flatMap((half, index) => half.entries.filter((entry) => index >= 2 || !isIpAddress(entry.text)));
      assert.equal(physicalLines(applyEdits(text, removeBindingEntries(parsed, new Set(bad))))[9], `${expected}\n`, value);
    }
  });
});

describe('fix-all', () => {
  const messy = (ending: Ending) =>
    nodeText(
      withValues(WINDOWS_SLAVE, {
        1: '//fs01/icewarp/config/ ',
        4: '',
        5: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret ',
        12: 'license.key  ',
        13: ' \\\\\\fs01\\icewarp\\queues\\_incoming\\',
        16: 'mx2.example.net, mx3.example.net,mx1.example.net,mx2.example.net\t',
      }),
      ending,
    );

  for (const ending of ['\n', '\r\n'] as Ending[]) {
    test(`converges in one pass (${ending === '\n' ? 'LF' : 'CRLF'})`, () => {
      const before = messy(ending);
      const workspace = workspaceOf(before, []);
      const edits = fixAll(subjectOf(workspace), workspace);
      assert.ok(edits.length > 0);
      const after = applyEdits(before, edits);
      const again = workspaceOf(after, []);
      assert.deepEqual(fixAll(subjectOf(again), again), [], 'a second fix-all finds nothing');
      const lines = physicalLines(after).map((line) => line.replace(/\r?\n$/, ''));
      if (registeredRules.has('whitespace')) assert.equal(lines[11], 'license.key');
      if (registeredRules.has('slave-list-separator') && registeredRules.has('slave-duplicate') && registeredRules.has('master-in-slave-list')) {
        assert.equal(lines[15], 'mx2.example.net;mx3.example.net');
      }
      if (registeredRules.has('unc-forward-slashes')) assert.equal(lines[0], '\\\\fs01\\icewarp\\config\\');
      if (registeredRules.has('server-id-missing')) assert.equal(lines[3], '01');
      // Line 5's trailing space may be part of the password: fix-all leaves it.
      assert.equal(lines[4], '\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret ');
      if (ending === '\r\n') assert.ok(!/(^|[^\r])\n/.test(after), 'CRLF stays CRLF');
      else assert.ok(!after.includes('\r'));
    });
  }

  test('costs a few validations of the file, not a few per diagnostic', () => {
    // Every line padded, a comma-separated slave list with repeats: some 40 diagnostics, most with a preferred fix.
    const values = Object.fromEntries(Object.entries(WINDOWS_SLAVE).map(([line, value]) => [line, line === '5' ? value : ` ${value}  `]));
    const padded = nodeText({ ...values, 16: Array.from({ length: 12 }, (_, index) => `mx${index % 6}.example.net`).join(', ') }, '\r\n');
    // An invalid hostname a typo away from the hosts of line 16, and dozens of bad IPs.
    const junk = nodeText({ ...values, 10: Array.from({ length: 40 }, (_, index) => `10.0.${index}.999`).join(';'), 11: 'mx_1.example.net', 16: Array.from({ length: 30 }, (_, index) => `mx${index % 20}.example.net`).join(', ') }, '\r\n');
    for (const text of [padded, junk]) {
      const workspace = workspaceOf(text, []);
      const node = subjectOf(workspace);
      const diagnostics = validate(node, workspace);
      assert.ok(diagnostics.length >= 30, `${diagnostics.length} diagnostics`);
      // Count the runs of one rule that every validation runs once.
      const counted = RULES.find((rule) => rule.code === 'extra-lines');
      assert.ok(counted);
      const check = counted.check;
      let validations = 0;
      counted.check = (context) => {
        validations++;
        return check(context);
      };
      try {
        assert.ok(fixAll(node, workspace).length > 0);
      } finally {
        counted.check = check;
      }
      assert.ok(validations <= 12, `fix-all validated the file ${validations} times for ${diagnostics.length} diagnostics`);
    }
  });

  test('leaves out a preferred fix that would add an error and applies the others', () => {
    // "slave" on line 14 means 1, but with line 15 empty a slave would have no master (an error).
    const text = nodeText(withValues(LINUX_MASTER, { 2: '/opt/icewarp/html/ ', 12: 'license.key  ', 14: 'slave', 15: '', 16: '' }));
    const workspace = workspaceOf(text, []);
    const after = physicalLines(applyEdits(text, fixAll(subjectOf(workspace), workspace)));
    assert.equal(after[1], '/opt/icewarp/html/\n');
    assert.equal(after[11], 'license.key\n');
    assert.equal(after[13], 'slave\n', 'the flag stays for the user to decide');
  });

  test('a file with nothing to fix gets no edits; a code set to off is left alone', () => {
    const clean = nodeText(LINUX_MASTER);
    const workspace = workspaceOf(clean, []);
    assert.deepEqual(fixAll(subjectOf(workspace), workspace), []);
    const spaced = nodeText(withValues(LINUX_MASTER, { 12: 'license.key ' }));
    const other = workspaceOf(spaced, []);
    assert.deepEqual(fixAll(subjectOf(other), other, { severityOverrides: { whitespace: 'off' } }), []);
  });
});
