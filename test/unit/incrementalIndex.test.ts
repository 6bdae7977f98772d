// The workspace updates its cluster and identity indexes by what each change adds and removes.
// After any sequence of opens, edits, deletions and new files it must answer exactly as a
// workspace built from scratch with the same nodes: same clusters, sharers, peers, dependents,
// and the same diagnostics for every node and draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NodeFile, Workspace, clusterKeys, identityKeys, parseNodeFile, validate } from '../../server/src/service';
import { nodeText } from './helpers';

/** A few choices per line, so that random nodes join, leave, merge and split clusters often. */
const nodeValues = fc.record({
  config: fc.constantFrom('', '/mnt/a/config/', '/mnt/b/config/', '\\\\fs01\\c\\'),
  serverId: fc.constantFrom('', '1', '2'),
  hostname: fc.constantFrom('', 'h1.test', 'h2.test', 'h3.test', 'm1.test'),
  ip: fc.constantFrom('', '10.0.0.1', '10.0.0.2'),
  url: fc.constantFrom('', 'https://chat.test/'),
  slave: fc.constantFrom('', '0', '1'),
  master: fc.constantFrom('', 'm1.test', 'm2.test', 'm1.test;m2.test'),
  slaves: fc.constantFrom('', 'h1.test', 'h1.test;h2.test', 'h3.test'),
  queue: fc.constantFrom('', 'D:\\q\\', '\\\\fs01\\q\\', '/mnt/a/q/'),
});

type NodeValues = typeof nodeValues extends fc.Arbitrary<infer T> ? T : never;

const textOf = (values: NodeValues) =>
  nodeText({
    1: values.config,
    4: values.serverId,
    8: values.queue,
    10: values.ip,
    11: values.hostname,
    14: values.slave,
    15: values.master,
    16: values.slaves,
    17: values.url,
  });

const FILES = Array.from({ length: 6 }, (_, index) => `file:///ws/n${index}/path.dat`);
const DRAFTS = ['untitled:Untitled-1', 'untitled:Untitled-2'];

/** What an editor and the disk do to the index. */
const step = fc.oneof(
  // A file created, changed on disk, or edited in the editor.
  fc.record({ kind: fc.constant('set' as const), uri: fc.constantFrom(...FILES), values: nodeValues }),
  // An untitled draft opened or typed in; or a file reopened as a draft's URI would be.
  fc.record({ kind: fc.constant('guest' as const), uri: fc.constantFrom(...DRAFTS, ...FILES), values: nodeValues }),
  fc.record({ kind: fc.constant('delete' as const), uri: fc.constantFrom(...FILES, ...DRAFTS) }),
);

const uris = (nodes: readonly NodeFile[]) => nodes.map((node) => node.uri);

/** The same nodes and drafts, added one by one to an empty workspace. */
function fromScratch(nodes: ReadonlyMap<string, NodeFile>, guests: ReadonlyMap<string, NodeFile>): Workspace {
  const workspace = new Workspace();
  for (const node of nodes.values()) workspace.set(node);
  for (const guest of guests.values()) workspace.setGuest(guest);
  return workspace;
}

function assertSameAnswers(incremental: Workspace, rebuilt: Workspace, subjects: readonly NodeFile[]): void {
  assert.deepEqual(
    incremental.clusters().map((cluster) => [cluster.id, uris(cluster.nodes)]),
    rebuilt.clusters().map((cluster) => [cluster.id, uris(cluster.nodes)]),
    'clusters',
  );
  assert.deepEqual(uris(incremental.all()).sort(), uris(rebuilt.all()).sort(), 'nodes');
  for (const node of subjects) {
    assert.deepEqual(uris(incremental.peersOf(node)), uris(rebuilt.peersOf(node)), `peers of ${node.uri}`);
    assert.deepEqual([...incremental.dependents(node.uri)].sort(), [...rebuilt.dependents(node.uri)].sort(), `dependents of ${node.uri}`);
    for (const key of identityKeys(node)) assert.deepEqual(uris(incremental.nodesSharing(node, key)), uris(rebuilt.nodesSharing(node, key)), `${key} beside ${node.uri}`);
    for (const key of clusterKeys(node)) assert.deepEqual(uris(incremental.clusterHolding(key)), uris(rebuilt.clusterHolding(key)), `cluster holding ${key}`);
    assert.deepEqual(validate(node, incremental), validate(node, rebuilt), `diagnostics of ${node.uri}`);
  }
}

test('after every open, edit, deletion and new file the index answers as one rebuilt from scratch', () => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
      const incremental = new Workspace();
      const nodes = new Map<string, NodeFile>();
      const guests = new Map<string, NodeFile>();
      for (const each of steps) {
        if (each.kind === 'delete') {
          incremental.delete(each.uri);
          nodes.delete(each.uri);
          guests.delete(each.uri);
        } else {
          const node = parseNodeFile(each.uri, textOf(each.values));
          if (each.kind === 'set') {
            incremental.set(node);
            guests.delete(each.uri);
            nodes.set(each.uri, node);
          } else {
            incremental.setGuest(node);
            nodes.delete(each.uri);
            guests.set(each.uri, node);
          }
        }
        assertSameAnswers(incremental, fromScratch(nodes, guests), [...nodes.values(), ...guests.values()]);
      }
    }),
    { numRuns: 400 },
  );
});
