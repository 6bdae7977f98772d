// How the server reaches node files it was not sent by the editor, when it cannot read them
// itself: in the browser (no disk), or on a workspace of another file system than the disk
// (github.dev's vscode-vfs://, a remote's vscode-remote://, any FileSystemProvider). It asks the
// client, which answers with vscode.workspace.findFiles and vscode.workspace.fs, so whatever VS
// Code can open, the server can index. The shapes are those of the server's FileAccess
// (server/src/host/files.ts), which the Node host answers from the disk directly.
import { RequestType } from 'vscode-jsonrpc';

export interface NodeFileListing {
  /** The node files found, as URIs in VS Code's own spelling, sorted. */
  uris: string[];
  /** Set when the search stopped at its limit (MAX_WALKED_FOLDERS folders, MAX_NODE_FILES_LISTED files): files past it are not listed. */
  truncated?: { limit: number; unit: 'folders' | 'files' };
}

/** A node file as read: its text, or why there is none. */
export type FileRead = { kind: 'text'; text: string } | { kind: 'too-large'; size: number } | { kind: 'missing' };

export interface FileStat {
  type: 'file' | 'directory' | 'other';
  /** Bytes. */
  size: number;
  /** Last modified, in milliseconds since 1970 (the server's own watching compares it); absent where unknown. */
  mtime?: number;
}

/** Folders never searched for node files, on disk or through the client. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.cache', 'dist', 'out'];

/** At most this many node files from one search through the client (the disk walk caps folders instead). */
export const MAX_NODE_FILES_LISTED = 20_000;

/**
 * At most this many folders listed by one walk of the disk (server/src/host/diskNodeFiles.ts, for the
 * editor and the command line alike): enough for any real config repository, and it keeps a
 * workspace opened on a home folder or a drive from walking forever.
 */
export const MAX_WALKED_FOLDERS = 20_000;

/**
 * The largest node file that is ever read, whatever icewarp.maxFileSize says: Node reads at most
 * 2 GB into one buffer, and V8 makes no string longer than 2^29 - 24 units (one UTF-8 byte gives
 * at most one). A larger file is measured, not read, and gets file-too-large.
 */
export const MAX_READABLE_FILE_SIZE = 2 ** 29 - 24;

export interface FindNodeFilesParams {
  folderUris: string[];
}

export interface ReadNodeFileParams {
  uri: string;
  /** Bytes; a larger file is measured, not read. */
  maxSize: number;
}

export interface StatFileParams {
  uri: string;
}

/** Server -> client: every path.cfg / path.dat under the folders. */
export const findNodeFilesRequest = new RequestType<FindNodeFilesParams, NodeFileListing, void>('icewarp/findNodeFiles');
/** Server -> client: one file's text as VS Code shows it (UTF-8, BOM removed). */
export const readNodeFileRequest = new RequestType<ReadNodeFileParams, FileRead, void>('icewarp/readNodeFile');
/** Server -> client: what is at a URI; null when nothing is. */
export const statFileRequest = new RequestType<StatFileParams, FileStat | null, void>('icewarp/statFile');

/**
 * A node file's bytes as text the way VS Code opens it and the Node host reads it: UTF-8, invalid
 * sequences as U+FFFD, a leading BOM removed.
 */
export function decodeNodeFile(bytes: Uint8Array): string {
  // TextDecoder drops a leading BOM unless told to keep it.
  return new TextDecoder('utf-8').decode(bytes);
}
