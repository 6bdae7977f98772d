// A node is named by its hostname and the shortest path suffix that tells its file apart from
// every other node file of the workspace: `mx2.example.net (mx2/opt/icewarp/path.dat)` when each
// server's tree was fetched as `<host>/opt/icewarp/path.dat`, never `icewarp/path.dat` for all of
// them. The same name in messages, related locations, the cluster view and the operations; the
// names follow files that come and go, and only the files whose names change are reported.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FileNames, Workspace, addNode, buildClusterModel, isRefusal, newNodeDefaults, parseNodeFile, promoteToMaster, savedNode, validate } from '../../server/src/service';
import { windowsNode } from './clusterFixtures';

const INSTALL = (host: string) => `file:///fetch/${host}/opt/icewarp/path.dat`;
const WINDOWS_INSTALL = (host: string) => `file:///fetch/${host}/Program%20Files/IceWarp/path.dat`;

function workspaceOf(files: Record<string, string>): Workspace {
  const workspace = new Workspace();
  for (const [uri, text] of Object.entries(files)) workspace.set(parseNodeFile(uri, text));
  return workspace;
}

/** The Windows cluster of three, laid out as `layout(host folder)`. */
function clusterIn(layout: (host: string) => string, changes: Record<number, Record<number, string>> = {}): Record<string, string> {
  return Object.fromEntries([1, 2, 3].map((k) => [layout(`mx${k}`), windowsNode(k, 3, changes[k])]));
}

const texts = (workspace: Workspace, uri: string) =>
  validate(workspace.get(uri)!, workspace).flatMap((diagnostic) => [diagnostic.message, ...(diagnostic.related ?? []).map((related) => related.message)]);

describe('names in an install layout', () => {
  test('messages and related locations name each node by its own folder, not icewarp/path.dat', () => {
    const workspace = workspaceOf(clusterIn(INSTALL, { 3: { 4: '12' } }));
    // mx3 breaks the cluster's numbering (ID = hostname number + 10), so it alone is told, naming mx2.
    const onThree = texts(workspace, INSTALL('mx3')).join('\n');
    assert.match(onThree, /mx2\.example\.net \(mx2\/opt\/icewarp\/path\.dat\)/);
    assert.doesNotMatch(onThree, /\(icewarp\/path\.dat\)/);
    const related = validate(workspace.get(INSTALL('mx3'))!, workspace).find((diagnostic) => diagnostic.code === 'server-id-duplicate')?.related ?? [];
    assert.deepEqual(related.map((each) => each.message), ['mx2.example.net (mx2/opt/icewarp/path.dat) uses Server ID "12" too']);
  });

  test('the cluster view labels a node without a hostname by the same name', () => {
    const workspace = workspaceOf(clusterIn(INSTALL, { 2: { 11: '' } }));
    const labels = buildClusterModel(workspace.all()).clusters.flatMap((cluster) => cluster.nodes.map((node) => node.label));
    assert.ok(labels.includes('mx2/opt/icewarp/path.dat'), labels.join(', '));
  });

  test('the operations label each node the same way', () => {
    const workspace = workspaceOf(clusterIn(WINDOWS_INSTALL));
    const node = savedNode(workspace, WINDOWS_INSTALL('mx2'));
    assert.ok(!isRefusal(node));
    const result = promoteToMaster(node, workspace);
    assert.ok(result.ok);
    assert.deepEqual(
      result.change.files.map((file) => file.label),
      [1, 2, 3].map((k) => `mx${k}.example.net (mx${k}/Program Files/IceWarp/path.dat)`),
    );
  });

  test('a test fixture tree beside the cluster with the same mx3/path.dat: each named by the folder above', () => {
    const files = { ...clusterIn((host) => `file:///repo/cluster/${host}/path.dat`), 'file:///repo/test/fixtures/mx3/path.dat': windowsNode(3, 3, { 4: '12' }) };
    const workspace = workspaceOf(files);
    const all = Object.keys(files).flatMap((uri) => texts(workspace, uri)).join('\n');
    assert.match(all, /mx3\.example\.net \(fixtures\/mx3\/path\.dat\)/);
    assert.match(all, /mx3\.example\.net \(cluster\/mx3\/path\.dat\)/);
    // The others keep their short names: nothing else ends with mx2/path.dat.
    assert.match(all, /mx2\.example\.net \(mx2\/path\.dat\)/);
    assert.doesNotMatch(all, /\(mx3\/path\.dat\)/);
  });
});

describe('names follow the files that come and go', () => {
  test('a file that makes a name ambiguous renames the node it collides with, and only that one', () => {
    const names = new FileNames();
    for (const uri of ['file:///ws/a/mx1/path.dat', 'file:///ws/a/mx2/path.dat']) names.add(uri);
    assert.equal(names.labelOf('file:///ws/a/mx1/path.dat'), 'mx1/path.dat');
    names.takeRenamed();
    names.add('file:///ws/b/mx1/path.dat');
    assert.deepEqual(names.takeRenamed(), ['file:///ws/a/mx1/path.dat']);
    assert.equal(names.labelOf('file:///ws/a/mx1/path.dat'), 'a/mx1/path.dat');
    assert.equal(names.labelOf('file:///ws/b/mx1/path.dat'), 'b/mx1/path.dat');
    names.remove('file:///ws/b/mx1/path.dat');
    assert.deepEqual(names.takeRenamed(), ['file:///ws/a/mx1/path.dat']);
    assert.equal(names.labelOf('file:///ws/a/mx1/path.dat'), 'mx1/path.dat');
    // A URI of no file: the name it would take.
    assert.equal(names.labelOf('file:///ws/c/mx1/path.dat'), 'c/mx1/path.dat');
    assert.equal(names.labelOf('file:///ws/a/mx9/path.dat'), 'mx9/path.dat');
  });

  test('after any sequence of additions and removals, every name is the shortest suffix no other file has, and every change was reported', () => {
    const pool = ['a', 'b', 'opt', 'icewarp'];
    const uriOf = (segments: readonly string[]) => `file:///${[...segments, 'path.dat'].join('/')}`;
    const step = fc.record({ add: fc.boolean(), segments: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const names = new FileNames();
        const present = new Set<string>();
        let before = new Map<string, string>();
        for (const { add, segments } of steps) {
          const uri = uriOf(segments);
          if (add) {
            names.add(uri);
            present.add(uri);
          } else {
            names.remove(uri);
            present.delete(uri);
          }
          const now = new Map([...present].map((each) => [each, names.labelOf(each)]));
          const renamed = new Set(names.takeRenamed());
          for (const [each, label] of now) {
            const suffixes = each.slice('file:///'.length).split('/').map((_, index, all) => all.slice(index).join('/')).reverse().slice(1);
            const others = [...present].filter((other) => other !== each);
            const expected = suffixes.find((suffix) => !others.some((other) => other.endsWith(`/${suffix}`))) ?? suffixes[suffixes.length - 1];
            assert.equal(label, expected, `${each} among ${others.join(', ')}`);
            if (each !== uri && before.has(each) && before.get(each) !== label) assert.ok(renamed.has(each), `${each} was renamed unreported`);
          }
          before = now;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the workspace reports the renamed files as a node comes and goes', () => {
    const files = clusterIn((host) => `file:///repo/cluster/${host}/path.dat`);
    const workspace = workspaceOf(files);
    workspace.takeRenamed();
    workspace.set(parseNodeFile('file:///repo/test/fixtures/mx3/path.dat', windowsNode(3)));
    assert.deepEqual(workspace.takeRenamed(), ['file:///repo/cluster/mx3/path.dat']);
    workspace.delete('file:///repo/test/fixtures/mx3/path.dat');
    assert.deepEqual(workspace.takeRenamed(), ['file:///repo/cluster/mx3/path.dat']);
  });
});

describe('Add Node mirrors the layout of the cluster\'s files', () => {
  const defaultsFor = (files: Record<string, string>, from: string, hostname: string) => {
    const workspace = workspaceOf(files);
    const node = savedNode(workspace, from);
    assert.ok(!isRefusal(node));
    return { workspace, node, defaults: newNodeDefaults(node, workspace, { hostname }) };
  };

  test('<new host>/opt/icewarp/path.dat beside <host>/opt/icewarp/path.dat, labelled by the same rule', () => {
    const { workspace, node, defaults } = defaultsFor(clusterIn(INSTALL), INSTALL('mx2'), 'mx4.example.net');
    assert.ok(!('ok' in defaults));
    assert.equal(defaults.fileUri, INSTALL('mx4'));
    const result = addNode(node, workspace, { hostname: 'mx4.example.net' });
    assert.ok(result.ok);
    assert.equal(result.change.files[0].uri, INSTALL('mx4'));
    assert.equal(result.change.files[0].label, 'mx4.example.net (mx4/opt/icewarp/path.dat)');
    assert.match(result.change.summary, /^mx4\.example\.net \(mx4\/opt\/icewarp\/path\.dat\) joins the cluster/);
  });

  test('the Windows install layout, a space in Program Files kept as the URI spells it', () => {
    const { defaults } = defaultsFor(clusterIn(WINDOWS_INSTALL), WINDOWS_INSTALL('mx1'), 'mx4.example.net');
    assert.ok(!('ok' in defaults));
    assert.equal(defaults.fileUri, WINDOWS_INSTALL('mx4'));
  });

  test('folders named by the whole hostname: the new one too', () => {
    const files = Object.fromEntries([1, 2, 3].map((k) => [`file:///fetch/mx${k}.example.net/opt/icewarp/path.dat`, windowsNode(k)]));
    const { defaults } = defaultsFor(files, 'file:///fetch/mx1.example.net/opt/icewarp/path.dat', 'mx4.example.net');
    assert.ok(!('ok' in defaults));
    assert.equal(defaults.fileUri, 'file:///fetch/mx4.example.net/opt/icewarp/path.dat');
  });

  test('a master alone in its layout: the folder named after its host is the one replaced', () => {
    const master = windowsNode(1, 3, { 16: '' });
    const { defaults } = defaultsFor({ [INSTALL('mx1')]: master }, INSTALL('mx1'), 'mx4.example.net');
    assert.ok(!('ok' in defaults));
    assert.equal(defaults.fileUri, INSTALL('mx4'));
  });

  test('files of the cluster in unrelated places: a sibling folder of the master\'s, as before', () => {
    const files = { 'file:///a/mx1/path.dat': windowsNode(1), 'file:///b/c/mx2/path.dat': windowsNode(2), 'file:///d/mx3/path.dat': windowsNode(3) };
    const { defaults } = defaultsFor(files, 'file:///a/mx1/path.dat', 'mx4.example.net');
    assert.ok(!('ok' in defaults));
    assert.equal(defaults.fileUri, 'file:///a/mx4/path.dat');
  });
});

describe('Add Node gives the new node its peers\' remote logon, the password left to type', () => {
  test('share and user of the entry most nodes have, an empty password, and no password anywhere in the change', () => {
    const workspace = workspaceOf(clusterIn(INSTALL));
    const node = savedNode(workspace, INSTALL('mx1'));
    assert.ok(!isRefusal(node));
    const result = addNode(node, workspace, { hostname: 'mx4.example.net' });
    assert.ok(result.ok);
    const created = result.change.files[0];
    assert.ok(created.kind === 'create');
    assert.equal(created.text.split('\r\n')[4], '\\\\fs01\\icewarp;ICEWARP\\svc-mail;');
    assert.match(result.change.summary, /type them in before the node goes live/);
    assert.doesNotMatch(JSON.stringify(result.change), /Pa55|Zq9|Kappa/);
  });
});
