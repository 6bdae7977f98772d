import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, parseNodeFile, validate } from '../../server/src/service';
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
