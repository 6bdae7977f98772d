// The extension's entry in VS Code's web extension host (package.json "browser",
// dist/browser/client.js): vscode.dev, github.dev, code-server's web worker.
import type * as vscode from 'vscode';
import { browserClientHost } from './browserClient';
import { type IceWarpExtensionApi, activateExtension, deactivateExtension } from '../extension';

export function activate(context: vscode.ExtensionContext): IceWarpExtensionApi {
  return activateExtension(context, browserClientHost);
}

export const deactivate = deactivateExtension;
