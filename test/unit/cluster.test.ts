// Grouping nodes into clusters (cluster.ts) and the workspace indexes built on it (workspace.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, groupClusters, identityKeys, nextFreeServerId, nextFreeServerIdOf, parseNodeFile } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const node = (uri: string, changes: Record<number, string>, base = LINUX_MASTER) => parseNodeFile(uri, nodeText(withValues(base, changes)));

// Cluster A: mx1 (master), mx2 (slave), on /mnt/data/config/.
const A1 = node('file:///ws/a/mx1/path.dat', {});
const A2 = node('file:///ws/a/mx2/path.dat', { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' });
// Cluster B: Windows nodes with master ny1, config on \\fs02.
const B1 = node('file:///ws/b/ny1/path.cfg', { 1: '\\\\fs02\\icewarp\\config\\', 11: 'ny1.example.org', 14: '0', 15: 'ny1.example.org', 16: 'ny2.example.org' }, WINDOWS_SLAVE);
// Same master written in another case: still cluster B.
const B2 = node('file:///ws/b/ny2/path.cfg', { 1: '\\\\fs02\\icewarp\\config\\', 11: 'ny2.example.org', 15: 'NY1.example.org', 16: 'ny2.example.org' }, WINDOWS_SLAVE);
// Names no master and no slaves, but points at cluster A's config folder (without the trailing slash).
const SHARES_CONFIG = node('file:///ws/odd/path.dat', { 4: '31', 10: '10.0.0.31', 11: 'odd.example.net', 15: '', 16: '' });
// Its own config, no master, no slaves.
const STANDALONE = node('file:///ws/solo/path.dat', { 1: '/srv/solo/config/', 4: '41', 10: '10.0.0.41', 11: 'solo.example.net', 15: '', 16: '' });

const uris = (nodes: { uri: string }[]) => nodes.map((n) => n.uri);

test('groupClusters: nodes naming the same master host form one cluster, case-insensitively', () => {
  const clusters = groupClusters([B2, A2, B1, A1]);
  assert.deepEqual(clusters.map((cluster) => uris(cluster.nodes)), [
    [A1.uri, A2.uri],
    [B1.uri, B2.uri],
  ]);
  // The id is the smallest member URI, whatever the input order.
  assert.deepEqual(clusters.map((cluster) => cluster.id), [A1.uri, B1.uri]);
  assert.deepEqual(groupClusters([A1, A2, B1, B2]), clusters);
});

test('groupClusters: a node sharing only the config folder joins that cluster; a standalone node is its own', () => {
  const clusters = groupClusters([STANDALONE, A1, SHARES_CONFIG, A2, B1]);
  assert.deepEqual(clusters.map((cluster) => uris(cluster.nodes)), [
    [A1.uri, A2.uri, SHARES_CONFIG.uri],
    [B1.uri],
    [STANDALONE.uri],
  ]);
});

test('groupClusters joins two groups through a node that bridges them', () => {
  // Master mx9 but cluster A's config folder: A's master group and mx9's become one cluster.
  const bridge = node('file:///ws/bridge/path.dat', { 11: 'mx8.example.net', 15: 'mx9.example.net' });
  const other = node('file:///ws/other/path.dat', { 1: '/srv/other/config/', 11: 'mx7.example.net', 15: 'mx9.example.net' });
  const clusters = groupClusters([A1, other, bridge]);
  assert.equal(clusters.length, 1);
  assert.deepEqual(uris(clusters[0].nodes), [A1.uri, bridge.uri, other.uri].sort());
});

test('Workspace.peersOf gives the other nodes of the cluster, and follows edits', () => {
  const workspace = new Workspace();
  for (const n of [A1, A2, B1, B2, SHARES_CONFIG, STANDALONE]) workspace.set(n);
  assert.deepEqual(uris(workspace.peersOf(A1)), [A2.uri, SHARES_CONFIG.uri]);
  assert.deepEqual(uris(workspace.peersOf(STANDALONE)), []);
  assert.equal(workspace.clusters().length, 3);

  // mx2 moves to cluster B: the index is rebuilt.
  const moved = node(A2.uri, { 1: '\\\\fs02\\icewarp\\config\\', 11: 'mx2.example.net', 15: 'ny1.example.org' }, WINDOWS_SLAVE);
  workspace.set(moved);
  assert.deepEqual(uris(workspace.peersOf(A1)), [SHARES_CONFIG.uri]);
  assert.deepEqual(uris(workspace.peersOf(B1)), [A2.uri, B2.uri]);
  assert.equal(workspace.delete(SHARES_CONFIG.uri), true);
  assert.deepEqual(uris(workspace.peersOf(A1)), []);
});

test('identityKeys: hostname, bound IPs without loopback or any, TeamChat URL and shared working folders', () => {
  const text = node('file:///ws/x/path.cfg', { 8: '\\\\fs01\\Queues\\_outgoing\\', 10: '127.0.0.1;192.168.10.12|0.0.0.0', 11: 'MX2.example.net.', 17: 'https://Chat.example.net/api/' }, WINDOWS_SLAVE);
  assert.deepEqual([...identityKeys(text)].sort(), ['host:mx2.example.net', 'ip:192.168.10.12', 'url:https://chat.example.net/api', 'work:\\\\fs01\\queues\\_outgoing'].sort());
});

test('Workspace.dependents: the cluster plus every node sharing an identity key', () => {
  const workspace = new Workspace();
  // In no cluster with A1, but binding mx1's IP.
  const sameIp = node('file:///ws/ipclash/path.dat', { 1: '/srv/ipclash/config/', 10: '10.0.0.11', 11: 'clash.example.net', 15: '', 16: '' });
  for (const n of [A1, A2, B1, B2, SHARES_CONFIG, STANDALONE, sameIp]) workspace.set(n);
  assert.deepEqual([...workspace.dependents(A1.uri)].sort(), [A1.uri, A2.uri, SHARES_CONFIG.uri, sameIp.uri].sort());
  assert.deepEqual([...workspace.dependents(STANDALONE.uri)], [STANDALONE.uri]);
  assert.deepEqual([...workspace.dependents(B1.uri)].sort(), [B1.uri, B2.uri]);
  // An unknown URI depends only on itself.
  assert.deepEqual([...workspace.dependents('file:///ws/gone/path.dat')], ['file:///ws/gone/path.dat']);
});

test('one edit affects its cluster only, not the whole workspace', () => {
  const workspace = new Workspace();
  for (let cluster = 0; cluster < 200; cluster++) {
    for (let member = 0; member < 5; member++) {
      const host = `c${cluster}n${member}.example.net`;
      workspace.set(node(`file:///ws/c${cluster}/n${member}/path.dat`, {
        1: `/mnt/c${cluster}/config/`,
        4: String(member + 11),
        10: `10.${cluster >> 8}.${cluster & 255}.${member + 1}`,
        11: host,
        14: member === 0 ? '0' : '1',
        15: `c${cluster}n0.example.net`,
        16: [1, 2, 3, 4].map((m) => `c${cluster}n${m}.example.net`).join(';'),
      }));
    }
  }
  assert.equal(workspace.all().length, 1000);
  assert.equal(workspace.dependents('file:///ws/c17/n3/path.dat').size, 5);
});

test('nextFreeServerId: one past the highest, written as the IDs in use are', () => {
  const next = (ids: string[]) => nextFreeServerId(ids).id;
  assert.equal(next([]), '01');
  assert.equal(next(['01', '02']), '03');
  assert.equal(next(['1', '2']), '3');
  assert.equal(next(['11', '12']), '13');
  assert.equal(next(['1', '02', '3']), '04', 'a zero-padded ID says two digits');
  // 1 and 01 are one number; letters, empty and over-long IDs do not count.
  assert.equal(next(['01', '2', 'A3', '', '123']), '03');
});

test('nextFreeServerId: with every number from 1 to 99 taken, the first free letter ID', () => {
  const all = Array.from({ length: 99 }, (_, index) => String(index + 1).padStart(2, '0'));
  assert.equal(nextFreeServerId(all).id, 'A0');
  assert.equal(nextFreeServerId([...all, 'a0', 'A1']).id, 'A2');
});

test('nextFreeServerIdOf reads line 4 of the node\'s cluster only', () => {
  const workspace = new Workspace();
  // A1 (11) and A2 (12) and SHARES_CONFIG (31) are one cluster; STANDALONE (41) is not in it.
  for (const n of [A1, A2, SHARES_CONFIG, STANDALONE]) workspace.set(n);
  assert.equal(nextFreeServerIdOf(A1, workspace).id, '32');
  const numbered = node('file:///ws/a/mx3/path.dat', { 4: '01', 10: '10.0.0.13', 11: 'mx3.example.net', 14: '1' });
  workspace.set(numbered);
  assert.equal(nextFreeServerIdOf(A2, workspace).id, '32');
  assert.equal(nextFreeServerIdOf(STANDALONE, workspace).id, '01', 'a node alone has the whole range');
});
