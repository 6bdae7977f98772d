// The client's answers to the server's file requests (common/fileRequests.ts), from VS Code's own
// file system API: the browser server reads every unopened node file this way, the Node server
// the ones on other file systems than the disk (vscode-vfs:// on github.dev, vscode-remote://,
// any FileSystemProvider).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  type FileRead,
  type FileStat,
  MAX_NODE_FILES_LISTED,
  type NodeFileListing,
  SKIPPED_FOLDERS,
  decodeNodeFile,
  findNodeFilesRequest,
  readNodeFileRequest,
  statFileRequest,
} from '../../../common/fileRequests';
import { NODE_FILE_GLOB } from '../../../common/protocolNames';

const EXCLUDED = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(findNodeFilesRequest, (params, token) => findNodeFiles(params.folderUris, token)),
    client.onRequest(readNodeFileRequest, (params) => readNodeFile(params.uri, params.maxSize)),
    client.onRequest(statFileRequest, async (params) => (await statFile(params.uri)) ?? null),
  ];
}

async function findNodeFiles(folderUris: readonly string[], token: vscode.CancellationToken): Promise<NodeFileListing> {
  const found = new Set<string>();
  let truncated = false;
  for (const folder of folderUris) {
    try {
      const pattern = new vscode.RelativePattern(vscode.Uri.parse(folder), NODE_FILE_GLOB);
      const uris = await vscode.workspace.findFiles(pattern, EXCLUDED, MAX_NODE_FILES_LISTED, token);
      if (uris.length >= MAX_NODE_FILES_LISTED) truncated = true;
      for (const uri of uris) found.add(uri.toString());
    } catch {
      // A folder that cannot be searched has no node files the server could read.
    }
  }
  return { uris: [...found].sort(), ...(truncated ? { truncated: { limit: MAX_NODE_FILES_LISTED, unit: 'files' as const } } : {}) };
}

async function readNodeFile(uriText: string, maxSize: number): Promise<FileRead> {
  try {
    const uri = vscode.Uri.parse(uriText);
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0) return { kind: 'missing' };
    if (stat.size > maxSize) return { kind: 'too-large', size: stat.size };
    return { kind: 'text', text: decodeNodeFile(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return { kind: 'missing' };
  }
}

async function statFile(uriText: string): Promise<FileStat | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uriText));
    const type = stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other';
    return { type, size: stat.size, mtime: stat.mtime };
  } catch {
    return undefined;
  }
}
