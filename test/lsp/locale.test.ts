// The server speaks the client's display language (initialize's `locale`) where a bundle has it:
// messages, fix titles and field names; codes stay English. Spawned as editors run it, so the
// bundles must be inside dist/server.js (run `npm run build` first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { TestClient, codes } from './lspClient';

const TEXT = ['\\\\fs01\\icewarp\\config\\', '', '', '103', '', '', '', '', '', '', 'mx1.example.net', '', '', 'yes', '', '', ''].join('\n');

describe('a client whose locale is cs', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ transport: 'stdio', locale: 'cs' });
  });
  after(() => client.stop());

  test('gets Czech diagnostics, with the English codes', async () => {
    const uri = 'untitled:cs/path.dat';
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnosticsAfter(uri, 0);
    assert.deepEqual(codes(diagnostics).sort(), ['role-invalid', 'server-id-too-long']);
    assert.equal(diagnostics.find((d) => d.code === 'server-id-too-long')?.message, 'Server ID "103" má 3 znaky; IceWarp povoluje nejvýše 2.');
    assert.match(diagnostics.find((d) => d.code === 'role-invalid')?.message ?? '', /^Příznak slave \(řádek 14\) je "yes"; IceWarp čte jen 1/);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics.find((d) => d.code === 'role-invalid')!.range,
      context: { diagnostics: diagnostics.filter((d) => d.code === 'role-invalid') },
    })) as CodeAction[];
    assert.ok(actions.some((action) => action.title === "Nastavit příznak slave na 0: tento server je master; v konzoli je zaškrtnuto pole 'master mode'"), actions.map((action) => action.title).join(' | '));
  });
});

describe('a client that sends no locale', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ transport: 'stdio' });
  });
  after(() => client.stop());

  test('gets English diagnostics', async () => {
    const uri = 'untitled:en/path.dat';
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnosticsAfter(uri, 0);
    assert.equal(diagnostics.find((d) => d.code === 'server-id-too-long')?.message, 'Server ID "103" has 3 characters; IceWarp allows at most 2.');
  });
});
