// IceWarp: Pull Cluster from Servers… and Push Cluster to Servers… in code-server's Node extension
// host, against the sshd of npm run test:ssh (test/ssh/sshLab.ts): the user settings name its ssh
// config and remote path, ICEWARP_E2E_PULL_INTO the folder to pull into, inside the workspace's
// folder (a pull into a folder elsewhere opens or adds it, which reloads a single-folder window).
// The runner checks the servers' files afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterModel } from '../../../../common/protocol';
import type { IceWarpExtensionApi } from '../../../../client/src/extension';
import { activatedApi, waitForEvent } from '../../suite/helpers';

const HOSTS = ['mx1.example.net', 'mx2.example.net', 'mx3.example.net'];

suite('The live cluster over SSH', () => {
  let api: IceWarpExtensionApi;
  const pullInto = () => {
    const folder = process.env.ICEWARP_E2E_PULL_INTO;
    assert.ok(folder, 'the runner names the folder to pull into (ICEWARP_E2E_PULL_INTO)');
    return vscode.Uri.file(folder);
  };
  const nodeFile = (host: string) => vscode.Uri.joinPath(pullInto(), host, 'path.dat');
  const nodeRows = async () => {
    const rows: { label: string; description: string }[] = [];
    for (const cluster of await api.clusterTree.getChildren()) {
      for (const node of await api.clusterTree.getChildren(cluster)) {
        const item = api.clusterTree.getTreeItem(node);
        rows.push({ label: String(item.label), description: String(item.description ?? '') });
      }
    }
    return rows.sort((a, b) => (a.label < b.label ? -1 : 1));
  };

  suiteSetup(async () => {
    api = await activatedApi();
  });

  test('the ssh settings come from the user settings', () => {
    assert.match(vscode.workspace.getConfiguration('icewarp.ssh').get<string>('configFile') ?? '', /ssh_config$/);
    assert.equal(vscode.workspace.getConfiguration('icewarp.ssh').get<string>('remotePath'), 'opt/icewarp/path.dat');
  });

  test('Pull Cluster from Servers… pulls every node from one host name, and the view shows the cluster with each node pulled', async () => {
    assert.ok(vscode.workspace.getWorkspaceFolder(pullInto()), 'the runner pulls into a folder of the workspace');
    const result = await api.liveCluster.pull({ host: 'mx1.example.net', folder: pullInto() });
    assert.ok(result, 'the pull ran');
    assert.deepEqual(result.pulled.map((node) => node.host), HOSTS);
    assert.deepEqual(result.failed, []);
    assert.deepEqual(vscode.workspace.workspaceFolders?.length, 1, 'a folder of the workspace already is not opened again');
    const threeNodes = (model: ClusterModel) => model.clusters.some((cluster) => cluster.nodes.filter((node) => node.kind === 'file').length === 3);
    await waitForEvent(api.clusterTree.onDidRefresh, threeNodes, { description: 'the view to show the three pulled nodes', current: () => api.clusterTree.current, timeoutMs: 60_000 });
    await api.liveCluster.reloadStates();
    for (const host of HOSTS) assert.equal(api.liveCluster.syncStateOf(nodeFile(host).toString())?.text, 'pulled', host);
    const rows = await nodeRows();
    assert.deepEqual(rows.map((row) => row.label), HOSTS);
    for (const row of rows) assert.match(row.description, / · pulled$/, `${row.label}: ${row.description}`);
  });

  test('Compare Pulled Nodes with Their Servers: every node in sync', async () => {
    const lines = await api.liveCluster.compare();
    assert.deepEqual(lines, HOSTS.map((host) => `${host}: in sync`));
    for (const row of await nodeRows()) assert.match(row.description, / · in sync$/, row.label);
  });

  test('Push Cluster to Servers… shows the diff (passwords masked), asks, and writes the changed node only', async () => {
    const document = await vscode.workspace.openTextDocument(nodeFile('mx2.example.net'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(3, 0, 3, document.lineAt(3).text.length), '52');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    await api.liveCluster.reloadStates();
    assert.equal(api.liveCluster.syncStateOf(document.uri.toString())?.text, 'changed locally');

    let question = '';
    const result = await api.liveCluster.push({
      folder: pullInto(),
      confirm: async (message) => {
        question = message;
        return true;
      },
    });
    assert.match(question, /^Write 1 node to its server \(mx2\.example\.net\)\?/);
    const diff = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.scheme === 'icewarp-push')?.document.getText() ?? '';
    assert.match(diff, /^-42\r?$/m);
    assert.match(diff, /^\+52\r?$/m);
    assert.doesNotMatch(diff, /S3cret/);
    assert.ok(result?.ok, JSON.stringify(result));
    assert.deepEqual(result.written, ['mx2.example.net']);
    const lines = await api.liveCluster.compare();
    assert.deepEqual(lines, HOSTS.map((host) => `${host}: in sync`));
  });
});
