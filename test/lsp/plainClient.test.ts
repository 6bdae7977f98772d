// A plain LSP client (a terminal editor on the IceWarp server itself): it advertises none of VS
// Code's optional capabilities (no workspace/configuration, no workspace folders, only
// `rootUri`, no dynamic registration, no watched files, no hierarchical symbols, no inlay hint
// refresh, no documentChanges) and gives its settings in initializationOptions and by push.
// Everything that needs no VS Code UI still works, and the server asks it nothing it did not
// advertise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { PLAIN_CAPABILITIES, TestClient, codes, fileUri } from '../../testing/lspClient';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const has = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === code);
const lacks = (code: string) => (diagnostics: Diagnostic[]) => !diagnostics.some((d) => d.code === code);
const doc = (uri: string) => ({ textDocument: { uri } });
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'icewarp-pathcfg', 1, text), [...edits]);
}

describe('a plain LSP client', () => {
  let folder: string;
  let client: TestClient;
  const uriOf = (node: string) => fileUri(path.join(folder, node, 'path.dat'));
  const textOf = (node: string) => fs.readFile(path.join(folder, node, 'path.dat'), 'utf8');

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-plain-client-'));
    for (const node of ['mx1', 'mx2', 'mx3']) {
      await fs.mkdir(path.join(folder, node));
      await fs.copyFile(path.join(FIXTURES, 'cluster', node, 'path.dat'), path.join(folder, node, 'path.dat'));
    }
    // mx2 takes mx1's Server ID (a cross-node error on mx2, whose 11 breaks the cluster's numbering); mx3 gets fixable mistakes of its own.
    const mx2 = path.join(folder, 'mx2', 'path.dat');
    await fs.writeFile(mx2, (await textOf('mx2')).replace('\n12\n', '\n11\n'));
    const mx3 = path.join(folder, 'mx3', 'path.dat');
    await fs.writeFile(mx3, (await textOf('mx3')).replace('\nmx3.example.net\n', '\nmx3.example.net  \n').replace('mx2.example.net;mx3', 'mx2.example.net, mx3'));
    client = await TestClient.start({
      capabilities: PLAIN_CAPABILITIES,
      folders: [folder],
      sendWorkspaceFolders: false,
      initializationOptions: { icewarp: { diagnostics: { severity: { whitespace: 'error' } } } },
    });
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('own and cross-node diagnostics, for files nobody opened', async () => {
    const flagged = (node: string) => has('server-id-duplicate')(client.latestDiagnostics(uriOf(node)) ?? []);
    await client.waitFor(() => flagged('mx2') && client.publishCount(uriOf('mx1')) > 0, 'server-id-duplicate on mx2');
    assert.equal(flagged('mx1'), false, 'mx1 follows the numbering: only mx2 is told');
    const mx2 = client.latestDiagnostics(uriOf('mx2')) ?? [];
    const duplicate = mx2.find((d) => d.code === 'server-id-duplicate');
    assert.ok(duplicate, codes(mx2).join());
    assert.equal(duplicate.range.start.line, 3);
    assert.deepEqual(duplicate.relatedInformation?.map((related) => related.location.uri), [uriOf('mx1')]);
    await client.waitFor(() => has('whitespace')(client.latestDiagnostics(uriOf('mx3')) ?? []), 'whitespace on mx3');
    // A warning by default; the initializationOptions make it an error.
    assert.equal(client.latestDiagnostics(uriOf('mx3'))?.find((d) => d.code === 'whitespace')?.severity, 1);
  });

  test('a quick fix, applied, clears its problem', async () => {
    const uri = uriOf('mx3');
    const text = await textOf('mx3');
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsAfter(uri, client.publishCount(uri) - 1, has('whitespace'));
    const whitespace = diagnostics.find((d) => d.code === 'whitespace') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...doc(uri), range: whitespace.range, context: { diagnostics: [whitespace] } });
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
    const count = client.publishCount(uri);
    await client.change(uri, applyEdits(text, fix.edit.changes[uri]), 2);
    await client.diagnosticsAfter(uri, count, lacks('whitespace'));
  });

  test('fix-all leaves nothing it can fix', async () => {
    const uri = uriOf('mx3');
    const text = (await textOf('mx3')).replace('\n13\n', '\n13 \n');
    let count = client.publishCount(uri);
    await client.change(uri, text, 3);
    const before = await client.diagnosticsAfter(uri, count, has('slave-list-separator'));
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      ...doc(uri),
      range: WHOLE,
      context: { diagnostics: before, only: ['source.fixAll.icewarp'] },
    });
    assert.ok(fixAll?.edit?.changes?.[uri]);
    count = client.publishCount(uri);
    await client.change(uri, applyEdits(text, fixAll.edit.changes[uri]), 4);
    const after = await client.diagnosticsAfter(uri, count);
    assert.ok(lacks('whitespace')(after) && lacks('slave-list-separator')(after), codes(after).join());
  });

  test('hover, completion, flat symbols, semantic tokens and inlay hints', async () => {
    const uri = uriOf('mx3');
    const hover = await client.request<Hover | null>('textDocument/hover', { ...doc(uri), position: { line: 13, character: 0 } });
    assert.match((hover?.contents as MarkupContent).value, /\*\*Slave flag\*\*/);
    const flags = await client.request<CompletionItem[]>('textDocument/completion', { ...doc(uri), position: { line: 13, character: 1 } });
    assert.deepEqual(flags.map((item) => item.label), ['0', '1']);

    // Without hierarchicalDocumentSymbolSupport a client expects SymbolInformation, flat.
    const symbols = await client.request<SymbolInformation[]>('textDocument/documentSymbol', doc(uri));
    const serverId = symbols.find((symbol) => symbol.name === '4 Server ID');
    assert.deepEqual(serverId?.location, { uri, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } } });
    const slave = symbols.find((symbol) => symbol.name === 'mx3.example.net' && symbol.containerName === '16 Slave hosts');
    assert.ok(slave, JSON.stringify(symbols.map((symbol) => [symbol.name, symbol.containerName])));
    assert.ok(symbols.every((symbol) => !('children' in symbol)));

    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', doc(uri));
    assert.ok(tokens.data.length > 0);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { ...doc(uri), range: WHOLE });
    assert.equal(hints.length, 17);
  });

  test('navigation and rename across nodes', async () => {
    const uri = uriOf('mx3');
    const masterHost = { ...doc(uri), position: { line: 14, character: 2 } };
    assert.deepEqual(await client.request<Location[]>('textDocument/definition', masterHost), [
      { uri: uriOf('mx1'), range: { start: { line: 10, character: 0 }, end: { line: 10, character: 15 } } },
    ]);
    const references = await client.request<Location[]>('textDocument/references', { ...masterHost, context: { includeDeclaration: true } });
    assert.deepEqual([...new Set(references.map((location) => location.uri))].sort(), ['mx1', 'mx2', 'mx3'].map(uriOf).sort());
    // A client without documentChanges reads `changes`: every node that names the host.
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...masterHost, newName: 'mx9.example.net' });
    assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), ['mx1', 'mx2', 'mx3'].map(uriOf).sort());
  });

  test('settings pushed later apply, and the server asks nothing the client did not advertise', async () => {
    const mx2 = uriOf('mx2');
    const count = client.publishCount(mx2);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'off' } }, inlayHints: { enable: false } } },
    });
    await client.diagnosticsAfter(mx2, count, lacks('server-id-duplicate'));
    assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { ...doc(uriOf('mx3')), range: WHOLE }), []);
    // A round trip after the push: anything the server sent in reply to it has arrived.
    await client.request('textDocument/hover', { ...doc(uriOf('mx3')), position: { line: 0, character: 0 } });
    assert.deepEqual(client.serverRequests, []);
  });
});
