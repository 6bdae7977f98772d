// A node's folder deleted in the Explorer (here through vscode.workspace.fs, as the Explorer
// deletes): VS Code reports one watched-file event for the folder and none for the file in it,
// and the cluster view must still forget the node.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterTreeProvider } from '../../../client/src/cluster/clusterTree';
import type { ClusterModel as ClusterResponse } from '../../../common/protocol';
import { activatedApi, fileIn, waitForEvent } from './helpers';

function waitForTree(tree: ClusterTreeProvider, predicate: (model: ClusterResponse) => boolean, description: string): Promise<ClusterResponse> {
  return waitForEvent(tree.onDidRefresh, predicate, {
    description: `the cluster tree to show ${description}`,
    current: () => tree.current,
    seen: () => `it shows ${JSON.stringify(tree.current.clusters.map((cluster) => cluster.nodes.map((node) => `${node.label} (${node.kind})`)))}`,
  });
}

/** Whether the tree shows a node file at `uri`. */
const showsFile = (model: ClusterResponse, uri: vscode.Uri): boolean =>
  model.clusters.some((cluster) => cluster.nodes.some((node) => node.kind === 'file' && node.uri === uri.toString()));

suite('A deleted node folder', () => {
  test('leaves the cluster view when its folder is deleted', async () => {
    const api = await activatedApi();
    const folder = fileIn('cluster', 'mx3');
    const file = fileIn('cluster', 'mx3', 'path.dat');
    await waitForTree(api.clusterTree, (model) => showsFile(model, file), 'mx3 as a node');
    const saved = await vscode.workspace.fs.readFile(file);
    try {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await waitForTree(api.clusterTree, (model) => !showsFile(model, file), 'no node file for mx3');
      const model = api.clusterTree.current;
      assert.ok(!showsFile(model, file));
    } finally {
      // The other specs see the demo cluster as it was.
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(file, saved);
      await waitForTree(api.clusterTree, (model) => showsFile(model, file), 'mx3 back as a node');
    }
  });
});
