// A Czech and a German admin hover every line of a node file and ask for completion on it: the
// field's title, its line, its documentation and what the value means come in their language,
// with no English sentence in between (the codes, values and host names stay as written).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CompletionItem, CompletionItemKind, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { FIELDS, setMessageLocale } from '../../server/src/service';
import { TestClient, fileUri } from '../../testing/lspClient';
import { windowsNode } from '../unit/clusterFixtures';

/** Words of English sentences that neither Czech nor German uses. */
const ENGLISH_WORDS = new Set(['the', 'is', 'of', 'this', 'and', 'with', 'which', 'line', 'its', 'no', 'uses', 'default', 'empty', 'node', 'share', 'path', 'entry', 'user', 'password']);

/** The English words of a text (by Unicode words: `známých` holds no `no`). */
function englishWords(text: string): string[] {
  return text.split(/[^\p{L}]+/u).filter((word) => ENGLISH_WORDS.has(word.toLowerCase()));
}

/** What a language calls "line N" in a hover's header. */
const LINE_WORD = { cs: 'řádek', de: 'Zeile' } as const;

function bundle(language: 'cs' | 'de'): Record<string, string> {
  return JSON.parse(readFileSync(path.resolve(__dirname, `../../l10n/bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>;
}

/** The English text of every field's title and documentation, read with the service in English. */
function englishFields(): { title: string; docs: string }[] {
  setMessageLocale('en');
  return FIELDS.map((field) => ({ title: field.title, docs: field.docs }));
}

/**
 * The text without code spans (values, host names, paths), which stay as the file writes them,
 * without double-quoted labels of IceWarp's console, quoted as its English console shows them, and
 * without file names (`mx1/path.dat`).
 */
function prose(markdown: string): string {
  return markdown
    .replace(/`[^`]*`/g, ' ')
    .replace(/"This server operates in master mode"/g, ' ')
    .replace(/\S*path\.(?:dat|cfg)/g, ' ');
}

for (const language of ['cs', 'de'] as const) {
  describe(`a client whose locale is ${language}: hover and completion`, () => {
    let root: string;
    let client: TestClient;
    const uri = (k: number) => fileUri(path.join(root, `mx${k}`, 'path.dat'));
    const texts = [1, 2, 3].map((k) => windowsNode(k, 3, k === 2 ? { 6: '\\\\fs01\\icewarp\\spam\\', 17: 'https://mx2.example.net/teamchatapi/' } : {}));
    const translated = bundle(language);
    const english = englishFields();

    before(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), `icewarp-${language}-`));
      for (const k of [1, 2, 3]) {
        await fs.mkdir(path.join(root, `mx${k}`), { recursive: true });
        await fs.writeFile(path.join(root, `mx${k}`, 'path.dat'), texts[k - 1]);
      }
      client = await TestClient.start({ folders: [root], locale: language, transport: 'stdio' });
      for (const k of [1, 2, 3]) await client.open(uri(k), texts[k - 1]);
      await client.waitFor(() => [1, 2, 3].every((k) => client.published.has(uri(k))), 'diagnostics of the three nodes');
    });
    after(async () => {
      await client.stop();
      setMessageLocale(undefined);
      await fs.rm(root, { recursive: true, force: true });
    });

    test('every line 1-17 shows its title, line and documentation in the language, and reads its value in it', async () => {
      for (const field of FIELDS) {
        const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(2) }, position: { line: field.line - 1, character: 0 } })) as Hover | null;
        const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
        const { title, docs } = english[field.line - 1];
        assert.ok(markdown.startsWith(`**${translated[title]}** · ${LINE_WORD[language]} ${field.line}`), `line ${field.line}: ${markdown}`);
        assert.ok(markdown.includes(translated[docs]), `line ${field.line} documents the field in ${language}: ${markdown}`);
        assert.deepEqual(englishWords(prose(markdown)), [], `line ${field.line}: ${markdown}`);
      }
    });

    test('the value readings name the same things as the field titles do', async () => {
      const hoverOf = async (line: number) => ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(2) }, position: { line: line - 1, character: 0 } })) as Hover).contents as MarkupContent;
      const expected = {
        cs: {
          1: 'Sdílená: je cesta UNC na síťové sdílené složce \\\\\\\\fs01\\\\icewarp.',
          10: 'Vazba serveru: `192.168.10.12`.',
          14: '`1`: tento server je slave; v konzoli není zaškrtnuto pole \'master mode\'.',
          16: 'Slave hosty (2): `mx2.example.net`, `mx3.example.net`.',
        },
        de: {
          1: 'Gemeinsam genutzt: ist ein UNC-Pfad auf der Netzwerkfreigabe \\\\\\\\fs01\\\\icewarp.',
          10: 'Server-Bindung: `192.168.10.12`.',
          14: "`1`: dieser Server ist ein Slave; in der Konsole ist das Feld 'master mode' nicht angehakt.",
          16: '2 Slave-Hosts: `mx2.example.net`, `mx3.example.net`.',
        },
      }[language];
      for (const [line, text] of Object.entries(expected)) {
        const markdown = (await hoverOf(Number(line))).value;
        assert.ok(markdown.includes(text), `line ${line}: ${markdown}`);
      }
    });

    test('completion on every line explains its offers in the language', async () => {
      let offered = 0;
      const lines = texts[1].split(/\r?\n/);
      for (let line = 0; line < 17; line++) {
        const answer = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(2) }, position: { line, character: (lines[line] ?? '').length } })) as CompletionList | CompletionItem[] | null;
        const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
        for (const item of items) {
          offered++;
          const documentation = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
          assert.deepEqual(englishWords(prose(`${item.detail ?? ''} ${documentation}`)), [], `line ${line + 1}, ${item.label}: ${item.detail} / ${documentation}`);
        }
      }
      assert.ok(offered >= 10, `${offered} offers`);
      const flag = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(2) }, position: { line: 13, character: 1 } })) as CompletionList | CompletionItem[];
      const flagItems = Array.isArray(flag) ? flag : flag.items;
      const slaveDocs = english[13].docs;
      assert.deepEqual(
        flagItems.map((item) => [item.label, typeof item.documentation === 'string' ? item.documentation : item.documentation?.value]),
        [
          ['0', translated[slaveDocs]],
          ['1', translated[slaveDocs]],
        ],
      );
    });

    test('an empty file offers the whole-file templates in the language', async () => {
      const empty = `untitled:${language}/path.dat`;
      await client.open(empty, '');
      const answer = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: empty }, position: { line: 0, character: 0 } })) as CompletionList | CompletionItem[];
      // The snippets, beside line 1's folders (the empty line is line 1 too).
      const items = (Array.isArray(answer) ? answer : answer.items).filter((item) => item.kind === CompletionItemKind.Snippet);
      assert.deepEqual(
        items.map((item) => item.label),
        ['Windows master node (whole file)', 'Windows slave node (whole file)', 'Linux master node (whole file)', 'Linux slave node (whole file)'].map((label) => translated[label]),
      );
      for (const item of items) {
        const documentation = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
        assert.deepEqual(englishWords(prose(`${item.detail} ${documentation}`.replace(/share;user;password/g, ''))), [], `${item.label}: ${documentation}`);
      }
    });
  });
}
