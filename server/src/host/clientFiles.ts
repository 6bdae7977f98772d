// File access through the client (common/fileRequests.ts): the browser host's only way to files,
// and the Node host's way to workspaces on other file systems than the disk. A client that does
// not answer (another editor, a request that fails) is a workspace without those files, never an
// error: the open documents are still validated. Every answer is checked against its shape
// first: a generic client answers `null` to a request it does not know (valid JSON-RPC), and a
// wrong answer is "not readable", never a TypeError that ends the server.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { z } from 'zod';
import { findNodeFilesRequest, readNodeFileRequest, statFileRequest } from '../../../common/fileRequests';
import type { FileAccess, FileRead, FileStat, NodeFileListing } from './files';

const listingSchema = z.object({
  uris: z.array(z.string()),
  truncated: z.object({ limit: z.number(), unit: z.enum(['folders', 'files']) }).optional(),
});
const readSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('too-large'), size: z.number().nonnegative() }),
  z.object({ kind: z.literal('missing') }),
]);
const statSchema = z.object({ type: z.enum(['file', 'directory', 'other']), size: z.number().nonnegative() });

export function clientFileAccess(connection: Connection): FileAccess {
  return {
    async findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing> {
      if (folderUris.length === 0) return { uris: [] };
      try {
        const listing = listingSchema.safeParse(await connection.sendRequest(findNodeFilesRequest, { folderUris: [...folderUris] }));
        if (!listing.success) return { uris: [] };
        const { uris, truncated } = listing.data;
        return { uris: [...uris].sort(), ...(truncated ? { truncated } : {}) };
      } catch {
        return { uris: [] };
      }
    },
    async readNodeFile(uri: string, maxSize: number): Promise<FileRead> {
      try {
        const read = readSchema.safeParse(await connection.sendRequest(readNodeFileRequest, { uri, maxSize }));
        return read.success ? read.data : { kind: 'missing' };
      } catch {
        return { kind: 'missing' };
      }
    },
    async stat(uri: string): Promise<FileStat | undefined> {
      try {
        const stat = statSchema.safeParse(await connection.sendRequest(statFileRequest, { uri }));
        return stat.success ? stat.data : undefined;
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
      const unlisted = [...(local.unlisted ?? []), ...(elsewhere.unlisted ?? [])];
      return { uris: [...local.uris, ...elsewhere.uris].sort(), ...(truncated ? { truncated } : {}), ...(unlisted.length > 0 ? { unlisted } : {}) };
    },
    readNodeFile: (uri, maxSize) => (onDisk(uri) ? disk : other).readNodeFile(uri, maxSize),
    stat: (uri) => (onDisk(uri) ? disk : other).stat(uri),
  };
}
