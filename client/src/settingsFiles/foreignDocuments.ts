// Other programs' path.dat and path.cfg in the editor. The server judges each file's content and
// tells the verdict on an open document (icewarp/fileKind); this side holds no rule of its own: it
// renders the verdict. A foreign document switches to plain text and gets a language status item
// offering "Treat as IceWarp settings file"; that choice is remembered per file (workspace state,
// keyed by URI) and sent to the server (icewarp/fileKindOverrides), which then checks the file
// fully again. A user's own `files.associations` entry for our language always wins: such a
// document is never switched away, and the server is told to treat it as ours.
import * as vscode from 'vscode';
import { type BaseLanguageClient, State } from 'vscode-languageclient';
import {
  type FileKindOverridesParams,
  type FileKindParams,
  LANGUAGE_ID,
  NODE_FILE_GLOB,
  fileKindNotification,
  fileKindOverridesNotification,
  fileKindParamsSchema,
} from '../../../common/protocol';
import { TREAT_AS_SETTINGS_FILE_COMMAND } from '../commandIds';

/** The workspace state key of the files the user treats as IceWarp settings files (URI strings). */
const TREATED_AS_SETTINGS_FILES_KEY = 'icewarp.treatedAsSettingsFiles';
const PLAIN_TEXT = 'plaintext';

/** A language switch this module made, for the tests. */
export interface LanguageSwitch {
  document: vscode.TextDocument;
  languageId: string;
}

export class ForeignFiles implements vscode.Disposable {
  /** The server's last foreign verdict per document (URI string); IceWarp files have none. */
  private readonly verdicts = new Map<string, FileKindParams>();
  /** Open documents the user's files.associations keep as ours (this session; the setting itself is remembered). */
  private readonly associated = new Set<string>();
  private item: vscode.LanguageStatusItem | undefined;
  private readonly switched = new vscode.EventEmitter<LanguageSwitch>();
  /** Fires after a document was switched to plain text or back (tests wait on it). */
  readonly onDidSwitch = this.switched.event;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
    private readonly state: vscode.Memento,
  ) {}

  register(): vscode.Disposable[] {
    return [
      this,
      this.client.onNotification(fileKindNotification, (params) => void this.render(params)),
      // The server remembers nothing across a restart: tell every server that starts.
      this.client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.sendChoices();
      }),
      vscode.commands.registerCommand(TREAT_AS_SETTINGS_FILE_COMMAND, (uri?: unknown) => this.treatAsSettingsFile(uri instanceof vscode.Uri ? uri : undefined)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateItem()),
      // "Change Language Mode" back to ours on a document switched away is the user's choice too:
      // without this, the server's next verdict would switch it away again.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.languageId === LANGUAGE_ID && this.verdicts.has(document.uri.toString())) void this.treatAsSettingsFile(document.uri);
      }),
    ];
  }

  /** The server's foreign verdict on a document, if it has one. */
  verdictOf(uri: vscode.Uri): FileKindParams | undefined {
    return this.verdicts.get(uri.toString());
  }

  /** The status item shown on plain-text path.cfg / path.dat documents (created with the first foreign verdict). */
  get statusItem(): vscode.LanguageStatusItem | undefined {
    return this.item;
  }

  /** "Treat as IceWarp settings file": remembered for the file, told to the server, the document switched back. */
  async treatAsSettingsFile(uri = vscode.window.activeTextEditor?.document.uri): Promise<void> {
    if (!uri) return;
    const key = uri.toString();
    const remembered = this.remembered();
    if (!remembered.includes(key)) await this.state.update(TREATED_AS_SETTINGS_FILES_KEY, [...remembered, key]);
    this.verdicts.delete(key);
    await this.ready.catch(() => undefined);
    // Sent before the document reopens as ours, so the server judges it with the choice.
    this.sendChoices();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (document && document.languageId !== LANGUAGE_ID) await this.switchLanguage(document, LANGUAGE_ID);
    this.updateItem();
  }

  private async render(raw: unknown): Promise<void> {
    const parsed = fileKindParamsSchema.safeParse(raw);
    if (!parsed.success) return;
    const verdict = parsed.data;
    if (verdict.kind === 'icewarp') {
      this.verdicts.delete(verdict.uri);
      this.updateItem();
      return;
    }
    // The server judged before it heard the user's choice (right after start): it hears it next.
    if (this.remembered().includes(verdict.uri)) return;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === verdict.uri);
    if (!document || document.languageId !== LANGUAGE_ID) return;
    if (isAssociatedByUser(document)) {
      this.associated.add(verdict.uri);
      this.sendChoices();
      return;
    }
    this.verdicts.set(verdict.uri, verdict);
    this.ensureItem();
    await this.switchLanguage(document, PLAIN_TEXT);
    this.updateItem();
  }

  private async switchLanguage(document: vscode.TextDocument, languageId: string): Promise<void> {
    const switched = await vscode.languages.setTextDocumentLanguage(document, languageId);
    this.switched.fire({ document: switched, languageId });
  }

  private remembered(): string[] {
    const value = this.state.get<unknown>(TREATED_AS_SETTINGS_FILES_KEY);
    return Array.isArray(value) ? value.filter((uri): uri is string => typeof uri === 'string') : [];
  }

  private sendChoices(): void {
    if (!this.client.isRunning()) return;
    const params: FileKindOverridesParams = { icewarp: [...new Set([...this.remembered(), ...this.associated])] };
    this.client.sendNotification(fileKindOverridesNotification, params).catch(() => undefined);
  }

  private ensureItem(): void {
    if (this.item) return;
    // Only on plain-text files of our names: the documents this module switched (a user's own
    // association of other names with our language is never switched).
    this.item = vscode.languages.createLanguageStatusItem('icewarp.foreignFile', { language: PLAIN_TEXT, pattern: NODE_FILE_GLOB });
    this.item.name = vscode.l10n.t('IceWarp: file of another program');
    this.item.text = vscode.l10n.t('Not an IceWarp settings file');
    this.item.command = {
      command: TREAT_AS_SETTINGS_FILE_COMMAND,
      title: vscode.l10n.t('Treat as IceWarp settings file'),
      tooltip: vscode.l10n.t('Check this file as an IceWarp settings file (remembered for this file)'),
    };
  }

  /** The item's detail says why the active document was judged foreign. */
  private updateItem(): void {
    if (!this.item) return;
    const active = vscode.window.activeTextEditor?.document.uri;
    const verdict = active && this.verdicts.get(active.toString());
    // The reasons come from the server, in the language it was told at initialize (the same one).
    this.item.detail = verdict ? vscode.l10n.t("Judged another program's file: {0}", verdict.reasons[0] ?? '') : vscode.l10n.t('Not checked as an IceWarp settings file');
  }

  dispose(): void {
    this.item?.dispose();
    this.switched.dispose();
  }
}

/**
 * Whether the user's `files.associations` (any scope that applies to the document) names our
 * language for it. VS Code matches a pattern without a `/` against the file name and one with a
 * `/` against the whole path; `vscode.languages.match` with a glob matches the whole path, so a
 * bare name becomes `**\/name` first.
 */
function isAssociatedByUser(document: vscode.TextDocument): boolean {
  const associations = vscode.workspace.getConfiguration('files', document).get<unknown>('associations');
  if (typeof associations !== 'object' || associations === null) return false;
  return Object.entries(associations).some(
    ([pattern, language]) => language === LANGUAGE_ID && vscode.languages.match({ pattern: pattern.includes('/') ? pattern : `**/${pattern}` }, document) > 0,
  );
}

/** Registers the module; the extension's API hands it to the tests. */
export function registerForeignFiles(context: vscode.ExtensionContext, client: BaseLanguageClient, ready: Promise<void>): ForeignFiles {
  const foreignFiles = new ForeignFiles(client, ready, context.workspaceState);
  context.subscriptions.push(...foreignFiles.register());
  return foreignFiles;
}
