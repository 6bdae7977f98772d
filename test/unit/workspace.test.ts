import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, evidenceBuilds, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, nodeText, withValues } from './helpers';

const codesOf = (workspace: Workspace, uri: string) => {
  const node = workspace.get(uri);
  assert.ok(node);
  return validate(node, workspace).map((d) => d.code);
};

test('an untitled draft is checked against the cluster it would join, but never flags the real nodes', () => {
  const workspace = new Workspace();
  workspace.set(parseNodeFile('file:///ws/mx1/path.dat', nodeText(LINUX_MASTER)));
  // A half-filled template: same Server ID, and it disagrees on the slave list.
  const draft = nodeText(withValues(LINUX_MASTER, { 11: 'mx9.example.net', 10: '10.0.0.19', 14: '1', 16: 'mx9.example.net' }));
  workspace.setGuest(parseNodeFile('untitled:Untitled-1', draft));

  const draftCodes = codesOf(workspace, 'untitled:Untitled-1');
  assert.ok(draftCodes.includes('server-id-duplicate'), draftCodes.join());
  assert.ok(draftCodes.includes('cluster-membership-mismatch'), draftCodes.join());
  assert.deepEqual(codesOf(workspace, 'file:///ws/mx1/path.dat'), []);
  assert.deepEqual([...workspace.dependents('untitled:Untitled-1')], ['untitled:Untitled-1']);
  assert.equal(workspace.all().length, 1);
});

test('saving a draft as a file makes it a node the others see', () => {
  const workspace = new Workspace();
  workspace.set(parseNodeFile('file:///ws/mx1/path.dat', nodeText(LINUX_MASTER)));
  // Without line 10 nothing tells which of the two has the wrong Server ID: both are told.
  const copy = nodeText(withValues(LINUX_MASTER, { 10: '', 11: 'mx2.example.net', 14: '1' }));
  workspace.setGuest(parseNodeFile('untitled:Untitled-1', copy));
  workspace.delete('untitled:Untitled-1');
  workspace.set(parseNodeFile('file:///ws/mx2/path.dat', copy));
  assert.ok(codesOf(workspace, 'file:///ws/mx1/path.dat').includes('server-id-duplicate'));
  assert.equal(workspace.has('untitled:Untitled-1'), false);
});

test('the evidence of a cluster is kept while its nodes are validated, and let go once hundreds of other clusters were weighed since', () => {
  const workspace = new Workspace();
  const uri = (cluster: number, k: number) => `file:///ws/c${cluster}/mx${k}/path.dat`;
  const host = (cluster: number, k: number) => `mx${k}.c${cluster}.example.net`;
  const clusters = 600;
  for (let cluster = 0; cluster < clusters; cluster++) {
    for (const k of [1, 2]) {
      const text = nodeText({ 1: `/mnt/c${cluster}/config/`, 4: `${10 + k}`, 11: host(cluster, k), 14: k === 1 ? '0' : '1', 15: host(cluster, 1), 16: host(cluster, 2) });
      workspace.set(parseNodeFile(uri(cluster, k), text));
    }
  }
  const validateCluster = (cluster: number) => {
    const before = evidenceBuilds();
    for (const k of [1, 2]) validate(workspace.get(uri(cluster, k))!, workspace);
    return evidenceBuilds() - before;
  };
  assert.equal(validateCluster(0), 1, 'weighed once for both of its nodes');
  assert.equal(validateCluster(0), 0, 'kept while it is asked for');
  for (let cluster = 1; cluster < clusters; cluster++) validateCluster(cluster);
  // Kept for every cluster of a large workspace, the evidence outweighed the nodes themselves.
  assert.equal(validateCluster(0), 1, 'weighed again: not held for a cluster nobody asked about since');
});
