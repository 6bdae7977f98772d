// The cluster's own conventions through the real server: a node cloned from mx2 that kept its
// Server ID and IP is the one told (mx2 is not), its quick fixes follow the cluster's numbering,
// and once they are applied the whole cluster validates clean; a queue moved off the share goes
// where the other nodes keep theirs; two nodes with nothing to decide by are both told, with no
// preferred fix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../../testing/lspClient';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from '../unit/helpers';

const SLAVES = 'mx2.example.net;mx3.example.net;mx4.example.net';
const linux = (n: number, changes: Record<number, string> = {}) =>
  nodeText(withValues(LINUX_MASTER, { 4: `1${n}`, 10: `10.0.0.1${n}`, 11: `mx${n}.example.net`, 14: n === 1 ? '0' : '1', 16: SLAVES, ...changes }));

const SHARE = '\\\\fs01\\icewarp\\queues\\';
const windows = (n: number, changes: Record<number, string> = {}) =>
  nodeText(
    withValues(WINDOWS_SLAVE, {
      4: `3${n}`,
      10: `192.168.10.3${n}|192.168.10.3${n}`,
      11: `win${n}.example.org`,
      14: n === 1 ? '0' : '1',
      15: 'win1.example.org',
      16: 'win2.example.org;win3.example.org',
      ...changes,
    }),
  );

const FILES: Record<string, string> = {
  mx1: linux(1),
  mx2: linux(2),
  mx3: linux(3),
  // Cloned from mx2 for mx4: the hostname changed, line 4 and line 10 did not.
  mx4: linux(4, { 4: '12', 10: '10.0.0.12' }),
  win1: windows(1),
  win2: windows(2),
  // Every queue of win3 is on the file server.
  win3: windows(3, { 8: `${SHARE}_outgoing\\`, 9: `${SHARE}_outgoing\\retry\\`, 13: `${SHARE}_incoming\\` }),
  // Two nodes without line 10, both 21: nothing tells which is wrong.
  ny1: nodeText({ 1: '/mnt/ny/config/', 4: '21', 11: 'ny1.example.com', 14: '0', 15: 'ny1.example.com', 16: 'ny2.example.com' }),
  ny2: nodeText({ 1: '/mnt/ny/config/', 4: '21', 11: 'ny2.example.com', 14: '1', 15: 'ny1.example.com', 16: 'ny2.example.com' }),
};

const CROSS_NODE = ['server-id-duplicate', 'duplicate-identity'];

describe("fixes and blame follow the cluster's conventions, over LSP", () => {
  let folder: string;
  let client: TestClient;
  const uriOf = (name: string) => fileUri(path.join(folder, name, 'path.dat'));
  const texts = new Map<string, string>();
  const versions = new Map<string, number>();

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-conventions-'));
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

  const ofCode = (name: string, code: string) => (client.latestDiagnostics(uriOf(name)) ?? []).filter((diagnostic) => diagnostic.code === code);

  async function actionsFor(name: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(name) }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  /** Applies the action's edit to the open document as the editor does, and waits for the republish. */
  async function apply(name: string, action: CodeAction, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const uri = uriOf(name);
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits && edits.length > 0, `${action.title} edits ${name}`);
    const text = texts.get(name) ?? FILES[name];
    if (!texts.has(name)) {
      await client.open(uri, text);
      versions.set(name, 1);
    }
    const next = TextDocument.applyEdits(TextDocument.create(uri, 'icewarp-pathcfg', 1, text), edits);
    texts.set(name, next);
    const version = (versions.get(name) ?? 1) + 1;
    versions.set(name, version);
    const count = client.publishCount(uri);
    await client.change(uri, next, version);
    return client.diagnosticsAfter(uri, count, accept);
  }

  test('the clone that kept mx2\'s Server ID and IP is told, mx2 is not; its preferred fixes give 14 and 10.0.0.14, and the cluster is clean after', async () => {
    for (const code of CROSS_NODE) assert.deepEqual(ofCode('mx2', code), [], `mx2 follows the numbering: no ${code}`);
    const [duplicateId] = ofCode('mx4', 'server-id-duplicate');
    assert.ok(duplicateId, 'mx4 has server-id-duplicate');
    assert.match(duplicateId.message, /This node breaks the cluster's numbering: every other node's Server ID is the number in its hostname \+ 10\./);
    assert.equal(duplicateId.relatedInformation?.[0].location.uri, uriOf('mx2'));
    const idActions = await actionsFor('mx4', duplicateId);
    assert.deepEqual(idActions.map((action) => [action.title, action.isPreferred ?? false]), [["Use the cluster's numbering: Server ID 14", true]]);
    await apply('mx4', idActions[0], (diagnostics) => !diagnostics.some((diagnostic) => diagnostic.code === 'server-id-duplicate'));

    const [duplicateIp] = ofCode('mx4', 'duplicate-identity');
    assert.ok(duplicateIp, 'mx4 still binds mx2\'s address');
    assert.deepEqual(duplicateIp.range.start, { line: 9, character: 0 });
    const ipActions = await actionsFor('mx4', duplicateIp);
    assert.deepEqual(ipActions.map((action) => [action.title, action.isPreferred ?? false]), [["Use the cluster's numbering: bind 10.0.0.14", true]]);
    await apply('mx4', ipActions[0], (diagnostics) => diagnostics.length === 0);
    assert.equal(texts.get('mx4')?.split('\n')[3], '14');
    assert.equal(texts.get('mx4')?.split('\n')[9], '10.0.0.14');
    await client.idle();
    for (const name of ['mx1', 'mx2', 'mx3', 'mx4']) assert.deepEqual(client.latestDiagnostics(uriOf(name)), [], `${name} is clean`);
  });

  test("a queue on the share goes where the other nodes keep theirs (D:\\IceWarp\\queues\\), and the node is clean after", async () => {
    for (const line of [12, 7, 8]) {
      const diagnostic = ofCode('win3', 'shared-temp-folder').find((each) => each.range.start.line === line);
      assert.ok(diagnostic, `line ${line + 1} is on the share`);
      const actions = await actionsFor('win3', diagnostic);
      const expected = { 12: 'D:\\IceWarp\\queues\\_incoming\\', 7: 'D:\\IceWarp\\queues\\_outgoing\\', 8: 'D:\\IceWarp\\queues\\_outgoing\\retry\\' }[line];
      // Line 13 first follows the peers; then line 8 follows line 13, this node's own layout, and the retry queue line 8.
      const title = { 12: `Use the other nodes' local queue layout: ${expected}`, 7: `Use this server's own queue layout: ${expected}`, 8: `Use the local outgoing queue + retry: ${expected}` }[line];
      // The range answers every problem it touches; this one's fixes name it.
      const own = actions.filter((action) => action.diagnostics?.some((each) => each.code === 'shared-temp-folder'));
      assert.deepEqual(own.map((action) => [action.title, action.isPreferred ?? false]), [[title, false]]);
      await apply('win3', own[0], (diagnostics) => !diagnostics.some((each) => each.code === 'shared-temp-folder' && each.range.start.line === line));
    }
    await client.idle();
    for (const name of ['win1', 'win2', 'win3']) assert.deepEqual(client.latestDiagnostics(uriOf(name)), [], `${name} is clean`);
  });

  test('two nodes with nothing to decide by: both told that one of the two is wrong, and no fix is preferred', async () => {
    for (const name of ['ny1', 'ny2']) {
      const [duplicate] = ofCode(name, 'server-id-duplicate');
      assert.ok(duplicate, name);
      assert.match(duplicate.message, /One of the two is wrong, and the cluster's conventions do not tell which: check both\./);
      const actions = await actionsFor(name, duplicate);
      assert.deepEqual(actions.map((action) => [action.title, action.isPreferred ?? false]), [['Use the next free numeric Server ID: 22', false]]);
    }
  });
});
