// The server's WorkspaceEdit (LSP JSON) as a vscode.WorkspaceEdit: files to create, text edits
// and files to delete, in order, each with its change annotation as metadata, so VS Code's
// refactor preview lists one entry per node. A text edit computed against another version of
// an open document is refused rather than applied to text it was not made for.
import * as vscode from 'vscode';
import { isRecord } from '../../../common/isRecord';

export interface ConvertOptions {
  /** Keep the annotations' needsConfirmation (VS Code then shows its refactor preview). */
  preview: boolean;
}

export class StaleEditError extends Error {}

export function toVscodeEdit(raw: unknown, options: ConvertOptions): vscode.WorkspaceEdit {
  if (!isRecord(raw)) throw new Error('the server sent no edit');
  const annotations = isRecord(raw.changeAnnotations) ? raw.changeAnnotations : {};
  const metadataOf = (id: unknown): vscode.WorkspaceEditEntryMetadata | undefined => {
    const annotation = typeof id === 'string' ? annotations[id] : undefined;
    if (!isRecord(annotation) || typeof annotation.label !== 'string') return undefined;
    return {
      label: annotation.label,
      ...(typeof annotation.description === 'string' ? { description: annotation.description } : {}),
      needsConfirmation: options.preview && annotation.needsConfirmation === true,
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
        edit.createFile(
          vscode.Uri.parse(change.uri),
          { overwrite: flags.overwrite === true, ignoreIfExists: flags.ignoreIfExists === true, ...(text !== undefined ? { contents: new TextEncoder().encode(text) } : {}) },
          metadataOf(change.annotationId),
        );
      } else if (change.kind === 'delete' && typeof change.uri === 'string') {
        const flags = isRecord(change.options) ? change.options : {};
        edit.deleteFile(vscode.Uri.parse(change.uri), { recursive: flags.recursive === true, ignoreIfNotExists: flags.ignoreIfNotExists === true }, metadataOf(change.annotationId));
      } else if (isRecord(change.textDocument) && typeof change.textDocument.uri === 'string' && Array.isArray(change.edits)) {
        const uri = vscode.Uri.parse(change.textDocument.uri);
        const version = change.textDocument.version;
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        if (typeof version === 'number' && open && open.version !== version) {
          throw new StaleEditError(`${vscode.workspace.asRelativePath(uri)} changed while the edit was computed; nothing was changed. Run the command again.`);
        }
        if (contents.has(change.textDocument.uri)) continue; // written by the createFile above
        for (const textEdit of change.edits) addTextEdit(edit, uri, textEdit, metadataOf);
      }
    }
  } else if (isRecord(raw.changes)) {
    for (const [uri, edits] of Object.entries(raw.changes)) {
      if (Array.isArray(edits)) for (const textEdit of edits) addTextEdit(edit, vscode.Uri.parse(uri), textEdit, metadataOf);
    }
  }
  return edit;
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

function addTextEdit(edit: vscode.WorkspaceEdit, uri: vscode.Uri, raw: unknown, metadataOf: (id: unknown) => vscode.WorkspaceEditEntryMetadata | undefined): void {
  if (!isRecord(raw) || typeof raw.newText !== 'string' || !isRecord(raw.range)) return;
  const position = (value: unknown): vscode.Position | undefined =>
    isRecord(value) && typeof value.line === 'number' && typeof value.character === 'number' ? new vscode.Position(value.line, value.character) : undefined;
  const start = position(raw.range.start);
  const end = position(raw.range.end);
  if (!start || !end) return;
  const metadata = metadataOf(raw.annotationId);
  if (metadata) edit.replace(uri, new vscode.Range(start, end), raw.newText, metadata);
  else edit.replace(uri, new vscode.Range(start, end), raw.newText);
}
