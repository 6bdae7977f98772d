// "This is IceWarp's live settings file and auto save is on": said once per file (remembered
// across sessions) when a node file that a running IceWarp reads is shown while `files.autoSave`
// would write it mid-edit, with a button that turns auto save off for path.cfg / path.dat. No
// setting changes unless the admin presses that button. The decisions are in ./liveFiles.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../common/protocol';
import type { InstallFolders } from '../extensionHosts/clientHost';
import { folderOf, installFolderOf, markerPaths, wouldAutoSaveWhileEditing } from './liveFiles';

/** globalState key: the files already told about (fsPaths, newest last). */
const TOLD_KEY = 'icewarp.liveFileNotice.told';
const MAX_REMEMBERED = 200;

export type LiveFileCheckOutcome =
  | 'not-a-node-file'
  | 'not-live'
  | 'no-auto-save'
  | 'already-told'
  | 'turned-off'
  | 'kept'
  | 'dismissed';

/** Test seams; each defaults to the real thing. */
export interface LiveFileCheckOptions {
  /** Stands in for `window.showWarningMessage` (tests press the buttons themselves). */
  ask?: (message: string, ...buttons: string[]) => Thenable<string | undefined>;
  /** Overrides IceWarp's default install folders. */
  defaultFolders?: readonly string[];
}

export interface LiveFileCheckResult {
  outcome: LiveFileCheckOutcome;
  /** The message shown, if one was. */
  message?: string;
  buttons?: readonly string[];
}

export class LiveFileNotice implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Files being checked right now: an editor shown twice in a row asks once. */
  private readonly pending = new Set<string>();

  /** `installFolders`: how this host looks for IceWarp's own files beside a node file (none in the browser). */
  constructor(
    private readonly memory: vscode.Memento,
    private readonly installFolders: InstallFolders | undefined,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && void this.check(editor.document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        const editor = vscode.window.activeTextEditor;
        if (editor && (event.affectsConfiguration('files.autoSave') || event.affectsConfiguration('icewarp.installPath'))) void this.check(editor.document);
      }),
    );
    const active = vscode.window.activeTextEditor;
    if (active) void this.check(active.document);
  }

  async check(document: vscode.TextDocument, options: LiveFileCheckOptions = {}): Promise<LiveFileCheckResult> {
    if (document.languageId !== LANGUAGE_ID || document.uri.scheme !== 'file') return { outcome: 'not-a-node-file' };
    const fsPath = document.uri.fsPath;
    if (this.told().includes(fsPath) || this.pending.has(fsPath)) return { outcome: 'already-told' };
    const files = vscode.workspace.getConfiguration('files', document);
    const autoSave = files.get<string>('autoSave');
    const inWorkspace = vscode.workspace.getWorkspaceFolder(document.uri) !== undefined;
    if (!wouldAutoSaveWhileEditing({ mode: autoSave, workspaceFilesOnly: files.get('autoSaveWorkspaceFilesOnly'), inWorkspace })) return { outcome: 'no-auto-save' };
    this.pending.add(fsPath);
    try {
      const installFolder = await liveInstallFolder(fsPath, options.defaultFolders, this.installFolders);
      if (installFolder === undefined) return { outcome: 'not-live' };
      await this.remember(fsPath);
      const message = vscode.l10n.t(
        '{0} is the settings file IceWarp reads (its install folder {1}), and auto save (files.autoSave: {2}) would write it before you are done: a half-typed path or host would reach the server. Save it yourself (Ctrl+S) once the file is complete.',
        vscode.workspace.asRelativePath(document.uri, true),
        installFolder,
        String(autoSave),
      );
      const turnOff = vscode.l10n.t('Turn Off Auto Save for path.cfg / path.dat');
      const keep = vscode.l10n.t('Keep Auto Save');
      const buttons = [turnOff, keep];
      const ask = options.ask ?? ((text: string, ...items: string[]) => vscode.window.showWarningMessage(text, ...items));
      const answer = await ask(message, ...buttons);
      if (answer === turnOff) {
        await turnOffAutoSaveForLanguage(document);
        return { outcome: 'turned-off', message, buttons };
      }
      return { outcome: answer === keep ? 'kept' : 'dismissed', message, buttons };
    } finally {
      this.pending.delete(fsPath);
    }
  }

  private told(): readonly string[] {
    return this.memory.get<string[]>(TOLD_KEY, []);
  }

  private remember(fsPath: string): Thenable<void> {
    return this.memory.update(TOLD_KEY, [...this.told().filter((told) => told !== fsPath), fsPath].slice(-MAX_REMEMBERED));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The install folder the file lies in: by the settings and default folders, or by IceWarp's own files beside it. */
export async function liveInstallFolder(fsPath: string, defaultFolders: readonly string[] | undefined, installFolders: InstallFolders | undefined): Promise<string | undefined> {
  const installPath = vscode.workspace.getConfiguration('icewarp').get<string>('installPath', '');
  const known = installFolderOf(fsPath, installPath, defaultFolders);
  if (known !== undefined) return known;
  const folder = folderOf(fsPath);
  const markers = (await installFolders?.existingFiles(markerPaths(folder))) ?? [];
  return markers.length > 0 ? folder : undefined;
}

/**
 * `"[icewarp-pathcfg]": { "files.autoSave": "off" }`, written in the settings where the auto
 * save this file gets is set (user, workspace or folder), so it wins over that value.
 */
async function turnOffAutoSaveForLanguage(document: vscode.TextDocument): Promise<void> {
  const files = vscode.workspace.getConfiguration('files', { uri: document.uri, languageId: LANGUAGE_ID });
  const where = files.inspect<string>('autoSave');
  let target = vscode.ConfigurationTarget.Global;
  if (where?.workspaceFolderLanguageValue !== undefined || where?.workspaceFolderValue !== undefined) target = vscode.ConfigurationTarget.WorkspaceFolder;
  else if (where?.workspaceLanguageValue !== undefined || where?.workspaceValue !== undefined) target = vscode.ConfigurationTarget.Workspace;
  await files.update('autoSave', 'off', target, true);
}
