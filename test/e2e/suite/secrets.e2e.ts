// No leaked secrets in a real VS Code: with icewarp.trace.server on verbose, a node whose line 5
// holds passwords is opened, hovered, outlined, completed, clustered, edited and every code action
// applied; the passwords appear in no trace or output line, no answer and no string the UI shows.
// (The editor showing the file itself is expected.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import type { ClusterTreeElement } from '../../../client/src/cluster/clusterTreeItems';
import { activatedApi, codeOf, fileIn, hasCodes, waitForDiagnostics, waitForEvent } from './helpers';
import { undoAndWait } from './clusterOpsHelpers';
import type { ClusterCommandResult } from '../../../client/src/cluster/clusterCommands';

const PASSWORD = 'Vault;S3cr3t"E2E\\x';
const SECOND_PASSWORD = 'Kappa-Hunter-42';
/** Raw, JSON-escaped, and the part after the password's own `;`. */
const LEAK_FORMS = [PASSWORD, JSON.stringify(PASSWORD).slice(1, -1), 'S3cr3t', SECOND_PASSWORD];

/** A Windows node of its own cluster (its hosts and shares are nobody else's); line 5 ends in a space. */
const NODE = [
  '\\\\vault01\\icewarp\\config\\',
  '',
  '',
  '31',
  `\\\\vault01\\icewarp;VAULT\\svc-mail;${PASSWORD} | \\\\vault02\\spam;svc;${SECOND_PASSWORD} `,
  '',
  '',
  'D:\\IceWarp\\queues\\_outgoing\\',
  'D:\\IceWarp\\queues\\_outgoing\\retry\\',
  '192.168.77.2|192.168.77.2',
  'vault2.example.org',
  'license.key',
  'D:\\IceWarp\\queues\\_incoming\\',
  '1',
  'vault1.example.org',
  'vault2.example.org;vault3.example.org',
].join('\r\n') + '\r\n';

function leaks(text: string): string[] {
  return LEAK_FORMS.filter((form) => text.includes(form));
}

function markdownText(content: vscode.MarkdownString | vscode.MarkedString | string | undefined): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return 'value' in content ? content.value : '';
}

/** Resolves on the next diagnostics change of `uri` (the server answering an edit). */
async function nextDiagnosticsChange(uri: vscode.Uri): Promise<void> {
  await waitForEvent(vscode.languages.onDidChangeDiagnostics, (event) => event.uris.some((changed) => changed.toString() === uri.toString()), {
    description: `a diagnostics update for ${uri.toString()}`,
  });
}

suite('No leaked secrets', () => {
  let api: IceWarpExtensionApi;
  const nodeUri = () => fileIn('standalone', 'vault', 'path.cfg');

  suiteSetup(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('icewarp').update('trace.server', 'verbose', vscode.ConfigurationTarget.Global);
    // The client switches its tracer on the configuration event; prove it is on before opening.
    for (let attempt = 0; attempt < 50 && !api.outputChannel.printed().includes("Sending request 'icewarp/cluster"); attempt++) {
      await api.client.sendRequest('icewarp/cluster', {});
    }
    assert.ok(api.outputChannel.printed().includes("Sending request 'icewarp/cluster"), 'the verbose trace is on');
    await vscode.workspace.fs.writeFile(nodeUri(), new TextEncoder().encode(NODE));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(nodeUri(), { useTrash: false });
    await vscode.workspace.getConfiguration('icewarp').update('trace.server', undefined, vscode.ConfigurationTarget.Global);
  });

  test('hover, outline, completion, cluster, tree, every code action and typing show no password anywhere', async () => {
    const uri = nodeUri();
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(uri, hasCodes('whitespace'), 'the trailing space of line 5');
    assert.ok(diagnostics.some((diagnostic) => codeOf(diagnostic) === 'whitespace' && diagnostic.range.start.line === 4));

    const shown: string[] = [];
    for (const diagnostic of diagnostics) {
      shown.push(diagnostic.message, ...(diagnostic.relatedInformation ?? []).map((related) => related.message));
    }
    const line5 = document.lineAt(4).text;
    for (let character = 0; character <= line5.length; character++) {
      const position = new vscode.Position(4, character);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      for (const hover of hovers) shown.push(...hover.contents.map(markdownText));
      if (character % 5 === 0) {
        const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
        for (const item of completions.items) {
          shown.push(typeof item.label === 'string' ? item.label : item.label.label, item.detail ?? '', markdownText(item.documentation));
        }
      }
    }
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const walk = (list: readonly vscode.DocumentSymbol[]): void => {
      for (const symbol of list) {
        shown.push(symbol.name, symbol.detail);
        walk(symbol.children);
      }
    };
    walk(symbols);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, document.lineCount, 0));
    for (const hint of hints) {
      shown.push(typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''), markdownText(hint.tooltip));
    }
    shown.push(JSON.stringify(await api.client.sendRequest('icewarp/cluster', {})));
    const treeRows = async (element?: ClusterTreeElement): Promise<void> => {
      for (const child of await api.clusterTree.getChildren(element)) {
        const item = api.clusterTree.getTreeItem(child);
        shown.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''), String(item.description ?? ''), markdownText(item.tooltip as vscode.MarkdownString | string | undefined));
        await treeRows(child);
      }
    };
    await treeRows();

    // Every code action, applied and reverted, the fix-all source action included.
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = [
      ...(await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole)),
      ...(await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, vscode.CodeActionKind.SourceFixAll.value)),
    ];
    assert.ok(actions.length > 0, 'code actions are offered');
    for (const action of actions) {
      shown.push(action.title);
      if (!action.edit) continue;
      for (const [, edits] of action.edit.entries()) shown.push(...edits.map((edit) => (edit.range.start.line === 4 ? `line 5 edit: ${edit.newText}` : '')));
      assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applies`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }

    // Typing into the first password: each keystroke is a didChange on line 5.
    const end = line5.indexOf(PASSWORD) + PASSWORD.length;
    for (const typed of ['!', '?']) {
      const republished = nextDiagnosticsChange(uri);
      assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(4, end), typed)), 'the keystroke is applied');
      await republished;
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');

    shown.push(...api.errorMessagesShown);
    const leaked = [...new Set(shown.filter((text) => leaks(text).length > 0))];
    assert.deepEqual(leaked, [], 'no password in any string the UI shows or any answer');
  });

  test('the verbose trace printed the document and the typing, redacted', () => {
    const printed = api.outputChannel.printed();
    assert.ok(printed.includes("Sending notification 'textDocument/didOpen'"), 'the trace shows the open');
    assert.ok(printed.includes("Sending notification 'textDocument/didChange'"), 'the trace shows the typing');
    assert.ok(printed.includes('VAULT\\\\svc-mail;***'), 'line 5 appears with its password masked');
    assert.ok(api.outputChannel.redactions > 0, 'the redactor had passwords to remove');
    assert.deepEqual(leaks(printed), [], 'no password in the trace or output');
  });

  test('navigation, rename and every cluster command (accepted, refused, undone) show no password anywhere', async () => {
    // The master of the vault node's cluster, with a password of its own: Add Node builds from it.
    const masterUri = fileIn('standalone', 'vault1', 'path.cfg');
    const master = NODE.replace('\r\n31\r\n', '\r\n30\r\n').replace(/192\.168\.77\.2/g, '192.168.77.1').replace('\r\nvault2.example.org\r\nlicense', '\r\nvault1.example.org\r\nlicense').replace('\r\n1\r\nvault1', '\r\n0\r\nvault1');
    await vscode.workspace.fs.writeFile(masterUri, new TextEncoder().encode(master));
    const uri = nodeUri();
    const originals = new Map([
      [uri.toString(), NODE],
      [masterUri.toString(), master],
    ]);
    const shown: string[] = [];
    const collect = (result: ClusterCommandResult) => {
      shown.push(result.message ?? '', ...(result.note ?? []), ...(result.files ?? []).flatMap((file) => [file.label, file.description]));
      for (const [, edits] of result.edit?.entries() ?? []) shown.push(...edits.map((edit) => edit.newText));
    };
    try {
      await waitForEvent(api.clusterTree.onDidRefresh, (model) => model.clusters.some((cluster) => cluster.nodes.some((node) => node.uri === masterUri.toString() && node.role === 'master')), {
        description: 'the vault master in the tree',
        current: () => api.clusterTree.current,
      });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      for (const [line, character] of [[10, 2], [14, 2], [15, 2], [15, 22], [4, 30]] as const) {
        const position = new vscode.Position(line, character);
        for (const command of ['vscode.executeDefinitionProvider', 'vscode.executeReferenceProvider', 'vscode.executeDocumentHighlights', 'vscode.executeHoverProvider']) {
          shown.push(JSON.stringify(await vscode.commands.executeCommand(command, uri, position)));
        }
        const rename = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, 'vault9.example.org')).then(
          (edit) => edit.entries().flatMap(([, edits]) => edits.map((edit) => edit.newText)),
          (error: unknown) => [error instanceof Error ? error.message : String(error)],
        );
        shown.push(...rename);
      }
      shown.push(JSON.stringify(await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'vault')));

      const commands = api.clusterCommands;
      collect(await commands.compareWithMaster(uri));
      collect(await commands.compareNodes(uri, { otherUri: masterUri.toString() }));
      collect(await commands.promoteToMaster(masterUri, { preview: false }));
      let applied = 0;
      for (const run of [
        () => commands.fixAllInCluster(uri, { preview: false }),
        () => commands.promoteToMaster(uri, { preview: false }),
        () => commands.removeNode(uri, { preview: false, deleteFile: false }),
        () => commands.addNode(masterUri, { preview: false, hostname: 'vault4.example.org', ip: '192.168.77.4' }),
      ]) {
        const result = await run();
        collect(result);
        if (result.outcome !== 'applied') continue;
        applied++;
        const created = result.files?.find((file) => file.kind === 'create');
        if (created) assert.ok(!leaks(await vscode.workspace.openTextDocument(vscode.Uri.parse(created.uri)).then((document) => document.getText())).length, 'the new node has no password');
        await undoAndWait(created ? vscode.Uri.parse(created.uri) : uri, originals);
      }
      assert.ok(applied >= 3, `promote, remove and add were applied (${applied})`);
      shown.push(...commands.messagesShown, ...api.errorMessagesShown);
      assert.ok(shown.some((text) => text.includes('vault4.example.org')), 'the strings of Add Node were seen');
      const leaked = [...new Set(shown.filter((text) => leaks(text).length > 0))];
      assert.deepEqual(leaked, [], 'no password in any string the UI shows, any label of the preview or any edit');
      assert.deepEqual(leaks(api.outputChannel.printed()), [], 'no password in the trace of these requests');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(fileIn('standalone', 'vault1'), { recursive: true, useTrash: false });
    }
  });
});
