// The proof that everything the server says to a user goes through the catalogue: under the
// pseudo-locale (test/unit/pseudoLocale.ts), whose bundle wraps each message in ⟦ ⟧, every hover
// on every line, every completion, every code action, inlay hint and outline entry, the cluster
// view's model, every cluster operation's preview, summary, check and refusal, the classifier's
// reasons and the walk-limit notification hold no word outside the brackets other than the
// files' values, node names and codes. A message built outside `t` shows up here as English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, InlayHint, MarkupContent, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import {
  ADD_NODE_REQUEST,
  CHECK_NEW_NODE_REQUEST,
  COMPARE_NODES_REQUEST,
  FIX_ALL_IN_CLUSTER_REQUEST,
  PROMOTE_TO_MASTER_REQUEST,
  REMOVE_NODE_REQUEST,
  type ClusterEditAnswer,
  type CompareNodesAnswer,
  type NewNodeCheckAnswer,
} from '../../common/clusterRequests';
import { CLUSTER_REQUEST, FILE_KIND_NOTIFICATION, type ClusterModel, type FileKindParams } from '../../common/protocol';
import { DIAGNOSTIC_CODES, FIELDS, PASSWORD_MASK, addMessageBundle, setMessageLocale } from '../../server/src/service';
import type { FileAccess } from '../../server/src/host/files';
import { TestClient, fileUri } from '../../testing/lspClient';
import { LONER_TEXT, linuxNode, windowsNode } from '../unit/clusterFixtures';
import { nodeText } from '../unit/helpers';
import { PSEUDO_LOCALE, type SeenText, assertAllThroughCatalogue, pseudoBundle, valuePieces } from '../unit/pseudoLocale';

/** A workspace that reaches most of what the server can say: clusters on both platforms, broken values, a collision. */
const FILES: Record<string, string> = {
  'win/mx1/path.dat': windowsNode(1, 3, { 6: 'C:\\Program Files\\IceWarp\\spam\\', 7: '\\\\fs01\\icewarp\\calendar\\', 17: 'https://mx1.example.net/teamchatapi/' }),
  'win/mx2/path.dat': windowsNode(2, 3, { 2: 'D:\\web\\', 13: '\\\\fs01\\icewarp\\temp\\' }),
  // Odd values on purpose: a third `|` part, a malformed logon entry, line 3, a relative path, a line after 17.
  'win/mx3/path.dat': windowsNode(3, 3, {
    3: 'x',
    5: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;Kappa3|garbage',
    10: '192.168.10.13|192.168.10.13|10.0.0.9',
    12: 'keys\\license.key',
    17: 'https://mx3.example.net/teamchatapi/',
    18: 'example line',
  }),
  'linux/node1/path.cfg': linuxNode(1, 3),
  'linux/node2/path.cfg': linuxNode(2, 3, { 8: '/mnt/cluster/queues/_outgoing/' }),
  'linux/node3/path.cfg': linuxNode(3, 3, { 8: '/mnt/cluster/queues/_outgoing/', 14: '' }),
  'broken/solo/path.dat': nodeText({ 1: 'config\\', 4: '103', 10: '300.1.1.1;10.0.0.1 10.0.0.2', 11: 'solo.example.org', 14: 'yes', 15: 'a.example.org;b.example.org', 16: 'c.example.org, d.example.org', 17: 'ftp:/x' }),
  'alone/path.dat': LONER_TEXT,
  // Another program's file of the same name: its verdict's reasons reach the language status item.
  'relay/path.cfg': ['[DEFAULT]', 'timeout=30', 'retries=3', '[relay]', 'port=2525', 'user=relay', 'queue=/var/spool/relay', 'log=/var/log/relay.log'].join('\n'),
};

describe('under the pseudo-locale, everything the server says goes through the catalogue', () => {
  let root: string;
  let client: TestClient;
  const uri = (name: string) => fileUri(path.join(root, name));
  const verdicts: FileKindParams[] = [];
  /** Every value a message may quote: the files' lines and their pieces, node names, codes, the mask. */
  let values: string[] = [];

  before(async () => {
    addMessageBundle(PSEUDO_LOCALE, pseudoBundle());
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-pseudo-'));
    for (const [name, text] of Object.entries(FILES)) {
      await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await fs.writeFile(path.join(root, name), text);
    }
    const lines = Object.values(FILES).flatMap((text) => text.split(/\r?\n/));
    const labels = Object.keys(FILES).map((name) => name.split('/').slice(-2).join('/'));
    values = [
      ...valuePieces(lines),
      ...labels,
      ...Object.keys(FILES).map((name) => uri(name)),
      ...Object.keys(FILES).map((name) => path.join(root, name)),
      ...Object.keys(DIAGNOSTIC_CODES),
      PASSWORD_MASK,
      // What the operations put into the files and messages quote: the new node's name and folder, the default file name.
      'mx4.example.net',
      'mx4',
      'path.dat',
      'path.cfg',
      // Platform names and IceWarp's default folders, which messages quote as values.
      'Windows',
      'Linux',
      // A retry queue offered under the outgoing queue.
      'retry',
      ...FIELDS.flatMap((field) => (field.defaults ? [field.defaults.windows, field.defaults.posix] : [])),
    ];
    client = await TestClient.start({ folders: [root], locale: PSEUDO_LOCALE, initializationOptions: { explainBaseUri: 'https://example.org/codes/' } });
    client.connection.onNotification(FILE_KIND_NOTIFICATION, (params: FileKindParams) => verdicts.push(params));
    for (const [name, text] of Object.entries(FILES)) await client.open(uri(name), text);
    await client.waitFor(() => Object.keys(FILES).filter((name) => name !== 'relay/path.cfg').every((name) => client.published.has(uri(name))), 'diagnostics of every node');
  });

  after(async () => {
    await client.stop();
    setMessageLocale(undefined);
    await fs.rm(root, { recursive: true, force: true });
  });

  const nodeNames = Object.keys(FILES).filter((name) => name !== 'relay/path.cfg');

  test('diagnostics and their related information', () => {
    const seen: SeenText[] = nodeNames.flatMap((name) =>
      (client.latestDiagnostics(uri(name)) ?? []).flatMap((diagnostic) => [
        { where: `${name} ${diagnostic.code}`, text: diagnostic.message },
        ...(diagnostic.relatedInformation ?? []).map((related) => ({ where: `${name} ${diagnostic.code} related`, text: related.message })),
      ]),
    );
    assertAllThroughCatalogue(seen, values);
  });

  test('the hover of every line, the lines after 17 included', async () => {
    const seen: SeenText[] = [];
    for (const name of nodeNames) {
      const lineCount = FILES[name].split(/\r?\n/).length;
      for (let line = 0; line < lineCount; line++) {
        const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(name) }, position: { line, character: 0 } })) as Hover | null;
        if (hover) seen.push({ where: `hover ${name} line ${line + 1}`, text: (hover.contents as MarkupContent).value });
      }
    }
    assert.ok(seen.length > 100, `${seen.length} hovers`);
    assertAllThroughCatalogue(seen, values);
  });

  test('completion on every line, and the whole-file snippets of an empty file', async () => {
    const seen: SeenText[] = [];
    const complete = async (where: string, target: string, line: number, character: number) => {
      const answer = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: target }, position: { line, character } })) as CompletionList | CompletionItem[] | null;
      const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
      for (const item of items) {
        seen.push({ where: `${where} label`, text: item.label }, { where: `${where} detail`, text: item.detail ?? '' });
        const documentation = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
        seen.push({ where: `${where} documentation`, text: documentation });
      }
    };
    for (const name of nodeNames) {
      const lines = FILES[name].split(/\r?\n/);
      for (let line = 0; line < Math.min(lines.length, 17); line++) await complete(`completion ${name} line ${line + 1}`, uri(name), line, lines[line].length);
    }
    const empty = 'untitled:empty/path.dat';
    await client.open(empty, '');
    await complete('completion of an empty file', empty, 0, 0);
    assert.ok(seen.some((each) => each.where.startsWith('completion of an empty file') && each.text.includes('⟦')), 'the whole-file snippets are offered');
    assertAllThroughCatalogue(seen, values);
  });

  test('every quick fix, every explanation and fix-all', async () => {
    const seen: SeenText[] = [];
    for (const name of nodeNames) {
      const diagnostics: Diagnostic[] = client.latestDiagnostics(uri(name)) ?? [];
      for (const diagnostic of diagnostics) {
        const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(name) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
        for (const action of actions) seen.push({ where: `code action ${name} ${String(diagnostic.code)}`, text: action.title });
      }
      const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: uri(name) },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      for (const action of fixAll) seen.push({ where: `fix-all ${name}`, text: action.title });
    }
    assert.ok(seen.some((each) => each.where.startsWith('fix-all')), 'fix-all is offered');
    assertAllThroughCatalogue(seen, values);
  });

  test('inlay hints, the outline and workspace symbols', async () => {
    const seen: SeenText[] = [];
    for (const name of nodeNames) {
      const lineCount = FILES[name].split(/\r?\n/).length;
      const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
        textDocument: { uri: uri(name) },
        range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } },
      })) as InlayHint[];
      for (const hint of hints) {
        seen.push({ where: `hint ${name}`, text: typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('') });
        if (hint.tooltip) seen.push({ where: `hint tooltip ${name}`, text: typeof hint.tooltip === 'string' ? hint.tooltip : hint.tooltip.value });
      }
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(name) } })) as DocumentSymbol[];
      const visit = (symbol: DocumentSymbol) => {
        seen.push({ where: `symbol ${name}`, text: `${symbol.name} ${symbol.detail ?? ''}` });
        symbol.children?.forEach(visit);
      };
      symbols.forEach(visit);
    }
    const found = (await client.connection.sendRequest('workspace/symbol', { query: '' })) as SymbolInformation[];
    for (const symbol of found) seen.push({ where: 'workspace symbol', text: symbol.name });
    assertAllThroughCatalogue(seen, values);
  });

  test("the cluster view's model", async () => {
    const model = (await client.connection.sendRequest(CLUSTER_REQUEST)) as ClusterModel;
    const seen: SeenText[] = [];
    for (const cluster of model.clusters) {
      seen.push({ where: 'cluster label', text: cluster.label });
      for (const node of cluster.nodes) {
        seen.push({ where: `node ${node.label}`, text: node.label });
        for (const detail of [node.serverId, node.hostname, node.ipBinding, ...(node.sharedFolders ?? []), ...(node.workingFolders ?? [])]) {
          if (detail) seen.push({ where: `node ${node.label} ${detail.field}`, text: detail.title });
        }
      }
    }
    assertAllThroughCatalogue(seen, values);
  });

  test("every cluster operation's preview, summary, checks and refusals", async () => {
    const seen: SeenText[] = [];
    const seeEdit = (where: string, answer: ClusterEditAnswer) => {
      if (!answer.ok) {
        seen.push({ where: `${where} refusal`, text: answer.reason });
        return;
      }
      seen.push({ where: `${where} title`, text: answer.title }, { where: `${where} summary`, text: answer.summary });
      for (const file of answer.files) seen.push({ where: `${where} file label`, text: file.label }, { where: `${where} file description`, text: file.description });
      const edit = answer.edit as WorkspaceEdit;
      for (const annotation of Object.values(edit.changeAnnotations ?? {})) seen.push({ where: `${where} annotation`, text: `${annotation.label} ${annotation.description ?? ''}` });
    };
    const ask = <R>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<R>;
    for (const name of ['win/mx2/path.dat', 'win/mx1/path.dat', 'linux/node3/path.cfg', 'alone/path.dat', 'broken/solo/path.dat']) {
      seeEdit(`promote ${name}`, await ask<ClusterEditAnswer>(PROMOTE_TO_MASTER_REQUEST.method, { uri: uri(name) }));
      seeEdit(`remove (keep) ${name}`, await ask<ClusterEditAnswer>(REMOVE_NODE_REQUEST.method, { uri: uri(name), deleteFile: false }));
      seeEdit(`remove (delete) ${name}`, await ask<ClusterEditAnswer>(REMOVE_NODE_REQUEST.method, { uri: uri(name), deleteFile: true }));
      seeEdit(`fix all in cluster ${name}`, await ask<ClusterEditAnswer>(FIX_ALL_IN_CLUSTER_REQUEST.method, { uri: uri(name) }));
      const compared = await ask<CompareNodesAnswer>(COMPARE_NODES_REQUEST.method, { uri: uri(name) });
      if (compared.ok) seen.push({ where: `compare ${name} title`, text: compared.title }, ...compared.note.map((text) => ({ where: `compare ${name} note`, text })));
      else seen.push({ where: `compare ${name} refusal`, text: compared.reason });
    }
    const two = await ask<CompareNodesAnswer>(COMPARE_NODES_REQUEST.method, { uri: uri('win/mx2/path.dat'), otherUri: uri('linux/node2/path.cfg') });
    if (two.ok) seen.push(...two.note.map((text) => ({ where: 'compare two nodes', text })));
    const same = await ask<CompareNodesAnswer>(COMPARE_NODES_REQUEST.method, { uri: uri('win/mx2/path.dat'), otherUri: uri('win/mx2/path.dat') });
    if (!same.ok) seen.push({ where: 'compare a node with itself', text: same.reason });
    // Add Node: its checks as the user types, each answer wrong once, then the change itself.
    const mx1 = uri('win/mx1/path.dat');
    for (const answers of [{}, { hostname: 'bad host!' }, { hostname: 'mx2.example.net' }, { hostname: 'mx1.example.net' }, { hostname: 'mx4.example.net', ip: '999.1.1.1' }, { hostname: 'mx4.example.net', ip: '192.168.10.12' }, { hostname: 'mx4.example.net', fileUri: uri('win/mx2/path.dat') }, { hostname: 'mx4.example.net', fileUri: uri('win/mx4/notes.txt') }]) {
      const check = await ask<NewNodeCheckAnswer>(CHECK_NEW_NODE_REQUEST.method, { uri: mx1, ...answers });
      if (check.ok) seen.push(...Object.entries(check.problems).map(([field, text]) => ({ where: `add node check ${field} ${JSON.stringify(answers)}`, text: text ?? '' })));
      else seen.push({ where: 'add node check refusal', text: check.reason });
    }
    seeEdit('add node', await ask<ClusterEditAnswer>(ADD_NODE_REQUEST.method, { uri: mx1, hostname: 'mx4.example.net', ip: '192.168.10.14' }));
    seeEdit('add node without a node', await ask<ClusterEditAnswer>(ADD_NODE_REQUEST.method, {}));
    // Rename: a refusal on a line that holds no host, one onto another node's hostname, and a rename.
    const prepare = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: mx1 }, position: { line: 3, character: 0 } }).catch((error: Error) => error)) as Error;
    seen.push({ where: 'prepare rename on line 4', text: prepare.message });
    const onto = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: mx1 }, position: { line: 10, character: 1 }, newName: 'mx2.example.net' }).catch((error: Error) => error)) as Error;
    seen.push({ where: 'rename onto another hostname', text: onto.message });
    assert.ok(seen.filter((each) => each.text.includes('⟦')).length > 40, 'the operations said something');
    assertAllThroughCatalogue(seen, values);
  });

  test("the classifier's reasons, sent for the language status item", async () => {
    await client.waitFor(() => verdicts.some((verdict) => verdict.kind === 'foreign'), 'the verdict on relay/path.cfg');
    assertAllThroughCatalogue(
      verdicts.flatMap((verdict) => verdict.reasons.map((text) => ({ where: `verdict ${verdict.uri}`, text }))),
      values,
    );
  });
});

test('under the pseudo-locale, the walk-limit notification goes through the catalogue (the log stays English)', async () => {
  addMessageBundle(PSEUDO_LOCALE, pseudoBundle());
  // The browser host lists files through the client: this client says the listing stopped at its limit.
  const clientFiles: FileAccess = {
    findNodeFiles: async () => ({ uris: [], truncated: { limit: 10000, unit: 'files' } }),
    readNodeFile: async () => ({ kind: 'missing' }),
    stat: async () => undefined,
  };
  const client = await TestClient.start({ host: 'browser', clientFiles, folderUris: ['memfs:/big'], locale: PSEUDO_LOCALE });
  try {
    await client.waitFor(() => client.shownMessages.length > 0, 'the walk-limit notification');
    assertAllThroughCatalogue(client.shownMessages.map((shown) => ({ where: 'window/showMessage', text: shown.message })), ['path.cfg', 'path.dat', '10,000', '10000']);
    assert.ok(client.logMessages.some((message) => message.startsWith('Stopped looking for path.cfg and path.dat after 10,000 files')), client.logMessages.join('\n'));
  } finally {
    await client.stop();
    setMessageLocale(undefined);
  }
});
