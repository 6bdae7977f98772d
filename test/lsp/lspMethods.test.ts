// One table of LSP methods (server/src/core/lspMethods.ts) drives the message pipeline: every
// method the server registers a handler for, and every method it sends, has a row of its
// direction and kind; a method without one fails as it is registered or sent. The stages run in
// the documented order: positions on the client's URIs, then URI spelling, then the position
// guard and the arrival tap on the server's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { type Message, type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { type Connection, ProposedFeatures, WorkDoneProgress, createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ADD_NODE_REQUEST, CHECK_NEW_NODE_REQUEST, CLUSTER_EXECUTE_COMMANDS, COMPARE_NODES_REQUEST } from '../../common/clusterRequests';
import { findNodeFilesRequest, readNodeFileRequest, statFileRequest } from '../../common/fileRequests';
import { type ServerStatus, clusterChangedNotification, clusterRequest, describeFilesRequest, fileKindOverridesNotification, serverStatusRequest } from '../../common/protocol';
import { createBrowserServer } from '../../server/src/browserHost';
import type { Server } from '../../server/src/core/createServer';
import { type Direction, LSP_METHODS, type MessageKind, methodRow } from '../../server/src/core/lspMethods';
import { REGISTRATION_METHODS, installMessagePipeline } from '../../server/src/core/messagePipeline';
import { documentLines } from '../../server/src/core/positionEncoding';
import { UriSpelling } from '../../server/src/core/uriSpelling';
import { nodeFileAccess } from '../../server/src/host/diskNodeFiles';
import { fileUri } from '../../testing/lspClient';

const FIXTURES = path.resolve(__dirname, '../fixtures/cluster');

interface Use {
  method: string;
  direction: Direction;
  kind: MessageKind;
}

/** A server connection over in-memory pipes, and the client at its other end. */
function connectionPair(): { server: Connection; client: MessageConnection; written: Message[] } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const written: Message[] = [];
  // Every message the server writes, whatever part of it sends it (the library's console too).
  const writer = new StreamMessageWriter(toClient);
  const write = writer.write.bind(writer);
  writer.write = (message: Message) => {
    written.push(message);
    return write(message);
  };
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), writer);
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return { server, client, written };
}

/**
 * Records each method registered on `connection` (onRequest, onNotification and the named
 * registrations) and sent (sendRequest, sendNotification, sendDiagnostics) from now on.
 */
function recordUses(connection: Connection): Use[] {
  const uses: Use[] = [];
  const methods = connection as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methodOf = (type: unknown) => (typeof type === 'string' ? type : (type as { method: string }).method);
  const wrap = (name: string, use: (args: unknown[]) => Use) => {
    const original = methods[name];
    if (typeof original !== 'function') return;
    methods[name] = (...args: unknown[]) => {
      uses.push(use(args));
      return original(...args);
    };
  };
  wrap('onRequest', ([type]) => ({ method: methodOf(type), direction: 'client->server', kind: 'request' }));
  wrap('onNotification', ([type]) => ({ method: methodOf(type), direction: 'client->server', kind: 'notification' }));
  wrap('sendRequest', ([type]) => ({ method: methodOf(type), direction: 'server->client', kind: 'request' }));
  wrap('sendNotification', ([type]) => ({ method: methodOf(type), direction: 'server->client', kind: 'notification' }));
  wrap('sendDiagnostics', () => ({ method: 'textDocument/publishDiagnostics', direction: 'server->client', kind: 'notification' }));
  for (const [name, method] of Object.entries(REGISTRATION_METHODS)) {
    const row = methodRow(method);
    wrap(name, () => ({ method, direction: 'client->server', kind: row?.kind ?? 'request' }));
  }
  return uses;
}

describe('the table of LSP methods', () => {
  let folder: string;
  let server: Connection;
  let client: MessageConnection;
  let core: Server;
  let written: Message[];
  let uses: Use[][];
  /** The method of every request and notification from the server, in arrival order. */
  const arrivals: string[] = [];
  let waiters: (() => void)[] = [];
  const hear = (method: string) => {
    arrivals.push(method);
    for (const wake of waiters) wake();
  };
  /** Resolves once `predicate` holds, looking again as each message arrives (nothing sleeps). */
  const until = (predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!predicate()) return;
        waiters = waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      waiters.push(check);
      check();
    });
  const heard = (method: string) => until(() => arrivals.includes(method));
  const ask = (method: string, params: unknown) => client.sendRequest(method, params).catch((error: unknown) => error);

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-methods-'));
    for (const node of ['mx1', 'mx2', 'mx3']) {
      await fs.mkdir(path.join(folder, node));
      await fs.copyFile(path.join(FIXTURES, node, 'path.dat'), path.join(folder, node, 'path.dat'));
    }
    ({ server, client, written } = connectionPair());
    // Beneath the pipeline, what the server registers as it starts; above it, what it registers
    // and sends from then on (a send the pipeline refuses may be caught by its caller).
    const beneath = recordUses(server);
    // The browser host: every file through the client, so the server sends its file requests too.
    core = createBrowserServer(server);
    uses = [beneath, recordUses(server)];
    server.listen();
    client.onNotification((method) => hear(method));
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      hear('workspace/configuration');
      return params.items.map(() => ({}));
    });
    client.onRequest(findNodeFilesRequest, async (params) => {
      hear(findNodeFilesRequest.method);
      // A walk that stopped at its limit: the server tells the user (window/showMessage).
      return { ...(await nodeFileAccess.findNodeFiles(params.folderUris)), truncated: { limit: 1, unit: 'folders' as const } };
    });
    client.onRequest(readNodeFileRequest, (params) => {
      hear(readNodeFileRequest.method);
      return nodeFileAccess.readNodeFile(params.uri, params.maxSize);
    });
    client.onRequest(statFileRequest, async (params) => {
      hear(statFileRequest.method);
      return (await nodeFileAccess.stat(params.uri)) ?? null;
    });
    client.onRequest('workspace/applyEdit', () => {
      hear('workspace/applyEdit');
      return { applied: false, failureReason: 'a test' };
    });
    client.onRequest((method) => {
      hear(method);
      return null;
    });
    client.listen();
  });
  after(async () => {
    core.dispose();
    client.dispose();
    server.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('a session that uses every feature registers and sends only methods with a row of their direction and kind', async () => {
    const uriOf = (node: string) => fileUri(path.join(folder, node, 'path.dat'));
    const [mx1, mx2] = [uriOf('mx1'), uriOf('mx2')];
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: fileUri(folder),
      workspaceFolders: [{ uri: fileUri(folder), name: 'cluster' }],
      // Every capability that makes the server or its library register or send more.
      capabilities: {
        general: { positionEncodings: ['utf-8'] },
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, inlayHint: { refreshSupport: true } },
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
      // The extension's own client: it hears IceWarp's notifications.
      initializationOptions: { validationDelay: 0, vscodeExtension: true },
    });
    await client.sendNotification('initialized', {});
    await heard('textDocument/publishDiagnostics');

    const text = await fs.readFile(path.join(folder, 'mx1', 'path.dat'), 'utf8');
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: mx1, languageId: 'icewarp-pathcfg', version: 1, text } });
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri: mx1, version: 2 },
      contentChanges: [{ range: { start: { line: 11, character: 11 }, end: { line: 11, character: 11 } }, text: '  ' }],
    });
    // Another program's path.cfg: the client hears it is foreign.
    const foreign = fileUri(path.join(folder, 'other', 'path.cfg'));
    const foreignText = await fs.readFile(path.resolve(__dirname, '../fixtures/foreign/ini-sections/path.cfg'), 'utf8');
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: foreign, languageId: 'icewarp-pathcfg', version: 1, text: foreignText } });

    const at = (line: number, character: number) => ({ textDocument: { uri: mx1 }, position: { line, character } });
    const whole = { textDocument: { uri: mx1 }, range: { start: { line: 0, character: 0 }, end: { line: 17, character: 0 } } };
    await ask('textDocument/hover', at(10, 2));
    await ask('textDocument/completion', at(13, 0));
    await ask('textDocument/codeAction', { ...whole, context: { diagnostics: [] } });
    await ask('textDocument/codeAction', { ...whole, context: { diagnostics: [], only: ['source.fixAll'] } });
    await ask('textDocument/inlayHint', whole);
    await ask('textDocument/semanticTokens/full', { textDocument: { uri: mx1 } });
    await ask('textDocument/documentSymbol', { textDocument: { uri: mx1 } });
    await ask('textDocument/definition', at(15, 2));
    await ask('textDocument/references', { ...at(15, 2), context: { includeDeclaration: true } });
    await ask('textDocument/documentHighlight', at(15, 2));
    await ask('workspace/symbol', { query: 'mx' });
    await ask('textDocument/prepareRename', at(15, 2));
    await ask('textDocument/rename', { ...at(15, 2), newName: 'mx9.example.net' });
    await ask(clusterRequest.method, null);
    await ask(describeFilesRequest.method, { uris: [mx2] });
    await ask(serverStatusRequest.method, {});
    await ask(CHECK_NEW_NODE_REQUEST.method, { uri: mx2 });
    await ask(COMPARE_NODES_REQUEST.method, { uri: mx2 });
    await ask(ADD_NODE_REQUEST.method, { uri: mx2, hostname: 'mx4.example.net' });
    await ask('workspace/executeCommand', { command: CLUSTER_EXECUTE_COMMANDS.promoteToMaster, arguments: [mx2] });
    await client.sendNotification(fileKindOverridesNotification.method, { icewarp: [foreign] });
    await client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: mx2, type: 2 }] });
    await client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(folder), name: 'cluster' }] } });
    await client.sendNotification('textDocument/willSave', { textDocument: { uri: mx1 }, reason: 1 });
    await client.sendNotification('textDocument/didSave', { textDocument: { uri: mx1 } });
    await client.sendNotification('textDocument/didClose', { textDocument: { uri: mx1 } });
    // Everything above has been handled, and what it sent has arrived, once the server answers a
    // question asked after it and has nothing left to validate; the cluster view's notification
    // comes after a pause of its own, after the last publish.
    for (;;) {
      const status = await client.sendRequest<ServerStatus>(serverStatusRequest.method, {});
      if (status.pendingValidations === 0) break;
    }
    await until(() => arrivals.lastIndexOf(clusterChangedNotification.method) > arrivals.lastIndexOf('textDocument/publishDiagnostics'));

    const sent = written.flatMap((message): Use[] => {
      if (!('method' in message) || typeof message.method !== 'string') return [];
      return [{ method: message.method, direction: 'server->client', kind: 'id' in message ? 'request' : 'notification' }];
    });
    for (const use of [...uses.flat(), ...sent]) {
      const row = methodRow(use.method);
      assert.ok(row, `${use.method} (${use.direction} ${use.kind}) has a row`);
      assert.deepEqual({ direction: row.direction, kind: row.kind }, { direction: use.direction, kind: use.kind }, use.method);
    }
    // The session sent every method the table says the server sends (one no feature sends yet aside).
    const toClient = Object.keys(LSP_METHODS).filter((method) => LSP_METHODS[method].direction === 'server->client' && method !== 'window/showDocument');
    assert.deepEqual([...new Set(sent.map((use) => use.method))].sort(), toClient.sort());
    // And registered a handler for each method the features answer.
    const handled = new Set(uses.flat().filter((use) => use.direction === 'client->server').map((use) => use.method));
    for (const method of ['textDocument/hover', 'textDocument/inlayHint', 'textDocument/semanticTokens/full', 'workspace/didChangeWorkspaceFolders', 'window/workDoneProgress/cancel', clusterRequest.method]) {
      assert.ok(handled.has(method), method);
    }
  });
});

describe('the message pipeline', () => {
  test('registering or sending a method without a row, or the other way round, throws', () => {
    const { server, client } = connectionPair();
    try {
      installMessagePipeline(server, { encodingOf: () => 'utf-16', linesOf: () => undefined });
      assert.throws(() => server.onRequest('icewarp/noSuchRequest', () => null), /icewarp\/noSuchRequest has no row/);
      assert.throws(() => server.onNotification('icewarp/noSuchNotification', () => undefined), /has no row/);
      assert.throws(() => void server.sendNotification('icewarp/noSuchNotification', {}), /has no row/);
      assert.throws(() => void server.sendRequest('icewarp/noSuchRequest', {}), /has no row/);
      // A row says which way a method goes and whether it is answered.
      assert.throws(() => server.onNotification('textDocument/publishDiagnostics', () => undefined), /server->client notification/);
      assert.throws(() => void server.sendRequest('textDocument/hover', {}), /client->server request/);
      assert.throws(() => server.onRequest('textDocument/didOpen', () => null), /client->server notification/);
      // A registration of the library's that the pipeline cannot name a method for.
      assert.throws(() => server.onProgress(WorkDoneProgress.type, 'token', () => undefined), /does not know/);
    } finally {
      client.dispose();
      server.dispose();
    }
  });

  test('the rows agree with themselves: answers and guards for requests, client spellings for its own direction', () => {
    for (const [method, row] of Object.entries(LSP_METHODS)) {
      if (row.positions?.result || row.outOfRange) assert.equal(row.kind, 'request', `${method}: only a request has a result`);
      if (row.outOfRange || row.tapsArrival) assert.equal(row.direction, 'client->server', method);
      if (row.tapsArrival) assert.equal(row.kind, 'notification', method);
      const uriDirection: Direction = row.uris === 'document' ? 'server->client' : 'client->server';
      if (row.uris !== 'none') assert.equal(row.direction, uriDirection, `${method}: uris ${row.uris}`);
    }
  });

  test('positions are measured on the client URI, then the guard, the tap and the handler see the server spelling', async () => {
    const { server, client } = connectionPair();
    const seen: unknown[][] = [];
    // The client's spelling, and the server's (vscode-uri's) of the same file.
    const CLIENT_URI = 'file:///srv/a (1)/path.dat';
    const SERVER_URI = 'file:///srv/a%20%281%29/path.dat';
    // "mxä." is 4 UTF-16 units and 5 bytes.
    const line = TextDocument.create('file:///x', 'icewarp-pathcfg', 1, 'mxä.example.net\n');
    installMessagePipeline(server, {
      encodingOf: () => 'utf-8',
      linesOf: (uri) => {
        seen.push(['positions', uri]);
        return documentLines(line);
      },
      uris: new UriSpelling(),
      lineCountOf: (uri) => {
        seen.push(['guard', uri]);
        return 1;
      },
      onArrival: (uri) => seen.push(['arrival', uri]),
    });
    server.onHover((params) => {
      seen.push(['handler', params.textDocument.uri, params.position.character]);
      return null;
    });
    server.onDidOpenTextDocument((params) => void seen.push(['handler', params.textDocument.uri]));
    server.listen();
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(await client.sendRequest('textDocument/hover', { textDocument: { uri: CLIENT_URI }, position: { line: 0, character: 5 } }), null);
      assert.deepEqual(seen.splice(0), [
        ['positions', CLIENT_URI],
        ['guard', SERVER_URI],
        ['handler', SERVER_URI, 4],
      ]);
      // Past the last line: the guard answers, the handler never hears of it.
      assert.equal(await client.sendRequest('textDocument/hover', { textDocument: { uri: CLIENT_URI }, position: { line: 3, character: 0 } }), null);
      assert.deepEqual(seen.splice(0), [
        ['positions', CLIENT_URI],
        ['guard', SERVER_URI],
      ]);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: CLIENT_URI, languageId: 'icewarp-pathcfg', version: 1, text: '' } });
      // Answered after the notification before it was handled.
      await client.sendRequest('textDocument/hover', { textDocument: { uri: CLIENT_URI }, position: { line: 0, character: 0 } });
      assert.deepEqual(seen.slice(0, 2), [
        ['arrival', SERVER_URI],
        ['handler', SERVER_URI],
      ]);
    } finally {
      client.dispose();
      server.dispose();
    }
  });
});
