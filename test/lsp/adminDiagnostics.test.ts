// Diagnostics an admin can act on, through the real server, on the workspace that showed what an
// admin needs: three Linux nodes of one cluster and one Windows node, every file named path.dat,
// none of them opened unless a test opens it. Each test reads what the editor would show:
// diagnostics with their ranges and messages, code actions, completion and hover.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../../testing/lspClient';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from '../unit/helpers';

const HOST = (letter: string) => `mail-${letter}.corp.example.com`;
const SLAVES = `${HOST('b')};${HOST('c')}`;
const QUEUE = '/mnt/icewarp/queues/_outgoing/';
const TYPO = 'mail-c.corp.exmaple.com';
const PASSWORD = 'Glued-Pw1-unique';

/** node-a (master) with local queues; node-b and node-c with their outgoing queue on the Config mount; node-b's slave list with a typo. */
const LINUX = (letter: string, index: number, changes: Record<number, string> = {}) =>
  nodeText(
    withValues(LINUX_MASTER, {
      1: '/mnt/icewarp/config/',
      4: `0${index + 1}`,
      10: `10.0.0.${11 + index}`,
      11: HOST(letter),
      14: index === 0 ? '0' : '1',
      15: HOST('a'),
      16: SLAVES,
      ...changes,
    }),
  );

const FILES: Record<string, string> = {
  'node-a': LINUX('a', 0),
  'node-b': LINUX('b', 1, { 8: QUEUE, 9: `${QUEUE}retry/`, 16: `${HOST('b')};${TYPO}` }),
  'node-c': LINUX('c', 2, { 8: QUEUE, 9: `${QUEUE}retry/` }),
  // A Windows node of another cluster, whose two logon entries are glued with ",".
  'node-w': nodeText(withValues(WINDOWS_SLAVE, { 4: '10', 5: `\\\\fs01\\icewarp;ICEWARP\\svc;${PASSWORD},\\\\fs02\\data;u;${PASSWORD}2`, 11: 'win1.corp.example.com', 14: '0', 15: 'win1.corp.example.com', 16: '' }), '\r\n'),
};

const span = (diagnostic: Diagnostic) => [diagnostic.range.start.line + 1, diagnostic.range.start.character, diagnostic.range.end.character];
const markdown = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');

describe('diagnostics an admin can act on, over LSP', () => {
  let folder: string;
  let client: TestClient;
  const uriOf = (name: string) => fileUri(path.join(folder, name, 'path.dat'));
  const diagnosticsOf = (name: string) => client.latestDiagnostics(uriOf(name)) ?? [];
  const ofCode = (name: string, code: string) => diagnosticsOf(name).filter((diagnostic) => diagnostic.code === code);

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-admin-'));
    for (const [name, text] of Object.entries(FILES)) {
      await fs.mkdir(path.join(folder, name));
      await fs.writeFile(path.join(folder, name, 'path.dat'), text);
    }
    client = await TestClient.start({ folders: [folder] });
    await Promise.all(Object.keys(FILES).map((name) => client.diagnosticsAfter(uriOf(name), 0)));
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('1, 4: two Linux nodes with their outgoing queue on the Config mount get an error each, naming the other; the local one nothing', () => {
    for (const [name, other] of [
      ['node-b', 'c'],
      ['node-c', 'b'],
    ]) {
      const [error] = ofCode(name, 'shared-temp-folder').filter((diagnostic) => diagnostic.range.start.line === 7);
      assert.ok(error, name);
      assert.deepEqual(span(error), [8, 0, QUEUE.length]);
      assert.equal(error.severity, 1);
      assert.ok(error.message.includes(`by another node, ${HOST(other)} (node-${other}/path.dat);`), error.message);
      assert.equal(error.relatedInformation?.[0].location.uri, uriOf(`node-${other}`));
      assert.equal(error.relatedInformation?.[0].message, `${HOST(other)} (node-${other}/path.dat) uses the same folder here`);
    }
    assert.deepEqual(ofCode('node-a', 'shared-temp-folder'), []);
  });

  test('1, 9: the hover says how the folder was judged, with a Linux example', async () => {
    const hover = markdown(await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf('node-b') }, position: { line: 7, character: 0 } }));
    assert.ok(hover.includes('Shared: it lies under /mnt/icewarp/, the mount of the Config path (line 1).'), hover);
    assert.ok(hover.includes("IceWarp's default on Linux: `/opt/icewarp/mailqueues/_outgoing/`"), hover);
    assert.doesNotMatch(hover, /\\mail\\/);
  });

  test('2, 3: a typo in one slave\'s line 16 flags that slave only, as a possible typo with the preferred fix', async () => {
    assert.deepEqual(ofCode('node-a', 'cluster-membership-mismatch'), []);
    assert.deepEqual(ofCode('node-c', 'cluster-membership-mismatch'), []);
    const [mismatch] = ofCode('node-b', 'cluster-membership-mismatch');
    assert.deepEqual(span(mismatch), [16, 0, HOST('b').length + 1 + TYPO.length]);
    assert.ok(mismatch.message.length <= 200, mismatch.message);
    assert.match(mismatch.message, /differs from 2 of the cluster's 3 nodes, which name "mail-c\.corp\.example\.com" instead of "mail-c\.corp\.exmaple\.com"/);
    const [typo] = ofCode('node-b', 'host-possible-typo');
    assert.deepEqual(span(typo), [16, HOST('b').length + 1, HOST('b').length + 1 + TYPO.length]);
    assert.equal(typo.message, `"${TYPO}" in Slave hosts (line 16) is no node's hostname; did you mean ${HOST('c')} (hostname of node-c/path.dat)?`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('node-b') },
      range: typo.range,
      context: { diagnostics: [typo, mismatch], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred]),
      [
        [`Replace with ${HOST('c')} (hostname of node-c/path.dat)`, true],
        [`Use the cluster's value: "${SLAVES}"`, true],
      ],
    );
  });

  test('5: line 4 of a draft joining the Linux cluster offers the lowest ID free there (04), not one past the other cluster\'s 10', async () => {
    const uri = 'untitled:new-node/path.dat';
    await client.open(uri, LINUX('d', 3, { 4: '' }));
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
    assert.deepEqual(items.map((item) => item.label), ['04']);
    await client.close(uri);
  });

  test('6: entries glued with "," are remote-logon-malformed on the comma, with the fix, and no password anywhere', async () => {
    const [glued] = ofCode('node-w', 'remote-logon-malformed');
    const line = FILES['node-w'].split('\r\n')[4];
    assert.deepEqual(span(glued), [5, line.indexOf(','), line.indexOf(',') + 1]);
    assert.match(glued.message, /entries are joined by "\|"/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf('node-w') }, range: glued.range, context: { diagnostics: [glued] } });
    assert.deepEqual(actions.map((action) => action.title), ['Join the two entries with "|"']);
    assert.deepEqual(actions[0].edit?.changes?.[uriOf('node-w')], [{ range: glued.range, newText: '|' }]);
    assert.ok(!JSON.stringify([diagnosticsOf('node-w'), actions]).includes(PASSWORD));
  });

  test('8: line 16 completion offers the hostnames with their folder, and not the typo', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf('node-a') }, position: { line: 15, character: SLAVES.length } });
    const labels = items.map((item) => `${item.label} ${item.detail}`);
    assert.ok(labels.includes(`${HOST('a')} this server: hostname of node-a/path.dat`), labels.join('; '));
    assert.ok(labels.includes(`win1.corp.example.com hostname of node-w/path.dat`), labels.join('; '));
    assert.ok(!items.some((item) => item.label === TYPO), labels.join('; '));
  });
});
