// What the client does beyond showing the server's diagnostics: the cluster view and its commands,
// Open Settings File, the password mask, the live-file notice, other programs' files. The extension
// host runs it once the server's start is under way (./extension.ts); in VS Code's Node host it is
// a bundle of its own (dist/clientFeatures.js), so zod and the schemas it checks answers with are
// not compiled before the server starts. Everything here is registered within activate(): commands,
// views and notification handlers are in place before the first message from the server is handled.
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ClientHost } from './extensionHosts/clientHost';
import { registerClusterView } from './cluster/clusterTree';
import { SettingsFileCommand } from './settingsFiles/openSettingsFile';
import { ClusterCommands } from './cluster/clusterCommands';
import { LiveChangeGuard } from './cluster/liveChanges';
import { PasswordMask } from './passwords/passwordMask';
import { LiveFileNotice } from './settingsFiles/liveFileNotice';
import { registerForeignFiles } from './settingsFiles/foreignDocuments';
import { LiveCluster } from './live/liveCluster';

export function activateFeatures(context: vscode.ExtensionContext, languageClient: BaseLanguageClient, ready: Promise<void>, host: ClientHost) {
  const clusterTree = registerClusterView(context, languageClient, ready);
  const foreignFiles = registerForeignFiles(context, languageClient, ready);
  const settingsFileCommand = new SettingsFileCommand(languageClient, ready, host.installFolders);
  context.subscriptions.push(settingsFileCommand.register());
  // Changes across nodes that auto save would write to a live file: refused for the cluster
  // operations, and for the renames and quick fixes VS Code applies itself (the client's
  // middleware is read at each call, so filling it in now covers every request to come).
  const liveChanges = new LiveChangeGuard(host.installFolders);
  Object.assign(languageClient.middleware, liveChanges.middleware());
  const clusterCommands = new ClusterCommands(languageClient, ready, clusterTree, host.writeAccess, liveChanges);
  context.subscriptions.push(...clusterCommands.register());
  // Needs no server: the mask and the live-file notice work while it starts or is down.
  const passwordMask = new PasswordMask();
  context.subscriptions.push(passwordMask, ...passwordMask.register());
  const liveFileNotice = new LiveFileNotice(context.globalState, host.installFolders);
  context.subscriptions.push(liveFileNotice);
  // Pull / push over ssh: the engine comes from the host (none in the browser, which says why).
  const liveCluster = new LiveCluster(host.loadLiveEngine, languageClient.outputChannel, clusterTree);
  context.subscriptions.push(liveCluster, ...liveCluster.register());
  return { clusterTree, foreignFiles, settingsFileCommand, clusterCommands, passwordMask, liveFileNotice, liveCluster };
}
