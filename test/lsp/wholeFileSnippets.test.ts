// Completion in an empty document offers the whole-file snippets, as snippets to a client that
// supports them and as plain text to one that does not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { TestClient, VSCODE_CAPABILITIES } from '../../testing/lspClient';

const PREFIXES = ['pathcfg-windows-master', 'pathcfg-windows-slave', 'pathcfg-linux-master', 'pathcfg-linux-slave'];
const SNIPPET_KIND = 15;

for (const snippetSupport of [true, false]) {
  describe(`whole-file snippets, snippetSupport ${snippetSupport}`, () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({
        capabilities: { ...VSCODE_CAPABILITIES, textDocument: { ...VSCODE_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport } } } },
      });
    });
    after(() => client.stop());

    test('an empty document gets the four; a node file none', async () => {
      await client.open('untitled:new/path.cfg', '');
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: 'untitled:new/path.cfg' }, position: { line: 0, character: 0 } });
      const wholeFile = items.filter((item) => item.kind === SNIPPET_KIND);
      assert.deepEqual(wholeFile.map((item) => item.filterText), PREFIXES);
      for (const item of wholeFile) {
        assert.match(item.label, /\(whole file\)$/);
        assert.equal(item.insertTextFormat, snippetSupport ? 2 : 1);
        const newText = item.textEdit && 'range' in item.textEdit ? item.textEdit.newText : '';
        assert.equal(newText.split('\n').length, 17);
        assert.equal(/\$\{?\d/.test(newText), snippetSupport, snippetSupport ? 'tab stops' : 'plain text, no tab stop');
      }
      const linuxMaster = wholeFile.find((item) => item.filterText === 'pathcfg-linux-master');
      const text = linuxMaster?.textEdit && 'range' in linuxMaster.textEdit ? linuxMaster.textEdit.newText : '';
      assert.equal(text.split('\n')[0], snippetSupport ? '${1:/mnt/data}/config/' : '/mnt/data/config/');

      await client.open('untitled:old/path.cfg', '/mnt/data/config/\n\n\n01\n');
      for (const line of [0, 1, 3, 4]) {
        const offered = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: 'untitled:old/path.cfg' }, position: { line, character: 0 } });
        assert.deepEqual(offered.filter((item) => item.kind === SNIPPET_KIND), [], `line ${line + 1}`);
      }
    });
  });
}
