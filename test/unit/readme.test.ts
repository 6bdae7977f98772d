import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../server/src/service/rules/codes';
import { RULES } from '../../server/src/service/rules/registry';

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const CATALOG = readFileSync(path.resolve(__dirname, '../../../shared/diagnostics.md'), 'utf8');

const codesInTable = (markdown: string) => new Set([...markdown.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]));

test('every code of the public contract (../shared/diagnostics.md) is in the catalog', () => {
  const missing = [...codesInTable(CATALOG)].filter((code) => !(code in DIAGNOSTIC_CODES));
  assert.deepEqual(missing, []);
});

test('the README lists exactly the codes the server can publish', () => {
  assert.deepEqual([...codesInTable(README)].sort(), Object.keys(DIAGNOSTIC_CODES).sort());
});

test('every code of the contract has a registered rule that can raise it', () => {
  const raised = new Set<string>(RULES.map((rule) => rule.code));
  const unraised = [...codesInTable(CATALOG)].filter((code) => !raised.has(code));
  assert.deepEqual(unraised, []);
});
