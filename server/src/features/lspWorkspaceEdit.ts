// A service change (several node files) as an LSP WorkspaceEdit: files to create first, then text
// edits (versioned for open documents, so a stale edit is refused), then deletions. Each file has
// its own change annotation, labelling the node wherever an editor lists the change; none asks
// for confirmation, since an entry left unticked would apply part of a cluster's change. Also the
// check that no file to create exists already, through the host's file access (the core runs in
// any host; whether a file may be written is the editor's to tell).
import type { FileAccess } from '../host/files';
import type { ChangeAnnotation, TextDocuments, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type ClusterChange, t } from '../service';
import type { ChangedFile } from '../../../common/clusterRequests';

export interface EditShape {
  /** Change annotations that ask for confirmation (VS Code's refactor preview, each entry unticked): never for a cluster's change. */
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

/** Why the change cannot be made as computed (a file to create is there already), or undefined. */
export async function createsOverExisting(change: ClusterChange, files: FileAccess): Promise<string | undefined> {
  for (const file of change.files) {
    if (file.kind === 'create' && (await files.stat(file.uri))) return t('{0} cannot be created: the file exists already; nothing was changed.', file.label);
  }
  return undefined;
}
