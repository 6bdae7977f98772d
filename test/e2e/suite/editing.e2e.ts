// Quick fixes, fix-all, hover and inlay hints as VS Code itself asks for them (the execute*
// provider commands go through the real language client). Mutations happen on untitled
// documents, so the demo files stay as the other suites expect them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, fileIn, hasCodes, lacksCodes, waitForDiagnostics } from './helpers';

const LANGUAGE_ID = 'icewarp-pathcfg';

/**
 * A Windows slave with a few mistakes a click can fix (CRLF, as on Windows). It names hosts and
 * shares of its own, so while it is open it joins no cluster of the demo workspace.
 */
const MESSY = [
  '//nas01/icewarp/config/',
  '',
  '',
  '14',
  '\\\\nas01\\icewarp;ICEWARP\\svc-mail;E2e-Secret-9',
  '',
  '',
  'D:\\IceWarp\\queues\\_outgoing\\',
  'D:\\IceWarp\\queues\\_outgoing\\retry\\',
  '192.168.10.14|192.168.10.14',
  'node4.example.org',
  'license.key  ',
  'D:\\IceWarp\\queues\\_incoming\\',
  '1',
  'hub.example.org',
  'node4.example.org, node5.example.org',
].join('\r\n');

/** Opens an untitled document of our language; `closeUntitled` closes it again without a save prompt. */
async function openUntitled(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
}

async function closeUntitled(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

const labelText = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));

suite('Editing features in VS Code', () => {
  suiteSetup(async () => {
    await activatedApi();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a quick fix from the light bulb removes its diagnostic; fix-all fixes the rest in one pass', async () => {
    const document = await openUntitled(MESSY);
    try {
      const before = await waitForDiagnostics(document.uri, hasCodes('whitespace', 'slave-list-separator', 'unc-forward-slashes'), 'the mistakes');
      const whitespace = before.find((diagnostic) => codeOf(diagnostic) === 'whitespace') as vscode.Diagnostic;

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whitespace.range, vscode.CodeActionKind.QuickFix.value);
      const trim = actions.find((action) => action.title.startsWith('Trim whitespace'));
      assert.ok(trim?.edit, `a whitespace fix among ${actions.map((action) => action.title).join(' | ')}`);
      assert.equal(trim.isPreferred, true);
      assert.equal(trim.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.ok(await vscode.workspace.applyEdit(trim.edit));
      assert.equal(document.lineAt(11).text, 'license.key');
      await waitForDiagnostics(document.uri, lacksCodes('whitespace'), 'whitespace gone');

      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.icewarp');
      assert.equal(fixAll.length, 1, `one fix-all action, got ${fixAll.map((action) => action.title).join(' | ')}`);
      assert.ok(fixAll[0].edit && (await vscode.workspace.applyEdit(fixAll[0].edit)));
      assert.equal(document.lineAt(0).text, '\\\\nas01\\icewarp\\config\\');
      assert.equal(document.lineAt(15).text, 'node4.example.org;node5.example.org');
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      await waitForDiagnostics(document.uri, lacksCodes('slave-list-separator', 'unc-forward-slashes'), 'the fixed mistakes gone');
      const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.icewarp');
      assert.deepEqual(again.map((action) => action.title), [], 'a second fix-all finds nothing');
    } finally {
      await closeUntitled(document);
    }
  });

  test('hover says which field a line is and what its value means, never the password', async () => {
    const uri = fileIn('cluster', 'mx2', 'path.dat');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const flag = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(13, 0)));
    assert.ok(flag.includes('Slave flag'), flag);
    assert.ok(flag.includes("this server is a slave; the console's 'master mode' box is off"), flag);
    const logon = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 40)));
    assert.ok(logon.includes('Remote logon') && logon.includes('••••'), logon);
    assert.ok(!logon.includes('Demo-Secret-2'));
  });

  test('inlay hints name every field line, and re-label when a line is inserted', async () => {
    const uri = fileIn('cluster', 'mx2', 'path.dat');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, document.lineCount, 0));
    const byLine = new Map(hints.map((hint) => [hint.position.line, labelText(hint)]));
    assert.equal(byLine.get(3), '← Server ID');
    assert.equal(byLine.get(1), '← Web (html) path', 'empty lines too');
    assert.equal(byLine.get(15), '← Slave hosts');

    // Insert a line into a copy that belongs to no cluster of the demo (the demo files stay as they are).
    const copy = await openUntitled(MESSY);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(copy.uri, new vscode.Position(1, 0), '\r\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const moved = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', copy.uri, new vscode.Range(0, 0, copy.lineCount, 0));
      const movedByLine = new Map(moved.map((hint) => [hint.position.line, labelText(hint)]));
      assert.equal(copy.lineAt(4).text, '14');
      assert.equal(movedByLine.get(4), '← Remote logon', 'the Server ID is now read as line 5');
    } finally {
      await closeUntitled(copy);
    }
  });
});
