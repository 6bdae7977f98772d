// Node files that arrive inside new folders (a `git pull` or an Ansible fetch of a new host's tree)
// are indexed without a window reload: a Created event for a path that turns out to be a folder
// is walked with the walk and limits of discovery, in the Node host from the disk and in the
// browser host through the client's file requests. A path inside node_modules (an `npm install`)
// is not even looked at. The cluster view's Refresh (icewarp/rescanWorkspace) walks the folders
// again: a node file that came with no event is indexed, one that went with no event forgotten.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ClusterModel, type RescanResult, clusterRequest, rescanWorkspaceRequest } from '../../common/protocol';
import type { FileAccess } from '../../server/src/host/files';
import { nodeFileAccess } from '../../server/src/host/diskNodeFiles';
import { TestClient, fileUri } from '../../testing/lspClient';
import { windowsNode } from '../unit/clusterFixtures';

const CREATED = 1;

/** The disk, counting what the server asks of it. */
function countingDisk(): FileAccess & { stats: string[]; walks: string[][] } {
  const stats: string[] = [];
  const walks: string[][] = [];
  return {
    stats,
    walks,
    findNodeFiles: (folderUris) => {
      walks.push([...folderUris]);
      return nodeFileAccess.findNodeFiles(folderUris);
    },
    readNodeFile: (uri, maxSize) => nodeFileAccess.readNodeFile(uri, maxSize),
    stat: (uri) => {
      stats.push(uri);
      return nodeFileAccess.stat(uri);
    },
  };
}

async function write(folder: string, relative: string, text: string): Promise<string> {
  const file = path.join(folder, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return fileUri(file);
}

const hostsIn = (model: ClusterModel) => model.clusters.flatMap((cluster) => cluster.nodes.filter((node) => node.kind === 'file').map((node) => node.label)).sort();

async function waitForHosts(client: TestClient, accept: (hosts: string[]) => boolean, what: string): Promise<string[]> {
  // Each ask is answered after what the server has read so far; the index changes between asks only by events.
  for (let asked = 0; asked < 200; asked++) {
    const hosts = hostsIn(await client.connection.sendRequest(clusterRequest));
    if (accept(hosts)) return hosts;
    await client.idle();
  }
  throw new Error(`the cluster view never showed ${what}`);
}

for (const host of ['node', 'browser'] as const) {
  describe(`folders created on disk (${host} host)`, () => {
    let folder: string;
    let client: TestClient;
    const disk = countingDisk();

    before(async () => {
      folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-created-folders-'));
      for (const k of [1, 2]) await write(folder, `mx${k}/path.dat`, windowsNode(k, 3));
      client = await TestClient.start(host === 'node' ? { folders: [folder], files: disk } : { folders: [folder], host: 'browser', clientFiles: disk });
      await waitForHosts(client, (hosts) => hosts.length === 2, 'the first two nodes');
    });
    after(async () => {
      await client.stop();
      await fs.rm(folder, { recursive: true, force: true });
    });

    test('a Created event for a new folder only: the node file inside it is indexed and validated', async () => {
      const walksBefore = (await client.status()).folderWalks;
      const mx3 = await write(folder, 'mx3/opt/icewarp/path.dat', windowsNode(3, 3));
      const count = client.publishCount(mx3);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(folder, 'mx3')), type: CREATED }] });
      await client.diagnosticsAfter(mx3, count);
      assert.deepEqual(await waitForHosts(client, (hosts) => hosts.includes('mx3.example.net'), 'mx3'), ['mx1.example.net', 'mx2.example.net', 'mx3.example.net']);
      assert.equal((await client.status()).folderWalks, walksBefore + 1, 'one walk, of the new folder');
      assert.deepEqual(disk.walks.at(-1), [fileUri(path.join(folder, 'mx3'))]);
    });

    test('10,000 files created in node_modules: no stat and no walk', async () => {
      const status = await client.status();
      const stats = disk.stats.length;
      const changes = Array.from({ length: 10_000 }, (_, index) => ({ uri: fileUri(path.join(folder, 'node_modules', `pkg${index % 100}`, `file${index}.js`)), type: CREATED }));
      changes.push({ uri: fileUri(path.join(folder, 'node_modules')), type: CREATED });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      const after = await client.idle();
      assert.equal(after.folderWalks, status.folderWalks, 'no walk');
      assert.equal(disk.stats.length, stats, 'not one stat');
    });

    test('a created file that is no folder is looked at once and not walked; a folder outside the workspace neither', async () => {
      const walks = (await client.status()).folderWalks;
      const notes = await write(folder, 'notes.txt', 'nothing\n');
      const outside = fileUri(path.join(os.tmpdir(), 'icewarp-not-in-the-workspace'));
      const stats = disk.stats.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: notes, type: CREATED }, { uri: outside, type: CREATED }] });
      assert.equal((await client.idle()).folderWalks, walks);
      assert.deepEqual(disk.stats.slice(stats), [notes]);
    });

    test('Refresh: a node file that came with no event is indexed, one that went with no event is forgotten and cleared', async () => {
      const mx4 = await write(folder, 'quiet/mx4/path.dat', windowsNode(3, 3, { 4: '14', 10: '192.168.10.14', 11: 'mx4.example.net' }));
      const mx2 = fileUri(path.join(folder, 'mx2', 'path.dat'));
      await fs.rm(path.join(folder, 'mx2'), { recursive: true });
      const cleared = client.publishCount(mx2);
      const result = await client.connection.sendRequest<RescanResult>(rescanWorkspaceRequest.method);
      assert.equal(result.nodeFiles, 3);
      assert.deepEqual(await waitForHosts(client, (hosts) => hosts.includes('mx4.example.net') && !hosts.includes('mx2.example.net'), 'mx4 and no mx2'), ['mx1.example.net', 'mx3.example.net', 'mx4.example.net']);
      assert.deepEqual(await client.diagnosticsAfter(mx2, cleared), [], 'the forgotten file has no diagnostics left');
      assert.ok(client.publishCount(mx4) > 0);
    });
  });
}
