// The packaged extension, installed from the .vsix into code-server like a user would install it,
// activates when a path.dat is opened and validates it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, waitForDiagnostics } from '../../suite/helpers';

suite('the installed .vsix', () => {
  test('is installed from the extensions folder, not loaded from the source tree', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const extensionsDir = process.env.ICEWARP_E2E_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the runner passes ICEWARP_E2E_EXTENSIONS_DIR');
    assert.ok(
      path.resolve(extension.extensionPath).startsWith(path.resolve(extensionsDir) + path.sep),
      `${extension.extensionPath} is not inside ${extensionsDir}`,
    );
  });

  test('activates on opening a path.dat and publishes its diagnostics', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // The workspace starts without node files, so nothing but opening one can activate it.
    assert.equal(extension.isActive, false, 'activated before any path.dat was opened');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'mx9', 'path.dat');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('\\\\fs01\\icewarp\\config\\\r\n\r\n\r\n123\r\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'icewarp-pathcfg');
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((d) => codeOf(d) === 'server-id-too-long'), 'server-id-too-long from the installed server');
    assert.ok(diagnostics.length > 0);
    assert.equal(extension.isActive, true);
  });
});
