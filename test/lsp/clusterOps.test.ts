// Navigation and cluster operations over LSP against dist/server.js (run `npm run build` first):
// definition, references, highlights, workspace symbols, prepareRename/rename, the cluster
// requests of common/clusterRequests.ts and workspace/executeCommand, each accepted and refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ApplyWorkspaceEditParams,
  CreateFile,
  DeleteFile,
  DocumentHighlight,
  Hover,
  Location,
  MarkupContent,
  SymbolInformation,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import {
  ADD_NODE_REQUEST,
  CHECK_NEW_NODE_REQUEST,
  CLUSTER_EXECUTE_COMMANDS,
  COMPARE_NODES_REQUEST,
  FIX_ALL_IN_CLUSTER_REQUEST,
  PROMOTE_TO_MASTER_REQUEST,
  REMOVE_NODE_REQUEST,
  type ClusterEditAnswer,
  type CompareNodesAnswer,
  type ExecuteCommandResult,
  type NewNodeCheckAnswer,
} from '../../common/clusterRequests';
import { TestClient, fileUri } from '../../testing/lspClient';
import { LONER_TEXT, windowsNode } from '../unit/clusterFixtures';

const at = (line: number, character: number) => ({ line: line - 1, character });

/** A temp workspace: a Windows cluster of three (CRLF, path.dat) and a standalone node. */
async function makeWorkspace(): Promise<{ folder: string; uri: (name: string) => string; texts: Map<string, string> }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-cluster-ops-'));
  const texts = new Map<string, string>();
  const write = async (relative: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(folder, relative)), { recursive: true });
    await fs.writeFile(path.join(folder, relative), text);
    texts.set(fileUri(path.join(folder, relative)), text);
  };
  for (const k of [1, 2, 3]) await write(`mx${k}/path.dat`, windowsNode(k, 3));
  await write('alone/path.dat', LONER_TEXT);
  return { folder, uri: (name) => fileUri(path.join(folder, name, 'path.dat')), texts };
}

/** Applies a WorkspaceEdit's documentChanges to texts as an editor would (creates, edits, deletes). */
function applyWorkspaceEdit(texts: Map<string, string>, edit: WorkspaceEdit): Map<string, string> {
  const result = new Map(texts);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') {
        assert.ok(!result.has(change.uri), `${change.uri} exists`);
        result.set(change.uri, '');
      } else if (change.kind === 'delete') result.delete(change.uri);
      continue;
    }
    const current = result.get(change.textDocument.uri);
    assert.ok(current !== undefined, `${change.textDocument.uri} is unknown`);
    result.set(change.textDocument.uri, TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'x', 1, current), change.edits));
  }
  return result;
}

/**
 * Puts the disk text back into an open document, then closes it: the server holds the disk text
 * from the change on, so the next request sees it (a close alone re-reads the disk later).
 */
async function restoreAndClose(client: TestClient, uri: string, text: string): Promise<void> {
  await client.change(uri, text, 1000);
  await client.close(uri);
}

function line(text: string | undefined, number: number): string {
  return (text ?? '').split(/\r\n|\n/)[number - 1];
}

describe('navigation and cluster operations over LSP', () => {
  let client: TestClient;
  let space: Awaited<ReturnType<typeof makeWorkspace>>;
  const applied: ApplyWorkspaceEditParams[] = [];

  before(async () => {
    space = await makeWorkspace();
    client = await TestClient.start({ folders: [space.folder] });
    client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params);
      return { applied: true };
    });
    await Promise.all([...space.texts.keys()].map((uri) => client.diagnosticsAfter(uri, 0)));
  });
  after(async () => {
    await client.stop();
    await fs.rm(space.folder, { recursive: true, force: true });
  });

  test('the server announces definition, references, highlights, workspace symbols, rename with prepare, and its commands', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.equal(capabilities?.definitionProvider, true);
    assert.equal(capabilities?.referencesProvider, true);
    assert.equal(capabilities?.documentHighlightProvider, true);
    assert.equal(capabilities?.workspaceSymbolProvider, true);
    assert.deepEqual(capabilities?.renameProvider, { prepareProvider: true });
    assert.deepEqual(capabilities?.executeCommandProvider?.commands, Object.values(CLUSTER_EXECUTE_COMMANDS));
  });

  test('definition from line 15 of an unopened slave opens the master at line 11; a host with no file has none, and its hover says so', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: space.uri('mx3') }, position: at(15, 4) });
    assert.deepEqual(locations.map((location) => [location.uri, location.range.start.line + 1]), [[space.uri('mx1'), 11]]);
    const uri = space.uri('mx1');
    await client.open(uri, space.texts.get(uri)!.replace('mx3.example.net\r\n', 'mx3.example.net;mx9.example.net\r\n'));
    const onMissing = at(16, 'mx2.example.net;mx3.example.net;'.length + 1);
    assert.deepEqual(await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: onMissing }), []);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: onMissing });
    assert.match((hover.contents as MarkupContent).value, /`mx9\.example\.net`: no node file in the workspace\./);
    await restoreAndClose(client, uri, space.texts.get(uri)!);
  });

  test('references, highlights and workspace symbols', async () => {
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: space.uri('mx2') }, position: at(11, 0), context: { includeDeclaration: true } });
    assert.deepEqual(references.map((location) => `${path.basename(path.dirname(new URL(location.uri).pathname))}#${location.range.start.line + 1}`).sort(), ['mx1#16', 'mx2#11', 'mx2#16', 'mx3#16']);
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: space.uri('mx2') }, position: at(16, 1) });
    assert.deepEqual(highlights.map((highlight) => [highlight.range.start.line + 1, highlight.kind]), [[11, 3], [16, 2]]);
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '13' });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['mx3.example.net · slave · ID 13 · mx3/path.dat']);
    assert.equal(symbols[0].location.uri, space.uri('mx3'));
    assert.equal((await client.request<SymbolInformation[]>('workspace/symbol', { query: '' })).length, 4);
  });

  test('prepareRename and rename: accepted across every node with a label per node; refused with a message that says why', async () => {
    const document = { uri: space.uri('mx1') };
    assert.deepEqual(await client.request('textDocument/prepareRename', { textDocument: document, position: at(16, 1) }), {
      range: { start: { line: 15, character: 0 }, end: { line: 15, character: 15 } },
      placeholder: 'mx2.example.net',
    });
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: document, position: at(4, 0) }), /Only host names can be renamed: .* This is line 4 \(Server ID\)\./);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: document, position: at(16, 1), newName: 'mx2b.example.net' });
    const after = applyWorkspaceEdit(space.texts, edit);
    for (const name of ['mx1', 'mx2', 'mx3']) assert.equal(line(after.get(space.uri(name)), 16), 'mx2b.example.net;mx3.example.net');
    assert.equal(line(after.get(space.uri('mx2')), 11), 'mx2b.example.net');
    assert.deepEqual(Object.values(edit.changeAnnotations ?? {}).map((annotation) => annotation.label), ['mx1.example.net (mx1/path.dat)', 'mx2.example.net (mx2/path.dat)', 'mx3.example.net (mx3/path.dat)']);
    await assert.rejects(client.request('textDocument/rename', { textDocument: document, position: at(16, 1), newName: 'alone.example.org' }), /"alone\.example\.org" is already the hostname of alone\.example\.org \(alone\/path\.dat\)/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: document, position: at(16, 1), newName: 'mx2_b' }), /not a valid host name or IP address: it holds "_"/);
  });

  test('promote to master: one annotated edit per node, none asking for confirmation (an unticked node would split the cluster), open documents versioned; applied, the cluster has no cluster finding', async () => {
    const uri = space.uri('mx2');
    await client.open(uri, space.texts.get(uri)!, 'icewarp-pathcfg', 7);
    const answer = await client.request<ClusterEditAnswer>(PROMOTE_TO_MASTER_REQUEST.method, { uri });
    assert.ok(answer.ok, answer.ok ? '' : answer.reason);
    assert.equal(answer.title, 'Promote mx2.example.net to master');
    assert.deepEqual(answer.files.map((file) => `${file.kind} ${file.label}`), ['edit mx1.example.net (mx1/path.dat)', 'edit mx2.example.net (mx2/path.dat)', 'edit mx3.example.net (mx3/path.dat)']);
    const edits = (answer.edit.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual(edits.map((change) => change.textDocument.version), [null, 7, null]);
    const annotations = Object.values(answer.edit.changeAnnotations ?? {});
    assert.equal(annotations.length, 3);
    assert.ok(annotations.every((annotation) => annotation.needsConfirmation !== true), 'VS Code would show an entry that needs confirmation unticked');
    assert.ok(edits.every((change) => change.edits.every((edit) => 'annotationId' in edit && answer.edit.changeAnnotations?.[String(edit.annotationId)])));
    const after = applyWorkspaceEdit(space.texts, answer.edit);
    assert.deepEqual([1, 2, 3].map((k) => line(after.get(space.uri(`mx${k}`)), 14)), ['1', '0', '1']);
    // The server sees the result: open each changed file with its new text.
    const names = ['mx1', 'mx2', 'mx3'];
    const counts = names.map((name) => client.publishCount(space.uri(name)));
    await client.change(uri, after.get(uri)!, 8);
    for (const name of ['mx1', 'mx3']) await client.open(space.uri(name), after.get(space.uri(name))!);
    await Promise.all(names.map((name, index) => client.diagnosticsAfter(space.uri(name), counts[index], (diagnostics) => diagnostics.length === 0)));
    for (const name of names) await restoreAndClose(client, space.uri(name), space.texts.get(space.uri(name))!);
  });

  test('refused operations answer the reason and no edit', async () => {
    const notInCluster = await client.request<ClusterEditAnswer>(PROMOTE_TO_MASTER_REQUEST.method, { uri: space.uri('alone') });
    assert.deepEqual(notInCluster, { ok: false, reason: 'alone.example.org (alone/path.dat) is not in a cluster: it names no master host (line 15) and no slave hosts (line 16).' });
    const master = await client.request<ClusterEditAnswer>(REMOVE_NODE_REQUEST.method, { uri: space.uri('mx1'), deleteFile: true });
    assert.match(master.ok ? '' : master.reason, /is the master of its cluster; promote another node to master first/);
    const unknown = await client.request<ClusterEditAnswer>(FIX_ALL_IN_CLUSTER_REQUEST.method, { uri: 'file:///nowhere/path.dat' });
    assert.equal(unknown.ok, false);
  });

  test('a file to create that exists on disk (outside the index) refuses Add Node before anything is edited', async () => {
    // Beside the cluster's folders, where Add Node may create a node, but in a folder the index skips.
    const unindexed = path.join(space.folder, 'node_modules');
    try {
      await fs.mkdir(unindexed);
      await fs.writeFile(path.join(unindexed, 'path.dat'), 'someone else\n');
      const answer = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: space.uri('mx1'), hostname: 'mx4.example.net', fileUri: fileUri(path.join(unindexed, 'path.dat')) });
      assert.deepEqual(answer, { ok: false, reason: 'mx4.example.net (node_modules/path.dat) cannot be created: the file exists already; nothing was changed.' });
    } finally {
      await fs.rm(unindexed, { recursive: true, force: true });
    }
  });

  test('add node: checks for the input boxes, then a created file and the other nodes\' lists', async () => {
    const check = await client.request<NewNodeCheckAnswer>(CHECK_NEW_NODE_REQUEST.method, { uri: space.uri('mx1'), hostname: 'mx2.example.net', ip: '300.1.1.1' });
    assert.ok(check.ok);
    assert.match(check.problems.hostname ?? '', /mx2\.example\.net \(mx2\/path\.dat\) already has this hostname/);
    assert.match(check.problems.ip ?? '', /not an IPv4 or IPv6 address/);
    const fine = await client.request<NewNodeCheckAnswer>(CHECK_NEW_NODE_REQUEST.method, { uri: space.uri('mx1'), hostname: 'mx4.example.net' });
    assert.deepEqual(fine, { ok: true, cluster: 'mx1.example.net', fileName: 'path.dat', fileUri: space.uri('mx4'), serverId: '14', problems: {} });
    const answer = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: space.uri('mx1'), hostname: 'mx4.example.net', ip: '192.168.10.14' });
    assert.ok(answer.ok);
    const [create, content] = answer.edit.documentChanges ?? [];
    assert.deepEqual(create, { kind: 'create', uri: space.uri('mx4'), options: { overwrite: false, ignoreIfExists: false }, annotationId: 'icewarp.0' } satisfies CreateFile);
    assert.equal((content as TextDocumentEdit).textDocument.uri, space.uri('mx4'));
    const after = applyWorkspaceEdit(space.texts, answer.edit);
    assert.equal(line(after.get(space.uri('mx4')), 11), 'mx4.example.net');
    assert.equal(line(after.get(space.uri('mx1')), 16), 'mx2.example.net;mx3.example.net;mx4.example.net');
    const taken = await client.request<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: space.uri('mx1'), hostname: 'mx4.example.net', fileUri: space.uri('mx3') });
    assert.equal(taken.ok, false);
  });

  test('remove node with its file: the lists, then the deletion', async () => {
    const answer = await client.request<ClusterEditAnswer>(REMOVE_NODE_REQUEST.method, { uri: space.uri('mx3'), deleteFile: true });
    assert.ok(answer.ok);
    const last = answer.edit.documentChanges?.at(-1) as DeleteFile;
    assert.deepEqual([last.kind, last.uri], ['delete', space.uri('mx3')]);
    assert.equal(answer.edit.changes, undefined, 'no text-only fallback for a change that deletes a file');
  });

  test('compare with master and compare two nodes: the note names fields, not values', async () => {
    const withMaster = await client.request<CompareNodesAnswer>(COMPARE_NODES_REQUEST.method, { uri: space.uri('mx2') });
    assert.ok(withMaster.ok);
    assert.deepEqual([withMaster.left, withMaster.right, withMaster.title], [space.uri('mx1'), space.uri('mx2'), 'mx1.example.net ↔ mx2.example.net']);
    assert.match(withMaster.note.join('\n'), /Differ per node, as they must \(not a problem\): Server ID \(line 4\), IP binding \(line 10\), Hostname \(line 11\) and Slave flag \(line 14\)/);
    const two = await client.request<CompareNodesAnswer>(COMPARE_NODES_REQUEST.method, { uri: space.uri('mx2'), otherUri: space.uri('alone') });
    assert.ok(two.ok && two.note.some((sentence) => sentence.includes('Should be the same on every node')));
    const self = await client.request<CompareNodesAnswer>(COMPARE_NODES_REQUEST.method, { uri: space.uri('mx1') });
    assert.match(self.ok ? '' : self.reason, /is the master itself/);
  });

  test('workspace/executeCommand applies the same edit through workspace/applyEdit; a refusal is an error with its reason', async () => {
    const count = applied.length;
    const result = await client.request<ExecuteCommandResult>('workspace/executeCommand', { command: CLUSTER_EXECUTE_COMMANDS.promoteToMaster, arguments: [space.uri('mx3')] });
    assert.equal(result.applied, true);
    assert.match(result.summary, /mx3\.example\.net \(mx3\/path\.dat\) is the master of its cluster now/);
    assert.equal(applied.length, count + 1);
    assert.equal(applied[count].label, 'Promote mx3.example.net to master');
    const after = applyWorkspaceEdit(space.texts, applied[count].edit);
    assert.equal(line(after.get(space.uri('mx1')), 15), 'mx3.example.net');
    await client.request('workspace/executeCommand', { command: CLUSTER_EXECUTE_COMMANDS.addNode, arguments: [{ uri: space.uri('mx1'), hostname: 'mx5.example.net' }] });
    assert.equal((applied[count + 1].edit.documentChanges?.[0] as CreateFile).uri, space.uri('mx5'));
    await assert.rejects(
      client.request('workspace/executeCommand', { command: CLUSTER_EXECUTE_COMMANDS.removeNode, arguments: [{ uri: space.uri('mx1') }] }),
      /is the master of its cluster/,
    );
    assert.equal(applied.length, count + 2, 'a refused command sends no edit');
  });
});
