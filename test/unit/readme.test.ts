// The public contract lives in the project: docs/diagnostics.md (the catalog), the README's
// code table and rules/codes.ts must list the same codes, defaults and fixes. The README's table
// is generated from codes.ts (`npm run generate:codes`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, DiagnosticCode } from '../../server/src/service/rules/codes';
import { RULES } from '../../server/src/service/rules/registry';
import { tooLargeDiagnostics } from '../../server/src/service/languageService';
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

test('every code has a registered rule that can raise it (file-too-large: the engine itself)', () => {
  const raised = new Set<string>(RULES.map((rule) => rule.code));
  for (const diagnostic of tooLargeDiagnostics(2, 1)) raised.add(diagnostic.code);
  assert.deepEqual(codes.filter((code) => !raised.has(code)), []);
});

test('no source or test file reaches for a folder beside the clone', () => {
  // Pieced together so this file does not find itself.
  const outside = new RegExp(['\\.\\./', 'shared\\b'].join(''));
  const offenders: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.(ts|mjs|js|json)$/.test(entry.name) && outside.test(readFileSync(path.join(ROOT, relative), 'utf8'))) offenders.push(relative);
    }
  };
  for (const folder of ['server', 'client', 'common', 'test', 'bench']) walk(folder);
  assert.deepEqual(offenders, []);
});
