// The cluster's own conventions (evidence/conventions.ts): the next free Server ID as the cluster
// numbers its nodes, a local queue folder as the cluster lays its queues out, and which node of a
// duplicate is wrong, decided by a numbering every other node follows (or by neither).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceDiagnostic, Workspace, addNode, blameDuplicate, fixesFor, newNodeDefaults, nextFreeServerId, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from './helpers';
import { WIN, windowsCluster, workspaceOf } from './clusterFixtures';

const uri = (name: string) => `file:///ws/${name}/path.dat`;

/** A node of the Linux reference cluster: mx<n>, Server ID 1<n>, 10.0.0.1<n>, slave of mx1. */
function linuxNode(n: number, changes: Record<number, string> = {}): string {
  return nodeText(withValues(LINUX_MASTER, { 4: `1${n}`, 10: `10.0.0.1${n}`, 11: `mx${n}.example.net`, 14: n === 1 ? '0' : '1', 16: 'mx2.example.net;mx3.example.net;mx4.example.net', ...changes }));
}

function workspaceOfTexts(files: Record<string, string>): Workspace {
  const workspace = new Workspace();
  for (const [name, text] of Object.entries(files)) workspace.set(parseNodeFile(uri(name), text));
  return workspace;
}

function diagnosticsOf(workspace: Workspace, name: string, code: string): ServiceDiagnostic[] {
  const node = workspace.get(uri(name));
  assert.ok(node, name);
  return validate(node, workspace).filter((diagnostic) => diagnostic.code === code);
}

/** The fixes of the node's one diagnostic of `code`, as `title*` (preferred) or `title`. */
function fixTitles(workspace: Workspace, name: string, code: string): string[] {
  const [diagnostic, ...more] = diagnosticsOf(workspace, name, code);
  assert.ok(diagnostic, `${name} has ${code}`);
  assert.equal(more.length, 0, `${name} has one ${code}`);
  return fixesFor(workspace.get(uri(name))!, diagnostic, workspace).map((fix) => `${fix.title}${fix.isPreferred ? '*' : ''}`);
}

describe('the next free Server ID', () => {
  test('one past the highest of the cluster: 14 beside 11, 12, 13; 03 beside 01, 02', () => {
    assert.deepEqual(nextFreeServerId(['11', '12', '13']), { id: '14', letters: false });
    assert.deepEqual(nextFreeServerId(['01', '02']), { id: '03', letters: false });
    assert.deepEqual(nextFreeServerId(['1', '2']), { id: '3', letters: false });
  });

  test('past two characters, the lowest free one in the cluster\'s width: 99 taken gives 03 beside 01, 02', () => {
    assert.deepEqual(nextFreeServerId(['01', '02', '99']), { id: '03', letters: false });
    assert.deepEqual(nextFreeServerId(['11', '99']), { id: '01', letters: false });
    assert.deepEqual(nextFreeServerId(['1', '2', '9']), { id: '3', letters: false }, 'one digit while one digit is free');
  });

  test('letters only when every node uses letters: D beside A, B, C; a number beside A and 11', () => {
    assert.deepEqual(nextFreeServerId(['A', 'B', 'C']), { id: 'D', letters: true });
    assert.deepEqual(nextFreeServerId(['a', 'b']), { id: 'c', letters: true });
    assert.deepEqual(nextFreeServerId(['AY', 'AZ']), { id: 'BA', letters: true });
    assert.deepEqual(nextFreeServerId(['A', 'Z']), { id: 'B', letters: true }, 'past Z, the lowest free letter');
    assert.deepEqual(nextFreeServerId(['A', '11']), { id: '12', letters: false });
    assert.deepEqual(nextFreeServerId(['A', 'B'], { numeric: true }), { id: '01', letters: false });
  });

  test('the fix of a node in a cluster numbered 11, 12, 13 proposes 14', () => {
    const workspace = workspaceOfTexts({ mx1: linuxNode(1), mx2: linuxNode(2), mx3: linuxNode(3), mx4: linuxNode(4, { 4: '' }) });
    assert.deepEqual(fixTitles(workspace, 'mx4', 'server-id-missing'), ['Use the next free numeric Server ID: 14*']);
  });

  test('in a cluster lettered A, B, C the fix is titled "next free Server ID" and proposes D', () => {
    const workspace = workspaceOfTexts({ mx1: linuxNode(1, { 4: 'A' }), mx2: linuxNode(2, { 4: 'B' }), mx3: linuxNode(3, { 4: 'C' }), mx4: linuxNode(4, { 4: '' }) });
    assert.deepEqual(fixTitles(workspace, 'mx4', 'server-id-missing'), ['Use the next free Server ID: D*']);
    // "Numbers are recommended": the fix of a letter ID stays a number.
    assert.deepEqual(fixTitles(workspace, 'mx1', 'server-id-not-numeric'), ['Use the next free numeric Server ID: 01']);
  });

  test('Add Node gives the new node 14 in a cluster numbered 11, 12, 13', () => {
    const files = windowsCluster(3);
    const workspace = workspaceOf(files);
    const mx1 = workspace.get(WIN(1))!;
    const defaults = newNodeDefaults(mx1, workspace, { hostname: 'mx4.example.net' });
    assert.ok(!('ok' in defaults));
    assert.equal(defaults.serverId, '14');
    const result = addNode(mx1, workspace, { hostname: 'mx4.example.net', ip: '192.168.10.14' });
    assert.ok(result.ok);
    const created = result.change.files[0];
    assert.ok(created.kind === 'create');
    assert.equal(created.text.split('\r\n')[3], '14');
    assert.match(result.change.summary, /with Server ID 14;/);
  });
});

describe('a local queue folder as the cluster keeps its queues', () => {
  const SHARED_INCOMING = '\\\\fs01\\icewarp\\queues\\_incoming\\';

  test("the peers' local layout (D:\\IceWarp\\queues\\) before the product default", () => {
    const shared = '\\\\fs01\\icewarp\\queues\\';
    const workspace = workspaceOfTexts({
      mx1: nodeText(withValues(WINDOWS_SLAVE, { 4: '11', 10: '192.168.10.11|192.168.10.11', 11: 'mx1.example.net', 14: '0', 15: 'mx1.example.net' })),
      mx2: nodeText(WINDOWS_SLAVE),
      // Every queue of mx3 is on the share: only its peers say where queues go.
      mx3: nodeText(withValues(WINDOWS_SLAVE, { 4: '13', 8: `${shared}_outgoing\\`, 9: `${shared}_outgoing\\retry\\`, 10: '192.168.10.13|192.168.10.13', 11: 'mx3.example.net', 13: SHARED_INCOMING })),
    });
    const [incoming] = diagnosticsOf(workspace, 'mx3', 'shared-temp-folder').filter((diagnostic) => diagnostic.range.start.line === 12);
    const fixes = fixesFor(workspace.get(uri('mx3'))!, incoming, workspace);
    assert.deepEqual(fixes.map((fix) => fix.title), ["Use the other nodes' local queue layout: D:\\IceWarp\\queues\\_incoming\\"]);
    assert.equal(fixes[0].isPreferred, false);
    assert.equal(fixes[0].edits[0].newText, 'D:\\IceWarp\\queues\\_incoming\\');
  });

  test("this node's own other queues (E:\\Mail\\queues\\) before its peers' layout", () => {
    const workspace = workspaceOfTexts({
      mx2: nodeText(WINDOWS_SLAVE),
      mx3: nodeText(withValues(WINDOWS_SLAVE, { 4: '13', 8: 'E:\\Mail\\queues\\_outgoing\\', 9: 'E:\\Mail\\queues\\_outgoing\\retry\\', 10: '192.168.10.13|192.168.10.13', 11: 'mx3.example.net', 13: SHARED_INCOMING })),
    });
    assert.deepEqual(fixTitles(workspace, 'mx3', 'shared-temp-folder'), ["Use this server's own queue layout: E:\\Mail\\queues\\_incoming\\"]);
  });

  test('Linux: the peers\' queues under /srv/icewarp/queues/, not /opt/icewarp/mailqueues/', () => {
    const local = '/srv/icewarp/queues/';
    const linux = (n: number, changes: Record<number, string> = {}) => linuxNode(n, { 8: `${local}_outgoing/`, 9: `${local}_outgoing/retry/`, 13: `${local}_incoming/`, ...changes });
    // /mnt/data/queues/ lies under the mount of the Config path (/mnt/data/config/): shared.
    const mount = '/mnt/data/queues/';
    const workspace = workspaceOfTexts({ mx1: linux(1), mx2: linux(2), mx3: linux(3, { 8: `${mount}_outgoing/`, 9: `${mount}_outgoing/retry/`, 13: `${mount}_incoming/` }) });
    const titles = diagnosticsOf(workspace, 'mx3', 'shared-temp-folder').flatMap((diagnostic) => fixesFor(workspace.get(uri('mx3'))!, diagnostic, workspace).map((fix) => fix.title));
    assert.deepEqual(titles, [
      "Use the other nodes' local queue layout: /srv/icewarp/queues/_outgoing/",
      "Use the other nodes' local queue layout: /srv/icewarp/queues/_outgoing/retry/",
      "Use the other nodes' local queue layout: /srv/icewarp/queues/_incoming/",
    ]);
  });

  test('with no local queue anywhere, the product default', () => {
    const workspace = workspaceOfTexts({ mx3: nodeText(withValues(WINDOWS_SLAVE, { 8: '', 9: '', 13: SHARED_INCOMING })) });
    assert.deepEqual(fixTitles(workspace, 'mx3', 'shared-temp-folder'), ["Use this server's local default: C:\\Program Files\\IceWarp\\mail\\_incoming\\"]);
  });
});

describe('duplicates: one node blamed only when it alone breaks the cluster\'s numbering', () => {
  test('Server ID = the number in the hostname + 10 on every other node: only mx3 (12) is told, with 13 preferred', () => {
    const workspace = workspaceOfTexts({ mx1: linuxNode(1), mx2: linuxNode(2), mx3: linuxNode(3, { 4: '12' }) });
    assert.deepEqual(diagnosticsOf(workspace, 'mx2', 'server-id-duplicate'), [], 'mx2 follows the numbering');
    const [onMx3] = diagnosticsOf(workspace, 'mx3', 'server-id-duplicate');
    assert.match(onMx3.message, /This node breaks the cluster's numbering: every other node's Server ID is the number in its hostname \+ 10\./);
    assert.deepEqual(onMx3.related?.map((related) => related.uri), [uri('mx2')]);
    assert.deepEqual(fixTitles(workspace, 'mx3', 'server-id-duplicate'), ["Use the cluster's numbering: Server ID 13*"]);
    const blame = blameDuplicate('serverId', [workspace.get(uri('mx2'))!, workspace.get(uri('mx3'))!], workspace);
    assert.equal(blame?.node.uri, uri('mx3'));
    assert.deepEqual(blame?.rule, { value: 'serverId', offset: 10, width: 2 });
  });

  test('without a rule every other node follows, both are told that one of the two is wrong, with no preferred fix', () => {
    // mx1 is 11 (+ 10) and mx2 is 15 (+ 13): no numbering to go by.
    const workspace = workspaceOfTexts({ mx1: linuxNode(1), mx2: linuxNode(2, { 4: '15' }), mx3: linuxNode(3, { 4: '15' }) });
    for (const name of ['mx2', 'mx3']) {
      const [duplicate] = diagnosticsOf(workspace, name, 'server-id-duplicate');
      assert.match(duplicate.message, /One of the two is wrong, and the cluster's conventions do not tell which: check both\./);
      assert.deepEqual(fixTitles(workspace, name, 'server-id-duplicate'), ['Use the next free numeric Server ID: 16']);
    }
  });

  test('a bound IP: every other node binds 10.0.0.(number + 10), so only mx3 is told, with 10.0.0.13 preferred', () => {
    const workspace = workspaceOfTexts({ mx1: linuxNode(1), mx2: linuxNode(2), mx3: linuxNode(3, { 10: '10.0.0.12' }) });
    assert.deepEqual(diagnosticsOf(workspace, 'mx2', 'duplicate-identity'), []);
    const [onMx3] = diagnosticsOf(workspace, 'mx3', 'duplicate-identity');
    assert.match(onMx3.message, /This node breaks the cluster's numbering: every other node binds 10\.0\.0\.n, where n is the number in its hostname \+ 10\./);
    assert.deepEqual(fixTitles(workspace, 'mx3', 'duplicate-identity'), ["Use the cluster's numbering: bind 10.0.0.13*"]);
  });

  test("a hostname: the copy whose Server ID and IP fit mx3 is told, with mx3.example.net (not preferred)", () => {
    // mx3's file kept mx2's hostname; its Server ID 13 and IP 10.0.0.13 say mx3.
    const workspace = workspaceOfTexts({ mx1: linuxNode(1), mx2: linuxNode(2), mx3: linuxNode(3, { 11: 'mx2.example.net' }) });
    assert.deepEqual(diagnosticsOf(workspace, 'mx2', 'duplicate-identity'), []);
    const [onCopy] = diagnosticsOf(workspace, 'mx3', 'duplicate-identity');
    assert.match(onCopy.message, /This node's Server ID "13" does not fit its hostname by the cluster's numbering/);
    assert.deepEqual(fixTitles(workspace, 'mx3', 'duplicate-identity'), ["Use the cluster's numbering: hostname mx3.example.net"]);
  });

  test('two nodes: decided by a numbering both share (their IPs + 10), else both told without a preferred fix', () => {
    const two = (second: Record<number, string>) => workspaceOfTexts({ mx1: linuxNode(1, { 16: 'mx2.example.net' }), mx2: linuxNode(2, { 16: 'mx2.example.net', ...second }) });
    const decided = two({ 4: '11' });
    assert.deepEqual(diagnosticsOf(decided, 'mx1', 'server-id-duplicate'), []);
    assert.deepEqual(fixTitles(decided, 'mx2', 'server-id-duplicate'), ["Use the cluster's numbering: Server ID 12*"]);

    // Without line 10 nothing but the IDs speaks, and one against one is no majority.
    const undecided = workspaceOfTexts({ mx1: linuxNode(1, { 10: '', 16: 'mx2.example.net' }), mx2: linuxNode(2, { 4: '11', 10: '', 16: 'mx2.example.net' }) });
    for (const name of ['mx1', 'mx2']) {
      const [duplicate] = diagnosticsOf(undecided, name, 'server-id-duplicate');
      assert.match(duplicate.message, /One of the two is wrong/);
      assert.deepEqual(fixTitles(undecided, name, 'server-id-duplicate'), ['Use the next free numeric Server ID: 12']);
    }
  });

  test('three nodes sharing one Server ID: each is told, even when one of them breaks the numbering', () => {
    // mx2's copy keeps mx2's name and 12; mx4 took 12 too. Blaming mx4 alone would leave the copies unreported.
    const workspace = workspaceOfTexts({ mx1: linuxNode(1), mx2: linuxNode(2), copy: linuxNode(2, { 10: '10.0.0.22' }), mx4: linuxNode(4, { 4: '12' }) });
    for (const name of ['mx2', 'copy', 'mx4']) {
      const [duplicate] = diagnosticsOf(workspace, name, 'server-id-duplicate');
      assert.match(duplicate.message, /All but one of them are wrong/, name);
    }
  });

  test('hostnames without numbers give no numbering: both told', () => {
    const named = (name: string, changes: Record<number, string>) => nodeText(withValues(LINUX_MASTER, { 11: `${name}.example.net`, 15: 'alpha.example.net', 16: 'beta.example.net;gamma.example.net', ...changes }));
    const workspace = workspaceOfTexts({ alpha: named('alpha', { 4: '11' }), beta: named('beta', { 4: '12', 10: '10.0.0.12', 14: '1' }), gamma: named('gamma', { 4: '12', 10: '10.0.0.13', 14: '1' }) });
    for (const name of ['beta', 'gamma']) assert.match(diagnosticsOf(workspace, name, 'server-id-duplicate')[0].message, /One of the two is wrong/);
  });
});
