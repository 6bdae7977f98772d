// Restricted Mode: workspace trust on, the demo folder not trusted, the extension installed from
// its .vsix like a user's (an extension under development is never disabled, so it would prove
// nothing). It must run there (capabilities.untrustedWorkspaces) and check every node; only
// icewarp.installPath is ignored when the workspace sets it (restrictedConfigurations).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../../client/src/extension';
import { EXTENSION_ID, codeOf, hasCodes, waitForDiagnostics } from '../../suite/helpers';
import { commandsListed } from '../../suite/palette';

suite('Restricted Mode', () => {
  const folder = () => {
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'the runner opens the demo folder');
    return first.uri;
  };

  test('the folder is open in Restricted Mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the installed extension runs and checks every node, unopened ones and across nodes included', async () => {
    const extension = vscode.extensions.getExtension<IceWarpExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is disabled in Restricted Mode`);
    await extension.activate();
    const mx3 = vscode.Uri.joinPath(folder(), 'mx3', 'path.dat');
    const mx2 = vscode.Uri.joinPath(folder(), 'mx2', 'path.dat');
    const onMx3 = await waitForDiagnostics(mx3, hasCodes('server-id-too-long', 'duplicate-identity'), "mx3's mistakes, unopened");
    // The cross-node mistake (mx2's IP on mx3) points at unopened mx2: it was read too.
    const duplicate = onMx3.find((diagnostic) => codeOf(diagnostic) === 'duplicate-identity');
    assert.ok(duplicate?.relatedInformation?.some((related) => related.location.uri.toString() === mx2.toString()), 'the duplicate points at mx2');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.path.endsWith('/path.dat')), 'no node file was opened');
  });

  test('the Command Palette lists the cluster commands on an open slave, as typed with the keyboard', async () => {
    const extension = vscode.extensions.getExtension<IceWarpExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    await (await extension.activate()).ready;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'mx2', 'path.dat')));
    const listed = await commandsListed('IceWarp:', folder());
    for (const title of ['Promote to Master', 'Add Node to Cluster', 'Remove Node from Cluster', 'Compare with Master', 'Fix All in Cluster']) {
      assert.ok(listed.includes(`IceWarp: ${title}`), `"IceWarp: ${title}" is listed; the palette shows: ${listed.join(' | ')}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("the workspace's icewarp.installPath is not searched: Open Settings File finds nothing there", async () => {
    const workspaceSettings = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), '.vscode', 'settings.json')));
    assert.match(workspaceSettings, /"icewarp\.installPath": "[^"]+"/, 'the runner set icewarp.installPath in the workspace');
    assert.equal(vscode.workspace.getConfiguration('icewarp').get<string>('installPath'), '', 'VS Code gives the workspace value out');
    const extension = vscode.extensions.getExtension<IceWarpExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    let offered: readonly vscode.QuickPickItem[] = [];
    const result = await api.openSettingsFile({
      searchWorkspace: false,
      defaultFolders: [],
      pick: async <T extends vscode.QuickPickItem>(items: T[]) => {
        offered = items;
        return undefined;
      },
    });
    // Trusted, the one file in that folder would open directly.
    assert.equal(result.outcome, 'cancelled');
    assert.ok(offered.length > 0 && offered.every((item) => 'template' in item), `only templates are offered: ${offered.map((item) => item.label).join(', ')}`);
  });
});
