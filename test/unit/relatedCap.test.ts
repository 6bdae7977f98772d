// Related locations are capped once, by the engine, for every rule (a cluster of 300 copies of one
// node once carried 113,700 of them per round of publishing): a diagnostic lists at most
// MAX_RELATED of them and its message counts the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RELATED, Workspace, parseNodeFile, validate } from '../../server/src/service';

test('a node copied 25 times lists 10 related locations per diagnostic and counts the other 14', () => {
  const text = '/mnt/data/config/\n\n\n11\n\n\n\n/opt/q/\n/opt/q/retry/\n10.0.0.11\nmx1.example.net\nlicense.key\n/opt/in/\n0\n\n\n';
  const workspace = new Workspace();
  for (let copy = 0; copy < 25; copy++) workspace.set(parseNodeFile(`file:///w/copy${copy}/path.dat`, text));
  const node = workspace.get('file:///w/copy0/path.dat')!;
  const diagnostics = validate(node, workspace).filter((diagnostic) => diagnostic.code === 'server-id-duplicate' || diagnostic.code === 'duplicate-identity');
  assert.ok(diagnostics.length > 0, 'the copies clash');
  for (const diagnostic of diagnostics) {
    assert.equal(diagnostic.related?.length, MAX_RELATED, diagnostic.code);
    assert.match(diagnostic.message, /\(10 related locations listed, 14 more not shown\)$/, diagnostic.code);
  }
});
