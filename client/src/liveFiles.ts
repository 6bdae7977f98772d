// The decisions behind the "live file" notice, free of the vscode API so unit tests can run them:
// is a node file the one a running IceWarp reads (it lies in an install folder), and would
// `files.autoSave` write it while the admin is still typing?
import * as path from 'node:path';
import { DEFAULT_INSTALL_FOLDERS, filesInInstallFolder } from './settingsFileChooser';

/**
 * Files IceWarp's installer puts in its install folder beside path.dat (its command-line tool and,
 * on Linux, its service script): a node file next to one of them is the live one, wherever the
 * install is (`D:\IceWarp\`, a Merak-era `C:\Program Files\Merak\`...).
 */
export const ICEWARP_INSTALL_MARKERS: readonly string[] = ['tool.exe', 'tool.sh', 'icewarpd.sh'];

/**
 * The `files.autoSave` modes that write a file the admin has not declared finished: after a
 * delay while typing, and when the focus leaves the editor or the window, which is what an admin
 * does in the middle of an edit to copy a host or a path from another node's file or the console.
 * Only `off` waits for Ctrl+S.
 */
const SAVING_WHILE_EDITING: ReadonlySet<string> = new Set(['afterDelay', 'onFocusChange', 'onWindowChange']);

export function autoSaveWritesWhileEditing(mode: unknown): boolean {
  return typeof mode === 'string' && SAVING_WHILE_EDITING.has(mode);
}

export interface AutoSaveSettings {
  /** `files.autoSave` for this file (language overrides applied). */
  mode: unknown;
  /** `files.autoSaveWorkspaceFilesOnly`: auto save leaves files outside the workspace alone. */
  workspaceFilesOnly?: unknown;
  /** Whether the file lies in a folder of the workspace. */
  inWorkspace: boolean;
}

/** Would VS Code auto save this file before the admin saves it on purpose? */
export function wouldAutoSaveWhileEditing(settings: AutoSaveSettings): boolean {
  if (!autoSaveWritesWhileEditing(settings.mode)) return false;
  return !(settings.workspaceFilesOnly === true && !settings.inWorkspace);
}

/**
 * The install folder a node file lies in, if any: the folder `icewarp.installPath` names (or the
 * folder of the file it names), or one of IceWarp's default install folders. IceWarp reads the
 * settings file from the install folder itself, so a copy in a subfolder (a backup) is not live.
 */
export function installFolderOf(fsPath: string, installPath: string, defaultFolders: readonly string[] = DEFAULT_INSTALL_FOLDERS): string | undefined {
  const key = comparable(fsPath);
  for (const folder of [installPath, ...defaultFolders]) {
    for (const candidate of filesInInstallFolder(folder)) {
      if (comparable(candidate) === key) return folder.trim();
    }
  }
  return undefined;
}

/** The folder holding the file, for the check for IceWarp's own files beside it. */
export function folderOf(fsPath: string): string {
  return isWindowsStyle(fsPath) ? path.win32.dirname(fsPath) : path.posix.dirname(fsPath);
}

export function markerPaths(folder: string): string[] {
  const join = isWindowsStyle(folder) ? path.win32.join : path.posix.join;
  return ICEWARP_INSTALL_MARKERS.map((name) => join(folder, name));
}

function isWindowsStyle(fsPath: string): boolean {
  return /^[A-Za-z]:|^\\\\/.test(fsPath);
}

/** Windows paths compare without case and with either separator (VS Code writes `c:\...`). */
function comparable(fsPath: string): string {
  const trimmed = fsPath.trim();
  return isWindowsStyle(trimmed) ? path.win32.normalize(trimmed).toLowerCase() : path.posix.normalize(trimmed);
}
