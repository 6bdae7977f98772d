// The protocol-free description of a change to several node files, as every cluster operation
// answers: edits per file (the file's own line endings kept), files to create or delete, and a
// label per file for the preview. Or a refusal that says why nothing changes.
import { NodeFile } from '../parse';
import { TextEdit } from '../types';
import { fileLabel } from '../mention';

interface FileChangeBase {
  uri: string;
  /** The node as the preview lists it: `mx2.example.net (mx2/path.dat)`. Never a password. */
  label: string;
  /** What changes in it, in words: `line 14: 1 → 0 (master); line 15: mx2.example.net`. */
  description: string;
}

export interface FileEdit extends FileChangeBase {
  kind: 'edit';
  /** Non-overlapping edits against the file's text as the workspace holds it. */
  edits: TextEdit[];
}

export interface FileCreate extends FileChangeBase {
  kind: 'create';
  text: string;
}

export interface FileDelete extends FileChangeBase {
  kind: 'delete';
}

export type FileChange = FileEdit | FileCreate | FileDelete;

export interface ClusterChange {
  /** Short, for an undo label or a preview title: `Promote mx2.example.net to master`. */
  title: string;
  /** One or two sentences for the user once it is done. */
  summary: string;
  /** Creations first, then edits, then deletions (the order an editor applies them in), each by URI. */
  files: FileChange[];
  /** What the user must still know or do once it is applied (translated), shown with the summary. */
  warnings?: string[];
}

export type ClusterEditResult = { ok: true; change: ClusterChange } | { ok: false; reason: string };

export function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

export function changeOf(title: string, summary: string, files: FileChange[], warnings: readonly string[] = []): ClusterEditResult {
  const order = { create: 0, edit: 1, delete: 2 } as const;
  const byKindThenUri = (a: FileChange, b: FileChange) => order[a.kind] - order[b.kind] || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
  return { ok: true, change: { title, summary, files: [...files].sort(byKindThenUri), ...(warnings.length > 0 ? { warnings: [...warnings] } : {}) } };
}

const MAX_NAME = 80;

/** A host or other value as a message shows it: shortened when a broken line makes it huge. */
export function shortText(text: string): string {
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
}

/** A node as messages name it: its hostname and its file, `mx2.example.net (mx2/path.dat)` (see mention.ts). */
export function nodeName(node: NodeFile): string {
  const hostname = node.field.hostname.value.text;
  return hostname ? `${shortText(hostname)} (${fileLabel(node)})` : fileLabel(node);
}

/** The hostname alone when there is one, else the folder: for titles. */
export function shortName(node: NodeFile): string {
  const hostname = node.field.hostname.value.text;
  return hostname ? shortText(hostname) : fileLabel(node);
}
