// The core reaches unopened files only through the FileAccess its host gives it: here an
// in-memory one, standing for a browser host that asks the client (nothing below exists on disk).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeFilesResponseSchema } from '../../common/protocol';
import type { FileAccess, FileRead, NodeFileListing } from '../../server/src/host/fileAccess';
import { TestClient, codes } from './lspClient';

const FOLDER = 'file:///virtual/cluster';
const MX1 = `${FOLDER}/mx1/path.dat`;
const MX2 = `${FOLDER}/mx2/path.dat`;
const fixture = (node: string) => readFileSync(path.resolve(__dirname, '../fixtures/cluster', node, 'path.dat'), 'utf8');

/** Files in a map; records what the core asked for. */
class MemoryFiles implements FileAccess {
  readonly listed: string[][] = [];
  readonly read: string[] = [];
  constructor(readonly texts: Map<string, string>) {}
  async findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing> {
    this.listed.push([...folderUris]);
    return { uris: [...this.texts.keys()].filter((uri) => folderUris.some((folder) => uri.startsWith(`${folder}/`))).sort() };
  }
  async readNodeFile(uri: string, maxSize: number): Promise<FileRead> {
    this.read.push(uri);
    const text = this.texts.get(uri);
    if (text === undefined) return { kind: 'missing' };
    return text.length > maxSize ? { kind: 'too-large', size: text.length } : { kind: 'text', text };
  }
  async stat(uri: string) {
    const text = this.texts.get(uri);
    return text === undefined ? undefined : { type: 'file' as const, size: text.length };
  }
}

describe('a host\'s own file access', () => {
  let files: MemoryFiles;
  let client: TestClient;
  before(async () => {
    // Both nodes claim Server ID 11.
    files = new MemoryFiles(new Map([[MX1, fixture('mx1')], [MX2, fixture('mx2').replace('\n12\n', '\n11\n')]]));
    client = await TestClient.start({ folders: ['/virtual/cluster'], files });
  });
  after(() => client.stop());

  test('the workspace is listed and read through it, and cross-node checks see every file', async () => {
    const duplicate = (diagnostics: { code?: unknown }[]) => diagnostics.some((diagnostic) => diagnostic.code === 'server-id-duplicate');
    const [onMx1] = await Promise.all([client.diagnosticsAfter(MX1, 0, duplicate), client.diagnosticsAfter(MX2, 0, duplicate)]);
    assert.equal(onMx1.find((diagnostic) => diagnostic.code === 'server-id-duplicate')?.relatedInformation?.[0].location.uri, MX2);
    assert.deepEqual(files.listed, [[FOLDER]]);
    assert.deepEqual([...files.read].sort(), [MX1, MX2]);
  });

  test('a changed file is read again through it', async () => {
    files.texts.set(MX2, fixture('mx2'));
    const count = client.publishCount(MX1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: MX2, type: 2 }] });
    assert.deepEqual(codes(await client.diagnosticsAfter(MX1, count)), []);
  });

  test('icewarp/describeFiles reads through it too', async () => {
    const other = `${FOLDER}/elsewhere/path.cfg`;
    files.texts.set(other, fixture('mx3'));
    const [description] = describeFilesResponseSchema.parse(await client.request<unknown>('icewarp/describeFiles', { uris: [other] }));
    assert.deepEqual({ readable: description.readable, hostname: description.hostname, role: description.role }, { readable: true, hostname: 'mx3.example.net', role: 'slave' });
    assert.ok(files.read.includes(other));
  });
});
