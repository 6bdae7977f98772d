// The "IceWarp Cluster" view and "IceWarp: Open Settings File" in a real VS Code, on the demo
// cluster (mx1 master, mx2 and mx3 slaves) plus the standalone node of the second folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import type { ClusterTreeProvider } from '../../../client/src/cluster/clusterTree';
import type { ClusterTreeElement } from '../../../client/src/cluster/clusterTreeItems';
import type { ClusterModel as ClusterResponse } from '../../../common/protocol';
import { activatedApi, fileIn, lacksCodes, replaceLine, testIn, waitForDiagnostics, waitForEvent, workspaceFolder } from './helpers';

/** Resolves once the tree's model satisfies `predicate` (checked now and after every refresh). */
function waitForTree(tree: ClusterTreeProvider, predicate: (model: ClusterResponse) => boolean, description: string): Promise<ClusterResponse> {
  return waitForEvent(tree.onDidRefresh, predicate, {
    description: `the cluster tree to show ${description}`,
    current: () => tree.current,
    seen: () => `it shows ${JSON.stringify(summary(tree.current))}`,
  });
}

function summary(model: ClusterResponse): string[] {
  return model.clusters.map((cluster) => `${cluster.label}: ${cluster.nodes.map((node) => `${node.label} (${node.role}${node.kind === 'missing' ? ', missing' : ''})`).join(', ')}`);
}

/** The tree as a user sees it: labels and descriptions from the provider's own TreeItems. */
async function visibleTree(tree: ClusterTreeProvider, element?: ClusterTreeElement, depth = 0): Promise<{ element: ClusterTreeElement; item: vscode.TreeItem; depth: number }[]> {
  const rows = [];
  for (const child of await tree.getChildren(element)) {
    rows.push({ element: child, item: tree.getTreeItem(child), depth });
    rows.push(...(await visibleTree(tree, child, depth + 1)));
  }
  return rows;
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const iconOf = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '');

suite('Cluster view and Open Settings File', () => {
  let api: IceWarpExtensionApi;
  const mx1 = () => fileIn('cluster', 'mx1', 'path.dat');
  const mx2 = () => fileIn('cluster', 'mx2', 'path.dat');
  const mx3 = () => fileIn('cluster', 'mx3', 'path.dat');

  suiteSetup(async () => {
    api = await activatedApi();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the tree shows the demo cluster: master first, then the slaves, each with its details, and the standalone node apart', async () => {
    // mx3's mistakes are published before its badge can show: wait for the counts too.
    await waitForTree(
      api.clusterTree,
      (model) => model.clusters.some((cluster) => cluster.nodes.some((node) => node.label === 'mx3.example.net' && node.problems.error > 0)),
      "the demo cluster with mx3's problems",
    );
    const roots = await api.clusterTree.getChildren();
    assert.deepEqual(roots.map((root) => labelOf(api.clusterTree.getTreeItem(root))).sort(), ['mail.example.org', 'mx1.example.net']);

    const demo = roots.find((root) => labelOf(api.clusterTree.getTreeItem(root)) === 'mx1.example.net');
    assert.ok(demo);
    const nodes = await api.clusterTree.getChildren(demo);
    const nodeRows = nodes.map((node) => api.clusterTree.getTreeItem(node));
    assert.deepEqual(
      nodeRows.map((item) => `${labelOf(item)} [${iconOf(item)}]`),
      ['mx1.example.net [star-full]', 'mx2.example.net [server]', 'mx3.example.net [server]'],
      'master first with its own icon, no host missing',
    );
    assert.match(String(nodeRows[0].description), /^master · ID 11/);
    assert.match(String(nodeRows[2].description), /^slave · ID 103 · \d+ errors?/, 'mx3 shows its problems');
    assert.doesNotMatch(String(nodeRows[0].description), /error/, 'the clean master has no error badge');

    // A click on a node opens its file.
    assert.equal(nodeRows[1].command?.command, 'vscode.open');
    assert.equal(String(nodeRows[1].command?.arguments?.[0]), mx2().toString());

    // The details of mx3: every line that matters, with where it lives; no password anywhere.
    const details = await visibleTree(api.clusterTree, nodes[2]);
    const text = details.map(({ item }) => `${labelOf(item)}: ${item.description}`);
    assert.deepEqual(text, [
      'Role: slave',
      'Server ID: 103',
      'Hostname: mx3.example.net',
      'IP binding: 192.168.10.12 (outgoing 192.168.10.12)',
      'Config path: //fs01/icewarp/config/ · shared',
      'Outgoing queue: D:\\IceWarp\\queues\\_outgoing\\ · local',
      'Outgoing retry queue: D:\\IceWarp\\queues\\_outgoing\\retry\\ · local',
      'Incoming queue: \\\\fs01\\icewarp\\queues\\_incoming\\ · shared',
    ]);
    const everything = (await visibleTree(api.clusterTree)).map(({ item }) => `${labelOf(item)} ${item.description ?? ''} ${typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '')}`).join('\n');
    assert.ok(!everything.includes('Demo-Secret'), 'no password of line 5 in the tree');

    // A click on a detail opens the file at its line.
    const incoming = details.find(({ item }) => labelOf(item) === 'Incoming queue');
    assert.ok(incoming?.item.command);
    await vscode.commands.executeCommand(incoming.item.command.command, ...(incoming.item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), mx3().toString());
    assert.equal(editor?.selection.active.line, 12);
  });

  test('the tree follows an edit by itself: a renamed slave leaves its old name behind as "not in workspace"', async () => {
    const document = await vscode.workspace.openTextDocument(mx2());
    const missingMx2 = (model: ClusterResponse) => model.clusters.some((cluster) => cluster.nodes.some((node) => node.label === 'mx2.example.net' && node.kind === 'missing'));
    try {
      await replaceLine(document, 10, 'mx2-renamed.example.net');
      const model = await waitForTree(api.clusterTree, missingMx2, 'mx2.example.net as a missing slave');
      const demo = model.clusters.find((cluster) => cluster.label === 'mx1.example.net');
      assert.deepEqual(
        demo?.nodes.map((node) => `${node.label} ${node.role} ${node.kind}`),
        ['mx1.example.net master file', 'mx2-renamed.example.net slave file', 'mx3.example.net slave file', 'mx2.example.net slave missing'],
      );
      const rows = await visibleTree(api.clusterTree);
      const missing = rows.find(({ item }) => labelOf(item) === 'mx2.example.net');
      assert.equal(iconOf(missing!.item), 'debug-disconnect');
      assert.match(String(missing!.item.description), /not in workspace/);
      assert.equal(missing!.item.contextValue, 'icewarpNode.missing');
    } finally {
      await replaceLine(document, 10, 'mx2.example.net');
      await waitForTree(api.clusterTree, (model) => !missingMx2(model), 'mx2 back in the workspace');
    }
  });

  test('a burst of edits redraws the tree a few times, not once per edit', async () => {
    const document = await vscode.workspace.openTextDocument(mx2());
    const warningsOfMx2 = (model: ClusterResponse) => model.clusters.flatMap((cluster) => cluster.nodes).find((node) => node.uri === mx2().toString())?.problems.warning;
    const before = warningsOfMx2(await waitForTree(api.clusterTree, (model) => warningsOfMx2(model) !== undefined, 'mx2'));
    let redraws = 0;
    const counting = api.clusterTree.onDidChangeTreeData(() => redraws++);
    try {
      // Twelve edits as fast as the API takes them, ending with a trailing space (one more warning).
      for (let index = 0; index < 12; index++) await replaceLine(document, 11, index % 2 === 0 ? 'license.ke' : 'license.key ');
      await waitForTree(api.clusterTree, (model) => warningsOfMx2(model) === (before ?? 0) + 1, 'the whitespace warning on mx2');
      assert.ok(redraws >= 1, 'the tree redrew for the new problem count');
      assert.ok(redraws <= 3, `${redraws} redraws for 12 edits`);
    } finally {
      counting.dispose();
      await replaceLine(document, 11, 'license.key');
      await waitForTree(api.clusterTree, (model) => warningsOfMx2(model) === before, 'mx2 as before');
    }
  });

  const machineWhy = 'icewarp.installPath names a folder of the machine, which the browser cannot read';
  testIn('node', machineWhy, 'Open Settings File opens the one file it finds directly', async () => {
    const result = await api.openSettingsFile({ searchWorkspace: false, installPath: workspaceFolder('cluster').uri.fsPath + '/mx2', defaultFolders: [] });
    assert.equal(result.outcome, 'opened');
    assert.equal(result.offered, undefined, 'no quick pick for one match');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), mx2().toString());
  });

  testIn('web worker', 'Node reads the install folders', 'in the browser, Open Settings File looks in the workspace only, says so, and throws nothing', async () => {
    let placeHolder: string | undefined;
    const result = await api.openSettingsFile({
      searchWorkspace: false,
      installPath: workspaceFolder('cluster').uri.path + '/mx2',
      defaultFolders: ['/opt/icewarp/', 'C:\\Program Files\\IceWarp\\'],
      pick: async <T extends vscode.QuickPickItem>(_items: T[], options: vscode.QuickPickOptions) => {
        placeHolder = options.placeHolder;
        return undefined;
      },
    });
    assert.equal(result.outcome, 'cancelled', 'mx2 of icewarp.installPath is not found: templates are offered');
    assert.match(placeHolder ?? '', /only the workspace is searched here/);
  });

  test('Open Settings File offers several files in a quick pick with role and hostname, and opens the one picked', async () => {
    let offered: readonly vscode.QuickPickItem[] = [];
    const result = await api.openSettingsFile({
      defaultFolders: [],
      installPath: '',
      pick: async <T extends vscode.QuickPickItem>(items: T[]) => {
        offered = items;
        return items.find((item) => item.label === 'mx3.example.net');
      },
    });
    assert.deepEqual(
      offered.map((item) => `${item.label} | ${item.description}`),
      ['mail.example.org | master · Server ID ab', 'mx1.example.net | master · Server ID 11', 'mx2.example.net | slave · Server ID 12', 'mx3.example.net | slave · Server ID 103'],
    );
    assert.equal(result.outcome, 'opened');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), mx3().toString());
    assert.ok(offered.some((item) => item.detail?.includes('standalone')), 'the detail says where each file is');
  });

  test('with no file anywhere, Open Settings File creates one from the slave template of the snippets', async () => {
    let offered: readonly vscode.QuickPickItem[] = [];
    const result = await api.openSettingsFile({
      searchWorkspace: false,
      installPath: '',
      defaultFolders: [],
      pick: async <T extends vscode.QuickPickItem>(items: T[]) => {
        offered = items;
        return items.find((item) => /linux slave/i.test(item.label));
      },
    });
    assert.ok(offered.length >= 2, `templates offered: ${offered.map((item) => item.label).join(', ')}`);
    assert.equal(result.outcome, 'created');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), result.uri?.toString());
    assert.equal(editor?.document.isUntitled, true);
    assert.equal(editor?.document.languageId, 'icewarp-pathcfg');
    assert.equal(editor?.document.lineAt(13).text, '1', 'line 14 says slave');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // While open, the new file named mx1 as its master and joined the demo cluster's checks;
    // leave the demo as the other suites expect it.
    await waitForDiagnostics(mx1(), lacksCodes('cluster-membership-mismatch', 'cluster-multiple-masters'), 'mx1 without the template as a peer');
  });

  test('the context commands act on the node they are run on', async () => {
    const roots = await api.clusterTree.getChildren();
    const nodes = (await Promise.all(roots.map((root) => api.clusterTree.getChildren(root)))).flat();
    const node = nodes.find((candidate) => labelOf(api.clusterTree.getTreeItem(candidate)) === 'mx1.example.net');
    assert.ok(node);
    await vscode.commands.executeCommand('icewarp.cluster.openFile', node);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), mx1().toString());
    await vscode.commands.executeCommand('icewarp.cluster.copyHostname', node);
    assert.equal(await vscode.env.clipboard.readText(), 'mx1.example.net');
  });
});
