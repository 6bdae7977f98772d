// "IceWarp: Open IceWarp Settings File (path.cfg / path.dat)": finds path.cfg / path.dat in the
// workspace, in the folder of `icewarp.installPath` and in IceWarp's default install folders; opens
// the one match, offers a quick pick (role and hostname from the server) for several, and a
// template for none. The decisions are in ./settingsFileChooser (pure, unit-tested); this file
// talks to VS Code. The install folders are on the machine the extension host runs on (a remote's
// own over Remote-SSH); in the browser there is none to read, so only the workspace is searched,
// and the command says so.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, NODE_FILE_GLOB, describeFilesRequest, describeFilesResponseSchema, type DescribeFilesParams } from '../../../common/protocol';
import { OPEN_SETTINGS_FILE_COMMAND } from '../commandIds';
import type { InstallFolders } from '../extensionHosts/clientHost';
import { roleName } from '../roleWords';
import {
  DEFAULT_INSTALL_FOLDERS,
  SettingsFileCandidate,
  SettingsFileTemplate,
  type PickWords,
  chooseSettingsFile,
  filesInInstallFolder,
  settingsFileTemplates,
} from './settingsFileChooser';
// The snippets file, bundled: it is read the same way in every host (a web extension's own
// files may sit on a server no file system API reaches).
import snippets from '../../../snippets/pathcfg-files.json';

/** What the quick pick says of a candidate, in the display language. */
const PICK_WORDS: PickWords = {
  role: roleName,
  serverId: (id) => vscode.l10n.t('Server ID {0}', id),
  // The setting's name stays as written: it is what the user searches the Settings editor for.
  source: (source) => (source === 'installPath' ? 'icewarp.installPath' : vscode.l10n.t('default install folder')),
};
/** How long the quick pick waits for the server's roles and hostnames before showing paths alone. */
const DESCRIBE_TIMEOUT_MS = 3_000;

/** Test seams: where to look and how to ask the user. Every field defaults to the real thing. */
export interface OpenSettingsFileOptions {
  /** Search the workspace folders (default true). */
  searchWorkspace?: boolean;
  /** Overrides the `icewarp.installPath` setting. */
  installPath?: string;
  /** Overrides DEFAULT_INSTALL_FOLDERS. */
  defaultFolders?: readonly string[];
  /** Stands in for `window.showQuickPick` (tests answer it themselves). */
  pick?: <T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions) => Thenable<T | undefined>;
}

export interface OpenSettingsFileResult {
  outcome: 'opened' | 'created' | 'cancelled';
  /** The file opened, or the new untitled document. */
  uri?: vscode.Uri;
  /** What the quick pick offered, if one was shown. */
  offered?: readonly vscode.QuickPickItem[];
}

export class SettingsFileCommand {
  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
    /** Undefined where this machine's folders cannot be read (the browser). */
    private readonly installFolders: InstallFolders | undefined,
  ) {}

  register(): vscode.Disposable {
    return vscode.commands.registerCommand(OPEN_SETTINGS_FILE_COMMAND, () => this.run());
  }

  async run(options: OpenSettingsFileOptions = {}): Promise<OpenSettingsFileResult> {
    const pick = options.pick ?? vscode.window.showQuickPick;
    const candidates = await this.describe(await findCandidates(options, this.installFolders));
    const choice = chooseSettingsFile(candidates, (candidate) => vscode.workspace.asRelativePath(uriOf(candidate), true), PICK_WORDS);
    if (choice.kind === 'open') return this.open(uriOf(choice.candidate));
    if (choice.kind === 'pick') {
      const items = choice.items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, candidate: item.candidate }));
      const placeHolder = this.installFolders
        ? vscode.l10n.t('Several settings files: pick the node to open')
        : vscode.l10n.t("Several settings files: pick the node to open (only the workspace is searched here: IceWarp's install folders are on a machine the browser cannot read)");
      const picked = await pick(items, { title: vscode.l10n.t('IceWarp: Open IceWarp Settings File'), placeHolder, matchOnDescription: true, matchOnDetail: true });
      if (!picked) return { outcome: 'cancelled', offered: items };
      return { ...(await this.open(uriOf(picked.candidate))), offered: items };
    }
    return this.offerTemplate(pick);
  }

  private async open(uri: vscode.Uri): Promise<OpenSettingsFileResult> {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    return { outcome: 'opened', uri };
  }

  /** Role and hostname from the server; without an answer the quick pick still lists the paths. */
  private async describe(candidates: SettingsFileCandidate[]): Promise<SettingsFileCandidate[]> {
    if (candidates.length < 2) return candidates;
    try {
      const params: DescribeFilesParams = { uris: candidates.map((candidate) => uriOf(candidate).toString()) };
      const answer = await withTimeout(
        this.ready.then(() => this.client.sendRequest(describeFilesRequest, params)),
        DESCRIBE_TIMEOUT_MS,
      );
      const descriptions = describeFilesResponseSchema.parse(answer);
      return candidates.map((candidate, index) => {
        const description = descriptions[index];
        if (!description?.readable) return candidate;
        return {
          ...candidate,
          ...(description.role ? { role: description.role } : {}),
          ...(description.hostname ? { hostname: description.hostname } : {}),
          ...(description.serverId ? { serverId: description.serverId } : {}),
        };
      });
    } catch {
      return candidates;
    }
  }

  private async offerTemplate(pick: NonNullable<OpenSettingsFileOptions['pick']>): Promise<OpenSettingsFileResult> {
    const templates = settingsFileTemplates(snippets);
    const items = templates.map((template) => ({ label: templateWords(template.label), description: templateWords(template.description), template }));
    const picked = await pick(items, {
      title: vscode.l10n.t('IceWarp: Open IceWarp Settings File'),
      placeHolder: this.installFolders
        ? vscode.l10n.t('No path.cfg or path.dat found. Create one from a template:')
        : vscode.l10n.t("No path.cfg or path.dat in the workspace (only the workspace is searched here: IceWarp's install folders are on a machine the browser cannot read). Create one from a template:"),
    });
    if (!picked) return { outcome: 'cancelled', offered: items };
    const uri = await createFromTemplate(picked.template);
    return { outcome: 'created', uri, offered: items };
  }
}

/** Every settings file in the places the command looks, in that order; the workspace only without `installFolders`. */
async function findCandidates(options: OpenSettingsFileOptions = {}, installFolders?: InstallFolders): Promise<SettingsFileCandidate[]> {
  const candidates: SettingsFileCandidate[] = [];
  if (options.searchWorkspace !== false) {
    const found = await vscode.workspace.findFiles(NODE_FILE_GLOB, '**/node_modules/**');
    for (const uri of found.sort((a, b) => a.toString().localeCompare(b.toString()))) {
      candidates.push(uri.scheme === 'file' ? { fsPath: uri.fsPath, source: 'workspace' } : { fsPath: uri.path, uri: uri.toString(), source: 'workspace' });
    }
  }
  if (!installFolders) return candidates;
  const installPath = options.installPath ?? vscode.workspace.getConfiguration('icewarp').get<string>('installPath', '');
  for (const file of await installFolders.existingFiles(filesInInstallFolder(installPath))) candidates.push({ fsPath: file, source: 'installPath' });
  for (const folder of options.defaultFolders ?? DEFAULT_INSTALL_FOLDERS) {
    for (const file of await installFolders.existingFiles(filesInInstallFolder(folder))) candidates.push({ fsPath: file, source: 'defaultInstall' });
  }
  return candidates;
}

/**
 * A template's label or description (English, from the snippets file or the built-in templates)
 * in the display language; a text this table does not know stays as written.
 */
function templateWords(text: string): string {
  const words: Record<string, () => string> = {
    'Windows master node': () => vscode.l10n.t('Windows master node'),
    'Windows slave node': () => vscode.l10n.t('Windows slave node'),
    'Linux master node': () => vscode.l10n.t('Linux master node'),
    'Linux slave node': () => vscode.l10n.t('Linux slave node'),
    'Master node': () => vscode.l10n.t('Master node'),
    'Slave node': () => vscode.l10n.t('Slave node'),
    'Whole path.cfg (17 lines) for the master of a Windows cluster': () => vscode.l10n.t('Whole path.cfg (17 lines) for the master of a Windows cluster'),
    'Whole path.cfg (17 lines) for a slave of a Windows cluster': () => vscode.l10n.t('Whole path.cfg (17 lines) for a slave of a Windows cluster'),
    'Whole path.dat (17 lines) for the master of a Linux cluster': () => vscode.l10n.t('Whole path.dat (17 lines) for the master of a Linux cluster'),
    'Whole path.dat (17 lines) for a slave of a Linux cluster': () => vscode.l10n.t('Whole path.dat (17 lines) for a slave of a Linux cluster'),
    'Line 14 is 0; line 15 names this server': () => vscode.l10n.t('Line 14 is 0; line 15 names this server'),
    'Line 14 is 1; line 15 names the master': () => vscode.l10n.t('Line 14 is 1; line 15 names the master'),
  };
  return Object.hasOwn(words, text) ? words[text]() : text;
}

function uriOf(candidate: SettingsFileCandidate): vscode.Uri {
  return candidate.uri ? vscode.Uri.parse(candidate.uri) : vscode.Uri.file(candidate.fsPath);
}

/**
 * A new untitled `path.cfg` (in the first workspace folder, so saving puts it there) filled from
 * the template as a snippet, so the per-node values are tab stops.
 */
async function createFromTemplate(template: SettingsFileTemplate): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const document = folder
    ? await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'path.cfg').with({ scheme: 'untitled' }))
    : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID });
  const typed = document.languageId === LANGUAGE_ID ? document : await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(typed);
  await editor.insertSnippet(new vscode.SnippetString(template.body), new vscode.Position(0, 0));
  return typed.uri;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
