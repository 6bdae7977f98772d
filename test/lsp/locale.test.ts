// The server speaks the client's display language (initialize's `locale`) where a bundle has it:
// messages, fix titles and field names; codes stay English. Spawned as editors run it: the Node
// server reads the language's messages from l10n/ beside dist/ (run `npm run build` first); the
// browser's server, which has no disk, takes the ones the client passes in initializationOptions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { REMOVE_NODE_REQUEST, type ClusterEditAnswer } from '../../common/clusterRequests';
import { MESSAGES_OPTION } from '../../common/protocolNames';
import { LONER_TEXT, windowsNode } from '../unit/clusterFixtures';
import { TestClient, codes, fileUri } from '../../testing/lspClient';

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

describe('a client whose locale is cs, on a workspace of several nodes', () => {
  let client: TestClient;
  let folder: string;
  const uri = (name: string) => fileUri(path.join(folder, name, 'path.dat'));
  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-locale-'));
    const write = async (name: string, text: string) => {
      await fs.mkdir(path.join(folder, name), { recursive: true });
      await fs.writeFile(path.join(folder, name, 'path.dat'), text);
    };
    for (const k of [1, 2, 3]) await write(`mx${k}`, windowsNode(k, 3));
    // Two copies of one standalone node: the same hostname and IP address twice.
    await write('alone', LONER_TEXT);
    await write('copy', LONER_TEXT);
    client = await TestClient.start({ folders: [folder], locale: 'cs' });
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('gets a cross-node diagnostic in Czech, naming the other node and its related location in Czech', async () => {
    await client.open(uri('alone'), LONER_TEXT);
    const diagnostics = await client.diagnosticsAfter(uri('alone'), 0, (found) => found.some((d) => d.code === 'duplicate-identity'));
    const hostname = diagnostics.find((d) => d.code === 'duplicate-identity' && d.range.start.line === 10);
    assert.equal(hostname?.message, 'Hostname "alone.example.org" používá také jiný uzel tohoto pracovního prostoru, alone.example.org (copy/path.dat); servery se navzájem hledají podle hostname, takže každý potřebuje vlastní. Jeden z obou je špatně a konvence clusteru neříkají který: zkontrolujte oba.');
    assert.equal(hostname?.relatedInformation?.[0]?.message, 'alone.example.org (copy/path.dat) také používá "alone.example.org"');
  });

  test("gets a cluster operation's refusal in Czech", async () => {
    const answer = await client.request<ClusterEditAnswer>(REMOVE_NODE_REQUEST.method, { uri: uri('mx1'), deleteFile: true });
    assert.equal(answer.ok ? '' : answer.reason, 'mx1.example.net (mx1/path.dat) je masterem svého clusteru; nejprve povyšte na master jiný uzel, pak odeberte tento.');
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

describe('a client that sends no locale (eglot 1.9, ALE), on a server whose environment names a language', () => {
  const serverIdMessage = async (environment: Record<string, string>, locale?: string): Promise<string | undefined> => {
    const client = await TestClient.start({ transport: 'stdio', environment, ...(locale ? { locale } : {}) });
    try {
      const uri = 'untitled:environment/path.dat';
      await client.open(uri, TEXT);
      const diagnostics = await client.diagnosticsAfter(uri, 0);
      return diagnostics.find((d) => d.code === 'server-id-too-long')?.message;
    } finally {
      await client.stop();
    }
  };

  test('speaks Czech under LANG=cs_CZ.UTF-8, German when LC_MESSAGES or LC_ALL says de, English under C', async () => {
    assert.equal(await serverIdMessage({ LANG: 'cs_CZ.UTF-8' }), 'Server ID "103" má 3 znaky; IceWarp povoluje nejvýše 2.');
    assert.equal(await serverIdMessage({ LANG: 'cs_CZ.UTF-8', LC_MESSAGES: 'de_DE.UTF-8' }), 'Die Server ID "103" hat 3 Zeichen; IceWarp erlaubt höchstens 2.');
    assert.equal(await serverIdMessage({ LANG: 'cs_CZ.UTF-8', LC_ALL: 'de_AT.UTF-8' }), 'Die Server ID "103" hat 3 Zeichen; IceWarp erlaubt höchstens 2.');
    assert.equal(await serverIdMessage({ LANG: 'C.UTF-8' }), 'Server ID "103" has 3 characters; IceWarp allows at most 2.');
  });

  test("a client's own locale wins over the environment", async () => {
    assert.equal(await serverIdMessage({ LANG: 'cs_CZ.UTF-8' }, 'de'), 'Die Server ID "103" hat 3 Zeichen; IceWarp erlaubt höchstens 2.');
  });
});

describe("the browser's server, which has no disk to read a language's messages from", () => {
  const czech = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.cs.json'), 'utf8')) as Record<string, string>;

  test('speaks Czech with the messages the client passes, and English without them', async () => {
    for (const [messages, expected] of [
      [czech, 'Server ID "103" má 3 znaky; IceWarp povoluje nejvýše 2.'],
      [undefined, 'Server ID "103" has 3 characters; IceWarp allows at most 2.'],
      // An answer that is no bundle is not taken.
      [{ 'Server ID {0} has {1} characters; IceWarp allows at most 2.': 'Server ID {0}!', broken: 42 }, 'Server ID "103" has 3 characters; IceWarp allows at most 2.'],
    ] as const) {
      const client = await TestClient.start({ transport: 'worker', locale: 'cs', ...(messages ? { initializationOptions: { [MESSAGES_OPTION]: messages } } : {}) });
      try {
        const uri = 'untitled:browser/path.dat';
        await client.open(uri, TEXT);
        const diagnostics = await client.diagnosticsAfter(uri, 0);
        assert.equal(diagnostics.find((d) => d.code === 'server-id-too-long')?.message, expected);
      } finally {
        await client.stop();
      }
    }
  });
});
