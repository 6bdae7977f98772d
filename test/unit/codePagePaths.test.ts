// Which page of a code an admin reads (common/codePages.ts): the explain command by VS Code's
// display language, the server's links by its message locale, the command line's SARIF help by
// --locale. A Czech or German page when the language has one, else the English page, and never a
// path made of anything but a code's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { codePageCandidates, codePageLanguage, codePagePath, pickCodePage } from '../../common/codePages';
import { DIAGNOSTIC_CODES } from '../../server/src/service';

const ROOT = path.resolve(__dirname, '../..');
const onDisk = async (page: string) => existsSync(path.join(ROOT, page));

test('the language of a locale: cs and de in any spelling VS Code, an LSP client or LANG gives, English for the rest', () => {
  const cases: [string | undefined, string][] = [
    ['cs', 'cs'],
    ['cs-CZ', 'cs'],
    ['cs_CZ.UTF-8', 'cs'],
    ['de', 'de'],
    ['de-AT', 'de'],
    ['de_CH@euro', 'de'],
    ['DE-de', 'de'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['pt-br', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ];
  assert.deepEqual(cases.map(([locale]) => codePageLanguage(locale)), cases.map(([, language]) => language));
});

test("a code's page per language, and no path for something that is not a code's name", () => {
  assert.equal(codePagePath('whitespace'), 'docs/codes/whitespace.md');
  assert.equal(codePagePath('whitespace', 'en-GB'), 'docs/codes/whitespace.md');
  assert.equal(codePagePath('whitespace', 'cs-CZ'), 'docs/cs/codes/whitespace.md');
  assert.equal(codePagePath('whitespace', 'de'), 'docs/de/codes/whitespace.md');
  for (const notACode of ['../../package', 'Whitespace', 'white space', 'codes/whitespace', '', '-x', 'whitespace.md']) {
    assert.equal(codePagePath(notACode, 'cs'), undefined, notACode);
    assert.deepEqual(codePageCandidates(notACode, 'cs'), [], notACode);
  }
  assert.deepEqual(codePageCandidates('whitespace', 'de-AT'), ['docs/de/codes/whitespace.md', 'docs/codes/whitespace.md']);
  assert.deepEqual(codePageCandidates('whitespace', 'fr'), ['docs/codes/whitespace.md']);
});

test('the explain picker opens the Czech or German page when VS Code speaks that language, else the English one', async () => {
  for (const code of Object.keys(DIAGNOSTIC_CODES)) {
    assert.equal(await pickCodePage(code, 'cs', onDisk), `docs/cs/codes/${code}.md`, code);
    assert.equal(await pickCodePage(code, 'de-CH', onDisk), `docs/de/codes/${code}.md`, code);
    assert.equal(await pickCodePage(code, 'en', onDisk), `docs/codes/${code}.md`, code);
    assert.equal(await pickCodePage(code, 'ja', onDisk), `docs/codes/${code}.md`, code);
  }
});

test('a page not translated yet opens in English; a code without any page opens nothing', async () => {
  const onlyEnglish = new Set(['docs/codes/lines-shifted.md']);
  const asked: string[] = [];
  const exists = async (page: string) => {
    asked.push(page);
    return onlyEnglish.has(page);
  };
  assert.equal(await pickCodePage('lines-shifted', 'cs', exists), 'docs/codes/lines-shifted.md');
  assert.deepEqual(asked, ['docs/cs/codes/lines-shifted.md', 'docs/codes/lines-shifted.md']);
  assert.equal(await pickCodePage('no-such-code', 'de', onDisk), undefined);
  asked.length = 0;
  assert.equal(await pickCodePage('../secrets', 'cs', exists), undefined);
  assert.deepEqual(asked, [], 'nothing but a code name reaches the file system');
});
