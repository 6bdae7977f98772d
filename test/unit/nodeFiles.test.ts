// The one walk and the one read of node files on disk (server/src/host/diskNodeFiles.ts), which the
// language server and the command line share.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readNodeFileAt, walkNodeFiles } from '../../server/src/host/diskNodeFiles';

let root: string;
before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-walk-'));
});
after(() => fs.rm(root, { recursive: true, force: true }));

test('links to node files are followed, links to anything else named, loops harmless', async () => {
  const folder = path.join(root, 'links');
  await fs.mkdir(path.join(folder, 'real'), { recursive: true });
  await fs.writeFile(path.join(folder, 'real', 'path.dat'), 'node\n');
  await fs.mkdir(path.join(folder, 'linked'));
  await fs.symlink(path.join(folder, 'real', 'path.dat'), path.join(folder, 'linked', 'path.dat'));
  await fs.mkdir(path.join(folder, 'dangling'));
  await fs.symlink(path.join(folder, 'nowhere'), path.join(folder, 'dangling', 'path.dat'));
  await fs.mkdir(path.join(folder, 'loop'));
  await fs.symlink(path.join(folder, 'loop', 'path.cfg'), path.join(folder, 'loop', 'path.cfg'));
  await fs.symlink(folder, path.join(folder, 'loop', 'up')); // a link to a folder is not walked
  execFileSync('mkfifo', [path.join(folder, 'path.dat')]);
  const walk = await walkNodeFiles([folder, path.join(folder, 'real')]);
  assert.deepEqual(
    walk.files.map((file) => path.relative(folder, file)),
    ['linked/path.dat', 'real/path.dat'],
  );
  assert.deepEqual(
    walk.oddEntries.map((entry) => `${path.relative(folder, entry.path)}: ${entry.kind}`),
    [
      'dangling/path.dat: a symbolic link that leads nowhere (no such file or folder)',
      'loop/path.cfg: a symbolic link that leads nowhere (too many levels of symbolic links)',
      'path.dat: a FIFO (named pipe)',
    ],
  );
  assert.equal(walk.stoppedAt, undefined);
  const read = await readNodeFileAt(path.join(folder, 'linked', 'path.dat'), 1024);
  assert.deepEqual(read, { kind: 'text', text: 'node\n' });
});

test('the walk stops at its folder limit and says so', async () => {
  const folder = path.join(root, 'deep');
  for (let index = 0; index < 5; index++) {
    await fs.mkdir(path.join(folder, `f${index}`), { recursive: true });
    await fs.writeFile(path.join(folder, `f${index}`, 'path.dat'), 'node\n');
  }
  const whole = await walkNodeFiles([folder]);
  assert.equal(whole.files.length, 5);
  assert.equal(whole.stoppedAt, undefined);
  const capped = await walkNodeFiles([folder], { maxFolders: 3 });
  assert.equal(capped.stoppedAt, 3);
  assert.equal(capped.listedFolders.all.size, 3);
  assert.equal(capped.files.length, 2, 'the root and two of its five folders were listed');
});

test('a file larger than can be read is measured, never read, whatever the limit asked', async () => {
  const file = path.join(root, 'sparse.dat');
  // Sparse: 600 MB that take no room on disk.
  const handle = await fs.open(file, 'w');
  await handle.truncate(600 * 1024 * 1024);
  await handle.close();
  assert.deepEqual(await readNodeFileAt(file, 4 * 1024 ** 3), { kind: 'too-large', size: 600 * 1024 * 1024 });
});
