// Every node file is called path.dat, so a message that mentions another node names it by
// hostname and folder (`mail-b.corp.example.com (node-b/path.dat)`), never by the file name alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceDiagnostic } from '../../server/src/service';
import { LINUX_MASTER, diagnoseWorkspace, nodeText, only, withValues } from './helpers';

const NODE_A = 'file:///ws/node-a/path.dat';
const NODE_B = 'file:///ws/node-b/path.dat';
const NODE_C = 'file:///ws/node-c/path.dat';
const B_NAME = 'mail-b.corp.example.com (node-b/path.dat)';
const C_NAME = 'mail-c.corp.example.com (node-c/path.dat)';

function cluster(changes: { a?: Record<number, string>; b?: Record<number, string>; c?: Record<number, string> } = {}) {
  const base = withValues(LINUX_MASTER, { 11: 'mail-a.corp.example.com', 15: 'mail-a.corp.example.com', 16: 'mail-b.corp.example.com;mail-c.corp.example.com' });
  return diagnoseWorkspace({
    [NODE_A]: nodeText(withValues(base, changes.a ?? {})),
    [NODE_B]: nodeText(withValues(base, { 4: '12', 10: '10.0.0.12', 11: 'mail-b.corp.example.com', 14: '1', ...changes.b })),
    [NODE_C]: nodeText(withValues(base, { 4: '13', 10: '10.0.0.13', 11: 'mail-c.corp.example.com', 14: '1', ...changes.c })),
  });
}

/** Every text of the diagnostic that can mention a node. */
const texts = (diagnostic: ServiceDiagnostic) => [diagnostic.message, ...(diagnostic.related ?? []).map((related) => related.message)];

/** "path.dat" alone, not as the end of `folder/path.dat`. */
const BARE_FILE_NAME = /(^|[^/])path\.dat/;

test('server-id-duplicate names the node it collides with, in the message and the related information', () => {
  const result = cluster({ a: { 4: '12' } });
  const [onA] = only(result[NODE_A], 'server-id-duplicate');
  assert.deepEqual([onA.range.start.line + 1, onA.range.start.character, onA.range.end.character], [4, 0, 2]);
  assert.ok(onA.message.includes(`is also used by another node of this cluster, ${B_NAME};`), onA.message);
  assert.deepEqual(onA.related?.map((related) => related.message), [`${B_NAME} uses Server ID "12" too`]);
  const [onB] = only(result[NODE_B], 'server-id-duplicate');
  assert.ok(onB.message.includes('mail-a.corp.example.com (node-a/path.dat)'), onB.message);
});

test('several colliding nodes are counted and named', () => {
  const result = cluster({ b: { 4: '11' }, c: { 4: '11' } });
  const [onA] = only(result[NODE_A], 'server-id-duplicate');
  assert.ok(onA.message.includes(`2 other nodes of this cluster: ${B_NAME} and ${C_NAME}`), onA.message);
});

test('duplicate-identity, cluster-multiple-masters and shared-temp-folder name the other node by hostname and folder', () => {
  const identity = only(cluster({ c: { 10: '10.0.0.12' } })[NODE_B], 'duplicate-identity');
  assert.ok(identity[0].message.includes(`another node of this workspace, ${C_NAME}`), identity[0].message);
  assert.equal(identity[0].related?.[0].message, `${C_NAME} uses "10.0.0.12" too`);

  const masters = only(cluster({ b: { 14: '0' } })[NODE_A], 'cluster-multiple-masters');
  assert.ok(masters[0].message.includes(`another node of this cluster, ${B_NAME}, also says master`), masters[0].message);
  assert.equal(masters[0].related?.[0].message, `${B_NAME} says master too`);

  const queue = '\\\\fs01\\queues\\_incoming\\';
  const temp = only(cluster({ b: { 13: queue }, c: { 13: queue } })[NODE_B], 'shared-temp-folder');
  assert.ok(temp[0].message.includes(`by another node, ${C_NAME};`), temp[0].message);
  assert.equal(temp[0].related?.[0].message, `${C_NAME} uses the same folder here`);
});

test('a node without a hostname is named by its folder', () => {
  const result = cluster({ a: { 4: '12' }, b: { 11: '' } });
  const [onA] = only(result[NODE_A], 'server-id-duplicate');
  assert.ok(onA.message.includes('another node of this cluster, node-b/path.dat;'), onA.message);
});

test('no message or related message of a troubled cluster names a node by the bare file name', () => {
  const result = cluster({
    a: { 1: '/mnt/other/config/', 4: '12' },
    b: { 14: '0', 13: '\\\\fs01\\q\\' },
    c: { 10: '10.0.0.12', 13: '\\\\fs01\\q\\', 15: 'mail-x.corp.example.com', 16: 'mail-b.corp.example.com' },
  });
  let mentions = 0;
  for (const diagnostics of Object.values(result)) {
    for (const diagnostic of diagnostics) {
      for (const text of texts(diagnostic)) {
        assert.doesNotMatch(text, BARE_FILE_NAME, `${diagnostic.code}: ${text}`);
        if (/\(node-[abc]\/path\.dat\)/.test(text)) mentions++;
      }
    }
  }
  assert.ok(mentions >= 10, `${mentions} texts name a node`);
});
