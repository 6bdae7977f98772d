// File access through the client (common/fileRequests.ts): the browser host's only way to files,
// and the Node host's way to workspaces on other file systems than the disk. A client that does
// not answer (another editor, a request that fails) is a workspace without those files, never an
// error: the open documents are still validated.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { findNodeFilesRequest, readNodeFileRequest, statFileRequest } from '../../../common/fileRequests';
import type { FileAccess, FileRead, FileStat, NodeFileListing } from './files';

export function clientFileAccess(connection: Connection): FileAccess {
  return {
    async findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing> {
      if (folderUris.length === 0) return { uris: [] };
      try {
        const listing = await connection.sendRequest(findNodeFilesRequest, { folderUris: [...folderUris] });
        return { uris: [...listing.uris].sort(), ...(listing.truncated ? { truncated: listing.truncated } : {}) };
      } catch {
        return { uris: [] };
      }
    },
    async readNodeFile(uri: string, maxSize: number): Promise<FileRead> {
      try {
        return await connection.sendRequest(readNodeFileRequest, { uri, maxSize });
      } catch {
        return { kind: 'missing' };
      }
    },
    async stat(uri: string): Promise<FileStat | undefined> {
      try {
        return (await connection.sendRequest(statFileRequest, { uri })) ?? undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * `file:` URIs through `disk`, every other scheme through `other`: how the Node host serves a
 * workspace that mixes local folders with virtual ones.
 */
export function fileAccessByScheme(disk: FileAccess, other: FileAccess): FileAccess {
  const onDisk = (uri: string) => URI.parse(uri).scheme === 'file';
  return {
    async findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing> {
      const [local, elsewhere] = await Promise.all([disk.findNodeFiles(folderUris.filter(onDisk)), other.findNodeFiles(folderUris.filter((uri) => !onDisk(uri)))]);
      const truncated = local.truncated ?? elsewhere.truncated;
      return { uris: [...local.uris, ...elsewhere.uris].sort(), ...(truncated ? { truncated } : {}) };
    },
    readNodeFile: (uri, maxSize) => (onDisk(uri) ? disk : other).readNodeFile(uri, maxSize),
    stat: (uri) => (onDisk(uri) ? disk : other).stat(uri),
  };
}
