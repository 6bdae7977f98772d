// One cluster operation is one change of the cluster: every node's change is shown before it is
// applied (VS Code's multi-file diff, line-5 passwords masked on both sides), it is applied as one
// edit without VS Code's refactoring auto save (the files stay unsaved for the admin to review),
// and afterwards every file is compared with the text it should have: if any differs (a part of
// the edit refused, another edit in between), the whole change is undone, so the cluster is never
// left half changed. VS Code's own preview cannot do this: it shows entries unticked, accepts a
// part of them, and answers `false` alike for Discard and for Apply with nothing ticked.
import * as vscode from 'vscode';
import type { ChangedFile } from '../../../common/clusterRequests';
import { redactNodeFileText } from '../../../common/redact';
import type { ConvertedEdit } from './workspaceEditConversion';

/** The scheme of the preview's read-only copies: never a node of the workspace, never in the cluster menus. */
export const PREVIEW_SCHEME = 'icewarp-preview';

/** One file of the change: its text before (undefined: it does not exist yet) and after (undefined: deleted). */
export interface PlannedFile {
  uri: vscode.Uri;
  /** The node as the server names it: `mx2.example.net (mx2/path.dat)`. */
  label: string;
  description: string;
  kind: ChangedFile['kind'];
  before: string | undefined;
  after: string | undefined;
  /** It had unsaved changes before: undoing the change leaves it so. */
  wasDirty: boolean;
}

export type ApplyOutcome = { applied: true; unsaved: vscode.TextDocument[] } | { applied: false; differing: PlannedFile[] };

export class ClusterChange {
  private constructor(
    readonly title: string,
    readonly files: readonly PlannedFile[],
    private readonly edit: vscode.WorkspaceEdit,
  ) {}

  /** Reads what each file holds now and computes what it will hold. */
  static async plan(title: string, changed: readonly ChangedFile[], converted: ConvertedEdit): Promise<ClusterChange> {
    const files: PlannedFile[] = [];
    for (const file of converted.files) {
      const server = changed.find((each) => each.uri === file.uri.toString());
      const label = server?.label ?? vscode.workspace.asRelativePath(file.uri, true);
      const description = server?.description ?? '';
      if (file.kind === 'create') {
        files.push({ uri: file.uri, label, description, kind: 'create', before: undefined, after: file.text, wasDirty: false });
        continue;
      }
      const document = await documentOf(file.uri);
      const before = document.getText();
      const after = file.kind === 'edit' ? applyTextEdits(document, file.edits) : undefined;
      files.push({ uri: file.uri, label, description, kind: file.kind, before, after, wasDirty: document.isDirty });
    }
    return new ClusterChange(title, files, converted.edit);
  }

  /** The files that change: a create, a delete or an edit that alters the text. */
  get changing(): PlannedFile[] {
    return this.files.filter((file) => file.before !== file.after);
  }

  /**
   * Opens the multi-file diff of every node's change (`vscode.changes`); the returned function
   * closes it. Both sides are copies in `previews`, line 5's passwords masked.
   */
  async show(previews: PreviewDocuments): Promise<() => Promise<void>> {
    const id = previews.nextId();
    const copy = (file: PlannedFile, side: 'before' | 'after', text: string | undefined) =>
      text === undefined ? undefined : previews.put(vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: file.uri.path, query: `${id}-${side}` }), redactNodeFileText(text));
    const resources = this.changing.map((file) => [file.uri, copy(file, 'before', file.before), copy(file, 'after', file.after)] as const);
    await vscode.commands.executeCommand('vscode.changes', this.title, resources);
    return async () => {
      // VS Code titles it `<title> (3 files)`.
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.label === this.title || tab.label.startsWith(`${this.title} (`));
      if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
      previews.forget(id);
    };
  }

  /** Applies the change; if afterwards any file differs from what it should hold, undoes all of it. */
  async apply(afterApply?: () => Promise<void>): Promise<ApplyOutcome> {
    // Without isRefactoring: VS Code's files.refactoring.autoSave would save every file of it.
    const ok = await vscode.workspace.applyEdit(this.edit);
    await afterApply?.();
    const differing = await this.differing();
    if (ok && differing.length === 0) {
      const touched = new Set(this.files.map((file) => file.uri.toString()));
      return { applied: true, unsaved: vscode.workspace.textDocuments.filter((document) => document.isDirty && touched.has(document.uri.toString())) };
    }
    await this.undo();
    return { applied: false, differing: differing.length > 0 ? differing : [...this.changing] };
  }

  /** The files whose text is not what the change should have made of it. */
  async differing(): Promise<PlannedFile[]> {
    const result: PlannedFile[] = [];
    for (const file of this.files) if ((await currentText(file.uri)) !== file.after) result.push(file);
    return result;
  }

  /** Every file back to its text before the change; a file that was saved before is saved again. */
  private async undo(): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    const restored: PlannedFile[] = [];
    for (const file of this.files) {
      const now = await currentText(file.uri);
      if (now === file.before) continue;
      if (file.before === undefined) edit.deleteFile(file.uri, { ignoreIfNotExists: true });
      else if (now === undefined) edit.createFile(file.uri, { overwrite: true, contents: new TextEncoder().encode(file.before) });
      else {
        const document = await documentOf(file.uri);
        edit.replace(file.uri, new vscode.Range(new vscode.Position(0, 0), document.positionAt(now.length)), file.before);
        restored.push(file);
      }
    }
    await vscode.workspace.applyEdit(edit);
    for (const file of restored) {
      const document = vscode.workspace.textDocuments.find((each) => each.uri.toString() === file.uri.toString());
      if (document?.isDirty && !file.wasDirty && document.getText() === file.before) await document.save();
    }
  }
}

/** The read-only copies the preview shows, by URI. */
export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private ids = 0;

  register(): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);
  }

  nextId(): string {
    return String(++this.ids);
  }

  put(uri: vscode.Uri, text: string): vscode.Uri {
    this.texts.set(uri.toString(), text);
    return uri;
  }

  forget(id: string): void {
    for (const key of [...this.texts.keys()]) if (vscode.Uri.parse(key).query.startsWith(`${id}-`)) this.texts.delete(key);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function documentOf(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
}

/** The text a file has now: its document's if VS Code holds one, else the file's; undefined when it does not exist. */
async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * The document's text with the edits applied as VS Code applies them: they do not overlap (the
 * server makes them so), and the line breaks they insert become the document's own.
 */
export function applyTextEdits(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  let text = document.getText();
  const ordered = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  for (const edit of ordered) {
    text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText.replace(/\r\n|\r|\n/g, eol) + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}
