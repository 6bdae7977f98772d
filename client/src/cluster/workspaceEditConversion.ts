// The server's WorkspaceEdit (LSP JSON) as a vscode.WorkspaceEdit: files to create, text edits
// and files to delete, in order, each with its change annotation's label as metadata and none
// needing confirmation (VS Code would show such an entry unticked, and a cluster's change applied
// in part splits the cluster). What it does to each file is also answered on its own, so the
// client can show the whole change before and check it after. A text edit computed against
// another version of an open document is refused rather than applied to text it was not made for.
import * as vscode from 'vscode';
import { isRecord } from '../../../common/isRecord';

export class StaleEditError extends Error {}

/** What the edit does to one file. */
export type FileChangeOf = { uri: vscode.Uri; kind: 'create'; text: string } | { uri: vscode.Uri; kind: 'edit'; edits: vscode.TextEdit[] } | { uri: vscode.Uri; kind: 'delete' };

export interface ConvertedEdit {
  edit: vscode.WorkspaceEdit;
  /** Per file, in the edit's order (a file's text edits together). */
  files: FileChangeOf[];
}

export function toVscodeEdit(raw: unknown): ConvertedEdit {
  if (!isRecord(raw)) throw new Error(vscode.l10n.t('the server sent no edit'));
  const files: FileChangeOf[] = [];
  const textEditsOf = (uri: vscode.Uri): vscode.TextEdit[] => {
    const known = files.find((file) => file.kind === 'edit' && file.uri.toString() === uri.toString());
    if (known?.kind === 'edit') return known.edits;
    const edits: vscode.TextEdit[] = [];
    files.push({ uri, kind: 'edit', edits });
    return edits;
  };
  const annotations = isRecord(raw.changeAnnotations) ? raw.changeAnnotations : {};
  const metadataOf = (id: unknown): vscode.WorkspaceEditEntryMetadata | undefined => {
    const annotation = typeof id === 'string' ? annotations[id] : undefined;
    if (!isRecord(annotation) || typeof annotation.label !== 'string') return undefined;
    return {
      label: annotation.label,
      ...(typeof annotation.description === 'string' ? { description: annotation.description } : {}),
      needsConfirmation: false,
    };
  };
  const edit = new vscode.WorkspaceEdit();
  const documentChanges = Array.isArray(raw.documentChanges) ? raw.documentChanges : undefined;
  if (documentChanges) {
    const contents = contentsOfCreatedFiles(documentChanges);
    for (const change of documentChanges) {
      if (!isRecord(change)) continue;
      if (change.kind === 'create' && typeof change.uri === 'string') {
        const flags = isRecord(change.options) ? change.options : {};
        const text = contents.get(change.uri);
        files.push({ uri: vscode.Uri.parse(change.uri), kind: 'create', text: text ?? '' });
        edit.createFile(
          vscode.Uri.parse(change.uri),
          { overwrite: flags.overwrite === true, ignoreIfExists: flags.ignoreIfExists === true, ...(text !== undefined ? { contents: new TextEncoder().encode(text) } : {}) },
          metadataOf(change.annotationId),
        );
      } else if (change.kind === 'delete' && typeof change.uri === 'string') {
        const flags = isRecord(change.options) ? change.options : {};
        files.push({ uri: vscode.Uri.parse(change.uri), kind: 'delete' });
        edit.deleteFile(vscode.Uri.parse(change.uri), { recursive: flags.recursive === true, ignoreIfNotExists: flags.ignoreIfNotExists === true }, metadataOf(change.annotationId));
      } else if (isRecord(change.textDocument) && typeof change.textDocument.uri === 'string' && Array.isArray(change.edits)) {
        const uri = vscode.Uri.parse(change.textDocument.uri);
        const version = change.textDocument.version;
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        if (typeof version === 'number' && open && open.version !== version) {
          throw new StaleEditError(vscode.l10n.t('{0} changed while the edit was computed; nothing was changed. Run the command again.', vscode.workspace.asRelativePath(uri)));
        }
        if (contents.has(change.textDocument.uri)) continue; // written by the createFile above
        for (const textEdit of change.edits) addTextEdit(edit, uri, textEdit, metadataOf, textEditsOf(uri));
      }
    }
  } else if (isRecord(raw.changes)) {
    for (const [uri, edits] of Object.entries(raw.changes)) {
      const parsed = vscode.Uri.parse(uri);
      if (Array.isArray(edits)) for (const textEdit of edits) addTextEdit(edit, parsed, textEdit, metadataOf, textEditsOf(parsed));
    }
  }
  return { edit, files };
}

/**
 * The text of each file the edit creates and then fills with one insert at its start (the LSP way
 * to create a file with content). VS Code writes it as the file's bytes instead: an insert into a
 * new model would take the editor's default line ending, and a CRLF cluster must get a CRLF node.
 */
function contentsOfCreatedFiles(changes: readonly unknown[]): Map<string, string> {
  const contents = new Map<string, string>();
  changes.forEach((change, index) => {
    const next = changes[index + 1];
    if (!isRecord(change) || change.kind !== 'create' || typeof change.uri !== 'string' || !isRecord(next) || !isRecord(next.textDocument)) return;
    if (next.textDocument.uri !== change.uri || !Array.isArray(next.edits) || next.edits.length !== 1) return;
    const insert = next.edits[0];
    const atStart = (position: unknown) => isRecord(position) && position.line === 0 && position.character === 0;
    if (isRecord(insert) && typeof insert.newText === 'string' && isRecord(insert.range) && atStart(insert.range.start) && atStart(insert.range.end)) contents.set(change.uri, insert.newText);
  });
  return contents;
}

function addTextEdit(
  edit: vscode.WorkspaceEdit,
  uri: vscode.Uri,
  raw: unknown,
  metadataOf: (id: unknown) => vscode.WorkspaceEditEntryMetadata | undefined,
  recorded: vscode.TextEdit[],
): void {
  if (!isRecord(raw) || typeof raw.newText !== 'string' || !isRecord(raw.range)) return;
  const position = (value: unknown): vscode.Position | undefined =>
    isRecord(value) && typeof value.line === 'number' && typeof value.character === 'number' ? new vscode.Position(value.line, value.character) : undefined;
  const start = position(raw.range.start);
  const end = position(raw.range.end);
  if (!start || !end) return;
  const metadata = metadataOf(raw.annotationId);
  const range = new vscode.Range(start, end);
  recorded.push(new vscode.TextEdit(range, raw.newText));
  if (metadata) edit.replace(uri, range, raw.newText, metadata);
  else edit.replace(uri, range, raw.newText);
}
