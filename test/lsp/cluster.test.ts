import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import {
  CLUSTER_CHANGED_NOTIFICATION,
  CLUSTER_REQUEST,
  DESCRIBE_FILES_REQUEST,
  clusterResponseSchema,
  describeFilesResponseSchema,
  type ClusterModel as ClusterResponse,
} from '../../common/protocol';
import { TestClient, fileUri } from '../../testing/lspClient';

const WORKSPACE = path.resolve(__dirname, '../fixtures/clusters');
const MX1 = fileUri(path.join(WORKSPACE, 'alpha/mx1/path.dat'));
const MX2 = fileUri(path.join(WORKSPACE, 'alpha/mx2/path.cfg'));
const SOLO = fileUri(path.join(WORKSPACE, 'beta/solo/path.dat'));

/** Counts `icewarp/clusterChanged` notifications and lets a test wait for the next one. */
class ChangeWatcher {
  count = 0;
  private waiters: { after: number; resolve: () => void }[] = [];
  constructor(client: TestClient) {
    client.connection.onNotification(CLUSTER_CHANGED_NOTIFICATION, () => {
      this.count++;
      const ready = this.waiters.filter((waiter) => this.count > waiter.after);
      this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) waiter.resolve();
    });
  }
  /** Resolves on the first notification after `after` of them had arrived. */
  next(after: number, timeoutMs = 10_000): Promise<void> {
    if (this.count > after) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no icewarp/clusterChanged notification')), timeoutMs);
      this.waiters.push({ after, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}

async function clusterModel(client: TestClient): Promise<ClusterResponse> {
  // Parse as the client does: the answer must satisfy the shared schema.
  return clusterResponseSchema.parse(await client.request<unknown>(CLUSTER_REQUEST, {}));
}

const bySeverity = (diagnostics: readonly Diagnostic[], severity: number) => diagnostics.filter((diagnostic) => (diagnostic.severity ?? 1) === severity).length;

describe('icewarp/cluster over LSP on a 3-node workspace', () => {
  let client: TestClient;
  let changes: ChangeWatcher;
  before(async () => {
    client = await TestClient.start({ folders: [WORKSPACE] });
    changes = new ChangeWatcher(client);
    // The index is built and every file validated once: then the model has its problem counts.
    await Promise.all([MX1, MX2, SOLO].map((uri) => client.diagnosticsAfter(uri, 0)));
    await changes.next(0);
  });
  after(() => client.stop());

  test('two clusters: alpha with its master, its slave and a slave not in the workspace; beta with a node of no role', async () => {
    const model = await clusterModel(client);
    const summary = model.clusters.map((cluster) => ({
      label: cluster.label,
      nodes: cluster.nodes.map((node) => `${node.label} ${node.role} ${node.kind}${node.uri ? ` ${path.relative(WORKSPACE, new URL(node.uri).pathname)}` : ''}`),
    }));
    assert.deepEqual(summary, [
      {
        label: 'mx1.alpha.test',
        nodes: ['mx1.alpha.test master file alpha/mx1/path.dat', 'mx2.alpha.test slave file alpha/mx2/path.cfg', 'mx4.alpha.test slave missing'],
      },
      {
        label: 'mail.beta.test',
        nodes: ['mail.beta.test master missing', 'solo.beta.test unknown file beta/solo/path.dat'],
      },
    ]);
    const mx4 = model.clusters[0].nodes[2];
    assert.deepEqual(mx4.namedBy, [
      { uri: MX1, line: 15 },
      { uri: MX2, line: 15 },
    ]);
    const solo = model.clusters[1].nodes[1];
    assert.equal(solo.roleEvidence, 'none', 'line 14 is "yes" and the hostname is in neither host line');
  });

  test('each node carries its identity, its folders marked local or shared, and the problems the server published', async () => {
    const model = await clusterModel(client);
    const mx2 = model.clusters[0].nodes.find((node) => node.uri === MX2);
    assert.ok(mx2);
    assert.equal(mx2.serverId?.value, '02');
    assert.equal(mx2.hostname?.line, 10);
    assert.deepEqual(mx2.ipBinding && [mx2.ipBinding.server, mx2.ipBinding.outgoing], [['10.1.0.2', '127.0.0.1'], ['10.1.0.2']]);
    assert.deepEqual(
      mx2.sharedFolders.map((folder) => `${folder.field}=${folder.location}`),
      ['configPath=shared', 'spamPath=shared'],
    );
    assert.deepEqual(
      mx2.workingFolders.map((folder) => `${folder.field}=${folder.location}`),
      ['outgoingQueue=local', 'retryQueue=local', 'incomingQueue=shared'],
    );
    for (const node of model.clusters.flatMap((cluster) => cluster.nodes)) {
      if (!node.uri) continue;
      const published = client.latestDiagnostics(node.uri) ?? [];
      assert.deepEqual(
        node.problems,
        { error: bySeverity(published, 1), warning: bySeverity(published, 2), information: bySeverity(published, 3), hint: bySeverity(published, 4) },
        `problem counts of ${node.label}`,
      );
    }
    assert.ok(mx2.problems.warning >= 1, 'the incoming queue on a share is a warning on mx2');
    const solo = model.clusters[1].nodes.find((node) => node.uri === SOLO);
    assert.ok((solo?.problems.error ?? 0) >= 1, 'the invalid role is an error on solo');
  });

  test('no password or logon user ever reaches the answer', async () => {
    const json = JSON.stringify(await client.request<unknown>(CLUSTER_REQUEST, {}));
    assert.ok(!json.includes('Fixture-Secret'), 'passwords of line 5');
    assert.ok(!json.includes('ALPHA\\\\svc'), 'the logon user of line 5');
  });

  test('an edit changes the model and the server says so without being asked', async () => {
    const text = await fs.readFile(new URL(SOLO), 'utf8');
    const beforeOpen = client.publishCount(SOLO);
    await client.open(SOLO, text);
    await client.diagnosticsAfter(SOLO, beforeOpen);
    const published = client.publishCount(SOLO);
    await client.change(SOLO, text.replace('\nyes\n', '\n1\n'), 2);
    await client.diagnosticsAfter(SOLO, published);
    // The notification is debounced after the publish round, so it comes after these diagnostics.
    await changes.next(changes.count);
    const solo = (await clusterModel(client)).clusters.flatMap((cluster) => cluster.nodes).find((node) => node.uri === SOLO);
    assert.equal(solo?.role, 'slave');
    assert.equal(solo?.roleEvidence, 'slave-flag');
    await client.close(SOLO);
  });

  test('an untitled buffer is no node of the cluster', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, await fs.readFile(new URL(MX1), 'utf8'));
    await client.diagnosticsAfter(uri, 0);
    const uris = (await clusterModel(client)).clusters.flatMap((cluster) => cluster.nodes.map((node) => node.uri));
    assert.ok(!uris.includes(uri));
    await client.close(uri);
  });

  test('icewarp/describeFiles gives role and hostname, also of a file outside the workspace', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-describe-'));
    try {
      const file = path.join(outside, 'path.dat');
      await fs.writeFile(file, '/opt/icewarp/config/\n\n\n7\n\n\n\n\n\n\nother.test\n\n\n1\nm.test\n');
      const answer = describeFilesResponseSchema.parse(
        await client.request<unknown>(DESCRIBE_FILES_REQUEST, { uris: [MX1, fileUri(file), fileUri(path.join(outside, 'missing.dat'))] }),
      );
      assert.deepEqual(
        answer.map(({ readable, role, hostname, serverId }) => ({ readable, role, hostname, serverId })),
        [
          { readable: true, role: 'master', hostname: 'mx1.alpha.test', serverId: '01' },
          { readable: true, role: 'slave', hostname: 'other.test', serverId: '7' },
          { readable: false, role: undefined, hostname: undefined, serverId: undefined },
        ],
      );
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });
});
