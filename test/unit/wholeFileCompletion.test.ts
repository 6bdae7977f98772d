// The whole-file snippets are offered by completion in an empty (or blank) file only, at any
// position; in a file that holds anything, on any line, none of them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionEntry, FIELD_COUNT, Workspace, completions, parseNodeFile, validateText } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText } from './helpers';
import { WHOLE_FILE_SNIPPETS_PATH, expandSnippet, loadSnippetFile } from './snippetExpander';

const WHOLE_FILE = loadSnippetFile(WHOLE_FILE_SNIPPETS_PATH);
const PREFIXES = ['pathcfg-windows-master', 'pathcfg-windows-slave', 'pathcfg-linux-master', 'pathcfg-linux-slave'];

function complete(text: string, line: number, character: number): CompletionEntry[] {
  const node = parseNodeFile('file:///ws/new/path.cfg', text);
  const workspace = new Workspace();
  workspace.set(node);
  return completions(node, { line, character }, workspace);
}

const wholeFileOffers = (items: CompletionEntry[]) => items.filter((item) => item.kind === 'snippet');

/** The document after the item is accepted with its plain text (a client without snippets). */
function accept(text: string, item: CompletionEntry): string {
  const document = TextDocument.create('file:///x', 'icewarp-pathcfg', 1, text);
  return TextDocument.applyEdits(document, [item.edit, ...(item.additionalEdits ?? [])]);
}

describe('whole-file snippets in completion', () => {
  test('an empty file: the four, labelled by name, filtered by prefix, documented by description', () => {
    const items = wholeFileOffers(complete('', 0, 0));
    assert.deepEqual(items.map((item) => item.filterText), PREFIXES);
    for (const item of items) {
      const snippet = WHOLE_FILE[item.label];
      assert.ok(snippet, item.label);
      assert.equal(item.kind, 'snippet');
      assert.equal(item.filterText, snippet.prefix);
      assert.equal(item.documentation, snippet.description);
      assert.equal(item.snippet, (snippet.body as string[]).join('\n'), 'snippet syntax, tab stops kept');
      assert.equal(item.edit.newText, expandSnippet(snippet.body), 'the plain text: every tab stop at its default');
      assert.deepEqual(item.edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(item.additionalEdits, undefined);
      const accepted = accept('', item);
      assert.equal(accepted.split('\n').length, FIELD_COUNT);
      assert.deepEqual(validateText(accepted).map((d) => d.code), [], `${item.label} accepted is a clean node file`);
    }
  });

  test('a blank file, any position: offered, and accepting leaves exactly the 17 lines in its line ending', () => {
    const text = '  \r\n\r\n \t \r\n';
    for (const [line, character] of [[0, 0], [0, 2], [1, 0], [2, 1], [2, 3], [3, 0]]) {
      const items = wholeFileOffers(complete(text, line, character));
      assert.equal(items.length, 4, `at ${line}:${character}`);
      for (const item of items) {
        const accepted = accept(text, item);
        assert.equal(accepted.split('\r\n').length, FIELD_COUNT, `${item.label} at ${line}:${character}`);
        assert.ok(!/[^\r]\n/.test(accepted), 'CRLF throughout, as the file');
        assert.equal(accepted, expandSnippet(WHOLE_FILE[item.label].body).split('\n').join('\r\n'));
      }
    }
  });

  test('a file holding only the start of a prefix under the cursor: offered, replacing what was typed', () => {
    const items = wholeFileOffers(complete('\npathcfg-li', 1, 10));
    assert.equal(items.length, 4);
    const linuxMaster = items.find((item) => item.filterText === 'pathcfg-linux-master');
    assert.ok(linuxMaster);
    assert.deepEqual(linuxMaster.edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
    assert.equal(accept('\npathcfg-li', linuxMaster), expandSnippet(WHOLE_FILE['Linux master node (whole file)'].body));
    assert.equal(wholeFileOffers(complete('/mnt/data/config/', 0, 17)).length, 0, 'a value, not a prefix');
    assert.equal(wholeFileOffers(complete('pathcfg-li', 0, 3)).length, 0, 'text after the cursor');
  });

  test('a file that holds anything: none, on any line', () => {
    const files = [nodeText(LINUX_MASTER), nodeText(WINDOWS_SLAVE, '\r\n'), nodeText({ 4: '01' }), '\n\n\nmx1.example.net\n', 'x'];
    for (const text of files) {
      const lines = text.split(/\r?\n/);
      for (let line = 0; line < lines.length; line++) {
        for (const character of new Set([0, lines[line].length])) {
          assert.deepEqual(wholeFileOffers(complete(text, line, character)), [], `${JSON.stringify(text.slice(0, 30))} at ${line}:${character}`);
        }
      }
    }
  });
});
