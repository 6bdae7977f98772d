// `check --fix` goes through the same decisions as the editor's fix-all: it never adds a host to
// a slave list, removes one, or changes a node's own hostname; such problems stay and are
// reported, and a misspelt line 11 or an unlisted slave makes the run fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './helpers';
import { LINUX_MASTER, nodeText, withValues } from '../unit/helpers';

function node(k: number, changes: Record<number, string> = {}): string {
  const host = (n: number) => `mx${n}.example.net`;
  return nodeText(withValues(LINUX_MASTER, { 4: `1${k}`, 10: `10.0.0.1${k}`, 11: host(k), 14: k === 1 ? '0' : '1', 15: host(1), 16: `${host(2)};${host(3)}`, ...changes }));
}

/** A cluster in a temporary folder: `mxN/path.cfg` per node. */
function cluster(nodes: Record<string, string>): { root: string; read: () => Record<string, string> } {
  const root = tempDir();
  for (const [name, text] of Object.entries(nodes)) {
    fs.mkdirSync(path.join(root, name));
    fs.writeFileSync(path.join(root, name, 'path.cfg'), text);
  }
  const read = () => Object.fromEntries(Object.keys(nodes).map((name) => [name, fs.readFileSync(path.join(root, name, 'path.cfg'), 'utf8')]));
  return { root, read };
}

test('check --fix leaves a node being rolled out alone: no list gains or loses a host, and the lists that lack it are reported', () => {
  const files = { mx1: node(1), mx2: node(2), mx3: node(3), mx4: node(4, { 16: 'mx2.example.net;mx3.example.net;mx4.example.net' }) };
  const { root, read } = cluster(files);
  const run = runCli(['check', '--fix'], { cwd: root });
  assert.deepEqual(read(), files, 'no file changed');
  assert.ok(!run.stderr.includes('Fixed'), run.stderr);
  for (const name of ['mx1', 'mx2', 'mx3']) assert.match(run.stdout, new RegExp(`^${name}/path\\.cfg:16:1 +warning +Slave hosts \\(line 16\\) does not list mx4\\.example\\.net \\(mx4/path\\.cfg\\) yet.*cluster-member-not-listed$`, 'm'));
  assert.doesNotMatch(run.stdout, /^mx4\/path\.cfg:/m, 'the new node is not the odd one out');
  assert.equal(run.code, 0, 'warnings only');
});

test('check --fix leaves a misspelt line 11 to the admin and fails the run, pointing at the node that is wrong', () => {
  const files = { mx1: node(1), mx2: node(2), mx3: node(3, { 11: 'mx3.exmaple.net' }) };
  const { root, read } = cluster(files);
  const run = runCli(['check', '--fix'], { cwd: root });
  assert.deepEqual(read(), files, 'no file changed');
  assert.match(run.stdout, /^mx3\/path\.cfg:11:1 +error +Hostname \(line 11\) is "mx3\.exmaple\.net", but every other node calls this server "mx3\.example\.net".*hostname-contradicted$/m);
  assert.ok(!/host-possible-typo/.test(run.stdout), run.stdout);
  assert.equal(run.stdout.trim().split('\n').at(-1), '1 problem (1 error, 0 warnings) in 1 of 3 files');
  assert.equal(run.code, 1);
});
