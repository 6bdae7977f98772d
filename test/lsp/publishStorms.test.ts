// Publish storms: events that arrive together are one round of republishing, each affected file
// published at most once, however many of its peers changed; and no diagnostic lists every peer of
// a large cluster.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_RELATED } from '../../server/src/service';
import { TestClient, fileUri } from '../../testing/lspClient';

const FIXTURE = path.resolve(__dirname, '../fixtures/cluster/mx1/path.dat');

/** Node `index` of one cluster: its own Server ID, address and hostname, slaves of n0. */
function clusterNode(template: string, index: number): string {
  const lines = template.split('\n');
  lines[3] = String(100 + index);
  lines[9] = `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  lines[10] = `n${index}.example.net`;
  lines[13] = index === 0 ? '0' : '1';
  lines[14] = 'n0.example.net';
  lines[15] = 'n1.example.net;n2.example.net';
  return lines.join('\n');
}

/** Publishes received from `from` on, by URI. */
function countsSince(client: TestClient, from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const publish of client.publishes.slice(from)) counts.set(publish.uri, (counts.get(publish.uri) ?? 0) + 1);
  return counts;
}

const mostPerFile = (counts: Map<string, number>) => Math.max(0, ...counts.values());

describe('publish storms', () => {
  const N = 60;
  let template: string;
  let folder: string;
  const uriOf = (index: number) => fileUri(path.join(folder, `n${index}`, 'path.dat'));

  before(async () => {
    template = await fs.readFile(FIXTURE, 'utf8');
  });
  after(() => fs.rm(folder, { recursive: true, force: true }));

  test(`${N} node files created at once: each published once`, async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-storm-created-'));
    const client = await TestClient.start({ folders: [folder] });
    try {
      await client.idle();
      for (let index = 0; index < N; index++) {
        await fs.mkdir(path.join(folder, `n${index}`));
        await fs.writeFile(path.join(folder, `n${index}`, 'path.dat'), clusterNode(template, index));
      }
      const from = client.publishCount();
      const changes = Array.from({ length: N }, (_, index) => ({ uri: uriOf(index), type: 1 }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      await client.idle();
      const counts = countsSince(client, from);
      assert.equal(counts.size, N, 'every new node is published');
      assert.equal(mostPerFile(counts), 1, `a node was published ${mostPerFile(counts)} times; ${client.publishCount() - from} publishes in all`);
    } finally {
      await client.stop();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  test(`Close All of ${N} open nodes of one cluster: each republished once`, async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-storm-close-'));
    for (let index = 0; index < N; index++) {
      await fs.mkdir(path.join(folder, `n${index}`));
      await fs.writeFile(path.join(folder, `n${index}`, 'path.dat'), clusterNode(template, index));
    }
    const client = await TestClient.start({ folders: [folder] });
    try {
      await client.idle();
      for (let index = 0; index < N; index++) void client.open(uriOf(index), clusterNode(template, index));
      await client.idle();
      const from = client.publishCount();
      for (let index = 0; index < N; index++) void client.close(uriOf(index));
      await client.idle();
      const counts = countsSince(client, from);
      assert.equal(counts.size, N, 'every node is republished from its saved text');
      assert.equal(mostPerFile(counts), 1, `a node was published ${mostPerFile(counts)} times; ${client.publishCount() - from} publishes in all`);
    } finally {
      await client.stop();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  test('a burst of copies of one node opened and closed: bounded publishes, related locations and memory', async () => {
    // Copies of one node, each in its own folder: every copy clashes with every other one
    // (Server ID, address, hostname), and stays a node after it is closed.
    const COPIES = 200;
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-storm-burst-'));
    const text = clusterNode(template, 1);
    for (let index = 0; index < COPIES; index++) {
      await fs.mkdir(path.join(folder, `n${index}`));
      await fs.writeFile(path.join(folder, `n${index}`, 'path.dat'), text);
    }
    const client = await TestClient.start({ folders: [folder] });
    try {
      await client.idle();
      let related = 0;
      const baseHeap = process.memoryUsage().heapUsed;
      let peakHeap = baseHeap;
      client.publishListeners.push((params) => {
        for (const diagnostic of params.diagnostics) related += diagnostic.relatedInformation?.length ?? 0;
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      });
      const from = client.publishCount();
      for (let index = 0; index < COPIES; index++) void client.open(uriOf(index), text);
      for (let index = 0; index < COPIES; index++) void client.close(uriOf(index));
      await client.idle();
      const counts = countsSince(client, from);
      const publishes = client.publishCount() - from;
      const diagnostics = client.latestDiagnostics(uriOf(0)) ?? [];
      console.log(`burst of ${COPIES}: ${publishes} publishes, ${related} related locations, heap +${Math.round((peakHeap - baseHeap) / 1e6)} MB at the peak`);
      assert.ok(mostPerFile(counts) <= 2, `a copy was published ${mostPerFile(counts)} times; ${publishes} publishes in all`);
      assert.ok(diagnostics.length > 0, 'the copies clash');
      for (const diagnostic of diagnostics) {
        assert.ok((diagnostic.relatedInformation?.length ?? 0) <= MAX_RELATED, `${diagnostic.code} lists ${diagnostic.relatedInformation?.length} related locations`);
        if (diagnostic.relatedInformation?.length === MAX_RELATED) assert.match(diagnostic.message, /\d+ more not shown/, 'the message counts what is not listed');
      }
      assert.ok(related <= publishes * diagnostics.length * MAX_RELATED, `${related} related locations in ${publishes} publishes`);
    } finally {
      await client.stop();
    }
  });
});
