// The overlay a fix is tried against must answer exactly as a copy of the workspace with the
// node replaced would: same clusters, same identity sharers, same dependents, for every node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NodeFile, Workspace, WorkspaceFacts, WorkspaceOverlay, clusterKeys, parseNodeFile } from '../../server/src/service';
import { nodeText } from './helpers';

/** A node from a few choices per line, so that random nodes share masters, configs and identities often. */
const nodeValues = fc.record({
  config: fc.constantFrom('', '/mnt/a/config/', '/mnt/b/config/', '\\\\fs01\\c\\'),
  hostname: fc.constantFrom('', 'h1.test', 'h2.test', 'h3.test', 'h4.test'),
  ip: fc.constantFrom('', '10.0.0.1', '10.0.0.2', '10.0.0.3'),
  master: fc.constantFrom('', 'm1.test', 'm2.test', 'm1.test;m2.test'),
  queue: fc.constantFrom('', 'D:\\q\\', '\\\\fs01\\q\\', '/mnt/a/q/'),
});

const textOf = (values: { config: string; hostname: string; ip: string; master: string; queue: string }) =>
  nodeText({ 1: values.config, 8: values.queue, 10: values.ip, 11: values.hostname, 15: values.master, 16: 'x.test' });

const uris = (nodes: readonly NodeFile[]) => nodes.map((node) => node.uri).sort();

function sameAnswers(overlay: WorkspaceFacts, copy: Workspace, subjects: readonly NodeFile[], keys: readonly string[]): void {
  for (const node of subjects) {
    assert.deepEqual(uris(overlay.peersOf(node)), uris(copy.peersOf(node)), `peers of ${node.uri}`);
    assert.deepEqual([...overlay.dependents(node.uri)].sort(), [...copy.dependents(node.uri)].sort(), `dependents of ${node.uri}`);
    for (const key of ['host:h1.test', 'host:h2.test', 'ip:10.0.0.1', 'work:\\\\fs01\\q']) {
      assert.deepEqual(uris(overlay.nodesSharing(node, key)), uris(copy.nodesSharing(node, key)), `${key} beside ${node.uri}`);
    }
  }
  for (const key of keys) assert.deepEqual(uris(overlay.clusterHolding(key)), uris(copy.clusterHolding(key)), `cluster holding ${key}`);
}

test('the overlay answers as a copy of the workspace with the node replaced would', () => {
  fc.assert(
    fc.property(fc.array(nodeValues, { minLength: 1, maxLength: 7 }), fc.nat(), nodeValues, fc.boolean(), (values, pick, replacement, asGuest) => {
      const nodes = values.map((each, index) => parseNodeFile(`file:///ws/n${index}/path.dat`, textOf(each)));
      const base = new Workspace();
      for (const node of nodes) base.set(node);
      const target = nodes[pick % nodes.length];
      if (asGuest) base.setGuest(target);
      const replaced = parseNodeFile(target.uri, textOf(replacement));

      const overlay = new WorkspaceOverlay(base, replaced);
      const copy = new Workspace();
      for (const node of nodes) if (node.uri !== target.uri) copy.set(node);
      if (asGuest) copy.setGuest(replaced);
      else copy.set(replaced);

      const subjects = [...nodes.filter((node) => node.uri !== target.uri), replaced];
      const keys = [...new Set([...nodes, replaced].flatMap((node) => [...clusterKeys(node)]))];
      sameAnswers(overlay, copy, subjects, keys);
      assert.equal(overlay.get(target.uri), replaced);
      assert.deepEqual(uris(overlay.all()), uris(copy.all()));
    }),
    { numRuns: 2000 },
  );
});
