// The classifier tells an IceWarp node file from another program's path.dat / path.cfg by its
// text, biased to accept: every IceWarp fixture, example, snippet and broken file is IceWarp; the
// files of other programs in test/fixtures/foreign/ are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FIELD_COUNT, SAMPLE_LINES, classifyNodeFile } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from './helpers';
import { expandSnippet, loadSnippets } from './snippetExpander';

const ROOT = path.resolve(__dirname, '../..');
const FOREIGN_DIR = path.join(ROOT, 'test', 'fixtures', 'foreign');

function filesUnder(dir: string, keep: (file: string) => boolean = () => true): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return full === FOREIGN_DIR ? [] : filesUnder(full, keep);
    return keep(full) ? [full] : [];
  });
}

const isNodeFileName = (file: string) => /(^|[./])path\.(cfg|dat)$/.test(path.basename(file));
const relative = (file: string) => path.relative(ROOT, file);

function assertIceWarp(text: string, what: string): void {
  const verdict = classifyNodeFile(text);
  assert.equal(verdict.kind, 'icewarp', `${what} judged foreign: ${verdict.reasons.join('; ')}`);
  assert.ok(verdict.reasons.length > 0, `${what}: a verdict says why`);
}

function assertForeign(text: string, what: string): void {
  const verdict = classifyNodeFile(text);
  assert.equal(verdict.kind, 'foreign', `${what} judged IceWarp: ${verdict.reasons.join('; ')}`);
  assert.ok(verdict.reasons.length > 0, `${what}: a verdict says why`);
}

// ---------------------------------------------------------------------------------------------
// IceWarp files, whole and broken

test('every IceWarp fixture under test/fixtures/ is IceWarp', () => {
  const files = filesUnder(path.join(ROOT, 'test', 'fixtures'));
  assert.ok(files.length >= 8, `${files.length} fixtures`);
  for (const file of files) assertIceWarp(readFileSync(file, 'utf8'), relative(file));
});

test('every node file of examples/ (the demo cluster, broken node included) is IceWarp', () => {
  const files = filesUnder(path.join(ROOT, 'examples'), isNodeFileName);
  assert.ok(files.length >= 3);
  for (const file of files) assertIceWarp(readFileSync(file, 'utf8'), relative(file));
});

test('every snippet expansion is IceWarp, alone or on its line of an empty file, in LF and CRLF', () => {
  for (const [name, snippet] of Object.entries(loadSnippets())) {
    const expansion = expandSnippet(snippet.body);
    for (const ending of ['\n', '\r\n']) {
      assertIceWarp(expansion.split('\n').join(ending), `snippet ${name}`);
      for (let line = 1; line <= FIELD_COUNT; line++) assertIceWarp(nodeText({ [line]: expansion }, ending), `snippet ${name} on line ${line}`);
    }
  }
});

test('an empty, new, blank or short file is IceWarp', () => {
  for (const text of ['', '\n', '\r\n', '\uFEFF', '   \n\t\n', '\n'.repeat(40), '1', '0\n', '11', 'x', '/', '\\\\fs01\\', 'mx1.example.net', '[', '{', '-', '#', '"', ';', '=', ':', 'a:', 'a=']) {
    assertIceWarp(text, JSON.stringify(text));
  }
  // A template being filled in: a few values typed, the rest still empty.
  assertIceWarp(nodeText({ 1: '\\\\fs01\\icewarp\\config\\' }), 'a template with its first line');
  assertIceWarp(nodeText({ 4: '12', 14: '1' }), 'a template with the Server ID and the flag');
});

test('a real node with any one or two lines replaced by anything (the broken files unit tests build) is IceWarp', () => {
  const anyValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom('key=value', 'path: /x', '[DEFAULT]', '# note', '"quoted"', '4.32 4.15', '0.1234567E+02', '{', '<x>', '- item', 'yes', '103', ';;;', '|'),
  );
  const change = fc.record({ line: fc.integer({ min: 1, max: FIELD_COUNT }), value: anyValue });
  fc.assert(
    fc.property(fc.constantFrom(LINUX_MASTER, WINDOWS_SLAVE), fc.array(change, { minLength: 1, maxLength: 2 }), fc.constantFrom('\n', '\r\n'), (base, changes, ending) => {
      const values = withValues(base, Object.fromEntries(changes.map(({ line, value }) => [line, value.replace(/[\r\n]/g, ' ')])));
      assertIceWarp(nodeText(values, ending, FIELD_COUNT), JSON.stringify(values));
    }),
    { numRuns: 2_000 },
  );
});

test('a real node with a huge line, or lines after 17 (IceWarp keeps examples there, a log opened by mistake) is IceWarp', () => {
  for (let line = 1; line <= FIELD_COUNT; line++) {
    for (const unit of [' ', ';', '|', '/', '\\', 'a', '7', '.', '\u0000', '=', ':']) {
      assertIceWarp(nodeText(withValues(LINUX_MASTER, { [line]: `x${unit.repeat(100_000)}x` })), `100,000 × ${JSON.stringify(unit)} on line ${line}`);
    }
  }
  const example = ['', 'example linux master node:', ...nodeText(LINUX_MASTER).split('\n')].join('\n');
  assertIceWarp(nodeText(WINDOWS_SLAVE, '\n', FIELD_COUNT) + example, 'a node followed by an example block');
  const log = Array.from({ length: 5_000 }, (_, index) => `2026-11-25 12:00:${index % 60} [info] worker=${index} state: idle`).join('\n');
  assertIceWarp(nodeText(LINUX_MASTER, '\n', FIELD_COUNT) + log, 'a node followed by a log');
});

test('a node written as UTF-16 (a NUL after every character) is IceWarp', () => {
  const text = nodeText(WINDOWS_SLAVE, '\r\n');
  const utf16 = [...text].map((character) => `${character}\u0000`).join('');
  const verdict = classifyNodeFile(utf16);
  assert.equal(verdict.kind, 'icewarp', verdict.reasons.join('; '));
  assert.ok(verdict.reasons.some((reason) => reason.includes('UTF-16')));
});

// ---------------------------------------------------------------------------------------------
// Other programs' files

const FOREIGN = readdirSync(FOREIGN_DIR);

test('every file of another program under test/fixtures/foreign/ is foreign, and says which shapes it holds', () => {
  assert.ok(FOREIGN.length >= 8, `${FOREIGN.length} shapes`);
  for (const shape of FOREIGN) {
    const [file] = readdirSync(path.join(FOREIGN_DIR, shape));
    assert.ok(isNodeFileName(file), `${shape}/${file} is named like a node file`);
    const text = readFileSync(path.join(FOREIGN_DIR, shape, file), 'utf8');
    assertForeign(text, `foreign/${shape}/${file}`);
    assert.match(classifyNodeFile(text).reasons[0], /read as another program's format \(/);
  }
});

test('the shapes the issue names, each in a few lines', () => {
  const cases: Record<string, string> = {
    'robot waypoints': '4.32 4.15\n4.40 4.21\n4.47 4.30\n',
    'Fortran notation': '   0.1234567E+02   0.2345678E-01\n   0.2469134E+02   0.4691356E-01\n',
    'key=value': 'count=20\nalgo=2OPT\nramsize=51200',
    'an INI file': '[DEFAULT]\n\npath = 2\n',
    'YAML paths': 'paths:\n  - /home/user/data\n  - /tmp/output\n',
    JSON: '{\n  "path": "/usr/local/share",\n  "depth": 3\n}\n',
    'a shell line': 'export PATH=$PATH:/usr/local/bin\n',
    'numbers with NaN': ' NaN   NaN\n -0.62E+18  -0.12E+19\n',
  };
  for (const [what, text] of Object.entries(cases)) assertForeign(text, what);
});

test('binary data is foreign', () => {
  const bytes = Array.from({ length: 2_000 }, (_, index) => String.fromCharCode((index * 37) % 256)).join('');
  assertForeign(bytes, 'bytes 0-255');
});

test('reasons name shapes and line numbers, never a value (line 5 holds passwords)', () => {
  const text = nodeText(withValues(WINDOWS_SLAVE, { 5: 'pass=Hunter2-Secret' }));
  for (const verdict of [classifyNodeFile(text), classifyNodeFile('pass=Hunter2-Secret\nuser=admin\n')]) {
    assert.ok(!verdict.reasons.join(' ').includes('Hunter2'), verdict.reasons.join('; '));
  }
});

test('the user\'s choice for a file wins over its text', () => {
  const ini = readFileSync(path.join(FOREIGN_DIR, 'ini-sections', 'path.cfg'), 'utf8');
  assert.equal(classifyNodeFile(ini, { override: 'icewarp' }).kind, 'icewarp');
  assert.equal(classifyNodeFile(ini, { override: 'icewarp' }).overridden, true);
  assert.equal(classifyNodeFile(nodeText(LINUX_MASTER), { override: 'foreign' }).kind, 'foreign');
  assert.equal(classifyNodeFile(ini).overridden, false);
});

test('it reads only the first lines of a file, each cut short', () => {
  const ini = readFileSync(path.join(FOREIGN_DIR, 'ini-sections', 'path.cfg'), 'utf8');
  const huge = ini + 'x\n'.repeat(100 * SAMPLE_LINES) + 'x'.repeat(1_000_000);
  assert.equal(classifyNodeFile(huge).kind, 'foreign');
  // A node whose first line is a megabyte long is judged on its first characters.
  assert.equal(classifyNodeFile(`/${'a'.repeat(1_000_000)}\n\n\n11\n`).kind, 'icewarp');
});
