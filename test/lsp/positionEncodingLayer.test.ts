// The conversion is the LSP layer's, not the features': a handler registered on the connection
// the usual way (definition, references, rename, executeCommand, applyEdit: features other
// branches are adding) sees UTF-16 positions and answers in UTF-16, and a UTF-8 client gets
// bytes, in every document an answer names, open (the editor's text) or not (the text indexed
// from disk).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { type Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ApplyWorkspaceEditParams, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { installPositionEncoding } from '../../server/src/core/messagePipeline';
import { type LineSource, documentLines, nodeFileLines } from '../../server/src/core/positionEncoding';
import { parseNodeFile } from '../../server/src/service';

const OPEN = 'file:///ws/mx1/path.dat';
const ON_DISK = 'file:///ws/mx2/path.dat';
// Line 0 of each: a host after a two-byte character; "mxä" is 3 UTF-16 units and 4 bytes.
const openDocument = TextDocument.create(OPEN, 'icewarp-pathcfg', 1, 'mxä.example.net;mx2\n');
const diskNode = parseNodeFile(ON_DISK, 'ü;mxä.example.net\n');
const UTF16_HOST_IN_OPEN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } };
const UTF16_HOST_ON_DISK: Range = { start: { line: 0, character: 2 }, end: { line: 0, character: 17 } };
const BYTES_HOST_IN_OPEN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } };
const BYTES_HOST_ON_DISK: Range = { start: { line: 0, character: 3 }, end: { line: 0, character: 19 } };

describe('the position encoding of the LSP layer', () => {
  let server: Connection;
  let client: MessageConnection;
  const seen: Position[] = [];
  const applied: ApplyWorkspaceEditParams[] = [];
  const renameEdit = (): WorkspaceEdit => ({
    changes: { [OPEN]: [{ range: UTF16_HOST_IN_OPEN, newText: 'mx9.example.net' }] },
    documentChanges: [{ textDocument: { uri: ON_DISK, version: null }, edits: [{ range: UTF16_HOST_ON_DISK, newText: 'mx9.example.net' }] }],
  });

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const lines = (uri: string): LineSource | undefined => (uri === OPEN ? documentLines(openDocument) : uri === ON_DISK ? nodeFileLines(diskNode) : undefined);
    installPositionEncoding(server, () => 'utf-8', lines);
    // Handlers as a feature writes them: UTF-16 in, UTF-16 out.
    server.onDefinition((params) => {
      seen.push(params.position);
      return { uri: ON_DISK, range: UTF16_HOST_ON_DISK };
    });
    server.onReferences((params) => {
      seen.push(params.position);
      return [
        { uri: OPEN, range: UTF16_HOST_IN_OPEN },
        { uri: ON_DISK, range: UTF16_HOST_ON_DISK },
      ];
    });
    server.onRenameRequest((params) => {
      seen.push(params.position);
      return renameEdit();
    });
    server.onExecuteCommand(async () => {
      await server.workspace.applyEdit({ label: 'Rename host', edit: renameEdit() });
      return renameEdit();
    });
    server.listen();
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params);
      return { applied: true };
    });
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { general: { positionEncodings: ['utf-8'] } } });
  });
  after(() => {
    client.dispose();
    server.dispose();
  });

  // After "mxä." on the open document's line: byte 5, UTF-16 offset 4.
  const at = { textDocument: { uri: OPEN }, position: { line: 0, character: 5 } };
  const bytesEdit: WorkspaceEdit = {
    changes: { [OPEN]: [{ range: BYTES_HOST_IN_OPEN, newText: 'mx9.example.net' }] },
    documentChanges: [{ textDocument: { uri: ON_DISK, version: null }, edits: [{ range: BYTES_HOST_ON_DISK, newText: 'mx9.example.net' }] }],
  };

  test('definition: the position in, the location in another document out', async () => {
    assert.deepEqual(await client.sendRequest<Location>('textDocument/definition', at), { uri: ON_DISK, range: BYTES_HOST_ON_DISK });
    assert.deepEqual(seen.pop(), { line: 0, character: 4 });
  });

  test('references: locations in the open document and in one read from disk', async () => {
    assert.deepEqual(await client.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } }), [
      { uri: OPEN, range: BYTES_HOST_IN_OPEN },
      { uri: ON_DISK, range: BYTES_HOST_ON_DISK },
    ]);
  });

  test('rename: a workspace edit over both documents, as changes and as documentChanges', async () => {
    assert.deepEqual(await client.sendRequest('textDocument/rename', { ...at, newName: 'mx9.example.net' }), bytesEdit);
    assert.deepEqual(seen.pop(), { line: 0, character: 4 });
  });

  test('executeCommand: the edit it applies through workspace/applyEdit and the edit it returns', async () => {
    assert.deepEqual(await client.sendRequest('workspace/executeCommand', { command: 'icewarp.test', arguments: [] }), bytesEdit);
    assert.deepEqual(applied, [{ label: 'Rename host', edit: bytesEdit }]);
  });
});
