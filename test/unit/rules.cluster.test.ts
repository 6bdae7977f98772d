// Cross-node rules: nodes of one cluster, and identities across the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RULES,
  ServiceDiagnostic,
  Workspace,
  WorkspaceFacts,
  clusterMembershipMismatch,
  clusterMultipleMasters,
  duplicateIdentity,
  parseNodeFile,
  sharedFolderMismatch,
  sharedTempFolderCollision,
} from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, diagnoseWorkspace, nodeText, only, spans, withValues } from './helpers';

const MX1 = 'file:///ws/mx1/path.dat';
const MX2 = 'file:///ws/mx2/path.dat';
const MX3 = 'file:///ws/mx3/path.dat';
const OTHER = 'file:///ws/other/path.dat';

/** The correct three-node Linux cluster of the baseline, with per-node changes. */
function cluster(changes: { mx1?: Record<number, string>; mx2?: Record<number, string>; mx3?: Record<number, string> } = {}, extra: Record<string, string> = {}) {
  return diagnoseWorkspace({
    [MX1]: nodeText(withValues(LINUX_MASTER, changes.mx1 ?? {})),
    [MX2]: nodeText(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1', ...changes.mx2 })),
    [MX3]: nodeText(withValues(LINUX_MASTER, { 4: '13', 10: '10.0.0.13', 11: 'mx3.example.net', 14: '1', ...changes.mx3 })),
    ...extra,
  });
}

/** [uri, 1-based line, start, end] of each related location. */
function relatedSpans(diagnostic: ServiceDiagnostic): [string, number, number, number][] {
  return (diagnostic.related ?? []).map((r) => [r.uri, r.range.start.line + 1, r.range.start.character, r.range.end.character]);
}

test('shared-folder-mismatch flags the config path of the node that differs from the majority, related to the others', () => {
  const result = cluster({ mx3: { 1: '/mnt/other/config/' } });
  assert.deepEqual(spans(result[MX3], 'shared-folder-mismatch'), [[1, 0, 18]]);
  const [odd] = only(result[MX3], 'shared-folder-mismatch');
  assert.deepEqual(relatedSpans(odd), [
    [MX1, 1, 0, 17],
    [MX2, 1, 0, 17],
  ]);
  assert.match(odd.message, /^Config path \(line 1\) points at "\/mnt\/other\/config\/", but 2 of the cluster's 3 nodes use "\/mnt\/data\/config\/"\./);
  // The majority is right: its nodes are not blamed.
  assert.deepEqual(spans(result[MX1], 'shared-folder-mismatch'), []);
  assert.deepEqual(spans(result[MX2], 'shared-folder-mismatch'), []);
});

test('shared-folder-mismatch compares the AntiSpam and GroupWare paths too, when both are set', () => {
  const result = cluster({ mx1: { 6: '/mnt/data/spam/' }, mx2: { 6: '/mnt/data/antispam/' } });
  assert.deepEqual(spans(result[MX1], 'shared-folder-mismatch'), [[6, 0, 15]]);
  assert.deepEqual(spans(result[MX2], 'shared-folder-mismatch'), [[6, 0, 19]]);
  // mx3 leaves line 6 empty: that is not a different folder.
  assert.deepEqual(spans(result[MX3], 'shared-folder-mismatch'), []);
});

test('shared-folder-mismatch stays silent for the same folder written differently, or in another style', () => {
  const windows = (config: string) => nodeText(withValues(WINDOWS_SLAVE, { 1: config }), '\r\n');
  const result = diagnoseWorkspace({
    'file:///ws/w1/path.cfg': windows('\\\\fs01\\icewarp\\config\\'),
    'file:///ws/w2/path.cfg': windows('\\\\FS01\\IceWarp\\Config'),
    'file:///ws/w3/path.cfg': windows('//fs01/icewarp/config/'),
    // A Linux node that mounts the share: this file cannot tell whether it is the same one.
    'file:///ws/l4/path.cfg': nodeText(withValues(LINUX_MASTER, { 1: '/mnt/icewarp/config/', 11: 'mx4.example.net', 10: '10.0.0.14', 4: '14', 14: '1' })),
  });
  for (const [uri, diagnostics] of Object.entries(result)) assert.deepEqual(spans(diagnostics, 'shared-folder-mismatch'), [], uri);
});

test('shared-temp-folder: two nodes on the same shared queue folder are an error on both, related to each other', () => {
  const queue = '\\\\fs01\\queues\\_outgoing\\';
  const result = cluster({ mx1: { 8: queue }, mx2: { 13: '\\\\FS01\\queues\\_outgoing' } });
  const errors = (diagnostics: ServiceDiagnostic[]) => only(diagnostics, 'shared-temp-folder').filter((d) => d.severity === 'error');
  assert.deepEqual(errors(result[MX1]).map((d) => [d.range.start.line + 1, d.range.start.character, d.range.end.character]), [[8, 0, queue.length]]);
  assert.deepEqual(relatedSpans(errors(result[MX1])[0]), [[MX2, 13, 0, 23]]);
  assert.deepEqual(errors(result[MX2]).map((d) => d.range.start.line + 1), [13]);
  assert.match(errors(result[MX1])[0].message, /Outgoing queue \(line 8\).*another node/);
  assert.deepEqual(errors(result[MX3]), []);
});

test('shared-temp-folder collision stays silent for distinct shared folders and for local ones', () => {
  const result = cluster({
    mx1: { 8: '\\\\fs01\\queues\\mx1\\_outgoing\\' },
    mx2: { 8: '\\\\fs01\\queues\\mx2\\_outgoing\\' },
  });
  for (const [uri, diagnostics] of Object.entries(result)) {
    assert.deepEqual(only(diagnostics, 'shared-temp-folder').filter((d) => d.severity === 'error'), [], uri);
  }
  // The baseline cluster uses the same local POSIX queue paths on every node: each is its own disk.
  for (const diagnostics of Object.values(cluster())) assert.deepEqual(only(diagnostics, 'shared-temp-folder'), []);
});

test('cluster-multiple-masters flags line 14 of every node that says master, zero-width when empty', () => {
  const result = cluster({ mx2: { 14: '' } });
  assert.deepEqual(spans(result[MX1], 'cluster-multiple-masters'), [[14, 0, 1]]);
  assert.deepEqual(spans(result[MX2], 'cluster-multiple-masters'), [[14, 0, 0]]);
  assert.deepEqual(relatedSpans(only(result[MX1], 'cluster-multiple-masters')[0]), [[MX2, 14, 0, 0]]);
  assert.deepEqual(relatedSpans(only(result[MX2], 'cluster-multiple-masters')[0]), [[MX1, 14, 0, 1]]);
  assert.deepEqual(spans(result[MX3], 'cluster-multiple-masters'), []);
});

test('cluster-multiple-masters ignores masters of other clusters and standalone nodes that share a config folder', () => {
  const result = cluster(
    {},
    {
      // Standalone (no master, no slaves) but on the cluster's config folder: grouped with it, not in it.
      [OTHER]: nodeText(withValues(LINUX_MASTER, { 4: '21', 10: '10.0.0.21', 11: 'solo.example.net', 14: '0', 15: '', 16: '' })),
      'file:///ws/b1/path.dat': nodeText(withValues(LINUX_MASTER, { 1: '/mnt/b/config/', 4: '31', 10: '10.0.1.31', 11: 'b1.example.net', 15: 'b1.example.net', 16: 'b2.example.net' })),
    },
  );
  for (const [uri, diagnostics] of Object.entries(result)) assert.deepEqual(spans(diagnostics, 'cluster-multiple-masters'), [], uri);
});

test('cluster-membership-mismatch flags the slave list of the node that differs from the majority, related to the others', () => {
  const result = cluster({ mx3: { 16: 'mx2.example.net;mx4.example.net' } });
  assert.deepEqual(spans(result[MX3], 'cluster-membership-mismatch'), [[16, 0, 31]]);
  const [odd] = only(result[MX3], 'cluster-membership-mismatch');
  assert.deepEqual(relatedSpans(odd), [
    [MX1, 16, 0, 31],
    [MX2, 16, 0, 31],
  ]);
  assert.match(odd.message, /^Slave hosts \(line 16\) differs from 2 of the cluster's 3 nodes, which name "mx3\.example\.net" instead of "mx4\.example\.net"\./);
  assert.deepEqual(spans(result[MX1], 'cluster-membership-mismatch'), []);
  assert.deepEqual(spans(result[MX2], 'cluster-membership-mismatch'), []);
});

test('cluster-membership-mismatch flags a different master host among nodes joined by their config folder', () => {
  const result = cluster({ mx3: { 15: 'mx9.example.net' } });
  assert.deepEqual(spans(result[MX3], 'cluster-membership-mismatch'), [[15, 0, 15]]);
  assert.deepEqual(relatedSpans(only(result[MX3], 'cluster-membership-mismatch')[0]), [
    [MX1, 15, 0, 15],
    [MX2, 15, 0, 15],
  ]);
  assert.deepEqual(spans(result[MX2], 'cluster-membership-mismatch'), []);
});

test('cluster-membership-mismatch compares sets: order, case and a trailing dot do not matter', () => {
  const result = cluster({ mx2: { 16: 'MX3.example.net;mx2.example.net.' }, mx3: { 15: 'MX1.Example.Net' } });
  for (const [uri, diagnostics] of Object.entries(result)) assert.deepEqual(spans(diagnostics, 'cluster-membership-mismatch'), [], uri);
});

test('duplicate-identity flags a shared hostname on the node whose Server ID breaks the numbering, related to the other', () => {
  // mx3 keeps its Server ID 13 and 10.0.0.13: by the cluster's numbering (+ 10) it is not mx2.
  const result = cluster({ mx3: { 11: 'MX2.example.net' } });
  assert.deepEqual(spans(result[MX3], 'duplicate-identity'), [[11, 0, 15]]);
  assert.deepEqual(spans(result[MX2], 'duplicate-identity'), []);
  assert.deepEqual(relatedSpans(only(result[MX3], 'duplicate-identity')[0]), [[MX2, 11, 0, 15]]);
  assert.match(only(result[MX3], 'duplicate-identity')[0].message, /hostname/);
  assert.deepEqual(spans(result[MX1], 'duplicate-identity'), []);
});

test('duplicate-identity flags each place a shared IP is bound, and a shared TeamChat URL', () => {
  const result = cluster({
    mx1: { 17: 'https://chat.example.net/teamchatapi/' },
    mx3: { 10: '10.0.0.12|10.0.0.12', 17: 'https://CHAT.example.net/teamchatapi' },
  });
  assert.deepEqual(spans(result[MX3], 'duplicate-identity'), [
    [10, 0, 9],
    [10, 10, 19],
    [17, 0, 36],
  ]);
  // mx2 binds 10.0.0.12 as the numbering says: only mx3, which breaks it, is told about the IP.
  assert.deepEqual(spans(result[MX2], 'duplicate-identity'), []);
  assert.deepEqual(spans(result[MX1], 'duplicate-identity'), [[17, 0, 37]]);
  // The two places on line 10 say which binding each is.
  const [server, outgoing] = only(result[MX3], 'duplicate-identity').map((d) => d.message);
  assert.match(server, /"10\.0\.0\.12" \(line 10, server binding\)/);
  assert.match(outgoing, /"10\.0\.0\.12" \(line 10, outgoing binding\)/);
});

test('duplicate-identity stays silent for loopback and any-address bindings and for distinct identities', () => {
  const result = cluster({ mx1: { 10: '127.0.0.1;10.0.0.11|0.0.0.0' }, mx2: { 10: '127.0.0.1;10.0.0.12|0.0.0.0' } });
  for (const [uri, diagnostics] of Object.entries(result)) assert.deepEqual(spans(diagnostics, 'duplicate-identity'), [], uri);
});

test('cross-node rules ask the indexes and never walk every node of the workspace', () => {
  const workspace = new Workspace();
  for (let index = 0; index < 20; index++) {
    const host = `n${index}.example.net`;
    const text = nodeText(withValues(LINUX_MASTER, { 1: `/mnt/c${index % 4}/config/`, 4: String(index + 10), 10: `10.0.${index % 4}.${index}`, 11: host, 14: index < 4 ? '0' : '1', 15: `n${index % 4}.example.net`, 16: '' }));
    workspace.set(parseNodeFile(`file:///ws/n${index}/path.dat`, text));
  }
  const guarded: WorkspaceFacts = {
    peersOf: (node) => workspace.peersOf(node),
    nodesSharing: (node, key) => workspace.nodesSharing(node, key),
    all: () => {
      throw new Error('a cross-node rule walked every node');
    },
    get: (uri) => workspace.get(uri),
    isGuest: (uri) => workspace.isGuest(uri),
    clusterHolding: (key) => workspace.clusterHolding(key),
    dependents: (uri) => workspace.dependents(uri),
  };
  const rules = [sharedFolderMismatch, sharedTempFolderCollision, duplicateIdentity, clusterMultipleMasters, clusterMembershipMismatch];
  for (const rule of rules) assert.ok(RULES.includes(rule), `${rule.code} is registered`);
  for (const node of workspace.all()) for (const rule of rules) assert.doesNotThrow(() => rule.check({ node, workspace: guarded }), rule.code);
});
