// The cluster evidence decides who is wrong (issue 21, points 1-4): a typo in one node's own
// hostname, a node rolled out before the others list it, a slave no list names, a node taken
// out but still on the shared Config folder. Each case is checked on the evidence itself, on
// what the admin sees (diagnostics, fixes, which are preferred), and after the cross-node quick
// fixes are applied: the cluster comes out clean, and fix-all and Fix All in Cluster never
// decide membership on their own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  NodeFile,
  ServiceDiagnostic,
  Workspace,
  WorkspaceFacts,
  buildClusterModel,
  clusterEvidence,
  evidenceBuilds,
  fixAll,
  fixAllInCluster,
  fixesFor,
  parseNodeFile,
  validate,
} from '../../server/src/service';
import { LINUX_MASTER, nodeText, withValues } from './helpers';
import { CLUSTER_CODES } from './clusterFixtures';

const uriOf = (name: string) => `file:///ws/${name}/path.dat`;

/** Node k of a Linux cluster (mx1 the master), lists `mx2;mx3`, with changes. */
function values(k: number, changes: Record<number, string> = {}): Record<number, string> {
  return withValues(LINUX_MASTER, {
    4: `1${k}`,
    10: `10.0.0.1${k}`,
    11: `mx${k}.example.net`,
    14: k === 1 ? '0' : '1',
    15: 'mx1.example.net',
    16: 'mx2.example.net;mx3.example.net',
    ...changes,
  });
}

/** A workspace of named nodes (`mx1` -> file:///ws/mx1/path.dat). */
class Cluster {
  readonly workspace = new Workspace();

  constructor(nodes: Record<string, Record<number, string>>) {
    for (const [name, text] of Object.entries(nodes)) this.workspace.set(parseNodeFile(uriOf(name), nodeText(text)));
  }

  node(name: string): NodeFile {
    const node = this.workspace.get(uriOf(name));
    assert.ok(node, name);
    return node;
  }

  diagnostics(name: string): ServiceDiagnostic[] {
    return validate(this.node(name), this.workspace);
  }

  /** `name code@line` of every cross-node diagnostic of the workspace. */
  clusterFindings(): string[] {
    return this.workspace
      .all()
      .flatMap((node) => validate(node, this.workspace).filter((d) => CLUSTER_CODES.includes(d.code) || d.code === 'host-possible-typo').map((d) => `${node.uri.split('/')[4]} ${d.code}@${d.range.start.line + 1}`))
      .sort();
  }

  /** The fixes of the node's diagnostics of one code, as `title*` (preferred) or `title`. */
  fixTitles(name: string, code: string): string[] {
    return this.diagnostics(name)
      .filter((d) => d.code === code)
      .flatMap((d) => fixesFor(this.node(name), d, this.workspace))
      .map((fix) => `${fix.title}${fix.isPreferred ? '*' : ''}`);
  }

  /** Applies the first fix of the node's first diagnostic of `code` (as the light bulb would). */
  applyFix(name: string, code: string): void {
    const node = this.node(name);
    const diagnostic = this.diagnostics(name).find((d) => d.code === code);
    assert.ok(diagnostic, `${name} has ${code}`);
    const [fix] = fixesFor(node, diagnostic, this.workspace);
    assert.ok(fix, `${code} on ${name} offers a fix`);
    this.workspace.set(parseNodeFile(node.uri, TextDocument.applyEdits(TextDocument.create(node.uri, 'icewarp-pathcfg', 1, node.text), fix.edits)));
  }

  /** Fix-all of one node, as the editor's source.fixAll and `check --fix` run it. */
  fixAllChanges(name: string): boolean {
    return fixAll(this.node(name), this.workspace).length > 0;
  }

  line(name: string, line: number): string {
    return this.node(name).text.split('\n')[line - 1];
  }
}

describe('point 1: a typo in one node\'s own hostname', () => {
  const typo = () => new Cluster({ mx1: values(1), mx2: values(2), mx3: values(3, { 11: 'mx3.exmaple.net' }) });

  test('the evidence blames line 11 of the node every other node calls by another name', () => {
    const cluster = typo();
    const evidence = clusterEvidence(cluster.node('mx1'), cluster.workspace);
    const [dispute] = evidence.nameDisputesOf(cluster.node('mx3'));
    assert.equal(dispute.blame, 'hostname');
    assert.equal(dispute.name, 'mx3.example.net');
    assert.equal(evidence.referent('mx3.example.net')?.member.node, cluster.node('mx3'));
    assert.equal(evidence.disputeOver('mx3.example.net'), dispute, 'the name on the others\' lines is part of the dispute');
    assert.deepEqual(evidence.nameDisputesOf(cluster.node('mx1')), []);
  });

  test('the broken node is told on line 11, related to every line naming it right; the others get nothing', () => {
    const cluster = typo();
    const [contradicted] = cluster.diagnostics('mx3').filter((d) => d.code === 'hostname-contradicted');
    assert.equal(contradicted.severity, 'error');
    assert.deepEqual([contradicted.range.start.line, contradicted.range.start.character, contradicted.range.end.character], [10, 0, 15]);
    assert.equal(
      contradicted.message,
      'Hostname (line 11) is "mx3.exmaple.net", but every other node calls this server "mx3.example.net": mx1.example.net (mx1/path.dat) and mx2.example.net (mx2/path.dat) name it so on line 15 or 16. Line 11 must be the name the others reach it by.',
    );
    assert.deepEqual(
      contradicted.related?.map((related) => `${related.uri.split('/')[4]}:${related.range.start.line + 1}:${related.range.start.character} ${related.message}`),
      [
        'mx1:16:16 mx1.example.net (mx1/path.dat) calls this server "mx3.example.net" here',
        'mx2:16:16 mx2.example.net (mx2/path.dat) calls this server "mx3.example.net" here',
        'mx3:16:16 This file calls this server "mx3.example.net" here too',
      ],
    );
    assert.deepEqual(cluster.diagnostics('mx1'), [], 'mx1 names mx3 right: no host-possible-typo, nothing');
    assert.deepEqual(cluster.diagnostics('mx2'), []);
    assert.deepEqual(cluster.fixTitles('mx3', 'hostname-contradicted'), ['Replace with mx3.example.net, the name the other nodes use'], 'offered, not preferred');
  });

  test('fix-all changes nothing anywhere; the fix applied leaves the cluster clean', () => {
    const cluster = typo();
    for (const name of ['mx1', 'mx2', 'mx3']) assert.equal(cluster.fixAllChanges(name), false, name);
    cluster.applyFix('mx3', 'hostname-contradicted');
    assert.equal(cluster.line('mx3', 11), 'mx3.example.net');
    assert.deepEqual(cluster.clusterFindings(), []);
  });

  test('one node against one: the domain suffix every other host shares decides', () => {
    const cluster = new Cluster({ mx1: values(1, { 16: 'mx2.example.net' }), mx2: values(2, { 11: 'mx2.exmaple.net', 16: 'mx2.exmaple.net' }) });
    assert.equal(clusterEvidence(cluster.node('mx2'), cluster.workspace).nameDisputesOf(cluster.node('mx2'))[0]?.blame, 'hostname');
    assert.deepEqual(cluster.clusterFindings(), ['mx2 hostname-contradicted@11']);
    cluster.applyFix('mx2', 'hostname-contradicted');
    // mx2's own line 16 still spells the old name: now a plain typo of its hostname, fixed by its preferred fix.
    assert.deepEqual(cluster.fixTitles('mx2', 'host-possible-typo'), ['Replace with mx2.example.net (hostname of mx2/path.dat)*']);
  });

  test('one node against one with nothing to tell them apart: both are told, no fix preferred', () => {
    // mx1 calls the other node "mailb", which names itself "mailx" on line 11 and 16: nothing else to compare.
    const cluster = new Cluster({
      a: values(1, { 11: 'node-a.example.net', 15: 'node-a.example.net', 16: 'mailb.example.net' }),
      b: values(2, { 11: 'mailx.example.net', 15: 'node-a.example.net', 16: 'mailx.example.net' }),
    });
    const evidence = clusterEvidence(cluster.node('a'), cluster.workspace);
    assert.equal(evidence.nameDisputesOf(cluster.node('b'))[0]?.blame, 'either');
    assert.match(only(cluster.diagnostics('b'), 'hostname-contradicted')[0].message, /one of the two names is a typo, and nothing in the cluster tells which/);
    assert.deepEqual(cluster.fixTitles('a', 'host-possible-typo'), ['Replace with mailx.example.net (hostname of b/path.dat)']);
    assert.deepEqual(cluster.fixTitles('b', 'hostname-contradicted'), ['Replace with mailb.example.net, the name the other nodes use']);
  });
});

describe('point 2: a node rolled out before the others are updated', () => {
  const rollout = () =>
    new Cluster({ mx1: values(1), mx2: values(2), mx3: values(3), mx4: values(4, { 16: 'mx2.example.net;mx3.example.net;mx4.example.net' }) });

  test('the new node is a working member; the older lists do not name it yet', () => {
    const cluster = rollout();
    const evidence = clusterEvidence(cluster.node('mx4'), cluster.workspace);
    // Every slave that follows the master, shares the Config folder and lists itself is one; the master is not.
    for (const name of ['mx2', 'mx3', 'mx4']) assert.equal(evidence.isWorkingMember(cluster.node(name)), true, name);
    assert.equal(evidence.isWorkingMember(cluster.node('mx1')), false);
    for (const name of ['mx1', 'mx2', 'mx3']) {
      assert.deepEqual(evidence.notListedBy(cluster.node(name)).map((member) => member.node.uri), [uriOf('mx4')], name);
    }
    assert.deepEqual(evidence.notListedBy(cluster.node('mx4')), []);
    assert.equal(evidence.membershipVote(cluster.node('mx4'), 'slaveHosts'), undefined, 'the new node is no odd one out');
  });

  test('the older nodes are told "does not list ... yet" with a fix that adds it, never preferred; the new node nothing', () => {
    const cluster = rollout();
    assert.deepEqual(cluster.clusterFindings(), ['mx1 cluster-member-not-listed@16', 'mx2 cluster-member-not-listed@16', 'mx3 cluster-member-not-listed@16']);
    const [notListed] = only(cluster.diagnostics('mx1'), 'cluster-member-not-listed');
    assert.equal(notListed.severity, 'warning');
    assert.match(notListed.message, /^Slave hosts \(line 16\) does not list mx4\.example\.net \(mx4\/path\.dat\) yet/);
    assert.deepEqual(notListed.related?.map((related) => [related.uri, related.range.start.line, related.message]), [[uriOf('mx4'), 15, 'mx4.example.net (mx4/path.dat) lists itself here']]);
    assert.deepEqual(cluster.fixTitles('mx1', 'cluster-member-not-listed'), ['Add mx4.example.net to the slave hosts (line 16)']);
  });

  test('fix-all and Fix All in Cluster leave the lists alone and say so; the fixes applied leave the cluster clean', () => {
    const cluster = rollout();
    for (const name of ['mx1', 'mx2', 'mx3', 'mx4']) assert.equal(cluster.fixAllChanges(name), false, name);
    const result = fixAllInCluster(cluster.node('mx1'), cluster.workspace);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /^Nothing to fix: .* Left for you to decide, in 3 of the node files: cluster-member-not-listed\. Only you know whether a node is joining or leaving/);
    for (const name of ['mx1', 'mx2', 'mx3']) cluster.applyFix(name, 'cluster-member-not-listed');
    assert.equal(cluster.line('mx1', 16), 'mx2.example.net;mx3.example.net;mx4.example.net');
    assert.deepEqual(cluster.clusterFindings(), []);
  });

  test('a node taken out of one list first looks the same, and nothing undoes it on its own', () => {
    // mx1 no longer lists mx3; mx2 and mx3 still do: retiring, or adding, one file at a time.
    const cluster = new Cluster({ mx1: values(1, { 16: 'mx2.example.net' }), mx2: values(2), mx3: values(3) });
    assert.deepEqual(cluster.clusterFindings(), ['mx1 cluster-member-not-listed@16']);
    assert.deepEqual(cluster.fixTitles('mx1', 'cluster-member-not-listed'), ['Add mx3.example.net to the slave hosts (line 16)']);
    assert.equal(cluster.fixAllChanges('mx1'), false);
  });

  test('a real disagreement stays cluster-membership-mismatch, and its value is preferred only for a spelling', () => {
    // mx2 still lists mx4, retired, which has no file: two of three nodes do not.
    const retired = new Cluster({ mx1: values(1), mx2: values(2, { 16: 'mx2.example.net;mx3.example.net;mx4.example.net' }), mx3: values(3) });
    assert.deepEqual(retired.clusterFindings(), ['mx2 cluster-membership-mismatch@16']);
    assert.deepEqual(retired.fixTitles('mx2', 'cluster-membership-mismatch'), ['Use the cluster\'s value: "mx2.example.net;mx3.example.net"'], 'removes a host: not preferred');
    assert.equal(retired.fixAllChanges('mx2'), false);
    // A typo of a node's name in one list: the same servers, so taking the cluster's spelling is safe.
    const typo = new Cluster({ mx1: values(1), mx2: values(2, { 16: 'mx2.example.net;mx3.exmaple.net' }), mx3: values(3) });
    assert.deepEqual(typo.fixTitles('mx2', 'cluster-membership-mismatch'), ['Use the cluster\'s value: "mx2.example.net;mx3.example.net"*']);
  });

  test('no preferred fix takes a node out of its own slave list, whatever the others say', () => {
    // mx2 lists itself and the master; two other nodes do not list mx2 at all.
    const cluster = new Cluster({
      mx1: values(1, { 16: 'mx3.example.net;mx4.example.net' }),
      mx2: values(2, { 16: 'mx2.example.net;mx3.example.net;mx4.example.net;mx1.example.net' }),
      mx3: values(3, { 16: 'mx3.example.net;mx4.example.net' }),
      mx4: values(4, { 16: 'mx3.example.net;mx4.example.net' }),
    });
    const mx2 = cluster.node('mx2');
    const applied = (edits: Parameters<typeof TextDocument.applyEdits>[1]) => TextDocument.applyEdits(TextDocument.create(mx2.uri, 'icewarp-pathcfg', 1, mx2.text), edits).split('\n')[15];
    const preferred = cluster.diagnostics('mx2').flatMap((d) => fixesFor(mx2, d, cluster.workspace)).filter((fix) => fix.isPreferred);
    assert.deepEqual(preferred.map((fix) => fix.title), ['Remove the master host mx1.example.net from the slave hosts']);
    for (const fix of preferred) assert.match(applied(fix.edits), /mx2\.example\.net/, fix.title);
    assert.equal(applied(fixAll(mx2, cluster.workspace)), 'mx2.example.net;mx3.example.net;mx4.example.net');
  });
});

test('a master that lists itself as a slave: taking it out of its own list is offered, not preferred', () => {
  const cluster = new Cluster({ mx1: values(1, { 16: 'mx1.example.net;mx2.example.net;mx3.example.net' }), mx2: values(2), mx3: values(3) });
  assert.deepEqual(cluster.fixTitles('mx1', 'master-in-slave-list'), ['Remove the master host mx1.example.net from the slave hosts']);
  assert.equal(cluster.fixAllChanges('mx1'), false);
});

describe('point 3: a slave that no list names', () => {
  const unlisted = () => new Cluster({ mx1: values(1), mx2: values(2), mx3: values(3), mx4: values(4) });

  test('the evidence finds it; it is told, and so is the master, each with a fix that adds it', () => {
    const cluster = unlisted();
    const evidence = clusterEvidence(cluster.node('mx4'), cluster.workspace);
    assert.equal(evidence.isUnlistedSlave(cluster.node('mx4')), true);
    assert.deepEqual(evidence.unlistedSlaves().map((member) => member.node.uri), [uriOf('mx4')]);
    assert.equal(evidence.master?.node, cluster.node('mx1'));
    assert.deepEqual(cluster.clusterFindings(), ['mx1 slave-not-listed@16', 'mx4 slave-not-listed@16']);
    const [onSlave] = only(cluster.diagnostics('mx4'), 'slave-not-listed');
    assert.equal(onSlave.severity, 'error');
    assert.match(onSlave.message, /^This server \("mx4\.example\.net", line 11\) is a slave \(line 14\) of "mx1\.example\.net", but no slave list names it, not even its own/);
    assert.deepEqual(onSlave.related?.map((related) => related.uri), [uriOf('mx1')]);
    assert.match(only(cluster.diagnostics('mx1'), 'slave-not-listed')[0].message, /does not name mx4\.example\.net \(mx4\/path\.dat\), a slave of this master/);
    assert.deepEqual(cluster.fixTitles('mx4', 'slave-not-listed'), ['Add mx4.example.net to the slave hosts (line 16)']);
    assert.deepEqual(cluster.fixTitles('mx1', 'slave-not-listed'), ['Add mx4.example.net to the slave hosts (line 16)']);
    for (const name of ['mx1', 'mx4']) assert.equal(cluster.fixAllChanges(name), false, name);
  });

  test('the fixes on the node and the master, then on the others, leave the cluster clean', () => {
    const cluster = unlisted();
    cluster.applyFix('mx4', 'slave-not-listed');
    // Listing itself, mx4 is a node being added: the others are told it is not listed yet.
    assert.deepEqual(cluster.clusterFindings(), ['mx1 cluster-member-not-listed@16', 'mx2 cluster-member-not-listed@16', 'mx3 cluster-member-not-listed@16']);
    for (const name of ['mx1', 'mx2', 'mx3']) cluster.applyFix(name, 'cluster-member-not-listed');
    assert.deepEqual(cluster.clusterFindings(), []);
  });

  test('with line 16 empty the node is told on its hostname', () => {
    const cluster = new Cluster({ mx1: values(1), mx2: values(2), mx3: values(3), mx4: values(4, { 16: '' }) });
    assert.deepEqual(only(cluster.diagnostics('mx4'), 'slave-not-listed').map((d) => d.range.start.line + 1), [11]);
  });
});

describe('point 4: a node taken out but still on the shared Config folder', () => {
  const standalone = () => new Cluster({ mx1: values(1, { 16: 'mx2.example.net' }), mx2: values(2, { 16: 'mx2.example.net' }), mx3: values(3, { 14: '0', 15: '', 16: '' }) });

  test('the standalone server is told on line 1, and so is the master; no fix clears line 1', () => {
    const cluster = standalone();
    const evidence = clusterEvidence(cluster.node('mx3'), cluster.workspace);
    assert.equal(evidence.isStandaloneOnSharedConfig(cluster.node('mx3')), true);
    assert.deepEqual(evidence.masters().map((member) => member.node.uri), [uriOf('mx1')], 'it is no second master of the cluster');
    assert.deepEqual(cluster.clusterFindings(), ['mx1 standalone-on-shared-config@1', 'mx3 standalone-on-shared-config@1']);
    const [onNode] = only(cluster.diagnostics('mx3'), 'standalone-on-shared-config');
    assert.equal(onNode.severity, 'error');
    assert.match(onNode.message, /copy the folder to local storage and point line 1 at the copy; an empty line 1 means an empty local configuration\.$/);
    assert.match(only(cluster.diagnostics('mx1'), 'standalone-on-shared-config')[0].message, /^mx3\.example\.net \(mx3\/path\.dat\), a standalone server .* second master\.$/);
    for (const name of ['mx1', 'mx3']) {
      for (const diagnostic of only(cluster.diagnostics(name), 'standalone-on-shared-config')) assert.deepEqual(fixesFor(cluster.node(name), diagnostic, cluster.workspace), []);
    }
  });

  test('the Cluster view shows it apart, with its problem, not as a second master', () => {
    const cluster = standalone();
    const model = buildClusterModel(cluster.workspace.all(), (uri) => ({ error: uri === uriOf('mx3') ? 1 : 0, warning: 0, information: 0, hint: 0 }));
    assert.equal(model.clusters.length, 1);
    const [demo] = model.clusters;
    assert.equal(demo.label, 'mx1.example.net');
    assert.deepEqual(
      demo.nodes.map((node) => `${node.label} ${node.role}${node.standalone ? ' standalone' : ''} ${node.problems.error}`),
      ['mx1.example.net master 0', 'mx2.example.net slave 0', 'mx3.example.net master standalone 1'],
    );
  });
});

test('the evidence is built once per cluster state, and an edit costs its own cluster only', () => {
  const workspace = new Workspace();
  for (let cluster = 0; cluster < 200; cluster++) {
    for (let k = 1; k <= 5; k++) {
      const host = (n: number) => `mx${n}.c${cluster}.example.net`;
      const text = nodeText(withValues(LINUX_MASTER, { 1: `/mnt/c${cluster}/config/`, 4: `1${k}`, 10: `10.${cluster % 250}.0.1${k}`, 11: host(k), 14: k === 1 ? '0' : '1', 15: host(1), 16: [2, 3, 4, 5].map(host).join(';') }));
      workspace.set(parseNodeFile(`file:///ws/c${cluster}/mx${k}/path.dat`, text));
    }
  }
  const guarded: WorkspaceFacts = {
    peersOf: (node) => workspace.peersOf(node),
    nodesSharing: (node, key) => workspace.nodesSharing(node, key),
    all: () => {
      throw new Error('a cross-node rule walked every node');
    },
    get: (uri) => workspace.get(uri),
    isGuest: (uri) => workspace.isGuest(uri),
    clusterHolding: (key) => workspace.clusterHolding(key),
    dependents: (uri) => workspace.dependents(uri),
  };
  const validateCluster = (cluster: number) => {
    const before = evidenceBuilds();
    for (let k = 1; k <= 5; k++) assert.deepEqual(validate(workspace.get(`file:///ws/c${cluster}/mx${k}/path.dat`) as NodeFile, guarded), []);
    return evidenceBuilds() - before;
  };
  assert.equal(validateCluster(7), 1, 'every node of a cluster and every rule share one evidence');
  assert.equal(validateCluster(7), 0, 'an unchanged cluster is not weighed again');
  // An edit of one node: its cluster is weighed again once; the other 199 clusters are untouched.
  const edited = workspace.get('file:///ws/c7/mx3/path.dat') as NodeFile;
  workspace.set(parseNodeFile(edited.uri, edited.text.replace('license.key', 'license2.key')));
  assert.equal(validateCluster(7), 1);
  assert.equal(validateCluster(8), 1, 'another cluster, first asked now');
});

function only(diagnostics: ServiceDiagnostic[], code: string): ServiceDiagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}
