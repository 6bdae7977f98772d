// Operations on the whole cluster (service): rename, promote, add and remove a node, compare,
// fix all in cluster. Each change is applied as an editor would and the workspace validated
// after it; refused preconditions change nothing and say why; no label or message holds a password.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClusterChange,
  ClusterEditResult,
  addNode,
  compareNodes,
  compareWithMaster,
  fixAllInCluster,
  newNodeDefaults,
  parseNodeFile,
  prepareRename,
  promoteToMaster,
  removeNode,
  rename,
} from '../../server/src/service';
import { nodeText } from './helpers';
import {
  LIN,
  LONER,
  LONER_TEXT,
  PASSWORDS,
  WIN,
  allDiagnostics,
  applyChange,
  clusterFindings,
  lineOf,
  linuxCluster,
  windowsCluster,
  workspaceOf,
} from './clusterFixtures';

const at = (line: number, character: number) => ({ line: line - 1, character });

function changed(result: ClusterEditResult): ClusterChange {
  assert.ok(result.ok, `refused: ${result.ok ? '' : result.reason}`);
  return result.change;
}

function refused(result: ClusterEditResult | { ok: boolean; reason?: string }): string {
  assert.equal(result.ok, false, 'expected a refusal');
  return (result as { reason: string }).reason;
}

/** Every line ending of the text is CRLF (no lone LF or CR). */
function allCrlf(text: string): boolean {
  return !/\r(?!\n)|(?<!\r)\n/.test(text);
}

function assertNoPassword(value: unknown): void {
  const json = JSON.stringify(value);
  for (const password of [...PASSWORDS, JSON.stringify(PASSWORDS[2]).slice(1, -1)]) assert.ok(!json.includes(password), `a password in ${json.slice(0, 200)}...`);
}

describe('Rename a host across nodes', () => {
  test('a slave renamed from its line 11: every line 11 and 16 of the Windows cluster, CRLF kept, the cluster still clean', () => {
    const files = windowsCluster(3);
    const workspace = workspaceOf(files);
    const change = changed(rename(workspace.get(WIN(2))!, at(11, 3), 'mx2b.example.net', workspace));
    assert.deepEqual(change.files.map((file) => `${file.uri} ${file.description}`), [
      `${WIN(1)} Slave hosts (line 16)`,
      `${WIN(2)} Hostname (line 11), Slave hosts (line 16)`,
      `${WIN(3)} Slave hosts (line 16)`,
    ]);
    const after = applyChange(files, change);
    for (const k of [1, 2, 3]) {
      assert.equal(lineOf(after[WIN(k)], 16), 'mx2b.example.net;mx3.example.net');
      assert.ok(allCrlf(after[WIN(k)]));
      assert.equal(lineOf(after[WIN(k)], 5), lineOf(files[WIN(k)], 5), 'line 5 untouched');
    }
    assert.equal(lineOf(after[WIN(2)], 11), 'mx2b.example.net');
    assert.deepEqual(allDiagnostics(after), []);
    assert.equal(change.files[0].label, 'mx1.example.net (mx1/path.dat)');
  });

  test('the master from a slave\'s line 15 in a 7-node Linux cluster: line 11 and every line 15; the name compares as DNS does', () => {
    const files = linuxCluster(7, { 4: { 15: 'NODE1.linux.test.' } });
    const workspace = workspaceOf(files);
    const change = changed(rename(workspace.get(LIN(4))!, at(15, 1), 'hub.linux.test', workspace));
    assert.equal(change.files.length, 7);
    const after = applyChange(files, change);
    assert.equal(lineOf(after[LIN(1)], 11), 'hub.linux.test');
    for (let k = 1; k <= 7; k++) assert.equal(lineOf(after[LIN(k)], 15), 'hub.linux.test');
    assert.ok(!Object.values(after).some((text) => text.includes('\r')), 'LF files stay LF');
    assert.deepEqual(clusterFindings(after), []);
  });

  test('prepareRename gives the host under the cursor, and refuses anywhere else with a reason', () => {
    const workspace = workspaceOf(windowsCluster(3));
    const mx1 = workspace.get(WIN(1))!;
    assert.deepEqual(prepareRename(mx1, at(16, 17)), { ok: true, range: mx1.slaveHosts.hosts[1].range, placeholder: 'mx3.example.net' });
    assert.match(refused(prepareRename(mx1, at(4, 0))), /Only host names can be renamed: .*line 11.*line 15.*line 16.*This is line 4 \(Server ID\)/);
    assert.match(refused(prepareRename(mx1, at(20, 0))), /after 17/);
    assert.match(refused(prepareRename(parseNodeFile(WIN(1), windowsCluster(3)[WIN(1)].replace('mx1.example.net\r\nlicense', '\r\nlicense')), at(11, 0))), /Put the cursor on a host name of line 11/);
  });

  test('refused, changing nothing: an invalid name, another node\'s hostname, a name the list has already', () => {
    const files = { ...windowsCluster(3), [LONER]: LONER_TEXT };
    const workspace = workspaceOf(files);
    const mx2 = workspace.get(WIN(2))!;
    assert.match(refused(rename(mx2, at(11, 0), 'mx 2.example.net', workspace)), /"mx 2\.example\.net" is not a valid host name or IP address: it holds a space/);
    assert.match(refused(rename(mx2, at(11, 0), 'https://mx2.example.net', workspace)), /it is a URL/);
    assert.match(refused(rename(mx2, at(11, 0), 'ALONE.example.org.', workspace)), /already the hostname of alone\.example\.org \(alone\/path\.dat\)/);
    assert.match(refused(rename(mx2, at(11, 0), 'MX3.example.net', workspace)), /already the hostname of mx3\.example\.net \(mx3\/path\.dat\)/);
    const listed = workspaceOf({ ...files, [WIN(1)]: files[WIN(1)].replace('mx3.example.net', 'mx3.example.net;mx9.example.net') });
    assert.match(refused(rename(listed.get(WIN(2))!, at(11, 0), 'mx9.example.net', listed)), /Line 16 \(Slave hosts\) of mx1\.example\.net \(mx1\/path\.dat\) names "mx9\.example\.net" already/);
  });

  test('a change of case only renames the spelling; the same name changes nothing', () => {
    const files = windowsCluster(2);
    const workspace = workspaceOf(files);
    const change = changed(rename(workspace.get(WIN(2))!, at(11, 0), 'MX2.example.net', workspace));
    assert.equal(change.files.length, 2);
    assert.equal(changed(rename(workspace.get(WIN(2))!, at(11, 0), 'mx2.example.net', workspace)).files.length, 0);
  });
});

describe('Promote to Master', () => {
  test('a slave of the Windows cluster: flags swap, every line 15 names it, every line 16 lists the old master, CRLF kept, zero cluster findings', () => {
    const files = windowsCluster(3);
    const workspace = workspaceOf(files);
    const change = changed(promoteToMaster(workspace.get(WIN(2))!, workspace));
    assert.equal(change.title, 'Promote mx2.example.net to master');
    assert.deepEqual(change.files.map((file) => `${file.label}: ${file.description}`), [
      'mx1.example.net (mx1/path.dat): becomes a slave (line 14: 1); master host mx2.example.net (line 15); slave hosts: mx2.example.net out, mx1.example.net in (line 16)',
      'mx2.example.net (mx2/path.dat): becomes the master (line 14: 0); master host mx2.example.net (line 15); slave hosts: mx2.example.net out, mx1.example.net in (line 16)',
      'mx3.example.net (mx3/path.dat): master host mx2.example.net (line 15); slave hosts: mx2.example.net out, mx1.example.net in (line 16)',
    ]);
    const after = applyChange(files, change);
    assert.equal(lineOf(after[WIN(2)], 14), '0');
    assert.equal(lineOf(after[WIN(1)], 14), '1');
    for (const k of [1, 2, 3]) {
      assert.equal(lineOf(after[WIN(k)], 15), 'mx2.example.net');
      assert.equal(lineOf(after[WIN(k)], 16), 'mx3.example.net;mx1.example.net', 'the order kept, the old master last');
      assert.ok(allCrlf(after[WIN(k)]));
      assert.equal(after[WIN(k)].split('\r\n').length, files[WIN(k)].split('\r\n').length, 'no line added or lost');
    }
    assert.deepEqual(allDiagnostics(after), []);
    assertNoPassword(change);
  });

  test('a slave of a 7-node Linux cluster (path.cfg, LF): all seven files change, each list keeps its own order', () => {
    const files = linuxCluster(7, { 6: { 16: 'node7.linux.test;node2.linux.test;node3.linux.test;node4.linux.test;node5.linux.test;node6.linux.test' } });
    const workspace = workspaceOf(files);
    const after = applyChange(files, changed(promoteToMaster(workspace.get(LIN(5))!, workspace)));
    assert.equal(lineOf(after[LIN(1)], 16), 'node2.linux.test;node3.linux.test;node4.linux.test;node6.linux.test;node7.linux.test;node1.linux.test');
    assert.equal(lineOf(after[LIN(6)], 16), 'node7.linux.test;node2.linux.test;node3.linux.test;node4.linux.test;node6.linux.test;node1.linux.test');
    assert.deepEqual(clusterFindings(after), []);
    assert.deepEqual(allDiagnostics(after), []);
  });

  test('a 2-node cluster whose slave stops after line 15: line 16 grows with the file\'s own ending', () => {
    const files = windowsCluster(2);
    const short = files[WIN(2)].split('\r\n').slice(0, 15).join('\r\n') + '\r\n';
    const withShort = { ...files, [WIN(2)]: short };
    const workspace = workspaceOf(withShort);
    const after = applyChange(withShort, changed(promoteToMaster(workspace.get(WIN(2))!, workspace)));
    assert.equal(lineOf(after[WIN(2)], 15), 'mx2.example.net');
    assert.equal(lineOf(after[WIN(2)], 16), 'mx1.example.net');
    assert.ok(allCrlf(after[WIN(2)]) && after[WIN(2)].endsWith('\r\n'));
    assert.deepEqual(clusterFindings(after), []);
  });

  test('a BOM, mixed line endings and spaces around a value stay as they were; only the values change', () => {
    const files = windowsCluster(2);
    const odd = '\uFEFF' + files[WIN(1)].replace('\r\n0\r\n', '\n 0 \r').replace('mx1.example.net\r\nmx2', 'mx1.example.net\nmx2');
    const withOdd = { ...files, [WIN(1)]: odd };
    const workspace = workspaceOf(withOdd);
    const after = applyChange(withOdd, changed(promoteToMaster(workspace.get(WIN(2))!, workspace)));
    assert.equal(after[WIN(1)], odd.replace('\n 0 \r', '\n 1 \r').replace('mx1.example.net\nmx2.example.net\r\n', 'mx2.example.net\nmx1.example.net\r\n'));
  });

  test('refused, changing nothing: no master, two masters, not in a cluster, already the master, a draft', () => {
    const noMaster = workspaceOf(windowsCluster(3, { 1: { 14: '1' } }));
    assert.match(refused(promoteToMaster(noMaster.get(WIN(2))!, noMaster)), /^The cluster of mx2\.example\.net \(mx2\/path\.dat\) has no master: none of its 3 node files says 0 on line 14/);
    const twoMasters = workspaceOf(windowsCluster(3, { 3: { 14: '0' } }));
    assert.match(
      refused(promoteToMaster(twoMasters.get(WIN(2))!, twoMasters)),
      /has 2 masters: mx1\.example\.net \(mx1\/path\.dat\) and mx3\.example\.net \(mx3\/path\.dat\) all say master/,
    );
    const alone = workspaceOf({ [LONER]: LONER_TEXT });
    assert.match(refused(promoteToMaster(alone.get(LONER)!, alone)), /alone\.example\.org \(alone\/path\.dat\) is not in a cluster: it names no master host \(line 15\) and no slave hosts \(line 16\)/);
    const files = windowsCluster(3);
    const workspace = workspaceOf(files);
    assert.match(refused(promoteToMaster(workspace.get(WIN(1))!, workspace)), /already the master/);
    // Line 14 says neither, and its own line 16 does not list it either.
    const unknown = workspaceOf(windowsCluster(3, { 2: { 14: 'maybe', 16: 'mx3.example.net' } }));
    assert.match(refused(promoteToMaster(unknown.get(WIN(2))!, unknown)), /role of mx2\.example\.net .* cannot be told: line 14 \(Slave flag\) is "maybe"/);
    const noName = workspaceOf(windowsCluster(3, { 1: { 11: '' } }));
    assert.match(refused(promoteToMaster(noName.get(WIN(2))!, noName)), /The master mx1\/path\.dat has no hostname on line 11/);
  });
});

describe('Add Node to Cluster', () => {
  test('Windows cluster: a path.dat in a sibling folder, CRLF, built from the master, the next free ID (14 beside 11, 12, 13), the password left out; every node lists it; zero cluster findings', () => {
    const files = windowsCluster(3, { 1: { 17: 'https://mx1.example.net/teamchatapi/' } });
    const workspace = workspaceOf(files);
    const change = changed(addNode(workspace.get(WIN(3))!, workspace, { hostname: 'mx4.example.net', ip: '192.168.10.14' }));
    const created = change.files[0];
    assert.equal(created.kind, 'create');
    assert.equal(created.uri, 'file:///srv/win/mx4/path.dat');
    assert.equal(created.label, 'mx4.example.net (mx4/path.dat)');
    if (created.kind !== 'create') return;
    assert.ok(allCrlf(created.text) && created.text.endsWith('\r\n'));
    assert.deepEqual(created.text.split('\r\n'), [
      '\\\\fs01\\icewarp\\config\\',
      '',
      '',
      '14',
      '\\\\fs01\\icewarp;ICEWARP\\svc-mail;',
      '',
      '',
      'C:\\IceWarp\\queues\\_outgoing\\',
      'C:\\IceWarp\\queues\\_outgoing\\retry\\',
      '192.168.10.14|192.168.10.14',
      'mx4.example.net',
      'license.key',
      'C:\\IceWarp\\queues\\_incoming\\',
      '1',
      'mx1.example.net',
      'mx2.example.net;mx3.example.net;mx4.example.net',
      'https://mx4.example.net/teamchatapi/',
      '',
    ]);
    assert.match(change.summary, /Line 5 \(Remote logon\) has the master's share and user entries without their passwords/);
    const after = applyChange(files, change);
    for (const k of [1, 2, 3]) assert.equal(lineOf(after[WIN(k)], 16), 'mx2.example.net;mx3.example.net;mx4.example.net');
    // The one thing left to do is the admin's: the password line 5 leaves out.
    assert.deepEqual(
      allDiagnostics(after).map(({ uri, diagnostic }) => `${uri} ${diagnostic.code}@${diagnostic.range.start.line + 1}`),
      ['file:///srv/win/mx4/path.dat remote-logon-password-empty@5'],
    );
    assertNoPassword(change);
  });

  test('Linux cluster of seven: path.cfg and LF like the others, shared queues replaced by the local default', () => {
    const files = linuxCluster(7, { 1: { 13: '/mnt/cluster/queues/_incoming/' } });
    const workspace = workspaceOf(files);
    const change = changed(addNode(workspace.get(LIN(1))!, workspace, { hostname: 'node8.linux.test', ip: '' }));
    const created = change.files[0];
    assert.equal(created.uri, 'file:///srv/linux/node8/path.cfg');
    assert.ok(created.kind === 'create' && !created.text.includes('\r'));
    if (created.kind !== 'create') return;
    assert.equal(lineOf(created.text, 4), '08', 'IDs 01-07 are taken');
    assert.equal(lineOf(created.text, 10), '');
    assert.equal(lineOf(created.text, 13), '/opt/icewarp/mailqueues/_incoming/', 'the master shares its queue; the others keep it local');
    assert.equal(change.files.length, 8);
    assert.deepEqual(clusterFindings(applyChange(files, change)), []);
  });

  test('mixed file names take the most common one; folders named by the whole hostname stay so; a given file wins', () => {
    const files = {
      'file:///ws/mx1.example.net/path.cfg': windowsCluster(3)[WIN(1)],
      'file:///ws/mx2.example.net/path.dat': windowsCluster(3)[WIN(2)],
      'file:///ws/mx3.example.net/path.cfg': windowsCluster(3)[WIN(3)],
    };
    const workspace = workspaceOf(files);
    const node = workspace.get('file:///ws/mx2.example.net/path.dat')!;
    assert.equal(changed(addNode(node, workspace, { hostname: 'mx4.example.net' })).files[0].uri, 'file:///ws/mx4.example.net/path.cfg');
    const defaults = newNodeDefaults(node, workspace, { hostname: 'mx4.example.net' });
    assert.ok(!('ok' in defaults));
    assert.deepEqual(defaults, { cluster: 'mx1.example.net', fileName: 'path.cfg', fileUri: 'file:///ws/mx4.example.net/path.cfg', serverId: '14', problems: {} });
    assert.equal(changed(addNode(node, workspace, { hostname: 'mx4.example.net', fileUri: 'file:///elsewhere/four/path.dat' })).files[0].uri, 'file:///elsewhere/four/path.dat');
  });

  test('a host the cluster names but has no file for is added without listing it twice', () => {
    const files = windowsCluster(3, { 1: { 16: 'mx2.example.net;mx3.example.net;mx4.example.net' } });
    const workspace = workspaceOf(files);
    const change = changed(addNode(workspace.get(WIN(1))!, workspace, { hostname: 'MX4.example.net' }));
    const after = applyChange(files, change);
    assert.equal(lineOf(after[WIN(1)], 16), 'mx2.example.net;mx3.example.net;mx4.example.net');
    assert.equal(lineOf(after[WIN(2)], 16), 'mx2.example.net;mx3.example.net;MX4.example.net');
    assert.deepEqual(clusterFindings(after), []);
  });

  test('the input boxes\' checks, and refusals that change nothing', () => {
    const files = { ...windowsCluster(3), [LONER]: LONER_TEXT };
    const workspace = workspaceOf(files);
    const mx1 = workspace.get(WIN(1))!;
    const problems = (answers: { hostname?: string; ip?: string; fileUri?: string }) => {
      const defaults = newNodeDefaults(mx1, workspace, answers);
      assert.ok(!('ok' in defaults));
      return defaults.problems;
    };
    assert.match(problems({}).hostname ?? '', /Enter the new node's hostname/);
    assert.match(problems({ hostname: 'mx4.example.net:25' }).hostname ?? '', /not a valid host name: it carries a port/);
    assert.match(problems({ hostname: 'Alone.Example.org' }).hostname ?? '', /alone\.example\.org \(alone\/path\.dat\) already has this hostname/);
    assert.match(problems({ hostname: 'mx1.example.net' }).hostname ?? '', /already has this hostname/);
    assert.match(problems({ hostname: 'mx4.example.net', ip: '192.168.10.300' }).ip ?? '', /not an IPv4 or IPv6 address/);
    assert.match(problems({ hostname: 'mx4.example.net', ip: '192.168.10.12' }).ip ?? '', /mx2\.example\.net \(mx2\/path\.dat\) already binds 192\.168\.10\.12/);
    assert.match(problems({ hostname: 'mx4.example.net', fileUri: 'file:///srv/win/mx4/notes.txt' }).file ?? '', /named path\.cfg or path\.dat/);
    assert.match(problems({ hostname: 'mx4.example.net', fileUri: WIN(2) }).file ?? '', /mx2\/path\.dat exists already/);
    assert.deepEqual(problems({ hostname: 'mx4.example.net', ip: '192.168.10.14' }), {});
    assert.match(refused(addNode(mx1, workspace, { hostname: 'mx2.example.net' })), /already has this hostname/);
    assert.match(refused(addNode(workspace.get(LONER)!, workspace, { hostname: 'mx4.example.net' })), /not in a cluster/);
    const twoMasters = workspaceOf(windowsCluster(3, { 2: { 14: '0' } }));
    assert.match(refused(addNode(twoMasters.get(WIN(1))!, twoMasters, { hostname: 'mx4.example.net' })), /has 2 masters/);
  });
});

describe('Remove Node from Cluster', () => {
  test('a slave leaves every list; its file kept becomes a standalone server, still on the shared Config folder, which the answer and the diagnostics say', () => {
    const files = windowsCluster(3);
    const workspace = workspaceOf(files);
    const change = changed(removeNode(workspace.get(WIN(3))!, workspace, { deleteFile: false }));
    assert.deepEqual(change.files.map((file) => `${file.kind} ${file.label}: ${file.description}`), [
      'edit mx1.example.net (mx1/path.dat): slave hosts: mx3.example.net out (line 16)',
      'edit mx2.example.net (mx2/path.dat): slave hosts: mx3.example.net out (line 16)',
      'edit mx3.example.net (mx3/path.dat): leaves the cluster: a standalone server (line 14: 0; lines 15 and 16 emptied)',
    ]);
    assert.deepEqual(change.warnings, [
      'The kept file still points line 1 at the cluster\'s shared Config folder "\\\\fs01\\icewarp\\config\\": started as it is, mx3.example.net would write the cluster\'s configuration as a second master. Before starting it, copy that folder to local storage and point line 1 at the copy (an empty line 1 would mean an empty local configuration).',
    ]);
    const after = applyChange(files, change);
    assert.equal(lineOf(after[WIN(1)], 16), 'mx2.example.net');
    assert.equal(lineOf(after[WIN(3)], 1), '\\\\fs01\\icewarp\\config\\', 'line 1 is never cleared');
    assert.ok(allCrlf(after[WIN(3)]));
    // The membership is clean; the second master on the shared Config folder is told on both.
    assert.deepEqual(clusterFindings(after), [`${WIN(1)} standalone-on-shared-config`, `${WIN(3)} standalone-on-shared-config`]);
  });

  test('with the file deleted (asked for): the lists change and the file goes', () => {
    const files = linuxCluster(7);
    const workspace = workspaceOf(files);
    const change = changed(removeNode(workspace.get(LIN(4))!, workspace, { deleteFile: true }));
    assert.deepEqual(change.files.at(-1), { kind: 'delete', uri: LIN(4), label: 'node4.linux.test (node4/path.cfg)', description: 'the node file is deleted' });
    const after = applyChange(files, change);
    assert.equal(after[LIN(4)], undefined);
    assert.equal(lineOf(after[LIN(1)], 16), 'node2.linux.test;node3.linux.test;node5.linux.test;node6.linux.test;node7.linux.test');
    assert.deepEqual(allDiagnostics(after), []);
  });

  test('refused: the master, a node outside any cluster', () => {
    const workspace = workspaceOf({ ...windowsCluster(2), [LONER]: LONER_TEXT });
    assert.match(refused(removeNode(workspace.get(WIN(1))!, workspace, { deleteFile: false })), /is the master of its cluster; promote another node to master first/);
    assert.match(refused(removeNode(workspace.get(LONER)!, workspace, { deleteFile: true })), /not in a cluster/);
  });
});

describe('Compare nodes', () => {
  test('a slave with its master: the lines that differ per node are told apart from those that should not differ; no value, no password', () => {
    const files = windowsCluster(3, { 3: { 1: '\\\\fs02\\icewarp\\config\\' } });
    const workspace = workspaceOf(files);
    const result = compareWithMaster(workspace.get(WIN(3))!, workspace);
    assert.ok(result.ok);
    assert.equal(result.comparison.left, WIN(1));
    assert.equal(result.comparison.right, WIN(3));
    assert.equal(result.comparison.title, 'mx1.example.net ↔ mx3.example.net');
    assert.deepEqual(result.comparison.note, [
      '6 of lines 1-17 differ between mx1.example.net (mx1/path.dat) and mx3.example.net (mx3/path.dat).',
      'Differ per node, as they must (not a problem): Server ID (line 4), IP binding (line 10), Hostname (line 11) and Slave flag (line 14).',
      'Should be the same on every node of a cluster, but differ: Config path (line 1) and Remote logon (line 5).',
    ]);
    assert.deepEqual([result.comparison.perNode, result.comparison.shared], [[4, 10, 11, 14], [1, 5]]);
    assertNoPassword(result);
    assert.match(refused(compareWithMaster(workspace.get(WIN(1))!, workspace)), /is the master itself/);
  });

  test('two slaves with the same shared lines', () => {
    const workspace = workspaceOf(linuxCluster(7));
    const comparison = compareNodes(workspace.get(LIN(2))!, workspace.get(LIN(3))!);
    assert.deepEqual(comparison.note.slice(1), ['Differ per node, as they must (not a problem): Server ID (line 4), IP binding (line 10) and Hostname (line 11).', 'Every line that every node of a cluster shares is the same.']);
  });
});

describe('Fix All in Cluster', () => {
  test('every preferred fix of every node, one after the other: two empty Server IDs get two different IDs', () => {
    const files = windowsCluster(3, { 2: { 4: '', 12: 'license.key  ' }, 3: { 4: '', 16: 'mx2.example.net, mx3.example.net' } });
    const workspace = workspaceOf(files);
    const before = allDiagnostics(files).map(({ diagnostic }) => diagnostic.code);
    assert.ok(before.includes('server-id-missing') && before.includes('whitespace') && before.includes('slave-list-separator'));
    const change = changed(fixAllInCluster(workspace.get(WIN(1))!, workspace));
    assert.deepEqual(change.files.map((file) => file.uri), [WIN(2), WIN(3)]);
    assert.match(change.files[0].description, /server-id-missing/);
    const after = applyChange(files, change);
    assert.notEqual(lineOf(after[WIN(2)], 4), lineOf(after[WIN(3)], 4));
    assert.deepEqual(allDiagnostics(after), []);
    assert.ok(allCrlf(after[WIN(3)]));
    assertNoPassword(change);
  });

  test('nothing to fix, or no cluster: refused with the reason', () => {
    const workspace = workspaceOf({ ...windowsCluster(3), [LONER]: LONER_TEXT });
    assert.match(refused(fixAllInCluster(workspace.get(WIN(1))!, workspace)), /^Nothing to fix: no preferred quick fix applies to the 3 node files/);
    assert.match(refused(fixAllInCluster(workspace.get(LONER)!, workspace)), /not in a cluster/);
  });
});

describe('No password in any label, message or refusal', () => {
  test('every operation on every node of a cluster with passwords on line 5, accepted or refused', () => {
    const files = windowsCluster(3, { 2: { 12: 'license.key ' } });
    const broken = { ...files, 'file:///srv/win/mx9/path.dat': nodeText({ 5: `\\\\fs01\\icewarp;${PASSWORDS[0]}|x;y;${PASSWORDS[1]}`, 11: 'mx9.example.net', 14: '1', 15: 'mx1.example.net' }, '\r\n') };
    const workspace = workspaceOf(broken);
    const results: unknown[] = [];
    for (const node of workspace.all()) {
      results.push(promoteToMaster(node, workspace), removeNode(node, workspace, { deleteFile: true }), removeNode(node, workspace, { deleteFile: false }));
      results.push(addNode(node, workspace, { hostname: 'mx5.example.net' }), fixAllInCluster(node, workspace), compareWithMaster(node, workspace));
      results.push(newNodeDefaults(node, workspace, { hostname: 'x y' }));
      for (let line = 1; line <= 17; line++) results.push(prepareRename(node, at(line, 2)), rename(node, at(line, 2), 'renamed.example.net', workspace));
    }
    assert.ok(results.some((result) => (result as { ok?: boolean }).ok === true));
    assertNoPassword(results);
  });
});
