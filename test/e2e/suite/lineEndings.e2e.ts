// Mixed line endings in a real VS Code: what the admin sees on a file that is not open, and
// after opening it. VS Code normalises a document's line endings when it loads it (CRLF when
// more than half of them are CR or CRLF, else LF), so the open document never mixes them and
// its diagnostic goes; the file on disk keeps its bytes until the next save writes the ending
// the message named. The file is written into the standalone folder for this suite and removed
// after it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, fileIn, ourDiagnostics, waitForDiagnostics } from './helpers';

/** A standalone Windows node (a Config share of its own, no master, no slaves): CRLF, but lines 4, 9 and 12 end with LF. */
const VALUES: Record<number, string> = {
  1: '\\\\fs09\\lines\\config\\',
  4: '21',
  8: 'D:\\IceWarp\\queues\\_outgoing\\',
  9: 'D:\\IceWarp\\queues\\_outgoing\\retry\\',
  10: '192.168.90.21',
  11: 'lines.example.org',
  12: 'license.key',
  13: 'D:\\IceWarp\\queues\\_incoming\\',
  14: '0',
};
const LF_LINES = new Set([4, 9, 12]);
const MIXED = Array.from({ length: 16 }, (_, index) => (VALUES[index + 1] ?? '') + (LF_LINES.has(index + 1) ? '\n' : '\r\n')).join('');

const mixedEndings = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'mixed-line-endings');

suite('Mixed line endings', () => {
  const folder = () => fileIn('standalone', 'line-endings');
  const file = () => fileIn('standalone', 'line-endings', 'path.dat');

  suiteSetup(async () => {
    await activatedApi();
    // The folder first, then the file: written together, code-server's watcher reported the folder only.
    await vscode.workspace.fs.createDirectory(folder());
    await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(MIXED));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  test('a file not open shows one diagnostic, counting each ending and naming what VS Code will write', async () => {
    const diagnostics = await waitForDiagnostics(file(), (list) => mixedEndings(list).length > 0, 'mixed-line-endings on the file not open');
    assert.deepEqual(diagnostics.map(codeOf), ['mixed-line-endings'], 'one diagnostic for the file, not one per line');
    const [found] = diagnostics;
    assert.equal(found.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(found.range.start.line, 3);
    assert.match(found.message, /^This file mixes line endings: 13 lines end with CRLF; 3 with LF \(lines 4, 9, 12\)\. VS Code writes CRLF throughout when it next saves this file/);
  });

  test('opened, the document is CRLF throughout and the diagnostic goes; the file on disk keeps its bytes until a save writes CRLF', async () => {
    const document = await vscode.workspace.openTextDocument(file());
    await vscode.window.showTextDocument(document);
    assert.equal(document.eol, vscode.EndOfLine.CRLF, 'VS Code took CRLF, as the message said');
    assert.ok(!/(^|[^\r])\n/.test(document.getText()), 'no LF without its CR in the open document');
    assert.equal(document.isDirty, false, 'normalising on load does not make the document dirty');
    await waitForDiagnostics(file(), (list) => mixedEndings(list).length === 0, 'no mixed-line-endings on the open document');
    assert.deepEqual(ourDiagnostics(file()).map(codeOf), [], 'the admin sees nothing on the open document');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file())), MIXED, 'opening wrote nothing');

    // The next save writes the ending the message named, on every line.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file(), new vscode.Range(11, 0, 11, 'license.key'.length), 'license2.key');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(file()));
    assert.equal(saved, MIXED.replace('license.key', 'license2.key').replace(/\r?\n/g, '\r\n'));
  });
});
