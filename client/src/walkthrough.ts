// The walkthrough for a new admin (contributes.walkthroughs, pages in docs/walkthrough/) and
// "IceWarp: Open the path.cfg / path.dat Walkthrough", which finds it again after the Welcome
// page is gone.
import * as vscode from 'vscode';
import { OPEN_WALKTHROUGH_COMMAND } from './commandIds';

const WALKTHROUGH_ID = 'icewarp.firstHour';
/**
 * Set by `npm start` in code-server's environment (the Node extension host inherits it): the demo
 * opens on the walkthrough. VS Code itself opens it when the extension is installed from the
 * Extensions view; an extension loaded from its source folder gets no such event.
 */
export const OPEN_ON_START_ENV = 'ICEWARP_OPEN_WALKTHROUGH';

export function registerWalkthrough(context: vscode.ExtensionContext, openOnStart: boolean): vscode.Disposable {
  // VS Code's walkthrough service registers extension walkthroughs when it starts, which this
  // first opening may cause: the page then selects ours as soon as it is registered.
  const open = () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
  if (openOnStart) void open();
  return vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, open);
}
