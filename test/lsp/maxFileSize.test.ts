// icewarp.maxFileSize gates every feature: an open document above it gets file-too-large and
// nothing else; no hover, hints, outline, completion, tokens, navigation, rename or code actions
// are computed from its text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TestClient, codes } from '../../testing/lspClient';

describe('icewarp.maxFileSize gates every feature', () => {
  let client: TestClient;
  let text: string;
  const uri = 'untitled:large/path.dat';
  // Line 15 (the master host, mx1), on its first character.
  const position = { line: 14, character: 1 };
  const whole = { start: { line: 0, character: 0 }, end: { line: 17, character: 0 } };
  // The tab after license.key on line 12.
  const tab = { start: { line: 11, character: 11 }, end: { line: 11, character: 12 } };

  before(async () => {
    // mx2 with a trailing tab (a fix-all edit) and 400 bytes of comment lines: above the limit,
    // while mx1 (the master it names, for definition and references) is below it.
    const mx2 = await fs.readFile(path.resolve(__dirname, '../fixtures/cluster/mx2/path.dat'), 'utf8');
    text = `${mx2.replace('license.key', 'license.key\t')}${'# padding\n'.repeat(40)}`;
    client = await TestClient.start({ settings: { maxFileSize: 400 } });
    await client.open('untitled:mx1/path.dat', await fs.readFile(path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat'), 'utf8'));
    await client.open(uri, text);
  });
  after(() => client.stop());

  const requests: [string, unknown, unknown][] = [
    ['textDocument/hover', { position }, null],
    ['textDocument/inlayHint', { range: whole }, []],
    ['textDocument/documentSymbol', {}, []],
    ['textDocument/completion', { position: { line: 13, character: 0 } }, []],
    ['textDocument/definition', { position }, []],
    ['textDocument/references', { position, context: { includeDeclaration: true } }, []],
    ['textDocument/documentHighlight', { position }, []],
    ['textDocument/prepareRename', { position }, null],
    ['textDocument/rename', { position, newName: 'mx9.example.net' }, null],
    ['textDocument/codeAction', { range: tab, context: { diagnostics: [{ range: tab, message: 'Trailing whitespace', source: 'icewarp', code: 'whitespace' }] } }, []],
  ];

  test('above it, the document gets file-too-large and every feature answers nothing', async () => {
    assert.deepEqual(codes(await client.diagnosticsAfter(uri, 0)), ['file-too-large']);
    for (const [method, params, empty] of requests) {
      assert.deepEqual(await client.request(method, { textDocument: { uri }, ...(params as object) }), empty, method);
    }
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(tokens.data, [], 'semantic tokens');

    // Shortened below the limit, it is a node again.
    const count = client.publishCount(uri);
    await client.change(uri, `${text.split('\n').slice(0, 17).join('\n')}\n`, 2);
    assert.ok(!codes(await client.diagnosticsAfter(uri, count)).includes('file-too-large'));
    for (const [method, params, empty] of requests.slice(0, 3)) {
      assert.notDeepEqual(await client.request(method, { textDocument: { uri }, ...(params as object) }), empty, method);
    }
  });
});
