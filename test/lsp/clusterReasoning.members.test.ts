// Who is wrong, through the real server (issue 21, points 1-4), on four clusters of one
// workspace, none of them opened until a fix is applied: a typo in one node's own hostname, a
// node rolled out before the others list it, a slave no list names, a node taken out but still
// on the shared Config folder. Each test reads what the editor shows (diagnostics, the light
// bulb, fix-all, the Cluster view, the cluster commands' answers), applies the cross-node quick
// fixes as an editor does (the fixed text in an open document) and reads the cluster again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { FIX_ALL_IN_CLUSTER_REQUEST, REMOVE_NODE_REQUEST, type ClusterEditAnswer } from '../../common/clusterRequests';
import { clusterResponseSchema } from '../../common/protocol';
import { TestClient, fileUri } from '../../testing/lspClient';
import { LINUX_MASTER, nodeText, withValues } from '../unit/helpers';
import { CLUSTER_CODES } from '../unit/clusterFixtures';

/** Node k of the cluster `name` (its own domain and Config mount; node 1 the master), with changes. */
function node(name: string, k: number, changes: Record<number, string> = {}): string {
  const host = (n: number) => `mx${n}.${name}.test`;
  return nodeText(
    withValues(LINUX_MASTER, {
      1: `/mnt/${name}/config/`,
      4: `1${k}`,
      10: `10.${name.length}.0.1${k}`,
      11: host(k),
      14: k === 1 ? '0' : '1',
      15: host(1),
      16: `${host(2)};${host(3)}`,
      ...changes,
    }),
  );
}

const FILES: Record<string, string> = {
  // Point 1: mx3's own line 11 misspells the name every other node calls it by.
  'typo/mx1': node('typo', 1),
  'typo/mx2': node('typo', 2),
  'typo/mx3': node('typo', 3, { 11: 'mx3.tpyo.test' }),
  // Point 2: mx4 is being added; its file is written first.
  'rollout/mx1': node('rollout', 1),
  'rollout/mx2': node('rollout', 2),
  'rollout/mx3': node('rollout', 3),
  'rollout/mx4': node('rollout', 4, { 16: 'mx2.rollout.test;mx3.rollout.test;mx4.rollout.test' }),
  // Point 3: mx4 follows the master, but no list names it.
  'unlisted/mx1': node('unlisted', 1),
  'unlisted/mx2': node('unlisted', 2),
  'unlisted/mx3': node('unlisted', 3),
  'unlisted/mx4': node('unlisted', 4),
  // Point 4: mx3 was taken out of the cluster with its file kept.
  'shared/mx1': node('shared', 1, { 16: 'mx2.shared.test' }),
  'shared/mx2': node('shared', 2, { 16: 'mx2.shared.test' }),
  'shared/mx3': node('shared', 3, { 14: '0', 15: '', 16: '' }),
};

const span = (diagnostic: Diagnostic) => [diagnostic.range.start.line + 1, diagnostic.range.start.character, diagnostic.range.end.character];
const isClusterCode = (diagnostic: Diagnostic) => CLUSTER_CODES.includes(String(diagnostic.code)) || diagnostic.code === 'host-possible-typo';

describe('who is wrong across nodes, over LSP', () => {
  let folder: string;
  let client: TestClient;
  const uriOf = (name: string) => fileUri(path.join(folder, name, 'path.dat'));
  const texts = new Map<string, string>();
  let version = 1;
  const opened = new Set<string>();

  const diagnosticsOf = (name: string) => client.latestDiagnostics(uriOf(name)) ?? [];
  const ofCode = (name: string, code: string) => diagnosticsOf(name).filter((diagnostic) => diagnostic.code === code);
  /** Every cross-node diagnostic of the nodes of a cluster, as `node code@line`. */
  const clusterFindings = (cluster: string) =>
    Object.keys(FILES)
      .filter((name) => name.startsWith(`${cluster}/`))
      .flatMap((name) => diagnosticsOf(name).filter(isClusterCode).map((diagnostic) => `${name} ${diagnostic.code}@${diagnostic.range.start.line + 1}`))
      .sort();

  const quickFixes = (name: string, diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(name) }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  const fixAllEdits = async (name: string) => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(name) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    return actions.flatMap((action) => action.edit?.changes?.[uriOf(name)] ?? []);
  };

  /** Applies the first quick fix of the node's first diagnostic of `code` as an editor does (the fixed text in an open document), then waits until everything is republished. */
  const applyFix = async (name: string, code: string) => {
    const [diagnostic] = ofCode(name, code);
    assert.ok(diagnostic, `${name} has ${code}`);
    const [action] = await quickFixes(name, diagnostic);
    assert.ok(action, `${code} on ${name} offers a fix`);
    const uri = uriOf(name);
    const edits = action.edit?.changes?.[uri] ?? [];
    const text = TextDocument.applyEdits(TextDocument.create(uri, 'icewarp-pathcfg', 1, texts.get(name) as string), edits);
    texts.set(name, text);
    if (opened.has(name)) await client.change(uri, text, ++version);
    else {
      opened.add(name);
      await client.open(uri, text, 'icewarp-pathcfg', ++version);
    }
    await client.idle();
  };

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-reasoning-'));
    for (const [name, text] of Object.entries(FILES)) {
      await fs.mkdir(path.join(folder, name), { recursive: true });
      await fs.writeFile(path.join(folder, name, 'path.dat'), text);
      texts.set(name, text);
    }
    client = await TestClient.start({ folders: [folder] });
    await Promise.all(Object.keys(FILES).map((name) => client.diagnosticsAfter(uriOf(name), 0)));
    await client.idle();
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('1: a typo in one node\'s own line 11 is told there, related to every line naming it right; the others get nothing; its fix leaves the cluster clean', async () => {
    assert.deepEqual(clusterFindings('typo'), ['typo/mx3 hostname-contradicted@11']);
    assert.deepEqual(diagnosticsOf('typo/mx1'), [], 'no "did you mean mx3.tpyo.test" on the nodes that are right');
    assert.deepEqual(diagnosticsOf('typo/mx2'), []);
    const [contradicted] = ofCode('typo/mx3', 'hostname-contradicted');
    assert.equal(contradicted.severity, 1);
    assert.deepEqual(span(contradicted), [11, 0, 'mx3.tpyo.test'.length]);
    assert.match(contradicted.message, /every other node calls this server "mx3\.typo\.test"/);
    assert.deepEqual(
      contradicted.relatedInformation?.map((related) => [related.location.uri, related.location.range.start.line + 1]),
      [
        [uriOf('typo/mx1'), 16],
        [uriOf('typo/mx2'), 16],
        [uriOf('typo/mx3'), 16],
      ],
    );
    const actions = await quickFixes('typo/mx3', contradicted);
    assert.deepEqual(
      actions.filter((action) => action.edit).map((action) => [action.title, action.isPreferred]),
      [['Replace with mx3.typo.test, the name the other nodes use', false]],
    );
    for (const name of ['typo/mx1', 'typo/mx2', 'typo/mx3']) assert.deepEqual(await fixAllEdits(name), [], `fix-all of ${name} changes nothing`);
    await applyFix('typo/mx3', 'hostname-contradicted');
    assert.deepEqual(clusterFindings('typo'), []);
    for (const name of ['typo/mx1', 'typo/mx2', 'typo/mx3']) assert.deepEqual(diagnosticsOf(name), [], name);
  });

  test('2: a node rolled out first makes the older lists "not list it yet"; fix-all and Fix All in Cluster leave them; the fixes applied leave the cluster clean', async () => {
    assert.deepEqual(clusterFindings('rollout'), ['rollout/mx1 cluster-member-not-listed@16', 'rollout/mx2 cluster-member-not-listed@16', 'rollout/mx3 cluster-member-not-listed@16']);
    assert.deepEqual(diagnosticsOf('rollout/mx4'), [], 'the new node is no odd one out');
    const [notListed] = ofCode('rollout/mx1', 'cluster-member-not-listed');
    assert.equal(notListed.severity, 2);
    assert.match(notListed.message, /^Slave hosts \(line 16\) does not list mx4\.rollout\.test \(rollout\/mx4\/path\.dat\) yet/);
    assert.deepEqual(
      (await quickFixes('rollout/mx1', notListed)).filter((action) => action.edit).map((action) => [action.title, action.isPreferred]),
      [['Add mx4.rollout.test to the slave hosts (line 16)', false]],
    );
    for (const name of ['rollout/mx1', 'rollout/mx4']) assert.deepEqual(await fixAllEdits(name), [], `fix-all of ${name}`);
    const fixAllInCluster = await client.request<ClusterEditAnswer>(FIX_ALL_IN_CLUSTER_REQUEST.method, { uri: uriOf('rollout/mx1') });
    assert.equal(fixAllInCluster.ok, false);
    assert.match(fixAllInCluster.ok ? '' : fixAllInCluster.reason, /Left for you to decide, in 3 of the node files: cluster-member-not-listed\./);
    for (const name of ['rollout/mx1', 'rollout/mx2', 'rollout/mx3']) await applyFix(name, 'cluster-member-not-listed');
    assert.deepEqual(clusterFindings('rollout'), []);
    for (const name of ['rollout/mx1', 'rollout/mx2', 'rollout/mx3', 'rollout/mx4']) assert.deepEqual(diagnosticsOf(name), [], name);
  });

  test('3: a slave no list names is told on itself and on the master; adding it everywhere leaves the cluster clean', async () => {
    assert.deepEqual(clusterFindings('unlisted'), ['unlisted/mx1 slave-not-listed@16', 'unlisted/mx4 slave-not-listed@16']);
    const [onSlave] = ofCode('unlisted/mx4', 'slave-not-listed');
    assert.equal(onSlave.severity, 1);
    assert.deepEqual(onSlave.relatedInformation?.map((related) => related.location.uri), [uriOf('unlisted/mx1')]);
    assert.deepEqual(
      (await quickFixes('unlisted/mx4', onSlave)).filter((action) => action.edit).map((action) => [action.title, action.isPreferred]),
      [['Add mx4.unlisted.test to the slave hosts (line 16)', false]],
    );
    await applyFix('unlisted/mx1', 'slave-not-listed');
    // The master lists it now: a node being added, which the other slaves do not list yet, and its own list lacks.
    assert.deepEqual(clusterFindings('unlisted'), ['unlisted/mx2 cluster-member-not-listed@16', 'unlisted/mx3 cluster-member-not-listed@16', 'unlisted/mx4 cluster-membership-mismatch@16']);
    const [ownList] = ofCode('unlisted/mx4', 'cluster-membership-mismatch');
    assert.match(ownList.message, /differs from 3 of the cluster's 4 nodes, which also name "mx4\.unlisted\.test"/);
    assert.deepEqual(
      (await quickFixes('unlisted/mx4', ownList)).filter((action) => action.edit).map((action) => [action.title, action.isPreferred]),
      [['Use the cluster\'s value: "mx2.unlisted.test;mx3.unlisted.test;mx4.unlisted.test"', false]],
    );
    for (const name of ['unlisted/mx2', 'unlisted/mx3']) await applyFix(name, 'cluster-member-not-listed');
    await applyFix('unlisted/mx4', 'cluster-membership-mismatch');
    assert.deepEqual(clusterFindings('unlisted'), []);
  });

  test('4: a standalone server on the shared Config folder is an error on it and on the master, with no fix; the view shows it apart; Remove Node says so', async () => {
    assert.deepEqual(clusterFindings('shared'), ['shared/mx1 standalone-on-shared-config@1', 'shared/mx3 standalone-on-shared-config@1']);
    const [onNode] = ofCode('shared/mx3', 'standalone-on-shared-config');
    assert.equal(onNode.severity, 1);
    assert.match(onNode.message, /copy the folder to local storage and point line 1 at the copy/);
    assert.deepEqual((await quickFixes('shared/mx3', onNode)).filter((action) => action.edit), [], 'line 1 is never cleared');
    const model = clusterResponseSchema.parse(await client.request<unknown>('icewarp/cluster', {}));
    const shared = model.clusters.find((cluster) => cluster.label === 'mx1.shared.test');
    assert.deepEqual(
      shared?.nodes.map((member) => `${member.label} ${member.role}${member.standalone ? ' standalone' : ''} ${member.problems.error}`),
      ['mx1.shared.test master 1', 'mx2.shared.test slave 0', 'mx3.shared.test master standalone 1'],
    );
    const removed = await client.request<ClusterEditAnswer>(REMOVE_NODE_REQUEST.method, { uri: uriOf('shared/mx2'), deleteFile: false });
    assert.ok(removed.ok);
    assert.deepEqual(removed.warnings, [
      'The kept file still points line 1 at the cluster\'s shared Config folder "/mnt/shared/config/": started as it is, mx2.shared.test would write the cluster\'s configuration as a second master. Before starting it, copy that folder to local storage and point line 1 at the copy (an empty line 1 would mean an empty local configuration).',
    ]);
  });
});
