// The snippets teach users what a correct node file looks like, so their default expansions must
// be correct node files: 17 lines, no diagnostic from the language service (not even a note),
// and a master and a slave from the same platform must form a clean cluster together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELDS, FIELD_COUNT, ServiceDiagnostic, Workspace, parseNodeFile, validate, validateText } from '../../server/src/service';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRIBUTED_SNIPPETS_PATH, Snippet, SnippetSyntaxError, expandSnippet, loadSnippetFile, loadSnippets } from './snippetExpander';

const SNIPPETS = loadSnippets();
const prefixesOf = (snippet: Snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]);
const byPrefix = (prefix: string): Snippet => {
  const found = Object.values(SNIPPETS).find((snippet) => prefixesOf(snippet).includes(prefix));
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return found;
};

const FULL_FILE_PREFIXES = ['pathcfg-windows-master', 'pathcfg-windows-slave', 'pathcfg-linux-master', 'pathcfg-linux-slave'];
/** Single-line snippets and the line each one is written for. */
const LINE_SNIPPETS: Record<string, number> = { 'pathcfg-remote-logon': 5, 'pathcfg-ip-binding': 10, 'pathcfg-unc': 1 };

/** Codes and lines only: messages are not printed, so nothing of a value leaks into test output. */
function summary(diagnostics: ServiceDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code} line ${d.range.start.line + 1}`);
}

const atLeast = (severity: 'error' | 'warning') => (d: ServiceDiagnostic) =>
  d.severity === 'error' || (severity === 'warning' && d.severity === 'warning');

// --- the expander itself ---------------------------------------------------------------------

test('expander: defaults, mirrors, choices, nesting, $0 and escapes follow VS Code', () => {
  assert.equal(expandSnippet('${1:a}-$1-${1}'), 'a-a-a');
  assert.equal(expandSnippet('$2/${2:x}'), 'x/x', 'a later default fills an earlier bare tab stop');
  assert.equal(expandSnippet('${1:first}|${1:second}'), 'first|first', 'the first default wins');
  assert.equal(expandSnippet('${1|0,1|};${2|b\\,c,d|}'), '0;b,c');
  assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
  assert.equal(expandSnippet('a$0b${0}c'), 'abc');
  assert.equal(expandSnippet('\\$1 \\} \\\\ \\x'), '$1 } \\ \\x');
  assert.equal(expandSnippet('\\\\\\\\${1:fs01}\\\\share'), '\\\\fs01\\share');
  assert.equal(expandSnippet('\\${1:a}'), '${1:a}', 'an escaped $ is no tab stop');
  assert.equal(expandSnippet('}'), '}', 'a } outside a placeholder is text');
  assert.equal(expandSnippet(['one', '', 'three']), 'one\n\nthree');
  assert.throws(() => expandSnippet('$TM_FILENAME'), SnippetSyntaxError);
  assert.throws(() => expandSnippet('${1:open'), SnippetSyntaxError);
});

// --- the snippet file ------------------------------------------------------------------------

test('every snippet has a prefix, a description and a body that parses', () => {
  assert.ok(Object.keys(SNIPPETS).length >= 7);
  const seen = new Set<string>();
  for (const [name, snippet] of Object.entries(SNIPPETS)) {
    for (const prefix of prefixesOf(snippet)) {
      assert.match(prefix, /^pathcfg-[a-z-]+$/, `${name}: prefix ${prefix}`);
      assert.ok(!seen.has(prefix), `prefix ${prefix} is used once`);
      seen.add(prefix);
    }
    assert.ok(snippet.description.trim().length > 20, `${name} says what it makes`);
    assert.doesNotThrow(() => expandSnippet(snippet.body), `${name} parses`);
  }
  for (const prefix of [...FULL_FILE_PREFIXES, ...Object.keys(LINE_SNIPPETS)]) byPrefix(prefix);
});

test('VS Code offers only line snippets anywhere: the contributed file holds no whole-file snippet', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { snippets: { path: string }[] } };
  const contributed = manifest.contributes.snippets.map((entry) => join(__dirname, '..', '..', entry.path));
  assert.deepEqual(contributed, [CONTRIBUTED_SNIPPETS_PATH]);
  const snippets = Object.values(loadSnippetFile(CONTRIBUTED_SNIPPETS_PATH));
  assert.deepEqual(snippets.flatMap(prefixesOf).sort(), Object.keys(LINE_SNIPPETS).sort());
  for (const snippet of snippets) assert.ok(!expandSnippet(snippet.body).includes('\n'), 'one line each');
});

for (const prefix of FULL_FILE_PREFIXES) {
  test(`${prefix} expands to exactly ${FIELD_COUNT} lines`, () => {
    const snippet = byPrefix(prefix);
    assert.ok(Array.isArray(snippet.body), 'a multi-line body is an array of lines');
    assert.equal(snippet.body.length, FIELD_COUNT);
    assert.equal(expandSnippet(snippet.body).split('\n').length, FIELD_COUNT);
  });

  test(`${prefix} gives no diagnostic from the language service, not even a note`, () => {
    const diagnostics = validateText(expandSnippet(byPrefix(prefix).body));
    assert.deepEqual(summary(diagnostics.filter(atLeast('error'))), [], 'no error');
    assert.deepEqual(summary(diagnostics.filter(atLeast('warning'))), [], 'no warning');
    assert.deepEqual(summary(diagnostics), [], 'no information or hint either');
  });

  test(`${prefix}: its description names every line by its field title`, () => {
    const { description } = byPrefix(prefix);
    for (const field of FIELDS) assert.ok(description.includes(`${field.line} ${field.title}`), `line ${field.line} (${field.title})`);
  });
}

test('the role flag agrees with the hostname, the master host and the slave list', () => {
  for (const prefix of FULL_FILE_PREFIXES) {
    const lines = expandSnippet(byPrefix(prefix).body).split('\n');
    const [hostname, flag, master, slaves] = [lines[10], lines[13], lines[14], lines[15].split(';')];
    const isSlave = prefix.endsWith('-slave');
    assert.equal(flag, isSlave ? '1' : '0', `${prefix}: line 14`);
    assert.equal(hostname === master, !isSlave, `${prefix}: a master names itself on line 15, a slave names another`);
    assert.equal(slaves.includes(hostname), isSlave, `${prefix}: a slave lists itself on line 16, a master does not`);
    assert.ok(!slaves.includes(master), `${prefix}: the master is not in the slave list`);
    assert.match(lines[3], /^[0-9]{1,2}$/, `${prefix}: numeric Server ID`);
    assert.ok(lines[16] === '' || lines[16].startsWith('https://'), `${prefix}: line 17 empty or https`);
  }
});

test('Windows snippets keep the config on a UNC share, Linux ones on /mnt, queues local', () => {
  for (const prefix of FULL_FILE_PREFIXES) {
    const lines = expandSnippet(byPrefix(prefix).body).split('\n');
    const windows = prefix.includes('windows');
    assert.match(lines[0], windows ? /^\\\\[^\\]+\\[^\\]+\\/ : /^\/mnt\//, `${prefix}: line 1`);
    for (const line of [8, 9, 13]) {
      assert.match(lines[line - 1], windows ? /^[A-Za-z]:\\/ : /^\/(?!mnt\/)/, `${prefix}: line ${line} is a local folder`);
    }
  }
});

for (const [platform, ending] of [
  ['windows', '\r\n'],
  ['linux', '\n'],
] as const) {
  test(`the ${platform} master and slave snippets form a clean cluster together`, () => {
    const workspace = new Workspace();
    const nodes = ['master', 'slave'].map((role) =>
      parseNodeFile(`file:///cluster/${role}/path.cfg`, expandSnippet(byPrefix(`pathcfg-${platform}-${role}`).body).split('\n').join(ending)),
    );
    for (const node of nodes) workspace.set(node);
    for (const node of nodes) {
      assert.deepEqual(summary(validate(node, workspace)), [], node.uri);
    }
  });
}

for (const [prefix, line] of Object.entries(LINE_SNIPPETS)) {
  test(`${prefix} on line ${line} of a correct Windows node gives no diagnostic`, () => {
    const lines = expandSnippet(byPrefix('pathcfg-windows-master').body).split('\n');
    const value = expandSnippet(byPrefix(prefix).body);
    assert.ok(!value.includes('\n'), 'a single line');
    lines[line - 1] = value;
    assert.deepEqual(summary(validateText(lines.join('\n'))), []);
  });
}
