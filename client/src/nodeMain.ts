// The extension's entry in VS Code's Node extension host (package.json "main", dist/client.js).
import type * as vscode from 'vscode';
import { type IceWarpExtensionApi, activateExtension, deactivateExtension } from './extension';
import { nodeClientHost } from './nodeClient';

export function activate(context: vscode.ExtensionContext): IceWarpExtensionApi {
  return activateExtension(context, nodeClientHost(context));
}

export const deactivate = deactivateExtension;
