// Other programs' path.dat and path.cfg in a real VS Code: the server judges the content, the
// client switches a foreign document to plain text with a status item offering "Treat as IceWarp
// settings file", the command brings it back with every check, and a user's own files.associations
// entry keeps a file ours. The files are written into the standalone folder for this suite and
// removed after it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import { activatedApi, fileIn, ourDiagnostics, waitForDiagnostics, waitForEvent } from './helpers';

const LANGUAGE_ID = 'icewarp-pathcfg';
const TREAT_AS_SETTINGS_FILE = 'icewarp.treatAsSettingsFile';

/** A robot's waypoints, x and y per line. */
const WAYPOINTS = ['4.32 4.15', '4.2793 4.1511', '4.2386 4.1545', '4.1979 4.1602', '4.1572 4.1681', '4.1165 4.1783', '4.0758 4.1907', '4.0351 4.2054'].join('\n');
/** An INI file. */
const INI = ['[DEFAULT]', 'timeout=30', 'retries=3', '[relay]', 'port=2525', 'user=relay', 'queue=/var/spool/relay', 'log=/var/log/relay.log'].join('\n');

const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());

suite('Files of other programs named path.dat / path.cfg', () => {
  let api: IceWarpExtensionApi;
  const folder = () => fileIn('standalone', 'other-programs');
  const robot = () => fileIn('standalone', 'other-programs', 'robot', 'path.dat');
  const kept = () => fileIn('standalone', 'other-programs', 'keep', 'path.cfg');
  const relay = () => fileIn('standalone', 'other-programs', 'relay', 'path.dat');

  /** Opens `uri` in an editor and resolves once it is in `languageId` (switched by the extension now or before). */
  async function openAndWaitForSwitch(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const inLanguage = (document: vscode.TextDocument | undefined) => document?.uri.toString() === uri.toString() && document.languageId === languageId;
    const switched = await waitForEvent(api.foreignFiles.onDidSwitch, (change) => inLanguage(change.document), {
      description: `${uri.toString()} switched to ${languageId}`,
      current: () => ({ document: openDocument(uri) as vscode.TextDocument, languageId }),
      seen: () => `its language is ${openDocument(uri)?.languageId ?? '(not open)'}`,
    });
    return switched.document;
  }

  suiteSetup(async () => {
    api = await activatedApi();
    await vscode.workspace.fs.writeFile(robot(), new TextEncoder().encode(WAYPOINTS));
    await vscode.workspace.fs.writeFile(kept(), new TextEncoder().encode(INI));
    await vscode.workspace.fs.writeFile(relay(), new TextEncoder().encode(INI));
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('files').update('associations', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  test('a robot waypoint file named path.dat opens as plain text, without diagnostics, with a status item offering "Treat as IceWarp settings file"', async () => {
    const document = await openAndWaitForSwitch(robot(), 'plaintext');
    assert.equal(openDocument(robot())?.languageId, 'plaintext');
    assert.equal(api.foreignFiles.verdictOf(robot())?.kind, 'foreign');
    assert.match(api.foreignFiles.verdictOf(robot())?.reasons[0] ?? '', /columns of numbers/);
    assert.deepEqual(ourDiagnostics(robot()), []);
    const item = api.foreignFiles.statusItem;
    assert.ok(item, 'the status item exists');
    assert.ok(vscode.languages.match(item.selector, document) > 0, 'the status item shows on the document');
    assert.equal(item.command?.command, TREAT_AS_SETTINGS_FILE);
    assert.equal(item.command?.title, 'Treat as IceWarp settings file');
  });

  test('"Treat as IceWarp settings file" switches it back and every check runs', async () => {
    await openAndWaitForSwitch(robot(), 'plaintext');
    const back = waitForEvent(api.foreignFiles.onDidSwitch, (change) => change.document.uri.toString() === robot().toString() && change.languageId === LANGUAGE_ID, {
      description: 'the switch back',
    });
    await vscode.commands.executeCommand(TREAT_AS_SETTINGS_FILE);
    const document = (await back).document;
    assert.equal(document.languageId, LANGUAGE_ID);
    const diagnostics = await waitForDiagnostics(robot(), (list) => list.length > 0, 'diagnostics of the file treated as IceWarp');
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code !== undefined));
    assert.equal(api.foreignFiles.verdictOf(robot()), undefined);
    assert.equal(vscode.languages.match(api.foreignFiles.statusItem?.selector ?? [], document), 0, 'no status item on it now');
  });

  test('choosing the language by hand ("Change Language Mode") on a switched file counts as the choice: it stays ours', async () => {
    const document = await openAndWaitForSwitch(relay(), 'plaintext');
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    // Without the choice, the server's verdict on the reopened document switches it away again.
    await waitForDiagnostics(relay(), (list) => list.length > 0, 'diagnostics of the file chosen by hand');
    assert.equal(openDocument(relay())?.languageId, LANGUAGE_ID);
    assert.equal(api.foreignFiles.verdictOf(relay()), undefined);
  });

  test("a user's files.associations entry for the language keeps the file ours, with every check", async () => {
    await vscode.workspace.getConfiguration('files').update('associations', { '**/keep/path.cfg': LANGUAGE_ID }, vscode.ConfigurationTarget.Workspace);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(kept()));
    // The server judges the INI file foreign; the client tells it the user's association wins.
    await waitForDiagnostics(kept(), (list) => list.length > 0, 'diagnostics of the associated file');
    assert.equal(openDocument(kept())?.languageId, LANGUAGE_ID);
    assert.equal(api.foreignFiles.verdictOf(kept()), undefined);
  });
});
