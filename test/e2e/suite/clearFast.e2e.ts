// Clear fast, flag after a pause, in the real editor: with icewarp.validation.delay set long, a
// fixed error leaves the Problems at once, and a new one appears only once the pause is over.
// Waits on diagnostics events, never on timers; the pause is long enough that "at once" and
// "after the pause" cannot be confused on a slow machine.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, hasCodes, lacksCodes, waitForDiagnostics } from './helpers';

const LANGUAGE_ID = 'icewarp-pathcfg';
const PAUSE_MS = 5_000;
/** Line 4 (the Server ID) of three characters: server-id-too-long, an error. */
const TOO_LONG = '\n\n\n123\n';
const FIXED = '\n\n\n12\n';

async function setLine(document: vscode.TextDocument, line: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.lineAt(line).range, text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('Clear fast, flag after a pause', () => {
  suiteSetup(async () => {
    await activatedApi();
    await vscode.workspace.getConfiguration('icewarp').update('validation.delay', PAUSE_MS, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('icewarp').update('validation.delay', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a fixed error disappears at once; a new error appears after the pause', async function () {
    this.timeout(PAUSE_MS * 6);
    const flagged = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: FIXED });
    const probe = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: TOO_LONG });
    await waitForDiagnostics(probe.uri, hasCodes('server-id-too-long'), 'the probe flagged at open');

    // The new error, then a fix in another document: the fix is published at once, and by then
    // the new error is still held back.
    const typedAt = Date.now();
    await setLine(flagged, 3, '123');
    await setLine(probe, 3, '12');
    await waitForDiagnostics(probe.uri, lacksCodes('server-id-too-long'), 'the fix published');
    const clearedAfter = Date.now() - typedAt;
    assert.ok(clearedAfter < PAUSE_MS, `the fix took ${clearedAfter} ms, as long as the pause`);
    assert.ok(lacksCodes('server-id-too-long')(vscode.languages.getDiagnostics(flagged.uri)), 'the new error is shown before the pause');

    await waitForDiagnostics(flagged.uri, hasCodes('server-id-too-long'), 'the new error after the pause', PAUSE_MS * 4);
    const flaggedAfter = Date.now() - typedAt;
    // A pause cannot end early: a lower bound that holds on any machine.
    assert.ok(flaggedAfter >= PAUSE_MS * 0.9, `the new error came after ${flaggedAfter} ms, before the ${PAUSE_MS} ms pause`);
  });
});
