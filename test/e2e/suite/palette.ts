// What the user sees in the Command Palette, asked from the extension host: the suite cannot see
// the workbench, so it logs a probe line that the runner (test/e2e/workbench.mjs, paletteProbe)
// answers by opening the palette with the keyboard in the real browser, typing, reading every
// listed command and writing them to a file this side watches. The file goes into a `.cache`
// folder of a workspace folder: watched, but a folder the server never walks.
import * as vscode from 'vscode';
import { waitForEvent } from './helpers';

let probes = 0;

/** The titles the Command Palette lists after `typed` is typed into it (e.g. `IceWarp:`), with the current editor focused. */
export async function commandsListed(typed: string, folder: vscode.Uri): Promise<string[]> {
  const answers = vscode.Uri.joinPath(folder, '.cache');
  await vscode.workspace.fs.createDirectory(answers);
  const name = `palette-${Date.now()}-${++probes}.json`;
  const answer = vscode.Uri.joinPath(answers, name);
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(answers, name), false, false, true);
  try {
    const written = new Promise<void>((resolve) => {
      watcher.onDidCreate(() => resolve());
      watcher.onDidChange(() => resolve());
    });
    const event = (listener: (value: void) => unknown) => {
      void written.then(() => listener());
      return { dispose: () => undefined };
    };
    // The runner reads this line from the extension host's log.
    console.log(`[icewarp-e2e palette] ${JSON.stringify({ typed, answer: answer.fsPath })}`);
    await waitForEvent(event, () => true, { description: `the runner's reading of the Command Palette after typing "${typed}"` });
    const result = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(answer))) as { commands?: string[]; error?: string };
    if (result.error !== undefined) throw new Error(`the runner could not read the Command Palette: ${result.error}`);
    return result.commands ?? [];
  } finally {
    watcher.dispose();
    await Promise.resolve(vscode.workspace.fs.delete(answer, { useTrash: false })).catch(() => undefined);
  }
}
