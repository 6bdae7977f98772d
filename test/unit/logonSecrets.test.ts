// One definition of what on line 5 is secret (common/logonSecrets.ts), used alike by hover,
// outline, semantic tokens, edits and the log redactor: a password is hidden, and an entry not in
// the form `UNC path;user;password` is hidden whole, since it may be a password or a piece of one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logonEntries } from '../../common/logonSecrets';
import {
  FieldSymbol,
  NodeFile,
  Workspace,
  completions,
  documentSymbols,
  hover,
  inlayHints,
  parseNodeFile,
  secretsOf,
  semanticTokens,
} from '../../server/src/service';
import { WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const parse = (logon: string) => parseNodeFile('file:///ws/a/path.dat', nodeText(withValues(WINDOWS_SLAVE, { 5: logon })));

/** Every string the editor features show for the file: hover at every character of line 5, outline names and details, hints, completion. */
function everythingShown(node: NodeFile): string[] {
  const shown: string[] = [];
  const walk = (symbols: readonly FieldSymbol[]) => {
    for (const symbol of symbols) {
      shown.push(symbol.name, symbol.detail);
      walk(symbol.children);
    }
  };
  walk(documentSymbols(node));
  const workspace = new Workspace();
  workspace.set(node);
  for (let character = 0; character <= node.lines[4].text.length; character++) {
    shown.push(hover(node, { line: 4, character })?.markdown ?? '');
    for (const item of completions(node, { line: 4, character }, workspace)) shown.push(item.label, item.detail, item.documentation ?? '');
  }
  for (const hint of inlayHints(node)) shown.push(hint.label, hint.tooltip);
  return shown;
}

/** The token types that cover each character of line 5 (undefined where no token is). */
function tokenTypesOfLine5(node: NodeFile): (string | undefined)[] {
  const types: (string | undefined)[] = Array.from({ length: node.lines[4].text.length }, () => undefined);
  for (const token of semanticTokens(node)) {
    if (token.line !== 4) continue;
    for (let index = token.character; index < token.character + token.length; index++) types[index] = token.type;
  }
  return types;
}

const MALFORMED: [what: string, logon: string, fragments: string[]][] = [
  ['a `|` inside a password', '\\\\fs\\a;user;x|PwTail-Secret', ['PwTail', 'Secret']],
  ['a `|` inside a password whose tail holds `;`', '\\\\fs\\a;user;x|Tail-One;Tail-Two', ['Tail-One', 'Tail-Two']],
  ['a `|` inside a password whose tail looks like a path', '\\\\fs\\a;user;x|c/Tail-Path-Secret;more', ['Tail-Path', 'more']],
  ['a password typed without a user', '\\\\fs01\\icewarp;Hunter2-Secret', ['Hunter2']],
  ['no path first', 'Plain-Secret;user2;Pass-Secret', ['Plain-Secret', 'user2', 'Pass-Secret']],
];

for (const [what, logon, fragments] of MALFORMED) {
  test(`malformed line-5 entry (${what}): hover, outline and completion show no fragment of it`, () => {
    const node = parse(logon);
    for (const shown of everythingShown(node)) {
      for (const fragment of fragments) assert.ok(!shown.includes(fragment), `${JSON.stringify(fragment)} shown in ${JSON.stringify(shown)}`);
    }
    assert.ok(everythingShown(node).some((shown) => shown.includes('••••')), 'the entry is shown masked');
  });

  test(`malformed line-5 entry (${what}): every character of it is a password token, none a path or user`, () => {
    const node = parse(logon);
    const types = tokenTypesOfLine5(node);
    for (const fragment of fragments) {
      const start = logon.indexOf(fragment);
      for (let index = start; index < start + fragment.length; index++) assert.equal(types[index], 'password', `${JSON.stringify(fragment)} at ${index}: ${types[index]}`);
    }
  });
}

test('a well-formed entry still shows its path and user, and hides only its password', () => {
  const node = parse('\\\\fs01\\icewarp;ICEWARP\\svc-mail;Se;cr|et');
  const symbols = documentSymbols(node);
  assert.equal(symbols[4].detail, '\\\\fs01\\icewarp;ICEWARP\\svc-mail;••••|••••');
  assert.deepEqual(symbols[4].children.map((child) => [child.name, child.detail]), [
    ['\\\\fs01\\icewarp', 'ICEWARP\\svc-mail · ••••'],
    ['entry 2', '••••'],
  ]);
  const markdown = hover(node, { line: 4, character: 0 })?.markdown ?? '';
  assert.ok(markdown.includes('`ICEWARP\\svc-mail`'), markdown);
  assert.ok(!markdown.includes('Se;cr') && !markdown.includes('et`'), markdown);
});

test('the definition: what is masked and what may be a password, entry by entry', () => {
  const shapes = (line: string) =>
    logonEntries(line).map((entry) => ({
      entry: line.slice(entry.start, entry.end),
      wellFormed: entry.wellFormed,
      masked: entry.masked && line.slice(...entry.masked),
      secrets: entry.secrets.map((span) => line.slice(...span)),
    }));
  assert.deepEqual(shapes(' \\\\fs\\a;u;p;q | tail |//fs/b;x | D:\\c;u;v|'), [
    { entry: '\\\\fs\\a;u;p;q', wellFormed: true, masked: 'p;q', secrets: ['p;q'] },
    { entry: 'tail', wellFormed: false, masked: 'tail', secrets: ['tail'] },
    { entry: '//fs/b;x', wellFormed: false, masked: '//fs/b;x', secrets: ['//fs/b;x', 'x'] },
    { entry: 'D:\\c;u;v', wellFormed: true, masked: 'v', secrets: ['v'] },
    { entry: '', wellFormed: false, masked: undefined, secrets: [] },
  ]);
  // The first entry, before any `|`, is no password's tail: only what follows its `;` may be secret.
  assert.deepEqual(shapes('\\\\fs\\a;pw'), [{ entry: '\\\\fs\\a;pw', wellFormed: false, masked: '\\\\fs\\a;pw', secrets: ['pw'] }]);
  assert.deepEqual(shapes('\\\\fs\\a;u;'), [{ entry: '\\\\fs\\a;u;', wellFormed: true, masked: undefined, secrets: [] }]);
});

test('secretsOf (what edits keep in place) is the same definition, longest first', () => {
  assert.deepEqual(secretsOf(parse('\\\\fs\\a;u;p|tail-of-p;x')), ['tail-of-p;x', 'p', 'x']);
  assert.deepEqual(secretsOf(parse('\\\\fs01\\icewarp;pw')), ['pw']);
  assert.deepEqual(secretsOf(parse('')), []);
});

test('a 1 MB line 5 of `|` is split into a bounded number of entries, the last keeping the rest', () => {
  const line = 'a|'.repeat(500_000);
  const entries = logonEntries(line);
  assert.equal(entries.length, 256);
  assert.deepEqual([entries[255].start, entries[255].end], [510, line.length], 'the last entry keeps the rest of the line, `|` included');
});
