// Local or shared: one function (folders.ts) judges every folder, and the rules, the hover and
// the cluster view all say what it says. On Linux a share is a mount: a working folder under
// the mount of the shared Config folder is on shared storage; the same local path on two
// nodes is each server's own disk.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NodeFile, ServiceDiagnostic, Workspace, buildClusterModel, fixesFor, hover, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, only, spans, withValues } from './helpers';

const NODE_A = 'file:///ws/node-a/path.dat';
const NODE_B = 'file:///ws/node-b/path.dat';
const NODE_C = 'file:///ws/node-c/path.dat';

/** Three Linux nodes of one cluster whose Config folder is on the NFS mount /mnt/icewarp/. */
function linuxCluster(changes: { a?: Record<number, string>; b?: Record<number, string>; c?: Record<number, string> } = {}) {
  const base = withValues(LINUX_MASTER, { 1: '/mnt/icewarp/config/', 11: 'mail-a.corp.example.com', 15: 'mail-a.corp.example.com', 16: 'mail-b.corp.example.com;mail-c.corp.example.com' });
  const texts = {
    [NODE_A]: nodeText(withValues(base, changes.a ?? {})),
    [NODE_B]: nodeText(withValues(base, { 4: '12', 10: '10.0.0.12', 11: 'mail-b.corp.example.com', 14: '1', ...changes.b })),
    [NODE_C]: nodeText(withValues(base, { 4: '13', 10: '10.0.0.13', 11: 'mail-c.corp.example.com', 14: '1', ...changes.c })),
  };
  const workspace = new Workspace();
  for (const [uri, text] of Object.entries(texts)) workspace.set(parseNodeFile(uri, text));
  const nodeOf = (uri: string) => workspace.get(uri) as NodeFile;
  const diagnostics = (uri: string) => validate(nodeOf(uri), workspace);
  return { workspace, nodeOf, diagnostics };
}

const hoverOn = (node: NodeFile, line: number) => hover(node, { line: line - 1, character: 0 })?.markdown ?? '';
const relatedOf = (diagnostic: ServiceDiagnostic) => (diagnostic.related ?? []).map((related) => [related.uri, related.range.start.line + 1]);

describe('Linux shares are mounts', () => {
  const QUEUE = '/mnt/icewarp/queues/_outgoing/';

  test('two nodes whose outgoing queue lies on the mount of the shared Config folder get an error each, related to the other', () => {
    const cluster = linuxCluster({ a: { 8: QUEUE, 9: `${QUEUE}retry/` }, b: { 8: QUEUE, 9: `${QUEUE}retry/` } });
    for (const [uri, other] of [
      [NODE_A, NODE_B],
      [NODE_B, NODE_A],
    ]) {
      const found = only(cluster.diagnostics(uri), 'shared-temp-folder').filter((d) => d.range.start.line === 7);
      assert.deepEqual(found.map((d) => [d.severity, d.range.start.character, d.range.end.character]), [['error', 0, QUEUE.length]], uri);
      assert.deepEqual(relatedOf(found[0]), [[other, 8]]);
      assert.match(found[0].message, /Outgoing queue \(line 8\) "\/mnt\/icewarp\/queues\/_outgoing\/" is also used as a working folder/);
    }
    // node-c keeps its queues on its own disk.
    assert.deepEqual(spans(cluster.diagnostics(NODE_C), 'shared-temp-folder'), []);
  });

  test('one node with a queue on the mount gets a warning that says which mount', () => {
    const cluster = linuxCluster({ c: { 13: '/mnt/icewarp/spool/_incoming/' } });
    const found = only(cluster.diagnostics(NODE_C), 'shared-temp-folder');
    assert.deepEqual(spans(found, 'shared-temp-folder'), [[13, 0, 29]]);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /^Incoming queue \(line 13\) lies under \/mnt\/icewarp\/, the mount of the Config path \(line 1\), but is this server's own working folder/);
    // Its fix puts the queue back on the server's own disk.
    assert.deepEqual(
      fixesFor(cluster.nodeOf(NODE_C), found[0], cluster.workspace).map((fix) => fix.edits.map((edit) => edit.newText)),
      [['/opt/icewarp/mailqueues/_incoming/']],
    );
  });

  test('the same local-looking path on several nodes is each server\'s own disk', () => {
    for (const queue of ['/opt/icewarp/mail/_outgoing/', '/var/spool/icewarp/', '/mnt/other/queues/_outgoing/']) {
      const cluster = linuxCluster({ a: { 8: queue, 9: `${queue}retry/` }, b: { 8: queue, 9: `${queue}retry/` }, c: { 8: queue, 9: `${queue}retry/` } });
      for (const uri of [NODE_A, NODE_B, NODE_C]) assert.deepEqual(spans(cluster.diagnostics(uri), 'shared-temp-folder'), [], `${queue} on ${uri}`);
    }
  });

  test('the hover says how a folder was judged', () => {
    const cluster = linuxCluster({ a: { 8: QUEUE, 13: '/var/spool/icewarp/_incoming/' } });
    const node = cluster.nodeOf(NODE_A);
    assert.match(hoverOn(node, 8), /Shared: it lies under \/mnt\/icewarp\/, the mount of the Config path \(line 1\)\./);
    assert.match(hoverOn(node, 13), /Local: it lies under no mount of the shared folders \(lines 1, 6, 7\)/);
    assert.match(hoverOn(node, 9), /Local: it lies inside this server's IceWarp install folder\./);
    assert.match(hoverOn(node, 1), /Shared: it is a Linux path outside the install folder, taken for a mounted share\./);
    const windows = parseNodeFile('file:///ws/w/path.dat', nodeText(WINDOWS_SLAVE, '\r\n'));
    assert.ok(hoverOn(windows, 1).includes('Shared: it is a UNC path, on the network share \\\\\\\\fs01\\\\icewarp.'), hoverOn(windows, 1));
    assert.match(hoverOn(windows, 8), /Local: it is on the local drive D:, which other nodes cannot see\./);
  });

  test('the rules, the hover and the cluster view never disagree about a working folder', () => {
    const paths = [QUEUE, '/mnt/icewarp/x/', '/mnt/icewarpx/q/', '/mnt/other/q/', '/var/spool/icewarp/', '/opt/icewarp/q/', '/mnt/icewarp/config/queue/', 'relative/q/'];
    for (const path of paths) {
      const cluster = linuxCluster({ b: { 13: path } });
      const node = cluster.nodeOf(NODE_B);
      const byRule = only(cluster.diagnostics(NODE_B), 'shared-temp-folder').some((d) => d.range.start.line === 12);
      const byHover = /\n\nShared: /.test(hoverOn(node, 13));
      const model = buildClusterModel(cluster.workspace.all());
      const member = model.clusters.flatMap((each) => each.nodes).find((each) => each.uri === NODE_B);
      const byView = member?.workingFolders.find((folder) => folder.field === 'incomingQueue')?.location === 'shared';
      assert.equal(byHover, byRule, `hover and rule on ${path}`);
      assert.equal(byView, byRule, `view and rule on ${path}`);
    }
  });

  test('the cluster view marks a queue on the mount shared, and one on another disk local', () => {
    const cluster = linuxCluster({ a: { 8: QUEUE, 13: '/var/spool/icewarp/_incoming/' } });
    const member = buildClusterModel(cluster.workspace.all()).clusters[0].nodes.find((each) => each.uri === NODE_A);
    assert.deepEqual(
      member?.workingFolders.map((folder) => `${folder.line + 1} ${folder.location}`),
      ['8 shared', '9 local', '13 local'],
    );
  });
});
