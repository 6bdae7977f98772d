// Cross-node disagreements go on the node(s) that differ from the majority of their cluster,
// name the majority's value and how many nodes hold it, and offer "Use the cluster's value";
// with no majority, each side names the other node. Messages stay under about 200 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NodeFile, ServiceDiagnostic, Workspace, fixAll, fixesFor, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, nodeText, only, withValues } from './helpers';

const HOSTS = ['mail-a.corp.example.com', 'mail-b.corp.example.com', 'mail-c.corp.example.com', 'mail-d.corp.example.com'];
const SLAVES = 'mail-b.corp.example.com;mail-c.corp.example.com;mail-d.corp.example.com';
const uriOf = (index: number) => `file:///ws/node-${'abcd'[index]}/path.dat`;

/** A Linux cluster of `count` nodes (node-a the master), each with its own changes. */
function cluster(count: number, changes: Record<number, Record<number, string>> = {}) {
  const workspace = new Workspace();
  for (let index = 0; index < count; index++) {
    const values = withValues(LINUX_MASTER, {
      1: '/mnt/icewarp/config/',
      4: String(11 + index),
      10: `10.0.0.${11 + index}`,
      11: HOSTS[index],
      14: index === 0 ? '0' : '1',
      15: HOSTS[0],
      16: SLAVES,
      ...changes[index],
    });
    workspace.set(parseNodeFile(uriOf(index), nodeText(values)));
  }
  const nodeOf = (index: number) => workspace.get(uriOf(index)) as NodeFile;
  const of = (index: number, code: string) => only(validate(nodeOf(index), workspace), code);
  return { workspace, nodeOf, of };
}

const span = (diagnostic: ServiceDiagnostic) => [diagnostic.range.start.line + 1, diagnostic.range.start.character, diagnostic.range.end.character];

function applied(node: NodeFile, edits: { range: ServiceDiagnostic['range']; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create(node.uri, 'icewarp-pathcfg', 1, node.text), edits);
}

test('a typo in one slave\'s line 16 flags that slave only, names the majority, and its fix takes the cluster\'s value', () => {
  const typo = 'mail-b.corp.example.com;mail-c.corp.exmaple.com;mail-d.corp.example.com';
  const { workspace, nodeOf, of } = cluster(4, { 2: { 16: typo } });
  for (const index of [0, 1, 3]) assert.deepEqual(of(index, 'cluster-membership-mismatch'), [], `node ${index} holds the majority's value`);
  const [finding] = of(2, 'cluster-membership-mismatch');
  assert.deepEqual(span(finding), [16, 0, typo.length]);
  assert.equal(finding.message, 'Slave hosts (line 16) differs from 3 of the cluster\'s 4 nodes, which name "mail-c.corp.example.com" instead of "mail-c.corp.exmaple.com". Every node of a cluster must name the same slaves.');
  assert.ok(finding.message.length <= 200);
  assert.deepEqual(
    finding.related?.map((related) => [related.uri, related.message]),
    [0, 1, 3].map((index) => [uriOf(index), `${HOSTS[index]} (node-${'abcd'[index]}/path.dat) names "mail-b.corp.example.com", "mail-c.corp.example.com" and 1 more`]),
  );
  const [fix] = fixesFor(nodeOf(2), finding, workspace);
  assert.equal(fix.id, 'cluster-use-majority');
  assert.equal(fix.isPreferred, true, 'three of four nodes: a clear majority');
  assert.equal(fix.title, `Use the cluster's value: "${SLAVES.slice(0, 59)}…"`);
  assert.equal(applied(nodeOf(2), fix.edits).split('\n')[15], SLAVES);
  // Fix-all takes it too.
  assert.equal(applied(nodeOf(2), fixAll(nodeOf(2), workspace)).split('\n')[15], SLAVES);
});

test('a master host that differs from the majority flags that node only, with the majority\'s host', () => {
  const { of } = cluster(3, { 1: { 15: 'mail-x.corp.example.com' } });
  assert.deepEqual(of(0, 'cluster-membership-mismatch'), []);
  assert.deepEqual(of(2, 'cluster-membership-mismatch'), []);
  const [finding] = of(1, 'cluster-membership-mismatch');
  assert.deepEqual(span(finding), [15, 0, 23]);
  assert.match(finding.message, /^Master host \(line 15\) differs from 2 of the cluster's 3 nodes, which name "mail-a\.corp\.example\.com" instead of "mail-x\.corp\.example\.com"\./);
});

test('with two nodes there is no majority: each side names the other node, and nothing is offered', () => {
  const { workspace, nodeOf, of } = cluster(2, { 1: { 16: 'mail-b.corp.example.com' } });
  const [onA] = of(0, 'cluster-membership-mismatch');
  const [onB] = of(1, 'cluster-membership-mismatch');
  assert.deepEqual([span(onA), span(onB)], [
    [16, 0, SLAVES.length],
    [16, 0, 23],
  ]);
  assert.equal(onA.message, 'Slave hosts (line 16) differs from mail-b.corp.example.com (node-b/path.dat), which does not name "mail-c.corp.example.com" and "mail-d.corp.example.com".');
  assert.equal(onB.message, 'Slave hosts (line 16) differs from mail-a.corp.example.com (node-a/path.dat), which also names "mail-c.corp.example.com" and "mail-d.corp.example.com".');
  assert.deepEqual(fixesFor(nodeOf(0), onA, workspace), []);
  assert.deepEqual(fixesFor(nodeOf(1), onB, workspace), []);
});

test('a tie of two against two flags all four, each naming the other side', () => {
  const other = '/mnt/other/config/';
  const { of } = cluster(4, { 2: { 1: other }, 3: { 1: other } });
  for (const index of [0, 1, 2, 3]) {
    const [finding] = of(index, 'shared-folder-mismatch');
    assert.ok(finding, `node ${index}`);
    const otherSide = index < 2 ? [2, 3] : [0, 1];
    const named = otherSide.map((each) => `${HOSTS[each]} (node-${'abcd'[each]}/path.dat)`).join(' and ');
    assert.ok(finding.message.includes(`, but ${named} use "`), finding.message);
  }
});

test('a plurality that is no clear majority gets the fix offered, not preferred; its own nodes stay quiet', () => {
  // node-a and node-b agree; node-c and node-d each differ their own way: 2 of 4.
  const { workspace, nodeOf, of } = cluster(4, { 2: { 1: '/mnt/c/config/' }, 3: { 1: '/mnt/d/config/' } });
  assert.deepEqual(of(0, 'shared-folder-mismatch'), []);
  assert.deepEqual(of(1, 'shared-folder-mismatch'), []);
  const [finding] = of(2, 'shared-folder-mismatch');
  assert.equal(finding.message, 'Config path (line 1) points at "/mnt/c/config/", but 2 of the cluster\'s 4 nodes use "/mnt/icewarp/config/". Every node must share the same Config folder.');
  const fixes = fixesFor(nodeOf(2), finding, workspace);
  assert.deepEqual(fixes.map((fix) => [fix.id, fix.isPreferred]), [['cluster-use-majority', false]]);
});

test('messages stay short however many nodes disagree', () => {
  const { of } = cluster(4, { 1: { 16: 'mail-b.corp.example.com' }, 2: { 16: 'mail-c.corp.example.com;mail-e.corp.example.com' }, 3: { 16: '' } });
  for (const index of [0, 1, 2, 3]) for (const finding of of(index, 'cluster-membership-mismatch')) assert.ok(finding.message.length <= 200, finding.message);
});
