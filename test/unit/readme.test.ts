// The public contract lives in the project: docs/diagnostics.md (the catalog), the README's
// code table and rules/codes.ts must list the same codes, defaults and fixes. The README's table
// is generated from codes.ts (`npm run generate:codes`); the README stays what a user needs
// first, the rest of the documentation lives in docs/ and CONTRIBUTING.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, DiagnosticCode, RULES, tooLargeDiagnostics } from '../../server/src/service';
import { TABLE_END, TABLE_START, codeTableLines, withCodeTable } from '../../scripts/generateCodeTable';
import { codeTableRows } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const CATALOG = readFileSync(path.join(ROOT, 'docs/diagnostics.md'), 'utf8');

const rows = codeTableRows;

const codes = Object.keys(DIAGNOSTIC_CODES).sort();

for (const [name, markdown] of [
  ['docs/diagnostics.md', CATALOG],
  ['the README', README],
] as const) {
  test(`${name} lists exactly the codes of codes.ts, each once, with its default severity and whether it has a quick fix`, () => {
    const table = rows(markdown);
    assert.deepEqual(table.map((row) => row.code).sort(), codes);
    for (const row of table) {
      const info = DIAGNOSTIC_CODES[row.code as DiagnosticCode];
      assert.equal(row.severity, info.severity, `default of ${row.code}`);
      assert.equal(row.fix !== '-', info.fixes.length > 0, `quick fix of ${row.code}: "${row.fix}" vs ${JSON.stringify(info.fixes)}`);
    }
  });
}

test('the README\'s code table is the one `npm run generate:codes` writes from codes.ts', () => {
  assert.equal(README.split(TABLE_START).length, 2, `one ${TABLE_START} marker`);
  assert.equal(README.split(TABLE_END).length, 2, `one ${TABLE_END} marker`);
  assert.equal(withCodeTable(README), README, 'the table is stale: run `npm run generate:codes`');
});

test('the generated table reads back as the catalog, a | in a summary kept inside its cell', () => {
  const table = codeTableLines().join('\n');
  assert.deepEqual(
    codeTableRows(table),
    Object.entries(DIAGNOSTIC_CODES).map(([code, info]) => ({ code, severity: info.severity, fix: info.fixes.length > 0 ? 'yes' : '-' })),
  );
  assert.match(table, /`ips\\\|ips`/);
});

test('the generator picks up a code added to the catalog and rewrites only the lines between the markers', () => {
  const catalog = { ...DIAGNOSTIC_CODES, 'brand-new-code': { severity: 'warning', summary: 'Something new.', fixes: [] } };
  const updated = withCodeTable(README, codeTableLines(catalog));
  assert.ok(updated.includes('| `brand-new-code` | warning | Something new. | - |'));
  const outside = (markdown: string) => [markdown.slice(0, markdown.indexOf(TABLE_START)), markdown.slice(markdown.indexOf(TABLE_END))];
  assert.deepEqual(outside(updated), outside(README));
  assert.throws(() => withCodeTable('# No table here\n'), /markers/);
});

test('the README is what a user needs first: at most 450 lines, the two set-up commands, installing and opening your own files', () => {
  const lines = README.split('\n').length - (README.endsWith('\n') ? 1 : 0);
  assert.ok(lines <= 450, `README.md has ${lines} lines; move details to a page of docs/`);
  for (const needed of ['npm ci && npm start', 'npm test', 'npm run package', 'code --install-extension', 'npm start -- <folder>']) {
    assert.ok(README.includes(needed), `the README states ${needed}`);
  }
});

test('every npm script the README, CONTRIBUTING.md and docs/ name exists in package.json', () => {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  const unknown: string[] = [];
  for (const page of pages) {
    const text = readFileSync(path.join(ROOT, page), 'utf8');
    for (const match of text.matchAll(/\bnpm (?:run(?:-script)? (?:--silent )?)([a-z][\w:.-]*)/g)) if (!(match[1] in scripts)) unknown.push(`${page}: npm run ${match[1]}`);
    for (const match of text.matchAll(/\bnpm (start|test)\b/g)) if (!(match[1] in scripts)) unknown.push(`${page}: npm ${match[1]}`);
  }
  assert.deepEqual(unknown, []);
});

test('every code has a registered rule that can raise it (file-too-large: the engine itself)', () => {
  const raised = new Set<string>(RULES.map((rule) => rule.code));
  for (const diagnostic of tooLargeDiagnostics(2, 1)) raised.add(diagnostic.code);
  assert.deepEqual(codes.filter((code) => !raised.has(code)), []);
});

test('no source, script or test file reaches for a folder beside the clone', () => {
  // Pieced together so this file does not find itself.
  const outside = new RegExp(['\\.\\./', 'shared\\b'].join(''));
  const offenders: string[] = [];
  const walked = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.(ts|mjs|js|json)$/.test(entry.name)) {
        walked.add(relative.split(path.sep).join('/'));
        if (outside.test(readFileSync(path.join(ROOT, relative), 'utf8'))) offenders.push(relative);
      }
    }
  };
  for (const folder of ['server', 'client', 'cli', 'common', 'test', 'testing', 'bench', 'scripts', 'packages']) walk(folder);
  for (const file of ['testing/lspClient.ts', 'cli/src/cli.ts', 'scripts/start.mjs']) assert.ok(walked.has(file), `the walk reads ${file}`);
  assert.deepEqual(offenders, []);
});
