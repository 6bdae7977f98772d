// Shared by the cluster-operation and secrets suites: VS Code's own undo of a multi-file change.
import * as vscode from 'vscode';
import { waitForEvent } from './helpers';

/**
 * Runs VS Code's undo in an editor of `uri` and waits until every file of `expected` (URI -> text)
 * is back to its text; then saves them, so the disk is as before too (code-server auto-saves the
 * change itself after a second). One undo undoes a workspace edit in all its files.
 */
export async function undoAndWait(uri: vscode.Uri, expected: ReadonlyMap<string, string>): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const restored = () => [...expected].every(([each, text]) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === each)?.getText() === text);
  const done = waitForEvent(vscode.workspace.onDidChangeTextDocument, restored, {
    description: 'every file back to its text after undo',
    current: () => ({}) as vscode.TextDocumentChangeEvent,
    seen: () => [...expected.keys()].filter((each) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === each)?.getText() !== expected.get(each)).join(', ') + ' differ',
  });
  await vscode.commands.executeCommand('undo');
  await done;
  for (const document of vscode.workspace.textDocuments) if (expected.has(document.uri.toString()) && document.isDirty) await document.save();
}
