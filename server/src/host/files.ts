// How the core reaches the node files it was not sent by the editor: the ones under the
// workspace folders, their text and their size. The Node host reads the disk (./diskNodeFiles.ts);
// the browser host asks the client (./clientFiles.ts, vscode.workspace.findFiles / fs), so every
// call is async and names files by URI. The shapes are shared with the client (common/fileRequests.ts).
import { URI } from 'vscode-uri';
import type { FileRead, FileStat, NodeFileListing as ClientListing } from '../../../common/fileRequests';
import { NODE_FILE_NAMES } from '../../../common/protocol';

export type { FileRead, FileStat } from '../../../common/fileRequests';

/** A folder whose node files were not looked for, named for the log and the user. */
export interface UnlistedFolder {
  /** Its path as printed: absolute, bytes that are no UTF-8 as `\xNN`. */
  name: string;
  /** Why, in words: "could not be listed: permission denied". */
  reason: string;
}

/** What a search found, and where it could not look (the disk walk says; the client's search cannot). */
export interface NodeFileListing extends ClientListing {
  unlisted?: UnlistedFolder[];
}

export interface FileAccess {
  /** Every node file (path.cfg / path.dat) under the folders, and the folders that could not be searched. */
  findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing>;
  /**
   * A file's text as VS Code shows it (UTF-8, BOM removed). A file larger than `maxSize` bytes
   * is not read, only measured; anything that is not a readable file is `missing`.
   */
  readNodeFile(uri: string, maxSize: number): Promise<FileRead>;
  /** What is at `uri`, or undefined when nothing is (or it cannot be reached). */
  stat(uri: string): Promise<FileStat | undefined>;
}

/** `fileName`: a bare name or a URI's path (always `/`-separated). */
export function isNodeFileName(fileName: string): boolean {
  const baseName = fileName.slice(fileName.lastIndexOf('/') + 1);
  return (NODE_FILE_NAMES as readonly string[]).includes(baseName.toLowerCase());
}

export function isNodeFileUri(uri: string): boolean {
  return isNodeFileName(URI.parse(uri).path);
}
