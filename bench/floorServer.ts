// The floor of the keystroke figures (k): a bare vscode-languageserver server that, on each
// change, publishes one diagnostic when line 4 holds a `!` and none otherwise. Whatever our
// server takes beyond this is ours; the rest is the protocol, the pipe and Node.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
connection.onRequest('icewarp/serverStatus', () => ({ changeToPublishMs: [], publishCount: 0, rssBytes: 0, heapUsedBytes: 0, pid: process.pid }));

documents.onDidChangeContent(({ document }) => {
  const line = document.getText({ start: { line: 3, character: 0 }, end: { line: 3, character: 1000 } });
  const diagnostics = line.includes('!') ? [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: line.length } }, message: 'bad', source: 'floor' }] : [];
  void connection.sendDiagnostics({ uri: document.uri, diagnostics });
});

documents.listen(connection);
connection.listen();
