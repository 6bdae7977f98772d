// Every problem explained, in a real VS Code: a diagnostic's code links to its page through this
// extension's URI handler, and the light bulb's "Explain <code>" opens docs/codes/<code>.md in the
// Markdown preview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activatedApi, hasCodes, waitForDiagnostics, waitForEvent } from './helpers';

const CODE = 'server-id-too-long';
const TEXT = ['\\\\fs01\\icewarp\\config\\', '', '', '103', '', '', '', '', '', '', 'mx1.example.net'].join('\n') + '\n';

const previewTabs = () =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'));

suite('Every problem explained', () => {
  test("the code links to its page, and Explain <code> opens the page in the Markdown preview", async () => {
    await activatedApi();
    const document = await vscode.workspace.openTextDocument({ language: 'icewarp-pathcfg', content: TEXT });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, hasCodes(CODE), CODE);
    const diagnostic = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === CODE);
    assert.ok(diagnostic && typeof diagnostic.code === 'object', 'the code is a link');
    assert.equal(diagnostic.code.target.toString(true), `${vscode.env.uriScheme}://${EXTENSION_ID}/explain?code=${CODE}`);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const explain = actions.find((action) => action.title === `Explain ${CODE}`);
    assert.ok(explain?.command, `the light bulb offers Explain ${CODE}: ${actions.map((action) => action.title).join(' | ')}`);
    assert.deepEqual(previewTabs(), [], 'no preview open yet');
    await vscode.commands.executeCommand(explain.command.command, ...(explain.command.arguments ?? []));
    const tab = await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => previewTabs().some((candidate) => candidate.label.includes(`${CODE}.md`)),
      { description: `a Markdown preview of ${CODE}.md`, current: () => undefined as never, seen: () => `tabs: ${vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((t) => t.label).join(', ')}` },
    ).then(() => previewTabs().find((candidate) => candidate.label.includes(`${CODE}.md`)));
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
