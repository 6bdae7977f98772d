// Working on the whole cluster in a real VS Code: F12 from line 15, rename across nodes through
// VS Code's rename provider, Promote to Master and Add Node applied end to end (zero cluster
// diagnostics after, and one undo restores every file), Compare with Master, and a refusal.
// A clean cluster of three of its own (ops1 master, ops2 and ops3 slaves, CRLF) is written into
// the second workspace folder and removed at the end, so the demo stays as the other suites expect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import type { ClusterModel as ClusterResponse } from '../../../common/protocol';
import { activatedApi, codesOf, fileIn, testIn, waitForEvent } from './helpers';
import { undoAndWait } from './clusterOpsHelpers';

const CLUSTER_CODES = ['cluster-multiple-masters', 'cluster-membership-mismatch', 'server-id-duplicate', 'role-mismatch', 'master-in-slave-list', 'slave-without-master', 'duplicate-identity'];

function opsNode(k: number): string {
  return [
    '\\\\opsfs\\icewarp\\config\\',
    '',
    '',
    `2${k}`,
    '',
    '',
    '',
    'C:\\IceWarp\\queues\\_outgoing\\',
    'C:\\IceWarp\\queues\\_outgoing\\retry\\',
    `192.168.88.${k}|192.168.88.${k}`,
    `ops${k}.example.test`,
    'license.key',
    'C:\\IceWarp\\queues\\_incoming\\',
    k === 1 ? '0' : '1',
    'ops1.example.test',
    'ops2.example.test;ops3.example.test',
  ].join('\r\n') + '\r\n';
}

const opsUri = (k: number) => fileIn('standalone', 'ops', `ops${k}`, 'path.dat');

function opsCluster(model: ClusterResponse) {
  return model.clusters.find((cluster) => cluster.nodes.some((node) => node.uri === opsUri(1).toString()));
}

/** The tree (the server's model) once `predicate` holds for the ops cluster. */
function waitForOps(api: IceWarpExtensionApi, predicate: (cluster: ReturnType<typeof opsCluster>) => boolean, description: string): Promise<ClusterResponse> {
  return waitForEvent(api.clusterTree.onDidRefresh, (model) => predicate(opsCluster(model)), {
    description: `the ops cluster ${description}`,
    current: () => api.clusterTree.current,
    seen: () => JSON.stringify(opsCluster(api.clusterTree.current)?.nodes.map((node) => `${node.label} ${node.role} ${node.kind}`)),
  });
}

const roles = (cluster: ReturnType<typeof opsCluster>) => (cluster?.nodes ?? []).filter((node) => node.kind === 'file').map((node) => `${node.label}=${node.role}`).sort().join(' ');

/**
 * Starts watching diagnostics before a change; `clean()` resolves once every file was republished
 * since then and none has a cluster diagnostic (the state before the change does not count).
 */
function watchClusterFindings(uris: readonly vscode.Uri[], description: string): { clean(): Promise<void> } {
  const republished = new Set<string>();
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) republished.add(uri.toString());
  });
  const done = () => uris.every((uri) => republished.has(uri.toString()) && !codesOf(uri).some((code) => CLUSTER_CODES.includes(code)));
  return {
    clean: () =>
      waitForEvent(vscode.languages.onDidChangeDiagnostics, done, {
        description: `every file republished without cluster diagnostics ${description}`,
        current: () => ({ uris: [] }),
        seen: () => uris.map((uri) => `${vscode.workspace.asRelativePath(uri)}${republished.has(uri.toString()) ? '' : ' (not republished)'}: [${codesOf(uri).join(', ')}]`).join('; '),
      }).then(
        () => subscription.dispose(),
        (error: unknown) => {
          subscription.dispose();
          throw error;
        },
      ),
  };
}

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

suite('Working on the whole cluster', () => {
  let api: IceWarpExtensionApi;
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    api = await activatedApi();
    for (const k of [1, 2, 3]) {
      await vscode.workspace.fs.writeFile(opsUri(k), new TextEncoder().encode(opsNode(k)));
      originals.set(opsUri(k).toString(), opsNode(k));
    }
    // Opened, so the server has them at once (a watcher may miss files in a folder just made).
    for (const k of [1, 2, 3]) await vscode.workspace.openTextDocument(opsUri(k));
    await waitForOps(api, (cluster) => roles(cluster) === 'ops1.example.test=master ops2.example.test=slave ops3.example.test=slave', 'indexed');
  });

  teardown(async () => {
    // Back to the files as written (an assertion may have failed half way).
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    // VS Code keeps the documents a while after their editors close; they name hosts of their own.
    await vscode.workspace.fs.delete(fileIn('standalone', 'ops'), { recursive: true, useTrash: false });
  });

  test('F12 on the master host of line 15 opens the master\'s file at its hostname', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(opsUri(3)));
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', opsUri(3), new vscode.Position(14, 3));
    assert.deepEqual(
      locations.map((location) => ('uri' in location ? `${location.uri.toString()}#${location.range.start.line}` : `${location.targetUri.toString()}#${location.targetRange.start.line}`)),
      [`${opsUri(1).toString()}#10`],
    );
    editor.selection = new vscode.Selection(14, 3, 14, 3);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitForEvent(vscode.window.onDidChangeActiveTextEditor, (active) => active?.document.uri.toString() === opsUri(1).toString(), {
      description: 'the master opened by F12',
      current: () => vscode.window.activeTextEditor,
    });
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 10);
  });

  test('rename through VS Code\'s rename provider changes the host on every node', async () => {
    // Opened first: VS Code 1.100 passes the new name wrongly to the provider of a file it has not loaded.
    await vscode.workspace.openTextDocument(opsUri(1));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', opsUri(1), new vscode.Position(15, 1), 'ops2b.example.test');
    assert.deepEqual(edit.entries().map(([uri]) => uri.toString()).sort(), [1, 2, 3].map((k) => opsUri(k).toString()).sort());
    const findings = watchClusterFindings([1, 2, 3].map(opsUri), 'after the rename');
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const k of [1, 2, 3]) assert.equal((await vscode.workspace.openTextDocument(opsUri(k))).lineAt(15).text, 'ops2b.example.test;ops3.example.test');
    assert.equal((await vscode.workspace.openTextDocument(opsUri(2))).lineAt(10).text, 'ops2b.example.test');
    await findings.clean();
    await undoAndWait(opsUri(1), originals);
  });

  test('Promote to Master applied end to end: zero cluster diagnostics, then one undo restores every file', async () => {
    const findings = watchClusterFindings([1, 2, 3].map(opsUri), 'after Promote to Master');
    const result = await api.clusterCommands.promoteToMaster(opsUri(2), { preview: false });
    assert.equal(result.outcome, 'applied', result.message);
    assert.deepEqual(result.files?.map((file) => file.label), ['ops1.example.test (ops1/path.dat)', 'ops2.example.test (ops2/path.dat)', 'ops3.example.test (ops3/path.dat)']);
    assert.equal((await vscode.workspace.openTextDocument(opsUri(3))).lineAt(15).text, 'ops3.example.test;ops1.example.test');
    assert.ok((await textOf(opsUri(1))).split('\r\n').length === 17, 'CRLF kept, no line added');
    await waitForOps(api, (cluster) => roles(cluster) === 'ops1.example.test=slave ops2.example.test=master ops3.example.test=slave', 'with ops2 as its master');
    await findings.clean();

    await undoAndWait(opsUri(2), originals);
    await waitForOps(api, (cluster) => roles(cluster).startsWith('ops1.example.test=master'), 'with ops1 as its master again');
  });

  test('Add Node applied end to end: a new path.dat next to the others, zero cluster diagnostics, then one undo removes it and restores the lists', async () => {
    const findings = watchClusterFindings([1, 2, 3, 4].map(opsUri), 'after Add Node');
    const result = await api.clusterCommands.addNode(opsUri(1), { preview: false, hostname: 'ops4.example.test', ip: '192.168.88.4' });
    assert.equal(result.outcome, 'applied', result.message);
    const created = opsUri(4);
    assert.equal(result.files?.[0].uri, created.toString());
    const text = await textOf(created);
    assert.ok(!/(?<!\r)\n/.test(text), 'CRLF like the other nodes');
    assert.equal(text.split('\r\n')[3], '24', 'the next free Server ID, one past 21, 22, 23');
    assert.equal(text.split('\r\n')[15], 'ops2.example.test;ops3.example.test;ops4.example.test');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString(), 'the new node is opened');
    await waitForOps(api, (cluster) => roles(cluster).includes('ops4.example.test=slave'), 'with ops4');
    await findings.clean();

    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fileIn('standalone', 'ops'), 'ops4/path.dat'));
    try {
      const deleted = waitForEvent(watcher.onDidDelete, (uri) => uri.toString() === created.toString(), { description: 'the new file deleted by undo' });
      await undoAndWait(created, originals);
      await deleted;
    } finally {
      watcher.dispose();
    }
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(created)), 'the new file is gone after undo');
    await waitForOps(api, (cluster) => !roles(cluster).includes('ops4'), 'without ops4');
  });

  const chmodWhy = 'the test makes a file read-only through node:fs; in the browser only a file system or file VS Code reports read-only is refused up front';
  testIn('node', chmodWhy, 'a read-only node file refuses Promote to Master before anything changes', async () => {
    // Loaded here, not at the top: the browser build of this suite must load without Node.
    const fs = await import('node:fs/promises');
    const readOnly = opsUri(3).fsPath;
    await fs.chmod(readOnly, 0o444);
    try {
      const result = await api.clusterCommands.promoteToMaster(opsUri(2), { preview: false });
      assert.equal(result.outcome, 'refused');
      assert.equal(result.message, 'ops3.example.test (ops3/path.dat) cannot be written (read-only); nothing was changed.');
      for (const k of [1, 2, 3]) assert.equal(await textOf(opsUri(k)), opsNode(k), `ops${k} unchanged`);
    } finally {
      await fs.chmod(readOnly, 0o644);
    }
  });

  test('Compare with Master opens the diff of the two files and tells what may differ; a refused command says why', async () => {
    const result = await api.clusterCommands.compareWithMaster(opsUri(3));
    assert.equal(result.outcome, 'opened');
    assert.match(result.message ?? '', /Differ per node, as they must \(not a problem\): Server ID \(line 4\), IP binding \(line 10\), Hostname \(line 11\) and Slave flag \(line 14\)/);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputTextDiff, 'a diff editor');
    assert.deepEqual([input.original.toString(), input.modified.toString()], [opsUri(1).toString(), opsUri(3).toString()]);

    const refused = await api.clusterCommands.promoteToMaster(opsUri(1), { preview: false });
    assert.equal(refused.outcome, 'refused');
    assert.match(refused.message ?? '', /ops1\.example\.test \(ops1\/path\.dat\) is already the master/);
    assert.ok(api.clusterCommands.messagesShown.includes(refused.message ?? ''), 'the user was told');
  });
});
