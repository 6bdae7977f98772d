// Every editor feature answers with a bounded amount of text, however large the document: a value
// is quoted as an excerpt, lists are cut, and lines after 17 get a bounded number of outline
// entries, hints and tokens. (Sizes, never times: a response's size is what a hostile document
// could blow up.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIELDS,
  MAX_EXCERPT,
  NodeFile,
  Workspace,
  markdownCode as code,
  completions,
  documentSymbols,
  excerpt,
  hover,
  inlayHints,
  parseNodeFile,
  semanticTokens,
} from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const MB = 1_000_000;
const parse = (text: string, uri = 'file:///ws/a/path.dat') => parseNodeFile(uri, text);
const bytes = (value: unknown) => JSON.stringify(value).length;

/** What one value of each field looks like, repeated to fill a megabyte. */
const UNIT: Record<number, string> = { 5: '\\\\fs\\a;u;p|', 10: '10.0.0.1;', 15: 'mx.example.net ', 16: 'mx.example.net;' };
const hugeValue = (line: number) => (UNIT[line] ?? 'a').repeat(Math.ceil(MB / (UNIT[line] ?? 'a').length));

/** A node whose `line` holds 1 MB, beside a peer that names it in its cluster (so completion has hosts and folders to offer). */
function workspaceWithHugeLine(line: number): { node: NodeFile; workspace: Workspace } {
  const node = parse(nodeText(withValues(LINUX_MASTER, { [line]: hugeValue(line) }), '\n', 17));
  const peer = parse(nodeText(withValues(LINUX_MASTER, { 4: '12', 11: 'mx2.example.net', 14: '1', [line]: hugeValue(line) })), 'file:///ws/b/path.dat');
  const workspace = new Workspace();
  workspace.set(node);
  workspace.set(peer);
  return { node, workspace };
}

/** A real node followed by `count` lines of a log: someone opened a log named path.cfg. */
const withLogLines = (count: number) => nodeText(LINUX_MASTER, '\n', 17) + Array.from({ length: count }, (_, index) => `2026-11-25 12:00:00 [info] line ${index}`).join('\n');

for (const field of FIELDS) {
  test(`1 MB on line ${field.line} (${field.title}): hover, completion, outline and hints stay a few KB`, () => {
    const { node, workspace } = workspaceWithHugeLine(field.line);
    for (let line = 0; line < 17; line++) {
      assert.ok(bytes(hover(node, { line, character: 0 })) < 4_000, `hover on line ${line + 1}: ${bytes(hover(node, { line, character: 0 }))} bytes`);
      const items = completions(node, { line, character: 0 }, workspace);
      assert.ok(bytes(items) < 8_000, `completion on line ${line + 1}: ${bytes(items)} bytes`);
    }
    // Lines 5 and 16 list up to 256 entries as children; every name and detail is an excerpt.
    assert.ok(bytes(documentSymbols(node)) < 100_000, `outline: ${bytes(documentSymbols(node))} bytes`);
    assert.ok(bytes(inlayHints(node)) < 8_000, `hints: ${bytes(inlayHints(node))} bytes`);
    assert.ok(bytes(semanticTokens(node)) < 100_000, `tokens: ${bytes(semanticTokens(node))} bytes`);
  });
}

test('200,000 lines after line 17: the outline, whole-file hints and tokens are bounded, the rest summed up in one entry', () => {
  const node = parse(withLogLines(200_000));
  const symbols = documentSymbols(node);
  assert.ok(bytes(symbols) < 50_000, `outline: ${bytes(symbols)} bytes`);
  const last = symbols[symbols.length - 1];
  assert.equal(last.name, `118-${node.lines.length} (not read)`);
  assert.equal(last.detail, `${200_000 - 100} more lines IceWarp does not read`);
  assert.deepEqual(last.range.end, { line: node.lines.length - 1, character: node.lines[node.lines.length - 1].text.length });
  assert.ok(bytes(inlayHints(node)) < 200_000, `hints: ${bytes(inlayHints(node))} bytes`);
  assert.ok(bytes(semanticTokens(node)) < 200_000, `tokens: ${bytes(semanticTokens(node))} bytes`);
});

test('a viewport far down a long file still gets its hints (the bound is per response)', () => {
  const node = parse(withLogLines(200_000));
  const hints = inlayHints(node, { start: { line: 150_000, character: 0 }, end: { line: 150_040, character: 0 } });
  assert.equal(hints.length, 41);
  assert.equal(hints[0].label, '← not read (line 150001)');
});

test('hover on a line of 300,000 backticks (150,000 runs) answers, fenced by more backticks than any run it shows', () => {
  for (const value of ['`a'.repeat(150_000), '`'.repeat(300_000), 'a``'.repeat(100_000)]) {
    const node = parse(nodeText(withValues(LINUX_MASTER, { 11: value })));
    const markdown = hover(node, { line: 10, character: 0 })?.markdown ?? '';
    assert.ok(markdown.length < 2_000, `${markdown.length} characters`);
    const shown = /(`+) ?(.*?) ?\1: this server's own name/.exec(markdown);
    assert.ok(shown, markdown);
    assert.ok(!shown[2].includes(shown[1]), 'the fence is longer than any run inside');
  }
});

test('an excerpt keeps short values whole and cuts long ones without splitting a surrogate pair', () => {
  assert.equal(excerpt('\\\\fs01\\icewarp\\config\\'), '\\\\fs01\\icewarp\\config\\');
  assert.equal(excerpt('x'.repeat(MAX_EXCERPT)), 'x'.repeat(MAX_EXCERPT));
  assert.equal(excerpt('x'.repeat(MAX_EXCERPT + 1)), `${'x'.repeat(MAX_EXCERPT - 1)}…`);
  const keys = '\u{1F511}'.repeat(MAX_EXCERPT);
  const cut = excerpt(keys);
  assert.ok(cut.length <= MAX_EXCERPT && cut.endsWith('…'));
  assert.ok(!/[\uD800-\uDBFF]…$/.test(cut), 'no lone high surrogate before the ellipsis');
  assert.equal(code('a`b'), '``a`b``');
});

test('the passwords of a huge line 5 stay masked in the excerpts (masked first, then cut)', () => {
  const logon = Array.from({ length: 300 }, (_, index) => `\\\\fs\\s${index};u;Pw${index}-Secret`).join('|');
  const node = parse(nodeText(withValues(WINDOWS_SLAVE, { 5: logon })));
  const shown = JSON.stringify([documentSymbols(node), hover(node, { line: 4, character: 0 })]);
  assert.ok(!shown.includes('-Secret'), 'no password');
  assert.ok(bytes(hover(node, { line: 4, character: 0 })) < 4_000);
});
