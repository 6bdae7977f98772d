// Position encodings (LSP 3.17 general.positionEncodings): the same session in UTF-16 and in
// UTF-8 (and UTF-32) on a cluster with non-ASCII paths and host names. Every answer of the
// UTF-8 session must be the UTF-16 answer with each position re-counted in bytes by an
// independent oracle (Buffer.byteLength of the line's prefix), in both directions: positions in
// params, ranges in results and diagnostics, related information into other documents, open or
// not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Position, Range, SemanticTokens } from 'vscode-languageserver-protocol';
import { nodeText } from '../unit/helpers';
import { TestClient, VSCODE_CAPABILITIES, codes, fileUri } from '../../testing/lspClient';

type Encoding = 'utf-8' | 'utf-16' | 'utf-32';

// A Linux cluster whose paths and host names are not ASCII; a key with an emoji (two UTF-16
// units, four bytes, one code point) and trailing spaces after it.
const MX1: Record<number, string> = {
  1: '/mnt/dätä/cönfig/',
  4: '11',
  8: '/opt/icewarp/mailqueues/_outgoing/',
  9: '/opt/icewarp/mailqueues/_outgoing/retry/',
  10: '10.0.0.11',
  11: 'mx1.exämple.net',
  12: 'licénse-🔑.key  ',
  13: '/opt/icewarp/mailqueues/_incoming/',
  14: '0',
  15: 'mx1.exämple.net',
  16: 'mx2.exämple.net;mx3.exämple.net',
};
const MX2 = { ...MX1, 10: '10.0.0.12', 11: 'mx2.exämple.net', 12: 'license.key', 14: '1', 16: 'mx2.exämple.net, mx3.exämple.net;mx4.exämple.net' };
const MX3 = { ...MX1, 1: '/mnt/dätä/cönfig/ ', 4: '13', 10: '10.0.0.13', 11: 'mx3.exämple.net', 12: 'license.key', 14: '1' };
const FILES: Record<string, string> = { mx1: nodeText(MX1), mx2: nodeText(MX2), mx3: nodeText(MX3) };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The oracle: a UTF-16 character offset on `line` in the client's units. */
function unitsOf(line: string | undefined, character: number, encoding: Encoding): number {
  if (line === undefined) return character;
  const prefix = line.slice(0, character);
  const past = Math.max(0, character - line.length);
  if (encoding === 'utf-8') return Buffer.byteLength(prefix, 'utf8') + past;
  if (encoding === 'utf-32') return Array.from(prefix).length + past;
  return character;
}

describe('position encodings', () => {
  let folder: string;
  const uriOf = (node: string) => fileUri(path.join(folder, node, 'path.dat'));
  /** The text of each document as the server holds it, by URI. */
  const texts = new Map<string, string>();
  const lineOf = (uri: string, line: number) => texts.get(uri)?.split(/\r\n|\r|\n/)[line];
  const convert = (encoding: Encoding) => (uri: string, position: Position): Position => ({
    line: position.line,
    character: unitsOf(lineOf(uri, position.line), position.character, encoding),
  });

  /** Every position in `value` re-counted, each in the document it belongs to (a `uri` beside it, or a `changes` key). */
  function recount(value: unknown, uri: string, encoding: Encoding): unknown {
    if (Array.isArray(value)) return value.map((item) => recount(item, uri, encoding));
    if (!isRecord(value)) return value;
    if (typeof value.line === 'number' && typeof value.character === 'number' && Object.keys(value).length === 2) {
      return convert(encoding)(uri, value as unknown as Position);
    }
    const document = value.textDocument;
    const here = typeof value.uri === 'string' ? value.uri : isRecord(document) && typeof document.uri === 'string' ? document.uri : uri;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        key === 'changes' && isRecord(child)
          ? Object.fromEntries(Object.entries(child).map(([changed, edits]) => [changed, recount(edits, changed, encoding)]))
          : recount(child, here, encoding),
      ]),
    );
  }

  function decodeTokens(tokens: SemanticTokens): number[][] {
    const decoded: number[][] = [];
    let line = 0;
    let start = 0;
    for (let index = 0; index < tokens.data.length; index += 5) {
      const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(index, index + 5);
      line += deltaLine;
      start = deltaLine === 0 ? start + deltaStart : deltaStart;
      decoded.push([line, start, length, type, modifiers]);
    }
    return decoded;
  }

  interface Session {
    encoding: Encoding;
    announced: string | undefined;
    diagnostics: Record<string, Diagnostic[]>;
    answers: Record<string, unknown>;
    tokens: SemanticTokens;
  }

  /** Positions the requests ask about, in UTF-16: after non-ASCII characters on their lines. */
  const ASKED: Record<string, Position> = {
    hoverPath: { line: 0, character: '/mnt/dätä/cö'.length },
    hoverSlave: { line: 15, character: 'mx2.exämple.net;mx3.ex'.length },
    completeSlave: { line: 15, character: 'mx2.exämple.net;'.length },
    hoverKey: { line: 11, character: 'licénse-🔑.k'.length },
    masterHost: { line: 14, character: 'mx1.exä'.length },
  };

  async function session(encoding: Encoding, offered: string[] = [encoding]): Promise<Session> {
    const client = await TestClient.start({ folders: [folder], capabilities: { ...VSCODE_CAPABILITIES, general: { positionEncodings: offered } } });
    try {
      const mx1 = uriOf('mx1');
      await client.open(mx1, FILES.mx1);
      await client.waitFor(() => ['mx1', 'mx2', 'mx3'].every((node) => (client.latestDiagnostics(uriOf(node)) ?? []).length > 0), 'every node');
      const at = (position: Position) => ({ textDocument: { uri: mx1 }, position: convert(encoding)(mx1, position) });
      const diagnostics = Object.fromEntries(['mx1', 'mx2', 'mx3'].map((node) => [node, client.latestDiagnostics(uriOf(node)) ?? []]));
      const whole: Range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
      const answers: Record<string, unknown> = {
        hoverPath: await client.request('textDocument/hover', at(ASKED.hoverPath)),
        hoverSlave: await client.request('textDocument/hover', at(ASKED.hoverSlave)),
        hoverKey: await client.request('textDocument/hover', at(ASKED.hoverKey)),
        // Without the documentation: it lists the nodes naming a host in the order the index read them.
        completeSlave: (await client.request<CompletionItem[]>('textDocument/completion', at(ASKED.completeSlave))).map(({ documentation: _, ...item }) => item),
        symbols: await client.request('textDocument/documentSymbol', { textDocument: { uri: mx1 } }),
        hints: await client.request('textDocument/inlayHint', { textDocument: { uri: mx1 }, range: whole }),
        fixAll: await client.request('textDocument/codeAction', {
          textDocument: { uri: mx1 },
          range: whole,
          context: { diagnostics: diagnostics.mx1, only: ['source.fixAll.icewarp'] },
        }),
      };
      // Navigation and the cluster operations, across nodes (LSP tests of their own: clusterOps.test.ts).
      answers.definition = await client.request('textDocument/definition', at(ASKED.masterHost));
      answers.references = await client.request('textDocument/references', { ...at(ASKED.hoverSlave), context: { includeDeclaration: true } });
      answers.prepareRename = await client.request('textDocument/prepareRename', at(ASKED.hoverSlave));
      answers.rename = await client.request('textDocument/rename', { ...at(ASKED.hoverSlave), newName: 'mx7.example.net' });
      // The test client has no workspace/applyEdit: the edit comes back in the answer.
      answers.fixAllInCluster = await client.request('workspace/executeCommand', { command: 'icewarp.server.fixAllInCluster', arguments: [mx1] });
      // The light bulb of each diagnostic, sent back as the client got it.
      for (const diagnostic of diagnostics.mx1) {
        answers[`fix ${String(diagnostic.code)} ${diagnostic.range.start.line}`] = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: mx1 },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        });
      }
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: mx1 } });
      return { encoding, announced: client.initializeResult?.capabilities.positionEncoding, diagnostics, answers, tokens };
    } finally {
      await client.stop();
    }
  }

  let utf16: Session;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-encodings-'));
    for (const [node, text] of Object.entries(FILES)) {
      await fs.mkdir(path.join(folder, node));
      await fs.writeFile(path.join(folder, node, 'path.dat'), text);
      texts.set(uriOf(node), text);
    }
    utf16 = await session('utf-16');
  });
  after(() => fs.rm(folder, { recursive: true, force: true }));

  test('UTF-16 unless the client prefers another it lists; announced in capabilities.positionEncoding', async () => {
    assert.equal(utf16.announced, 'utf-16');
    const plain = await TestClient.start({});
    const preferring = await TestClient.start({ capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
    const unknownFirst = await TestClient.start({ capabilities: { general: { positionEncodings: ['utf-7', 'utf-32', 'utf-16'] } } });
    try {
      assert.equal(plain.initializeResult?.capabilities.positionEncoding, 'utf-16');
      assert.equal(preferring.initializeResult?.capabilities.positionEncoding, 'utf-8');
      assert.equal(unknownFirst.initializeResult?.capabilities.positionEncoding, 'utf-32');
    } finally {
      await Promise.all([plain.stop(), preferring.stop(), unknownFirst.stop()]);
    }
  });

  for (const encoding of ['utf-8', 'utf-32'] as const) {
    test(`${encoding}: every range of every answer and diagnostic is the UTF-16 one re-counted`, async () => {
      const other = await session(encoding);
      assert.equal(other.announced, encoding);
      for (const node of ['mx1', 'mx2', 'mx3']) {
        assert.deepEqual(codes(other.diagnostics[node]), codes(utf16.diagnostics[node]), node);
        assert.deepEqual(other.diagnostics[node], recount(utf16.diagnostics[node], uriOf(node), encoding), `diagnostics of ${node}`);
      }
      for (const [name, answer] of Object.entries(utf16.answers)) {
        assert.deepEqual(other.answers[name], recount(answer, uriOf('mx1'), encoding), name);
      }
      const expectedTokens = decodeTokens(utf16.tokens).map(([line, start, length, type, modifiers]) => {
        const text = lineOf(uriOf('mx1'), line);
        const from = unitsOf(text, start, encoding);
        return [line, from, unitsOf(text, start + length, encoding) - from, type, modifiers];
      });
      assert.deepEqual(decodeTokens(other.tokens), expectedTokens);

      // The comparison is not vacuous: ranges differ, in this document and in related ones.
      assert.notDeepEqual(other.diagnostics.mx1, utf16.diagnostics.mx1);
      assert.notDeepEqual(other.tokens, utf16.tokens);
      const related = (session: Session) => Object.values(session.diagnostics).flatMap((list) => list.flatMap((d) => d.relatedInformation ?? []));
      assert.ok(related(utf16).length > 0);
      // (UTF-32 counts ä as UTF-16 does: only the emoji's line tells them apart.)
      if (encoding === 'utf-8') assert.notDeepEqual(related(other), related(utf16), 'related information into other documents');
      assert.ok(Object.keys(utf16.answers).some((name) => name.startsWith('fix ') && (utf16.answers[name] as CodeAction[]).length > 0), 'quick fixes were offered');
      const renamed = utf16.answers.rename as { documentChanges: { textDocument: { uri: string } }[] };
      assert.equal(renamed.documentChanges.length, 3, 'the rename edits the open node and two read from disk');
    });
  }

  test('UTF-8: incremental changes measured in bytes, several in one notification, each on the text the last left', async () => {
    const client = await TestClient.start({ folders: [folder], capabilities: { ...VSCODE_CAPABILITIES, general: { positionEncodings: ['utf-8'] } } });
    try {
      const mx1 = uriOf('mx1');
      await client.open(mx1, FILES.mx1);
      await client.diagnosticsAfter(mx1, 0, (list) => codes(list).includes('whitespace'));
      const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
      const line = 11;
      const afterKey = bytes('licénse-🔑');
      const end = bytes(MX1[12]);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: mx1, version: 2 },
        contentChanges: [
          // "X" after the emoji, then the two trailing spaces, one byte further on now.
          { range: { start: { line, character: afterKey }, end: { line, character: afterKey } }, text: 'X' },
          { range: { start: { line, character: end - 1 }, end: { line, character: end + 1 } }, text: '' },
        ],
      });
      const ofVersion2 = () => client.published.get(mx1)?.find((publish) => publish.version === 2);
      await client.waitFor(() => ofVersion2() !== undefined, 'the diagnostics of version 2');
      const diagnostics = ofVersion2()?.diagnostics ?? [];
      assert.ok(!diagnostics.some((d) => d.code === 'whitespace' && d.range.start.line === line), codes(diagnostics).join());
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: mx1 } });
      assert.equal(symbols[11].detail, 'licénse-🔑X.key');
      assert.deepEqual(symbols[11].range, { start: { line, character: 0 }, end: { line, character: bytes('licénse-🔑X.key') } });
    } finally {
      await client.stop();
    }
  });
});
