// Every problem explained: a client that sends initializationOptions.explainBaseUri gets each
// diagnostic's code as a link under it (codeDescription.href) and "Explain <code>" in the light
// bulb, a command the client runs; a client that does not gets neither (its codes link to the
// pages on disk instead).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../../testing/lspClient';

const TEXT = ['\\\\fs01\\icewarp\\config\\', '', '', '103', '', '', '', '', '', '', 'mx1.example.net', '', '', '', '', '', ''].join('\n');
const BASE = 'vscode://icewarp-cluster-config.icewarp-cluster-config/explain';

async function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
}

describe('a client that can open the code pages', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { explainBaseUri: BASE } });
  });
  after(() => client.stop());

  test("links each code to its page and offers Explain <code> after the code's fixes", async () => {
    const uri = 'untitled:explain/path.dat';
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnosticsAfter(uri, 0);
    const tooLong = diagnostics.filter((d) => d.code === 'server-id-too-long');
    assert.deepEqual(tooLong[0]?.codeDescription, { href: `${BASE}?code=server-id-too-long` });
    const actions = await actionsFor(client, uri, tooLong);
    const explain = actions[actions.length - 1];
    assert.equal(explain.title, 'Explain server-id-too-long');
    assert.deepEqual(explain.command, { title: 'Explain server-id-too-long', command: 'icewarp.explainCode', arguments: ['server-id-too-long'] });
    assert.ok(actions.length > 1, 'the fixes come first');
  });
});

describe('a client that cannot', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  test('gets no explain link, only the page on disk, and no Explain action', async () => {
    const uri = 'untitled:plain/path.dat';
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnosticsAfter(uri, 0);
    // The pages are shipped beside the server (see otherEditors.test.ts): a file: URL, never the extension's.
    assert.ok(diagnostics.every((d) => d.codeDescription === undefined || d.codeDescription.href.startsWith('file:')), JSON.stringify(diagnostics));
    const actions = await actionsFor(client, uri, diagnostics.filter((d) => d.code === 'server-id-too-long'));
    assert.ok(actions.every((action) => action.command === undefined));
  });
});
