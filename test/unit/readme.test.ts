// The public contract lives in the project: docs/diagnostics.md (the catalog), the README's
// code table and rules/codes.ts must list the same codes, defaults and fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, DiagnosticCode, RULES, tooLargeDiagnostics } from '../../server/src/service';
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
