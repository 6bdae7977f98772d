// Requests at positions outside the document: line -1, past the last line, a negative or
// fractional character. Each gets the empty answer of its kind, never an error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TestClient } from '../../testing/lspClient';

const OUTSIDE = [
  { line: -1, character: 0 },
  { line: 5_000, character: 0 },
  { line: 3, character: -1 },
  { line: 1.5, character: 0 },
];

describe('positions outside the document', () => {
  let client: TestClient;
  const uri = 'untitled:range/path.dat';
  before(async () => {
    client = await TestClient.start();
    await client.open(uri, await fs.readFile(path.resolve(__dirname, '../fixtures/cluster/mx2/path.dat'), 'utf8'));
    await client.diagnosticsAfter(uri, 0);
  });
  after(() => client.stop());

  const atPosition: [string, (position: unknown) => unknown, unknown][] = [
    ['textDocument/hover', (position) => ({ textDocument: { uri }, position }), null],
    ['textDocument/completion', (position) => ({ textDocument: { uri }, position }), []],
    ['textDocument/definition', (position) => ({ textDocument: { uri }, position }), []],
    ['textDocument/references', (position) => ({ textDocument: { uri }, position, context: { includeDeclaration: true } }), []],
    ['textDocument/documentHighlight', (position) => ({ textDocument: { uri }, position }), []],
    ['textDocument/prepareRename', (position) => ({ textDocument: { uri }, position }), null],
    ['textDocument/rename', (position) => ({ textDocument: { uri }, position, newName: 'mx9.example.net' }), null],
  ];
  test('every request at a position answers its empty result', async () => {
    for (const [method, params, empty] of atPosition) {
      for (const position of OUTSIDE) {
        assert.deepEqual(await client.request(method, params(position)), empty, `${method} at ${JSON.stringify(position)}`);
      }
    }
  });

  const inRange: [string, (range: unknown) => unknown][] = [
    ['textDocument/inlayHint', (range) => ({ textDocument: { uri }, range })],
    ['textDocument/codeAction', (range) => ({ textDocument: { uri }, range, context: { diagnostics: [] } })],
  ];
  test('every request over a range that starts outside answers []', async () => {
    for (const [method, params] of inRange) {
      for (const position of OUTSIDE) {
        assert.deepEqual(await client.request(method, params({ start: position, end: { line: 5_001, character: 0 } })), [], `${method} from ${JSON.stringify(position)}`);
      }
    }
    // Ending past the document is a client asking "to the end": answered as usual.
    const hints = await client.request<unknown[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5_000, character: 0 } } });
    assert.ok(hints.length > 0);
  });
});
