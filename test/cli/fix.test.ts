// `--fix` and `--fix-dry-run` on copies of the fixture clusters: the editor's fix-all, written
// byte-exactly (line endings, BOM, untouched lines), atomically, and converging in one run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertGolden, copyFixture, linesOf, normalize, runCli, runCommand } from './helpers';

interface Expected {
  /** 1-based lines each file's fixes change; every other line must stay byte-identical. */
  changed: Record<string, number[]>;
  ending: string;
  /** The dry run's exit code: 2 where a fix changes a line 5 that holds a password (not applicable from the diff). */
  dryRunCode: number;
}

const EXPECTED: Record<string, Expected> = {
  // Line 5 `//fs01/...` -> `\\fs01\...` (its password untouched), a trailing space, `, ` and a
  // repeated slave; on mx2 `slave` -> 1.
  'windows-crlf': { changed: { 'mx1/path.dat': [5, 12, 16], 'mx2/path.dat': [14] }, ending: '\r\n', dryRunCode: 2 },
  // A trailing space, the missing Server ID of a node in a cluster, the master in the slave list.
  'linux-lf': { changed: { 'mx1/path.dat': [], 'mx2/path.dat': [1, 4, 16] }, ending: '\n', dryRunCode: 0 },
};

for (const [cluster, expected] of Object.entries(EXPECTED)) {
  test(`${cluster}: --fix changes only the fixed lines, keeps endings and BOM, and a second run finds nothing to fix`, () => {
    const root = copyFixture(cluster);
    const before = new Map(Object.keys(expected.changed).map((file) => [file, fs.readFileSync(path.join(root, file))]));
    const first = runCli(['check', '--fix'], { cwd: root });
    assert.equal(first.code, 0, first.stderr + first.stdout);
    for (const [file, changed] of Object.entries(expected.changed)) {
      if (changed.length > 0) assert.match(first.stderr, new RegExp(`^Fixed ${file}: `, 'm'));
      const old = before.get(file) as Buffer;
      const now = fs.readFileSync(path.join(root, file));
      assert.equal(now.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), old.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${file}: BOM kept as it was`);
      const oldLines = linesOf(old);
      const newLines = linesOf(now);
      assert.equal(newLines.length, oldLines.length, `${file}: line count`);
      const differing = oldLines.map((line, index) => (line === newLines[index] ? 0 : index + 1)).filter(Boolean);
      assert.deepEqual(differing, changed, `${file}: the lines that changed`);
      for (const line of newLines) assert.ok(line.endsWith(expected.ending), `${file}: ${JSON.stringify(line)} keeps its ending`);
      if (changed.length > 0) assertGolden(`${cluster}.fixed.${file.replace(/\//g, '_')}`, now);
    }
    assert.equal(first.stdout.trim().split('\n').at(-1), 'No problems in 2 files');
    const second = runCli(['check', '--fix-dry-run'], { cwd: root });
    assert.equal(second.stdout, '', 'no diff on the second run');
    assert.match(second.stderr, /^Nothing to fix; no problems in 2 files\.$/m);
    const third = runCli(['check', '--fix'], { cwd: root });
    assert.ok(!third.stderr.includes('Fixed'), third.stderr);
  });

  test(`${cluster}: --fix-dry-run prints the diff and writes nothing`, () => {
    const root = copyFixture(cluster);
    const files = Object.keys(expected.changed);
    const before = files.map((file) => fs.readFileSync(path.join(root, file)));
    const run = runCli(['check', '--fix-dry-run'], { cwd: root });
    assert.equal(run.code, expected.dryRunCode, run.stderr);
    files.forEach((file, index) => assert.ok(fs.readFileSync(path.join(root, file)).equals(before[index]), `${file} untouched`));
    assertGolden(`${cluster}.fix-dry-run.diff`, normalize(run.stdout, root));
  });
}

test('the dry-run diff is exactly what --fix writes: applied with git apply --unidiff-zero, it gives the same bytes', () => {
  const dryRoot = copyFixture('linux-lf');
  const fixRoot = copyFixture('linux-lf');
  const diff = runCli(['check', '--fix-dry-run'], { cwd: dryRoot }).stdout;
  fs.writeFileSync(path.join(dryRoot, 'fixes.diff'), diff);
  const apply = runCommand('git', ['apply', '--unidiff-zero', 'fixes.diff'], { cwd: dryRoot });
  assert.equal(apply.code, 0, apply.stderr);
  runCli(['check', '--fix'], { cwd: fixRoot });
  for (const file of ['mx1/path.dat', 'mx2/path.dat']) {
    assert.ok(fs.readFileSync(path.join(dryRoot, file)).equals(fs.readFileSync(path.join(fixRoot, file))), file);
  }
});

test('--fix writes through a temporary file and keeps the mode; nothing is left beside the file', () => {
  const root = copyFixture('windows-crlf');
  const file = path.join(root, 'mx2', 'path.dat');
  fs.chmodSync(file, 0o640);
  const inode = fs.statSync(file).ino;
  runCli(['check', '--fix'], { cwd: root });
  const after = fs.statSync(file);
  assert.equal(after.mode & 0o777, 0o640);
  assert.notEqual(after.ino, inode, 'replaced by rename, not rewritten in place');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['path.dat']);
});

test('two nodes missing their Server ID get two different free IDs', () => {
  const root = copyFixture('linux-lf');
  const mx1 = path.join(root, 'mx1', 'path.dat');
  fs.writeFileSync(mx1, fs.readFileSync(mx1, 'utf8').replace('\n21\n', '\n\n'));
  runCli(['check', '--fix'], { cwd: root });
  const ids = ['mx1', 'mx2'].map((node) => fs.readFileSync(path.join(root, node, 'path.dat'), 'utf8').split('\n')[3]);
  assert.deepEqual(ids, ['01', '02']);
});

test('a file that is not UTF-8 is not rewritten (its other bytes would change): one line, exit code 2', () => {
  const root = copyFixture('linux-lf');
  const file = path.join(root, 'mx2', 'path.dat');
  // Latin-1 "é" in the license file name, and the fixable trailing space of line 1.
  const bytes = Buffer.from(fs.readFileSync(file, 'latin1').replace('license.key', 'licence-\u00e9t\u00e9.key'), 'latin1');
  fs.writeFileSync(file, bytes);
  const run = runCli(['check', '--fix'], { cwd: root });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^mx2\/path\.dat: not fixed: the file is not valid UTF-8, so writing it back would change other characters$/m);
  assert.ok(fs.readFileSync(file).equals(bytes), 'file untouched');
});
