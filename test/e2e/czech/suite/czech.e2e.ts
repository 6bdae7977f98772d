// VS Code whose display language is Czech (a Czech language pack installed, --locale cs): the
// cluster view's rows and a notification are Czech. The runner then reads the same texts off the
// page, as the admin sees them (runCodeServer.mjs --czech).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLUSTER_COMMANDS, CLUSTER_VIEW_ID } from '../../../../client/src/cluster/clusterIds';
import { activatedApi, waitForEvent } from '../../suite/helpers';

/** What the runner looks for on the page (the Czech bundle's words for these). */
const CZECH_TREE_DESCRIPTION = /^uzly: 3/;
const CZECH_NOTIFICATION = 'Otevřete path.cfg nebo path.dat, nebo spusťte příkaz na uzlu v zobrazení IceWarp Cluster.';

suite('VS Code in Czech', () => {
  test('the display language is Czech', () => {
    assert.equal(vscode.env.language, 'cs');
  });

  test("the cluster view's rows speak Czech", async () => {
    const api = await activatedApi();
    await vscode.commands.executeCommand(`${CLUSTER_VIEW_ID}.focus`);
    if (api.clusterTree.current.clusters.length === 0) {
      await waitForEvent(api.clusterTree.onDidRefresh, (model) => model.clusters.length > 0, { description: 'the cluster in the view', current: () => api.clusterTree.current });
    }
    const [root] = await api.clusterTree.getChildren();
    const row = api.clusterTree.getTreeItem(root);
    assert.match(String(row.description), CZECH_TREE_DESCRIPTION);
    assert.match(String(row.tooltip), /^Cluster mx1\.example\.net: uzly: 3/);
    const nodes = await api.clusterTree.getChildren(root);
    const descriptions = nodes.map((node) => String(api.clusterTree.getTreeItem(node).description));
    assert.ok(descriptions.some((text) => text.startsWith('master · ID 11')), descriptions.join(' | '));
    // The runner finds the master's Czech row on the page and clicks it, which opens its file.
    const opened = (editor: vscode.TextEditor | undefined) => editor?.document.uri.path.endsWith('/mx1/path.dat') === true;
    if (!opened(vscode.window.activeTextEditor)) {
      await waitForEvent(vscode.window.onDidChangeActiveTextEditor, opened, { description: "the runner's click on the master's Czech row", timeoutMs: 120_000 });
    }
  });

  test('a notification speaks Czech', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const api = await activatedApi();
    await vscode.commands.executeCommand(CLUSTER_COMMANDS.promoteToMaster);
    assert.equal(api.clusterCommands.messagesShown.at(-1), CZECH_NOTIFICATION);
  });
});
