// How the server finds, reads and forgets node files it was not sent by the editor: reads that
// end after their folder left the workspace, folders deleted on disk, links to node files, the
// walk's limit, files larger than can be read, and one file spelt two ways by a client.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLUSTER_CHANGED_NOTIFICATION, CLUSTER_REQUEST, clusterResponseSchema } from '../../common/protocol';
import type { FileAccess, FileRead, NodeFileListing } from '../../server/src/host/files';
import { nodeFileAccess } from '../../server/src/host/diskNodeFiles';
import { TestClient, codes, fileUri } from '../../testing/lspClient';

const FIXTURE = path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat');
/** Codes one copy of mx1 raises against another copy (same ID, hostname, role). */
const AGAINST_A_COPY = ['cluster-multiple-masters', 'duplicate-identity', 'server-id-duplicate'];

let root: string;
before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-node-files-'));
});
after(() => fs.rm(root, { recursive: true, force: true }));

/** A folder holding a copy of mx1 in each of `count` subfolders; answers the node files' URIs. */
async function copiesOfMx1(name: string, count: number): Promise<{ folder: string; uris: string[] }> {
  const folder = path.join(root, name);
  const text = await fs.readFile(FIXTURE, 'utf8');
  const uris: string[] = [];
  for (let index = 0; index < count; index++) {
    await fs.mkdir(path.join(folder, `n${index}`), { recursive: true });
    await fs.writeFile(path.join(folder, `n${index}`, 'path.dat'), text);
    uris.push(fileUri(path.join(folder, `n${index}`, 'path.dat')));
  }
  return { folder, uris };
}

/** The disk, except that reads of files under `heldFolder` wait until release(). */
class HeldReads implements FileAccess {
  private held: (() => void)[] = [];
  private onHeld: (() => void) | undefined;
  heldCount = 0;
  constructor(private readonly heldFolder: string) {}
  findNodeFiles(folderUris: readonly string[]): Promise<NodeFileListing> {
    return nodeFileAccess.findNodeFiles(folderUris);
  }
  async readNodeFile(uri: string, maxSize: number): Promise<FileRead> {
    const read = await nodeFileAccess.readNodeFile(uri, maxSize);
    if (!uri.startsWith(`${fileUri(this.heldFolder)}/`)) return read;
    this.heldCount++;
    this.onHeld?.();
    await new Promise<void>((resolve) => this.held.push(resolve));
    return read;
  }
  stat(uri: string) {
    return nodeFileAccess.stat(uri);
  }
  /** Resolves once `count` reads are held. */
  whenHeld(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.onHeld = () => this.heldCount >= count && resolve();
      this.onHeld();
    });
  }
  release(): void {
    for (const resolve of this.held.splice(0)) resolve();
  }
}

/** Counts icewarp/clusterChanged and waits for the next one. */
function clusterChanges(client: TestClient): { count: () => number; after: (count: number) => Promise<void> } {
  let count = 0;
  let waiters: { seen: number; resolve: () => void }[] = [];
  client.connection.onNotification(CLUSTER_CHANGED_NOTIFICATION, () => {
    count++;
    for (const waiter of waiters.filter((each) => count > each.seen)) waiter.resolve();
    waiters = waiters.filter((each) => count <= each.seen);
  });
  return {
    count: () => count,
    after: (seen) =>
      count > seen
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no icewarp/clusterChanged notification')), 10_000);
            waiters.push({ seen, resolve: () => (clearTimeout(timer), resolve()) });
          }),
  };
}

describe('reads that end after their file left the workspace', () => {
  test('a folder removed while the first index reads it leaves no ghost nodes', async () => {
    const kept = await copiesOfMx1('ghost-kept', 1);
    const removed = await copiesOfMx1('ghost-removed', 5);
    const files = new HeldReads(removed.folder);
    const client = await TestClient.start({ folders: [kept.folder, removed.folder], files });
    try {
      await files.whenHeld(removed.uris.length);
      // The folder leaves the workspace while the index still reads its five files.
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [{ uri: fileUri(removed.folder), name: 'ghost-removed' }] },
      });
      // Validation waits in rounds for the index still reading; once the reads end, the round
      // validates what the index holds then: the kept node, and no ghost of the removed folder.
      files.release();
      await client.diagnosticsAfter(kept.uris[0], 0);
      await client.idle();
      assert.deepEqual(codes(client.latestDiagnostics(kept.uris[0])).filter((code) => AGAINST_A_COPY.includes(code)), [], 'the kept node is judged against the removed ones');
      for (const uri of removed.uris) assert.deepEqual(client.latestDiagnostics(uri) ?? [], [], `${uri} has diagnostics after its folder left the workspace`);
    } finally {
      files.release();
      await client.stop();
    }
  });
});

describe('a folder deleted on disk', () => {
  test('its node files are forgotten, their diagnostics cleared, the peers republished and the view told', async () => {
    const workspace = await copiesOfMx1('deleted-folder', 3);
    const client = await TestClient.start({ folders: [workspace.folder] });
    const changes = clusterChanges(client);
    try {
      await Promise.all(workspace.uris.map((uri) => client.diagnosticsAfter(uri, 0, (diagnostics) => codes(diagnostics).includes('server-id-duplicate'))));
      await client.status();
      const seen = changes.count();
      const [kept, ...gone] = workspace.uris;
      // n2 is open (VS Code keeps a closed editor's document a while): it leaves the cluster too.
      const [closed, open] = gone;
      await client.open(open, await fs.readFile(FIXTURE, 'utf8'));
      await client.diagnosticsAfter(open, 0);
      const keptBefore = client.publishCount(kept);
      // `rm -r n1 n2`, or the Explorer's delete: one event per folder, none for the files in it.
      await fs.rm(path.join(workspace.folder, 'n1'), { recursive: true });
      await fs.rm(path.join(workspace.folder, 'n2'), { recursive: true });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [1, 2].map((index) => ({ uri: fileUri(path.join(workspace.folder, `n${index}`)), type: 3 })),
      });
      const keptDiagnostics = await client.diagnosticsAfter(kept, keptBefore, (diagnostics) => !codes(diagnostics).includes('server-id-duplicate'));
      assert.deepEqual(codes(keptDiagnostics).filter((code) => AGAINST_A_COPY.includes(code)), []);
      await client.diagnosticsAfter(closed, 0, (diagnostics) => diagnostics.length === 0);
      await changes.after(seen);
      const model = clusterResponseSchema.parse(await client.request<unknown>(CLUSTER_REQUEST, {}));
      assert.deepEqual(
        model.clusters.flatMap((cluster) => cluster.nodes.filter((node) => node.kind === 'file').map((node) => node.uri)),
        [kept],
        'the view shows the deleted nodes',
      );
    } finally {
      await client.stop();
    }
  });
});

describe('links, limits and sizes', () => {
  test('a symbolic link named path.dat that leads to a node file is indexed', async () => {
    const workspace = await copiesOfMx1('linked', 1);
    const target = path.join(root, 'outside-the-workspace.dat');
    await fs.copyFile(FIXTURE, target);
    await fs.mkdir(path.join(workspace.folder, 'link'));
    await fs.symlink(target, path.join(workspace.folder, 'link', 'path.dat'));
    // A loop and a link to a folder stay harmless.
    await fs.symlink(path.join(workspace.folder, 'loop', 'path.dat'), path.join(workspace.folder, 'loop-target'));
    await fs.mkdir(path.join(workspace.folder, 'loop'));
    await fs.symlink(path.join(workspace.folder, 'loop-target'), path.join(workspace.folder, 'loop', 'path.dat'));
    await fs.symlink(workspace.folder, path.join(workspace.folder, 'loop', 'up'));
    const linked = fileUri(path.join(workspace.folder, 'link', 'path.dat'));
    const client = await TestClient.start({ folders: [workspace.folder] });
    try {
      const diagnostics = await client.diagnosticsAfter(linked, 0);
      assert.ok(codes(diagnostics).includes('server-id-duplicate'), `the linked node is not compared with the other: ${codes(diagnostics)}`);
    } finally {
      await client.stop();
    }
  });

  test('a workspace search that stops at its limit is said once, in the log and a warning', async () => {
    const workspace = await copiesOfMx1('truncated', 1);
    const files: FileAccess = {
      ...nodeFileAccess,
      findNodeFiles: async (folders) => ({ ...(await nodeFileAccess.findNodeFiles(folders)), truncated: { limit: 20_000, unit: 'folders' } }),
    };
    const client = await TestClient.start({ folders: [workspace.folder], files });
    const warnings: string[] = [];
    client.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => warnings.push(params.message));
    try {
      await client.diagnosticsAfter(workspace.uris[0], 0);
      // A second index (a folder added) reaches the limit again: nothing more is said.
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(root), name: 'root' }], removed: [] } });
      await client.diagnosticsAfter(workspace.uris[0], 1);
      await client.status();
      assert.equal(warnings.length, 1, `warnings: ${warnings.join(' | ')}`);
      assert.match(warnings[0], /after 20,000 folders .*Open the folder that holds the node files/);
      assert.equal(client.logMessages.filter((message) => message.includes('20,000 folders')).length, 1);
    } finally {
      await client.stop();
    }
  });

  test('icewarp.maxFileSize above what can be read: a huge file gets file-too-large, not silence', async () => {
    const workspace = await copiesOfMx1('huge', 1);
    const THREE_GB = 3 * 1024 ** 3;
    // The disk, except that the file says it holds 3 GB: a read asked for more than 2 GB fails.
    const files: FileAccess = {
      ...nodeFileAccess,
      readNodeFile: async (_uri, maxSize) => (THREE_GB > maxSize ? { kind: 'too-large', size: THREE_GB } : { kind: 'missing' }),
      stat: async () => ({ type: 'file', size: THREE_GB }),
    };
    const client = await TestClient.start({ folders: [workspace.folder], files, settings: { maxFileSize: 4 * 1024 ** 3 } });
    try {
      const diagnostics = await client.diagnosticsAfter(workspace.uris[0], 0);
      assert.deepEqual(codes(diagnostics), ['file-too-large']);
      assert.match(diagnostics[0].message, /3\.0 GB/);
    } finally {
      await client.stop();
    }
  });
});

describe('one file, two spellings of its URI', () => {
  test("a file opened with another client's spelling is the index's node, not its duplicate", async () => {
    const folder = path.join(root, "it's (mail+) a b");
    await fs.mkdir(path.join(folder, 'mx1'), { recursive: true });
    await fs.copyFile(FIXTURE, path.join(folder, 'mx1', 'path.dat'));
    const vscodeSpelling = fileUri(path.join(folder, 'mx1', 'path.dat'));
    // As a client that encodes spaces only: ( ) ' + left as they are.
    const otherSpelling = `file://${path.join(folder, 'mx1', 'path.dat').split(path.sep).join('/').replace(/ /g, '%20')}`;
    assert.notEqual(otherSpelling, vscodeSpelling);
    const client = await TestClient.start({ folders: [folder] });
    try {
      await client.diagnosticsAfter(vscodeSpelling, 0);
      await client.open(otherSpelling, await fs.readFile(FIXTURE, 'utf8'));
      // Published under the spelling the client opened it with.
      const diagnostics = await client.diagnosticsAfter(otherSpelling, 0);
      assert.deepEqual(codes(diagnostics).filter((code) => AGAINST_A_COPY.includes(code)), [], 'the open document is its own duplicate');
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: otherSpelling }, position: { line: 3, character: 0 } });
      assert.ok(hover, 'a request in the other spelling finds the document');
    } finally {
      await client.stop();
    }
  });
});
