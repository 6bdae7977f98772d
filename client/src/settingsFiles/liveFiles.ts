// The decisions behind the "live file" notice, free of the vscode API so unit tests can run them:
// is a node file the one a running IceWarp reads (it lies in an install folder), and would
// `files.autoSave` write it while the admin is still typing? Plain string work on Windows and
// POSIX paths, so the browser build runs it too.
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
  const windows = isWindowsStyle(fsPath);
  const path = comparableSeparators(fsPath, windows);
  const separator = windows ? '\\' : '/';
  const cut = path.lastIndexOf(separator);
  if (cut < 0) return '.';
  // The root keeps its separator: the folder of `C:\path.dat` is `C:\`, of `/path.dat` `/`.
  return cut === 0 || (windows && cut === 2 && path[1] === ':') ? path.slice(0, cut + 1) : path.slice(0, cut);
}

export function markerPaths(folder: string): string[] {
  const windows = isWindowsStyle(folder);
  const separator = windows ? '\\' : '/';
  const base = comparableSeparators(folder, windows);
  return ICEWARP_INSTALL_MARKERS.map((name) => (base.endsWith(separator) ? `${base}${name}` : `${base}${separator}${name}`));
}

function isWindowsStyle(fsPath: string): boolean {
  return /^[A-Za-z]:|^\\\\/.test(fsPath);
}

/** Windows paths compare without case and with either separator (VS Code writes `c:\...`). */
function comparable(fsPath: string): string {
  const trimmed = fsPath.trim();
  const windows = isWindowsStyle(trimmed);
  const normalized = normalize(comparableSeparators(trimmed, windows), windows ? '\\' : '/');
  return windows ? normalized.toLowerCase() : normalized;
}

/** Windows paths with `\` only, repeated separators (after a UNC path's leading two) collapsed. */
function comparableSeparators(fsPath: string, windows: boolean): string {
  if (!windows) return fsPath.replace(/\/{2,}/g, '/');
  const backslashed = fsPath.replace(/\//g, '\\');
  const unc = backslashed.startsWith('\\\\');
  const collapsed = backslashed.replace(/\\{2,}/g, '\\');
  return unc ? `\\${collapsed}` : collapsed;
}

/** `.` and `..` segments resolved, as path.normalize does; a trailing separator kept. */
function normalize(path: string, separator: string): string {
  const segments = path.split(separator);
  const kept: string[] = [];
  segments.forEach((segment, index) => {
    const isEdge = index === 0 || index === segments.length - 1;
    if (segment === '.' && !isEdge) return;
    if (segment === '..' && kept.length > 1 && kept[kept.length - 1] !== '..') {
      kept.pop();
      return;
    }
    kept.push(segment);
  });
  return kept.join(separator);
}
