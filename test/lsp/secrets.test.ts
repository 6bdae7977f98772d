// No leaked secrets, at the protocol level: a node whose line 5 holds passwords is opened, edited,
// hovered everywhere, outlined, completed, clustered and quick-fixed; every byte the server sends
// back (and its stderr) is captured, and no password appears in any of it. The verbose trace of
// the same session, run through the client's redactor, holds none either (while the raw trace
// does: the premise of the redactor).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Trace } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { redactTraceMessage } from '../../common/redact';
import { SERVER_STATUS_REQUEST, type ServerStatus } from '../../common/protocol';
import { TestClient, fileUri } from '../../testing/lspClient';

/** `;`, a quote and a backslash: the characters that make a password hard to find and to escape. */
const PASSWORD = 'Zq9;Secr3t"pw\\x';
const SECOND_PASSWORD = 'Hunter2-Kappa';
/** Every form a leak could take: raw, JSON-escaped once and twice, and the parts around the `;`. */
const LEAK_FORMS = [PASSWORD, JSON.stringify(PASSWORD).slice(1, -1), JSON.stringify(JSON.stringify(PASSWORD)).slice(1, -1), 'Secr3t', SECOND_PASSWORD];

function leaksIn(text: string): string[] {
  return LEAK_FORMS.filter((form) => text.includes(form));
}

/** A Windows slave whose line 5 has two entries and a trailing space (a whitespace finding on line 5). */
const SLAVE = [
  '\\\\fs01\\icewarp\\config\\',
  '',
  '',
  '12',
  `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${PASSWORD} | \\\\fs02\\spam;svc;${SECOND_PASSWORD} `,
  '\\\\fs01\\icewarp\\spam\\',
  '',
  'D:\\IceWarp\\queues\\_outgoing\\',
  'D:\\IceWarp\\queues\\_outgoing\\retry\\',
  '192.168.10.12|192.168.10.12',
  'mx2.example.net',
  'license.key',
  'D:\\IceWarp\\queues\\_incoming\\',
  '1',
  'mx1.example.net',
  'mx2.example.net;mx3.example.net',
].join('\r\n') + '\r\n';

describe('no leaked secrets over LSP', () => {
  let folder: string;
  let client: TestClient;
  let fromServer = '';
  const traceChunks: string[] = [];
  let slaveUri: string;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-secrets-'));
    await fs.mkdir(path.join(folder, 'mx1'));
    await fs.mkdir(path.join(folder, 'mx2'));
    await fs.copyFile(path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat'), path.join(folder, 'mx1', 'path.dat'));
    await fs.writeFile(path.join(folder, 'mx2', 'path.dat'), SLAVE);
    slaveUri = fileUri(path.join(folder, 'mx2', 'path.dat'));
    // The bundle in its own process: its stdout and stderr are every byte it can leak.
    client = await TestClient.start({ transport: 'stdio', folders: [folder], settings: { trace: { server: 'verbose' } } });
    client.fromServer.on('data', (chunk: Buffer) => (fromServer += chunk.toString('utf8')));
    client.process?.stderr?.on('data', (chunk: Buffer) => (fromServer += chunk.toString('utf8')));
    // What vscode-languageclient prints with icewarp.trace.server = verbose, chunk by chunk.
    await client.connection.trace(Trace.Verbose, {
      log: (message: unknown, data?: string) => {
        traceChunks.push(`[Trace - 12:00:00] ${typeof message === 'string' ? message : JSON.stringify(message)}`);
        if (data) traceChunks.push(data);
      },
    });
  });

  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('every feature on a file with passwords answers without them', async () => {
    await client.open(slaveUri, SLAVE);
    const diagnostics = await client.diagnosticsAfter(slaveUri, 0);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.range.start.line === 4), 'a finding on line 5 (its trailing space), so fixes there are exercised');

    const lines = SLAVE.split('\r\n');
    const document = { uri: slaveUri };
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character += line === 4 ? 1 : 4) {
        await client.request('textDocument/hover', { textDocument: document, position: { line, character } });
        if (line === 4) await client.request('textDocument/completion', { textDocument: document, position: { line, character } });
      }
    }
    await client.request('textDocument/documentSymbol', { textDocument: document });
    await client.request('textDocument/inlayHint', { textDocument: document, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    await client.request('textDocument/semanticTokens/full', { textDocument: document });
    await client.request('icewarp/cluster', {});
    await client.request('icewarp/describeFiles', { uris: [slaveUri] });

    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      actions.push(...(await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: document, range: diagnostic.range, context: { diagnostics: [diagnostic] } })));
    }
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    actions.push(...(await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: document, range: whole, context: { diagnostics, only: ['source.fixAll'] } })));
    assert.ok(actions.some((action) => action.edit?.changes?.[slaveUri]?.some((edit) => edit.range.start.line === 4)), 'some offered fix edits line 5');

    // Typing into the password: each keystroke is a didChange on line 5.
    let version = 1;
    let count = client.publishCount(slaveUri);
    for (const typed of ['!', '7']) {
      const at = lines[4].indexOf(PASSWORD) + PASSWORD.length;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: slaveUri, version: ++version },
        contentChanges: [{ range: { start: { line: 4, character: at }, end: { line: 4, character: at } }, rangeLength: 0, text: typed }],
      });
      await client.diagnosticsAfter(slaveUri, count);
      count = client.publishCount(slaveUri);
      await client.request('textDocument/hover', { textDocument: document, position: { line: 4, character: at } });
    }
    await client.close(slaveUri);
    await client.request('icewarp/cluster', {});
    const status = await client.request<ServerStatus>(SERVER_STATUS_REQUEST, {});
    assert.equal(typeof status.pid, 'number');

    assert.ok(fromServer.length > 10_000, `the capture saw the session (${fromServer.length} bytes)`);
    assert.ok(fromServer.includes('svc-mail'), 'line 5 is described (its user), so a leak would have had its chance');
    assert.deepEqual(leaksIn(fromServer), [], 'no password in anything the server sent');
  });

  test('the verbose trace of that session holds the passwords, and the redacted trace does not', () => {
    const raw = traceChunks.join('\n');
    assert.ok(leaksIn(raw).includes(PASSWORD) || leaksIn(raw).includes(LEAK_FORMS[1]), 'the raw trace prints the document (the reason for redaction)');
    const redacted = traceChunks.map(redactTraceMessage).join('\n');
    assert.deepEqual(leaksIn(redacted), []);
    assert.ok(redacted.includes("Sending notification 'textDocument/didOpen'"), 'the trace stays a trace');
  });

  test('diagnostics never name a password, however line 5 is broken', async () => {
    const broken = SLAVE.replace(`;${PASSWORD} |`, `;${PASSWORD};;|;;${PASSWORD}|`);
    const uri = fileUri(path.join(folder, 'mx2', 'path.cfg'));
    await client.open(uri, broken);
    const diagnostics: Diagnostic[] = await client.diagnosticsAfter(uri, 0);
    assert.ok(diagnostics.length > 0);
    assert.deepEqual(leaksIn(JSON.stringify(diagnostics)), []);
    assert.deepEqual(leaksIn(fromServer), []);
  });
});

describe('no leaked secrets over LSP: navigation and cluster operations', () => {
  let folder: string;
  let client: TestClient;
  let fromServer = '';
  const uriOf = (name: string) => fileUri(path.join(folder, name, 'path.dat'));
  /** The slave above as the master of the cluster: its line 5 is copied by Add Node. */
  const MASTER = SLAVE.replace('\r\n12\r\n', '\r\n11\r\n').replace('192.168.10.12|192.168.10.12', '192.168.10.11|192.168.10.11').replace('\r\nmx2.example.net\r\nlicense', '\r\nmx1.example.net\r\nlicense').replace('\r\n1\r\nmx1', '\r\n0\r\nmx1');

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-secrets-ops-'));
    for (const [name, text] of [['mx1', MASTER], ['mx2', SLAVE], ['mx3', SLAVE.replace('\r\n12\r\n', '\r\n13\r\n').replace(/192\.168\.10\.12/g, '192.168.10.13').replace('\r\nmx2.example.net\r\nlicense', '\r\nmx3.example.net\r\nlicense')]]) {
      await fs.mkdir(path.join(folder, name));
      await fs.writeFile(path.join(folder, name, 'path.dat'), text);
    }
    // The bundle in its own process: its stdout and stderr are every byte it can leak.
    client = await TestClient.start({ transport: 'stdio', folders: [folder] });
    client.fromServer.on('data', (chunk: Buffer) => (fromServer += chunk.toString('utf8')));
    client.process?.stderr?.on('data', (chunk: Buffer) => (fromServer += chunk.toString('utf8')));
    client.connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
    await Promise.all(['mx1', 'mx2', 'mx3'].map((name) => client.diagnosticsAfter(uriOf(name), 0)));
  });

  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('every navigation request, rename, cluster request and command, accepted or refused, answers without a password', async () => {
    const lines = SLAVE.split('\r\n');
    const settle = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);
    let answered = 0;
    for (const name of ['mx1', 'mx2', 'mx3']) {
      const textDocument = { uri: uriOf(name) };
      for (let line = 0; line < lines.length; line++) {
        for (const character of [0, 3, Math.max(0, lines[line].length - 2)]) {
          const position = { line, character };
          await settle(client.request('textDocument/definition', { textDocument, position }));
          await settle(client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }));
          await settle(client.request('textDocument/documentHighlight', { textDocument, position }));
          await settle(client.request('textDocument/prepareRename', { textDocument, position }));
          await settle(client.request('textDocument/rename', { textDocument, position, newName: 'renamed.example.net' }));
        }
      }
      const uri = uriOf(name);
      for (const request of [
        ['icewarp/promoteToMaster', { uri }],
        ['icewarp/addNode', { uri, hostname: 'mx4.example.net', ip: '192.168.10.14' }],
        ['icewarp/checkNewNode', { uri, hostname: 'mx4.example.net' }],
        ['icewarp/removeNode', { uri, deleteFile: false }],
        ['icewarp/removeNode', { uri, deleteFile: true }],
        ['icewarp/fixAllInCluster', { uri }],
        ['icewarp/compareNodes', { uri }],
        ['icewarp/compareNodes', { uri, otherUri: uriOf('mx3') }],
      ] as const) {
        const answer = await settle(client.request(request[0], request[1]));
        if ((answer as { ok?: boolean }).ok) answered++;
      }
      for (const command of ['icewarp.server.promoteToMaster', 'icewarp.server.addNode', 'icewarp.server.removeNode', 'icewarp.server.fixAllInCluster']) {
        await settle(client.request('workspace/executeCommand', { command, arguments: [{ uri, hostname: 'mx5.example.net', deleteFile: true }] }));
      }
    }
    await client.request('workspace/symbol', { query: '' });
    assert.ok(answered >= 6, `some operations were accepted (${answered})`);
    assert.ok(fromServer.includes('"changeAnnotations"') && fromServer.includes('mx4.example.net'), 'the capture saw the changes');
    assert.ok(fromServer.includes('svc-mail'), "Add Node's new file has line 5's share and user");
    assert.deepEqual(leaksIn(fromServer), [], 'no password in anything the server sent');
  });
});
