// The extension's entry in VS Code's Node extension host (package.json "main", dist/client.js).
import type * as vscode from 'vscode';
import { type IceWarpExtensionApi, activateExtension, deactivateExtension } from '../extension';
import { nodeClientHost } from './nodeClient';
import * as jsonrpc from 'vscode-jsonrpc';
import * as languageClientLibrary from 'vscode-languageclient';

/** The libraries dist/clientFeatures.js takes from this bundle rather than holding copies (esbuild.mjs). */
export const sharedLibraries = { 'vscode-jsonrpc': jsonrpc, 'vscode-languageclient': languageClientLibrary };

export function activate(context: vscode.ExtensionContext): IceWarpExtensionApi {
  return activateExtension(context, nodeClientHost(context));
}

export const deactivate = deactivateExtension;
