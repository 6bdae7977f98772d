// No change across several node files may reach a live one (the path.dat a running IceWarp reads)
// without the admin's save. The cluster operations leave every file they change unsaved, but
// `files.autoSave` (afterDelay, or on a change of focus or window) saves dirty files no editor
// shows; and VS Code applies F2 rename and quick fixes with `files.refactoring.autoSave` (on by
// default), which saves every file of a change that spans more than one. Such a change touching a
// live file is refused before anything changes, with a message naming the setting.
import * as vscode from 'vscode';
import type { CodeAction, Command, Middleware } from 'vscode-languageclient';
import { LANGUAGE_ID } from '../../../common/protocolNames';
import type { InstallFolders } from '../extensionHosts/clientHost';
import { liveInstallFolder } from '../settingsFiles/liveFileNotice';
import { wouldAutoSaveWhileEditing } from '../settingsFiles/liveFiles';

/** Who applies the change: this extension (no refactoring auto save) or VS Code itself (rename, code actions). */
export type AppliedBy = 'extension' | 'editor';

export interface TouchedFile {
  uri: vscode.Uri;
  /** How the message names it; the workspace-relative path when absent. */
  label?: string;
}

export class LiveChangeGuard {
  constructor(
    private readonly installFolders: InstallFolders | undefined,
    /** Overrides IceWarp's default install folders (tests). */
    private readonly defaultFolders?: readonly string[],
  ) {}

  /** Why the change may not be made, or undefined when it may. One file alone is ordinary editing: never refused here. */
  async refusal(files: readonly TouchedFile[], appliedBy: AppliedBy): Promise<string | undefined> {
    if (new Set(files.map((file) => file.uri.toString())).size < 2) return undefined;
    for (const file of files) {
      // Paths of the machine the files are on: the disk's, a remote window's.
      if (file.uri.scheme !== 'file' && file.uri.scheme !== 'vscode-remote') continue;
      const setting = savingSetting(file.uri, appliedBy);
      if (!setting) continue;
      const installFolder = await liveInstallFolder(file.uri.fsPath, this.defaultFolders, this.installFolders);
      if (installFolder === undefined) continue;
      return vscode.l10n.t(
        '{0} is the settings file a running IceWarp reads (its install folder {1}), and VS Code would save this change to it before you have reviewed it ({2}). Nothing was changed: turn that setting off, or work on a copy of the files, then run it again.',
        file.label ?? vscode.workspace.asRelativePath(file.uri, true),
        installFolder,
        setting,
      );
    }
    return undefined;
  }

  /**
   * The language client's middleware for what VS Code applies itself: a rename across nodes that
   * touches a live file is refused with the reason (VS Code shows it where the rename box was), a
   * quick fix across nodes is offered disabled with the reason.
   */
  middleware(): Pick<Middleware, 'provideRenameEdits' | 'provideCodeActions'> {
    return {
      provideRenameEdits: async (document, position, newName, token, next) => {
        const edit = await next(document, position, newName, token);
        if (!edit) return edit;
        const refusal = await this.refusal(touchedBy(edit), 'editor');
        if (refusal) throw new Error(refusal);
        return edit;
      },
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        if (!actions) return actions;
        const guarded: (vscode.Command | vscode.CodeAction)[] = [];
        for (const action of actions) {
          const edit = isCodeAction(action) ? action.edit : undefined;
          const refusal = edit ? await this.refusal(touchedBy(edit), 'editor') : undefined;
          if (refusal && isCodeAction(action)) {
            action.edit = undefined;
            action.disabled = { reason: refusal };
          }
          guarded.push(action);
        }
        return guarded;
      },
    };
  }
}

function isCodeAction(action: Command | CodeAction | vscode.Command | vscode.CodeAction): action is vscode.CodeAction {
  return !('command' in action && typeof action.command === 'string');
}

function touchedBy(edit: vscode.WorkspaceEdit): TouchedFile[] {
  return edit.entries().map(([uri]) => ({ uri }));
}

/** The setting that would save a change to this file before the admin does, as the message names it. */
function savingSetting(uri: vscode.Uri, appliedBy: AppliedBy): string | undefined {
  const files = vscode.workspace.getConfiguration('files', { uri, languageId: LANGUAGE_ID });
  const mode = files.get<string>('autoSave');
  const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  if (wouldAutoSaveWhileEditing({ mode, workspaceFilesOnly: files.get('autoSaveWorkspaceFilesOnly'), inWorkspace })) return `files.autoSave: ${mode}`;
  if (appliedBy === 'editor' && files.get<boolean>('refactoring.autoSave') === true) return 'files.refactoring.autoSave';
  return undefined;
}
