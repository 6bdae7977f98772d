// The core under its hosts. The bundled Node entry as editors and external tools start it,
// `node dist/server.js --stdio`, and over Node IPC as the VS Code client does (run `npm run build`
// first): the other protocol tests run the core in process (the secrets test aside), so these
// prove the entry wires it to a real transport. And a host's own file access: an in-memory one,
// standing for a browser host that asks the client, through which alone the core reaches
// unopened files (nothing of that workspace exists on disk).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clusterResponseSchema, describeFilesResponseSchema } from '../../common/protocol';
import type { FileAccess, FileRead, NodeFileListing } from '../../server/src/host/fileAccess';
import { TestClient, codes, fileUri, type Transport } from './lspClient';

let folder: string;
before(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-smoke-'));
  await fs.mkdir(path.join(folder, 'mx1'));
  await fs.copyFile(path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat'), path.join(folder, 'mx1', 'path.dat'));
});
after(() => fs.rm(folder, { recursive: true, force: true }));

for (const transport of ['stdio', 'ipc'] satisfies Transport[]) {
  describe(`dist/server.js over ${transport}`, () => {
    test('indexes the workspace, validates an opened file, answers a custom request, and exits at the client\'s word', async () => {
      const client = await TestClient.start({ transport, folders: [folder] });
      const exited = new Promise<number | null>((resolve) => client.process?.once('exit', (code) => resolve(code)));
      try {
        assert.ok(client.initializeResult?.capabilities.hoverProvider, 'the features are registered');
        const onDisk = fileUri(path.join(folder, 'mx1', 'path.dat'));
        assert.deepEqual(codes(await client.diagnosticsAfter(onDisk, 0)), [], 'the unopened node on disk is indexed and clean');

        const uri = 'untitled:smoke/path.dat';
        await client.open(uri, '\n\n\n123\n');
        assert.ok(codes(await client.diagnosticsAfter(uri, 0)).includes('server-id-too-long'));

        const model = clusterResponseSchema.parse(await client.request<unknown>('icewarp/cluster', {}));
        assert.deepEqual(
          model.clusters.flatMap((cluster) => cluster.nodes.filter((node) => node.kind === 'file').map((node) => node.uri)),
          [onDisk],
        );
        const status = await client.status();
        assert.equal(status.pid, client.process?.pid, 'the status is the server process\'s own');
        assert.ok(status.rssBytes > 0);
      } finally {
        await client.stop();
      }
      assert.equal(await exited, 0, 'shutdown then exit ends the process cleanly');
    });
  });
}

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
