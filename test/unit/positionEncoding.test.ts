// The position conversion of the LSP layer, line by line: UTF-16 offsets to UTF-8 bytes and
// UTF-32 code points and back, on multi-byte characters, surrogate pairs, lone surrogates, a BOM
// and positions past the end of a line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionConverter, documentLines, negotiatePositionEncoding, nodeFileLines } from '../../server/src/core/positionEncoding';
import { parseNodeFile } from '../../server/src/service';

const URI = 'file:///ws/mx1/path.dat';
const TEXT = 'a\r\nxä🔑y\n\uD800z\n';
const lines = documentLines(TextDocument.create(URI, 'icewarp-pathcfg', 1, TEXT));
const toClient = (encoding: 'utf-8' | 'utf-32', line: number, character: number) => new PositionConverter('toClient', encoding, () => lines).character(URI, line, character);
const toServer = (encoding: 'utf-8' | 'utf-32', line: number, character: number) => new PositionConverter('toServer', encoding, () => lines).character(URI, line, character);

test('UTF-16 offsets on a line of 1-, 2- and 4-byte characters, in bytes and code points', () => {
  // x ä 🔑 y: UTF-16 offsets 0 1 2 4 5, bytes 0 1 3 7 8, code points 0 1 2 3 4.
  assert.deepEqual([0, 1, 2, 4, 5].map((character) => toClient('utf-8', 1, character)), [0, 1, 3, 7, 8]);
  assert.deepEqual([0, 1, 2, 4, 5].map((character) => toClient('utf-32', 1, character)), [0, 1, 2, 3, 4]);
  assert.deepEqual([0, 1, 3, 7, 8].map((character) => toServer('utf-8', 1, character)), [0, 1, 2, 4, 5]);
  assert.deepEqual([0, 1, 2, 3, 4].map((character) => toServer('utf-32', 1, character)), [0, 1, 2, 4, 5]);
});

test('inside a character a client offset means its start; between two surrogates, after the pair', () => {
  assert.equal(toServer('utf-8', 1, 2), 1, 'the second byte of ä');
  assert.equal(toServer('utf-8', 1, 5), 2, 'a byte inside the emoji');
  assert.equal(toClient('utf-8', 1, 3), 7, 'between the surrogates of the emoji');
  assert.equal(toClient('utf-8', 2, 1), 3, 'a lone surrogate goes out as U+FFFD, three bytes');
});

test('past the end of a line, past the last line, and ASCII lines pass one for one', () => {
  assert.equal(toClient('utf-8', 1, 7), 10, 'two past the end of "xä🔑y" (8 bytes)');
  assert.equal(toServer('utf-8', 1, 10), 7);
  assert.equal(toClient('utf-8', 9, 5), 5);
  assert.equal(toClient('utf-8', 0, 3), 3, 'the CR of a CRLF is no part of the line');
  assert.equal(toClient('utf-8', -1, 4), 4);
});

test('a file read from disk measures its lines as the parser holds them, a BOM counted', () => {
  const node = parseNodeFile(URI, '\uFEFFä\n');
  assert.equal(new PositionConverter('toClient', 'utf-8', () => nodeFileLines(node)).character(URI, 0, 2), 5, 'BOM (3 bytes) and ä (2)');
});

test('the encoding is the first the client lists that the server knows, else UTF-16', () => {
  assert.equal(negotiatePositionEncoding({}), 'utf-16');
  assert.equal(negotiatePositionEncoding({ general: { positionEncodings: ['utf-8'] } }), 'utf-8');
  assert.equal(negotiatePositionEncoding({ general: { positionEncodings: ['utf-16', 'utf-8'] } }), 'utf-16');
  assert.equal(negotiatePositionEncoding({ general: { positionEncodings: ['ebcdic'] } }), 'utf-16');
});
