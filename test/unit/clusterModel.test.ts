import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterModel, judgeFolder, parseNodeFile, roleOf } from '../../server/src/service';
import { ClusterModel, ClusterNode, clusterResponseSchema } from '../../common/protocol';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const node = (uri: string, values: Record<number, string>, ending = '\n') => parseNodeFile(uri, nodeText(values, ending));

/** A Windows cluster of mx1 (master) and mx2, mx3 (slaves), config on \\fs01. */
const WINDOWS_MASTER = withValues(WINDOWS_SLAVE, { 4: '11', 10: '192.168.10.11', 11: 'mx1.example.net', 14: '0' });
const WINDOWS_SLAVE_3 = withValues(WINDOWS_SLAVE, { 4: '13', 10: '192.168.10.13', 11: 'mx3.example.net' });

const labels = (nodes: readonly ClusterNode[]) => nodes.map((member) => `${member.label}:${member.role}${member.kind === 'missing' ? ':missing' : ''}`);
const clusterLabels = (model: ClusterModel) => model.clusters.map((cluster) => `${cluster.label}=[${labels(cluster.nodes).join(', ')}]`);

describe('cluster grouping', () => {
  test('nodes naming one master host form one cluster, master first, no host missing', () => {
    const model = buildClusterModel([
      node('file:///w/mx3/path.dat', WINDOWS_SLAVE_3),
      node('file:///w/mx2/path.dat', WINDOWS_SLAVE),
      node('file:///w/mx1/path.dat', WINDOWS_MASTER),
    ]);
    assert.deepEqual(clusterLabels(model), ['mx1.example.net=[mx1.example.net:master, mx2.example.net:slave, mx3.example.net:slave]']);
    assert.equal(model.clusters[0].id, 'file:///w/mx1/path.dat');
  });

  test('a shared config folder groups nodes that name no master host, and different masters and folders stay apart', () => {
    const noMaster = (values: Record<number, string>) => withValues(values, { 15: '', 16: '' });
    const model = buildClusterModel([
      node('file:///w/a/path.dat', noMaster(withValues(WINDOWS_SLAVE, { 1: '\\\\FS01\\IceWarp\\Config', 11: 'a.example.net' }))),
      node('file:///w/b/path.dat', noMaster(withValues(WINDOWS_SLAVE, { 11: 'b.example.net' }))),
      node('file:///w/c/path.dat', withValues(LINUX_MASTER, { 11: 'c.example.org', 15: 'c.example.org', 16: '' })),
    ]);
    assert.equal(model.clusters.length, 2);
    const byConfig = model.clusters.find((cluster) => cluster.nodes.length === 2);
    assert.ok(byConfig, clusterLabels(model).join('; '));
    assert.deepEqual(byConfig.nodes.map((member) => member.uri).sort(), ['file:///w/a/path.dat', 'file:///w/b/path.dat']);
    // Named after the config folder, since neither names a master host.
    assert.equal(byConfig.label, '\\\\FS01\\IceWarp\\Config');
    assert.deepEqual(clusterLabels({ clusters: model.clusters.filter((cluster) => cluster !== byConfig) }), ['c.example.org=[c.example.org:master]']);
  });

  test('a node joined through either key links the others transitively', () => {
    // x names master m; y shares x's config but names no master; z names master m with another config.
    const model = buildClusterModel([
      node('file:///w/x/path.dat', withValues(LINUX_MASTER, { 1: '/mnt/one/config/', 11: 'x.test', 15: 'm.test', 16: '' })),
      node('file:///w/y/path.dat', withValues(LINUX_MASTER, { 1: '/mnt/one/config', 11: 'y.test', 15: '', 16: '' })),
      node('file:///w/z/path.dat', withValues(LINUX_MASTER, { 1: '/mnt/two/config/', 11: 'z.test', 15: 'M.test.', 16: '' })),
    ]);
    assert.equal(model.clusters.length, 1, clusterLabels(model).join('; '));
    assert.deepEqual(model.clusters[0].nodes.filter((member) => member.kind === 'file').length, 3);
  });
});

describe('cluster model', () => {
  test('hosts named in line 15/16 without a node file appear once, marked missing, with every line that names them', () => {
    const model = buildClusterModel([
      node('file:///w/mx1/path.dat', withValues(WINDOWS_MASTER, { 16: 'mx2.example.net;mx4.example.net' })),
      node('file:///w/mx2/path.dat', withValues(WINDOWS_SLAVE, { 15: 'mx0.example.net', 16: 'mx2.example.net;MX4.example.net' })),
    ]);
    assert.equal(model.clusters.length, 1);
    assert.deepEqual(labels(model.clusters[0].nodes), [
      'mx1.example.net:master',
      'mx0.example.net:master:missing',
      'mx2.example.net:slave',
      'mx4.example.net:slave:missing',
    ]);
    const mx4 = model.clusters[0].nodes.find((member) => member.label === 'mx4.example.net');
    assert.deepEqual(mx4?.namedBy, [
      { uri: 'file:///w/mx1/path.dat', line: 15 },
      { uri: 'file:///w/mx2/path.dat', line: 15 },
    ]);
    assert.equal(mx4?.uri, undefined);
    assert.equal(mx4?.roleEvidence, 'named-as-slave');
  });

  test('a host named by IP is not missing when a node binds that IP; a host with a file in another cluster is not missing', () => {
    const model = buildClusterModel([
      node('file:///w/a/path.dat', withValues(LINUX_MASTER, { 10: '10.0.0.11', 11: 'a.test', 15: '10.0.0.11', 16: 'b.test' })),
      node('file:///w/b/path.dat', withValues(LINUX_MASTER, { 1: '/mnt/other/config/', 10: '10.0.0.12', 11: 'b.test', 14: '1', 15: 'elsewhere.test', 16: '' })),
    ]);
    const missing = model.clusters.flatMap((cluster) => cluster.nodes).filter((member) => member.kind === 'missing');
    assert.deepEqual(missing.map((member) => member.label), ['elsewhere.test']);
  });

  test('role comes from line 14, falls back to lines 15/16 when line 14 is invalid, else stays unknown', () => {
    const role = (values: Record<number, string>) => {
      const parsed = node('file:///w/n/path.dat', values);
      const { role: value, evidence, line } = roleOf(parsed);
      return `${value}/${evidence}/${line + 1}`;
    };
    assert.equal(role(WINDOWS_MASTER), 'master/slave-flag/14');
    assert.equal(role(WINDOWS_SLAVE), 'slave/slave-flag/14');
    assert.equal(role(withValues(WINDOWS_MASTER, { 14: '' })), 'master/slave-flag/14', 'empty line 14 is the master (IceWarp default)');
    assert.equal(role(withValues(WINDOWS_MASTER, { 14: 'yes' })), 'master/master-host/15');
    assert.equal(role(withValues(WINDOWS_SLAVE, { 14: '2' })), 'slave/slave-hosts/16');
    assert.equal(role(withValues(WINDOWS_SLAVE, { 11: 'MX2.example.net.', 14: 'true' })), 'slave/slave-hosts/16', 'host names compare case-insensitively');
    assert.equal(role(withValues(WINDOWS_SLAVE, { 11: 'mx9.example.net', 14: 'yes' })), 'unknown/none/14');
  });

  test('a node carries its Server ID, hostname, IP bindings and folders with their lines, and no password', () => {
    const model = buildClusterModel([node('file:///w/mx2/path.cfg', withValues(WINDOWS_SLAVE, { 6: '\\\\fs01\\icewarp\\spam\\', 10: '192.168.10.12;127.0.0.1|192.168.10.12' }), '\r\n')]);
    const member = model.clusters[0].nodes.find((candidate) => candidate.kind === 'file');
    assert.ok(member);
    assert.deepEqual(member.serverId, { field: 'serverId', title: 'Server ID', line: 3, value: '12' });
    assert.deepEqual(member.hostname, { field: 'hostname', title: 'Hostname', line: 10, value: 'mx2.example.net' });
    assert.deepEqual(member.ipBinding?.server, ['192.168.10.12', '127.0.0.1']);
    assert.deepEqual(member.ipBinding?.outgoing, ['192.168.10.12']);
    assert.deepEqual(
      member.sharedFolders.map((folder) => `${folder.line + 1} ${folder.title} ${folder.location}`),
      ['1 Config path shared', '6 AntiSpam path shared'],
    );
    assert.deepEqual(
      member.workingFolders.map((folder) => `${folder.line + 1} ${folder.value} ${folder.location}`),
      ['8 D:\\IceWarp\\queues\\_outgoing\\ local', '9 D:\\IceWarp\\queues\\_outgoing\\retry\\ local', '13 D:\\IceWarp\\queues\\_incoming\\ local'],
    );
    const json = JSON.stringify(model);
    assert.ok(!json.includes('secret'), 'the line 5 password never enters the model');
    assert.ok(!json.includes('svc-mail'), 'nor does the logon user');
    assert.ok(clusterResponseSchema.safeParse(model).success, 'the model is what the protocol schema accepts');
  });

  test('folders: UNC is shared, drive letters local, POSIX local under /opt/icewarp/ and a mounted share elsewhere', () => {
    // As a common folder (line 1); working folders are judged by their mount, below.
    const location = (text: string) => judgeFolder(node('file:///w/n/path.dat', { 1: text }), 'configPath')?.location;
    assert.equal(location('\\\\fs01\\icewarp\\config\\'), 'shared');
    assert.equal(location('//fs01/icewarp/config/'), 'shared');
    assert.equal(location('D:\\IceWarp\\queues\\'), 'local');
    assert.equal(location('/opt/icewarp/mailqueues/_incoming/'), 'local');
    assert.equal(location('/opt/icewarp'), 'local');
    assert.equal(location('/opt/icewarpx/queue/'), 'shared', 'a sibling folder is not under the install folder');
    assert.equal(location('/mnt/data/config/'), 'shared');
  });

  test('problem counts come from the given diagnostics and add up per cluster', () => {
    const counts: Record<string, { error: number; warning: number; information: number; hint: number }> = {
      'file:///w/mx1/path.dat': { error: 0, warning: 1, information: 2, hint: 0 },
      'file:///w/mx2/path.dat': { error: 2, warning: 0, information: 0, hint: 1 },
    };
    const model = buildClusterModel(
      [node('file:///w/mx1/path.dat', WINDOWS_MASTER), node('file:///w/mx2/path.dat', WINDOWS_SLAVE)],
      (uri) => counts[uri],
    );
    const cluster = model.clusters[0];
    assert.deepEqual(cluster.problems, { error: 2, warning: 1, information: 2, hint: 1 });
    assert.deepEqual(cluster.nodes.find((member) => member.uri === 'file:///w/mx2/path.dat')?.problems, counts['file:///w/mx2/path.dat']);
    const missing = cluster.nodes.find((member) => member.kind === 'missing');
    assert.deepEqual(missing?.problems, { error: 0, warning: 0, information: 0, hint: 0 });
  });

  test('a node without a hostname is labelled by its folder and file', () => {
    const model = buildClusterModel([node('file:///w/site%20b/path.cfg', withValues(LINUX_MASTER, { 11: '', 15: '', 16: '' }))]);
    assert.equal(model.clusters[0].nodes[0].label, 'site b/path.cfg');
  });
});

test('a node without a hostname is named by its folder, even when its URI holds a malformed escape', () => {
  const node = parseNodeFile('file:///ws/bad%E0name/path.dat', nodeText(withValues(LINUX_MASTER, { 11: '' })));
  const model = buildClusterModel([node]);
  const labels = model.clusters.flatMap((cluster) => cluster.nodes.map((each) => each.label));
  assert.ok(labels.includes('bad%E0name/path.dat'), labels.join(', '));
});
