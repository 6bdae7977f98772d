// Cross-node cluster rules through the real server: an edit of one open node republishes the
// unopened nodes of its cluster, with relatedInformation pointing at the node that changed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../../testing/lspClient';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const has = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === code);
const lacks = (code: string) => (diagnostics: Diagnostic[]) => !diagnostics.some((d) => d.code === code);

describe('cluster rules over LSP', () => {
  let folder: string;
  let client: TestClient;
  const uriOf = (node: string) => fileUri(path.join(folder, node, 'path.dat'));

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-cluster-rules-'));
    for (const node of ['mx1', 'mx2', 'mx3']) {
      await fs.mkdir(path.join(folder, node));
      await fs.copyFile(path.join(FIXTURES, 'cluster', node, 'path.dat'), path.join(folder, node, 'path.dat'));
    }
    client = await TestClient.start({ folders: [folder] });
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('a slave edited to say master flags both masters; editing it back clears both', async () => {
    const [mx1, mx2, mx3] = ['mx1', 'mx2', 'mx3'].map(uriOf);
    const original = await fs.readFile(path.join(folder, 'mx2', 'path.dat'), 'utf8');
    // The workspace is indexed and clean before the edit.
    await client.diagnosticsAfter(mx1, 0);
    await client.open(mx2, original);
    await client.diagnosticsAfter(mx2, 0);
    assert.deepEqual(client.latestDiagnostics(mx1), []);

    const counts = [client.publishCount(mx1), client.publishCount(mx2)];
    await client.change(mx2, original.replace('\n1\nmx1.example.net\n', '\n0\nmx1.example.net\n'), 2);
    const [onMx1, onMx2] = await Promise.all([
      client.diagnosticsAfter(mx1, counts[0], has('cluster-multiple-masters')),
      client.diagnosticsAfter(mx2, counts[1], has('cluster-multiple-masters')),
    ]);
    const flag = onMx1.find((d) => d.code === 'cluster-multiple-masters');
    assert.equal(flag?.source, 'icewarp');
    assert.deepEqual(flag?.range, { start: { line: 13, character: 0 }, end: { line: 13, character: 1 } });
    assert.equal(flag?.relatedInformation?.[0].location.uri, mx2);
    assert.equal(onMx2.find((d) => d.code === 'cluster-multiple-masters')?.relatedInformation?.[0].location.uri, mx1);
    // mx3 is a slave: it has nothing to say about two masters.
    assert.ok(lacks('cluster-multiple-masters')(client.latestDiagnostics(mx3) ?? []));

    const again = [client.publishCount(mx1), client.publishCount(mx2)];
    await client.change(mx2, original, 3);
    await Promise.all([
      client.diagnosticsAfter(mx1, again[0], lacks('cluster-multiple-masters')),
      client.diagnosticsAfter(mx2, again[1], lacks('cluster-multiple-masters')),
    ]);
  });

  test("taking another node's hostname is told to the node that took it, pointing at the unopened node, as duplicate-identity", async () => {
    const [mx2, mx3] = ['mx2', 'mx3'].map(uriOf);
    const original = await fs.readFile(path.join(folder, 'mx2', 'path.dat'), 'utf8');
    const counts = [client.publishCount(mx2), client.publishCount(mx3)];
    await client.change(mx2, original.replace('\nmx2.example.net\nlicense.key', '\nmx3.example.net\nlicense.key'), 4);
    // mx2's Server ID 12 says mx2 by the cluster's numbering (+ 10): it is the one told, not mx3.
    const onMx2 = await client.diagnosticsAfter(mx2, counts[0], has('duplicate-identity'));
    const duplicate = onMx2.find((d) => d.code === 'duplicate-identity');
    assert.deepEqual(duplicate?.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 15 } });
    assert.equal(duplicate?.relatedInformation?.[0].location.uri, mx3);
    await client.idle();
    assert.ok(lacks('duplicate-identity')(client.latestDiagnostics(mx3) ?? []), 'mx3 follows the numbering');
  });
});
