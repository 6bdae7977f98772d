// The core under its hosts. The bundled Node entry as editors and external tools start it,
// `node dist/server.js --stdio`, and over Node IPC as the VS Code client does, and the browser
// bundle dist/browser/server.js in a worker thread with a web worker's globals only (run `npm run
// build` first): the other protocol tests run the core in process (the secrets test aside), so
// these prove each entry wires it to a real transport. And the ways to files other than the disk:
// a host's own file access (in memory here), and the client's, which the browser host asks for
// every file and the Node host for folders of other file systems (nothing of those workspaces
// exists on disk).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clusterResponseSchema, describeFilesResponseSchema } from '../../common/protocol';
import type { FileAccess, FileRead, NodeFileListing } from '../../server/src/host/files';
import { TestClient, codes, fileUri, type Transport } from '../../testing/lspClient';

let folder: string;
before(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-smoke-'));
  await fs.mkdir(path.join(folder, 'mx1'));
  await fs.copyFile(path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat'), path.join(folder, 'mx1', 'path.dat'));
});
after(() => fs.rm(folder, { recursive: true, force: true }));

for (const transport of ['stdio', 'ipc', 'worker'] satisfies Transport[]) {
  describe(transport === 'worker' ? 'dist/browser/server.js in a worker' : `dist/server.js over ${transport}`, () => {
    test('indexes the workspace, validates an opened file, answers a custom request, and exits at the client\'s word', async () => {
      const client = await TestClient.start({ transport, folders: [folder] });
      const exited = new Promise<number | null>((resolve) => client.process?.once('exit', (code) => resolve(code)));
      if (transport === 'worker') {
        try {
          const onDisk = fileUri(path.join(folder, 'mx1', 'path.dat'));
          // Listed and read through this client's answers: the worker has no disk.
          assert.deepEqual(codes(await client.diagnosticsAfter(onDisk, 0)), [], 'the unopened node is indexed through the client and clean');
          const uri = 'untitled:smoke/path.dat';
          await client.open(uri, '\n\n\n123\n');
          assert.ok(codes(await client.diagnosticsAfter(uri, 0)).includes('server-id-too-long'));
          const model = clusterResponseSchema.parse(await client.request<unknown>('icewarp/cluster', {}));
          assert.equal(model.clusters.length, 1);
          assert.equal((await client.status()).pid, 0, 'a browser server has no process to report');
        } finally {
          await client.stop();
        }
        return;
      }
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

/** A client's answers (as VS Code gives them) for a workspace that lives only in `files`. */
async function clusterThroughTheClient(options: { host: 'node' | 'browser'; folder: string }): Promise<{ files: MemoryFiles; client: TestClient }> {
  const mx1 = `${options.folder}/mx1/path.dat`;
  const mx2 = `${options.folder}/mx2/path.dat`;
  // Both nodes claim Server ID 11; without mx2's line 10 nothing tells which of the two is wrong.
  const files = new MemoryFiles(new Map([[mx1, fixture('mx1')], [mx2, fixture('mx2').replace('\n12\n', '\n11\n').replace('\n10.0.0.12\n', '\n\n')]]));
  const client = await TestClient.start({ host: options.host, folderUris: [options.folder], clientFiles: files });
  return { files, client };
}

describe('files through the client', () => {
  test('the browser host lists and reads every file through the client, and cross-node checks see them all', async () => {
    // file: URIs too: the browser has no disk, whatever the scheme says.
    const folder = 'file:///nowhere-on-disk/cluster';
    const { files, client } = await clusterThroughTheClient({ host: 'browser', folder });
    try {
      const duplicate = (diagnostics: { code?: unknown }[]) => diagnostics.some((diagnostic) => diagnostic.code === 'server-id-duplicate');
      const [onMx1] = await Promise.all([client.diagnosticsAfter(`${folder}/mx1/path.dat`, 0, duplicate), client.diagnosticsAfter(`${folder}/mx2/path.dat`, 0, duplicate)]);
      assert.equal(onMx1.find((diagnostic) => diagnostic.code === 'server-id-duplicate')?.relatedInformation?.[0].location.uri, `${folder}/mx2/path.dat`);
      assert.deepEqual(files.listed, [[folder]]);
      assert.deepEqual([...files.read].sort(), [`${folder}/mx1/path.dat`, `${folder}/mx2/path.dat`]);

      // A file changed outside the editor is read again through the client.
      files.texts.set(`${folder}/mx2/path.dat`, fixture('mx2'));
      const count = client.publishCount(`${folder}/mx1/path.dat`);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${folder}/mx2/path.dat`, type: 2 }] });
      assert.deepEqual(codes(await client.diagnosticsAfter(`${folder}/mx1/path.dat`, count)), []);
    } finally {
      await client.stop();
    }
  });

  test('the Node host asks the client for a folder that is not on the disk (a virtual workspace) and reads the disk for the rest', async () => {
    const virtual = 'vscode-vfs://github/example/cluster';
    const { files, client } = await clusterThroughTheClient({ host: 'node', folder: virtual });
    try {
      const mx1 = `${virtual}/mx1/path.dat`;
      const mx2 = `${virtual}/mx2/path.dat`;
      const duplicate = (diagnostics: { code?: unknown }[]) => diagnostics.some((diagnostic) => diagnostic.code === 'server-id-duplicate');
      await client.diagnosticsAfter(mx1, 0, duplicate);
      assert.deepEqual(files.listed, [[virtual]]);

      // An open document of that file system is the node (not a draft beside it): its text wins...
      let count = client.publishCount(mx1);
      await client.open(mx2, fixture('mx2'));
      assert.deepEqual(codes(await client.diagnosticsAfter(mx1, count)), []);
      // ...and once closed, the file's saved text counts again, read through the client.
      count = client.publishCount(mx1);
      await client.close(mx2);
      await client.diagnosticsAfter(mx1, count, duplicate);
    } finally {
      await client.stop();
    }
  });
});

describe('a host\'s own file access', () => {
  let files: MemoryFiles;
  let client: TestClient;
  before(async () => {
    // Both nodes claim Server ID 11; without mx2's line 10 nothing tells which of the two is wrong.
    files = new MemoryFiles(new Map([[MX1, fixture('mx1')], [MX2, fixture('mx2').replace('\n12\n', '\n11\n').replace('\n10.0.0.12\n', '\n\n')]]));
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
