// Over LSP, in an install layout fetched per server (`<host>/opt/icewarp/path.dat`): messages and
// related locations name each node by the path suffix no other node file has, and a file that
// arrives and shares a node's suffix renames it in what is published, even for nodes that share
// nothing else with it. Add Node proposes `<new host>/opt/icewarp/path.dat`, gives the new node
// its peers' line 5 with the password empty, and the whole change asks no confirmation per node.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { ADD_NODE_REQUEST, CHECK_NEW_NODE_REQUEST, type ClusterEditAnswer, type NewNodeCheckAnswer } from '../../common/clusterRequests';
import { DIAGNOSTIC_CODES } from '../../server/src/service';
import { TestClient, codes, fileUri } from '../../testing/lspClient';
import { windowsNode } from '../unit/clusterFixtures';

const CREATED = 1;
const PASSWORD_EMPTY = 'remote-logon-password-empty';

/** Every text of a node's diagnostics that can name another node. */
const texts = (diagnostics: readonly Diagnostic[]) => diagnostics.flatMap((diagnostic) => [diagnostic.message, ...(diagnostic.relatedInformation ?? []).map((related) => related.message)]);

describe('node names and Add Node in an install layout, over LSP', () => {
  let folder: string;
  let client: TestClient;
  const uri = (relative: string) => fileUri(path.join(folder, ...relative.split('/')));
  const mx = (k: number) => uri(`mx${k}/opt/icewarp/path.dat`);

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-naming-'));
    for (const k of [1, 2, 3]) {
      const file = path.join(folder, `mx${k}`, 'opt', 'icewarp', 'path.dat');
      await fs.mkdir(path.dirname(file), { recursive: true });
      // mx3 repeats mx2's Server ID and mx1 is numbered apart (no numbering rule blames one), so each names the other.
      await fs.writeFile(file, windowsNode(k, 3, k === 3 ? { 4: '12' } : k === 1 ? { 4: '15' } : {}));
    }
    client = await TestClient.start({ folders: [folder] });
    await Promise.all([1, 2, 3].map((k) => client.diagnosticsAfter(mx(k), 0, (diagnostics) => k === 1 || codes(diagnostics).includes('server-id-duplicate'))));
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('messages and related locations name the other node by its own folder, never icewarp/path.dat', () => {
    const onTwo = texts(client.latestDiagnostics(mx(2)) ?? []);
    assert.ok(onTwo.some((text) => text.includes('mx3.example.net (mx3/opt/icewarp/path.dat)')), onTwo.join('\n'));
    assert.ok(!onTwo.some((text) => text.includes('(icewarp/path.dat)')), onTwo.join('\n'));
  });

  test('a fixture tree of another cluster that ends the same way renames mx3 in what mx2 is told, though it shares nothing else with mx2', async () => {
    const fixture = path.join(folder, 'test', 'fixtures', 'mx3', 'opt', 'icewarp', 'path.dat');
    await fs.mkdir(path.dirname(fixture), { recursive: true });
    await fs.writeFile(fixture, windowsNode(1, 2, { 1: '\\\\lab\\config\\', 5: '', 10: '10.9.9.9', 11: 'lab1.test', 15: 'lab1.test', 16: 'lab2.test' }));
    const count = client.publishCount(mx(2));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(fixture), type: CREATED }] });
    const onTwo = texts(await client.diagnosticsAfter(mx(2), count));
    assert.ok(onTwo.some((text) => text.includes(`mx3.example.net (${path.basename(folder)}/mx3/opt/icewarp/path.dat)`)), onTwo.join('\n'));
    assert.ok(!onTwo.some((text) => text.includes('mx3.example.net (mx3/opt/icewarp/path.dat)')), onTwo.join('\n'));
  });

  test('Add Node: the new file in <new host>/opt/icewarp/, named so, no entry asking for confirmation, line 5 of its peers without the password', async () => {
    const check = await client.request<NewNodeCheckAnswer>(CHECK_NEW_NODE_REQUEST.method, { uri: mx(1), hostname: 'mx4.example.net' });
    assert.ok(check.ok);
    assert.equal(check.fileUri, mx(4));
    const answer = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: mx(1), hostname: 'mx4.example.net', ip: '192.168.10.14' });
    assert.ok(answer.ok, answer.ok ? '' : answer.reason);
    assert.equal(answer.files[0].label, 'mx4.example.net (mx4/opt/icewarp/path.dat)');
    assert.ok(Object.values(answer.edit.changeAnnotations ?? {}).every((annotation) => annotation.needsConfirmation !== true));
    const [create, content] = answer.edit.documentChanges ?? [];
    assert.equal((create as CreateFile).uri, mx(4));
    const text = (content as TextDocumentEdit).edits[0].newText;
    assert.equal(text.split('\r\n')[4], '\\\\fs01\\icewarp;ICEWARP\\svc-mail;');
    assert.doesNotMatch(JSON.stringify(answer), /Pa55|Zq9|Kappa/, 'no password of the peers in the answer');
  });

  const codeKnown = PASSWORD_EMPTY in DIAGNOSTIC_CODES;
  test(`the new node, written as Add Node made it, has ${PASSWORD_EMPTY} on line 5 until the password is typed`, { skip: codeKnown ? false : `${PASSWORD_EMPTY} is not in the catalog yet` }, async () => {
    const answer = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: mx(1), hostname: 'mx5.example.net' });
    assert.ok(answer.ok);
    const content = (answer.edit.documentChanges ?? [])[1] as TextDocumentEdit;
    const mx5 = mx(5);
    await fs.mkdir(path.dirname(new URL(mx5).pathname), { recursive: true });
    await fs.writeFile(new URL(mx5), content.edits[0].newText);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('mx5'), type: CREATED }] });
    const diagnostics = await client.diagnosticsAfter(mx5, 0, (each) => codes(each).includes(PASSWORD_EMPTY));
    const empty = diagnostics.find((diagnostic) => diagnostic.code === PASSWORD_EMPTY);
    assert.equal(empty?.range.start.line, 4);
    const typed = content.edits[0].newText.replace('svc-mail;\r\n', 'svc-mail;typed-by-the-admin\r\n');
    await client.open(mx5, typed);
    const count = client.publishCount(mx5);
    await client.change(mx5, typed, 2);
    // The publication of the typed text, whichever of the open and the change it came with.
    const after = await client.diagnosticsAfter(mx5, count - 1, (each) => !codes(each).includes(PASSWORD_EMPTY));
    assert.ok(!codes(after).includes(PASSWORD_EMPTY));
  });
});
