// Other programs' path.dat and path.cfg: the command line leaves them out as the editor does (the
// service's classifier judges), and its summary says how many it skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, runCli, tempDir } from './helpers';

const WAYPOINTS = ['4.32 4.15', '4.2793 4.1511', '4.2386 4.1545', '4.1979 4.1602', '4.1572 4.1681', '4.1165 4.1783'].join('\n');
/** An INI file whose line 11 names a host of the clean cluster: a node, it would be its duplicate. */
const INI = ['[DEFAULT]', 'timeout=30', 'retries=3', '[relay]', 'port=2525', 'user=relay', 'queue=/var/spool/relay', 'log=/var/log/relay.log', 'verbose=0', '[hosts]'].join('\n');

function addForeign(root: string): void {
  fs.mkdirSync(path.join(root, 'robot'));
  fs.writeFileSync(path.join(root, 'robot', 'path.dat'), WAYPOINTS);
  fs.mkdirSync(path.join(root, 'relay'));
  const hostname = fs.readFileSync(path.join(root, 'mx1', 'path.dat'), 'utf8').split(/\r?\n/)[10];
  fs.writeFileSync(path.join(root, 'relay', 'path.cfg'), `${INI}\n${hostname}\n`);
}

test('files of other programs are skipped, counted in the summary, and no node is checked against them', () => {
  const root = copyFixture('clean');
  addForeign(root);
  const run = runCli(['check'], { cwd: root });
  assert.equal(run.stdout, 'No problems in 2 files; 2 files of another program skipped\n');
  assert.equal(run.stderr, '');
  assert.equal(run.code, 0);
});

test('a folder with only files of other programs checks nothing and says what it skipped', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'robot'));
  fs.writeFileSync(path.join(root, 'robot', 'path.dat'), WAYPOINTS);
  const run = runCli(['check'], { cwd: root });
  assert.equal(run.stdout, 'No problems in 0 files; 1 file of another program skipped\n');
  assert.equal(run.stderr, '');
  assert.equal(run.code, 0);
  assert.equal(runCli(['check', '--format', 'json'], { cwd: root }).stdout, '[]\n');
});
