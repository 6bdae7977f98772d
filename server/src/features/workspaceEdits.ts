// A service change (several node files) as an LSP WorkspaceEdit: files to create first, then text
// edits (versioned for open documents, so a stale edit is refused), then deletions. Each file has
// its own change annotation, and `needsConfirmation` makes VS Code show its refactor preview with
// one entry per node. Also the check that every file the change touches can be written.
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { ChangeAnnotation, TextDocuments, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClusterChange } from '../service/clusterEdits';
import type { ChangedFile } from '../../../common/clusterOps';

export interface EditShape {
  /** Change annotations that ask for confirmation (the refactor preview). */
  needsConfirmation: boolean;
}

export function toWorkspaceEdit(change: ClusterChange, documents: TextDocuments<TextDocument>, shape: EditShape): WorkspaceEdit {
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  change.files.forEach((file, index) => {
    const annotationId = `icewarp.${index}`;
    changeAnnotations[annotationId] = { label: file.label, description: file.description, needsConfirmation: shape.needsConfirmation };
    if (file.kind === 'create') {
      documentChanges.push({ kind: 'create', uri: file.uri, options: { overwrite: false, ignoreIfExists: false }, annotationId });
      documentChanges.push({
        textDocument: { uri: file.uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.text, annotationId }],
      });
    } else if (file.kind === 'delete') {
      documentChanges.push({ kind: 'delete', uri: file.uri, options: { recursive: false, ignoreIfNotExists: false }, annotationId });
    } else {
      documentChanges.push({
        textDocument: { uri: file.uri, version: documents.get(file.uri)?.version ?? null },
        edits: file.edits.map((edit) => ({ ...edit, annotationId })),
      });
    }
  });
  const edit: WorkspaceEdit = { documentChanges, changeAnnotations };
  // A client that knows no documentChanges applies `changes` instead (only without files to create or delete).
  if (change.files.every((file) => file.kind === 'edit')) {
    edit.changes = Object.fromEntries(change.files.map((file) => [file.uri, file.kind === 'edit' ? file.edits : []]));
  }
  return edit;
}

export function changedFiles(change: ClusterChange): ChangedFile[] {
  return change.files.map(({ uri, kind, label, description }) => ({ uri, kind, label, description }));
}

/**
 * Why a file of the change cannot be written (read-only, or its folder), or undefined. Only files
 * on disk are checked; the editor's own checks still apply.
 */
export async function unwritable(change: ClusterChange): Promise<string | undefined> {
  for (const file of change.files) {
    const uri = URI.parse(file.uri);
    if (uri.scheme !== 'file') continue;
    const target = file.kind === 'create' ? await nearestExisting(path.dirname(uri.fsPath)) : uri.fsPath;
    if (file.kind === 'create' && (await exists(uri.fsPath))) return `${file.label} cannot be created: the file exists already.`;
    if (!(await writable(target))) {
      if (file.kind !== 'create' && !(await exists(target))) continue; // not on disk: the editor holds it
      return file.kind === 'create' ? `${file.label} cannot be created: its folder is not writable.` : `${file.label} cannot be written (read-only); nothing was changed.`;
    }
  }
  return undefined;
}

/** Writable for this process, and not marked read-only (which even root should respect). */
async function writable(fsPath: string): Promise<boolean> {
  try {
    const stat = await fs.stat(fsPath);
    if ((stat.mode & 0o222) === 0) return false;
    await fs.access(fsPath, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function exists(fsPath: string): Promise<boolean> {
  try {
    await fs.stat(fsPath);
    return true;
  } catch {
    return false;
  }
}

async function nearestExisting(folder: string): Promise<string> {
  let current = folder;
  while (!(await exists(current))) {
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}
