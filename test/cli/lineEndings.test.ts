// Mixed line endings from the command line: one problem for the file (not one per line), and
// `--fix` writes the ending most lines use, as the editor's quick fix does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './helpers';
import { WINDOWS_SLAVE, nodeText, withValues } from '../unit/helpers';

/** A standalone Windows node: CRLF on every line but lines 4, 9 and 12, which end with LF. */
const MOSTLY_CRLF = nodeText(withValues(WINDOWS_SLAVE, { 14: '0', 15: '', 16: '' }), '\r\n')
  .split('\r\n')
  .map((line, index, all) => line + (index === all.length - 1 ? '' : [3, 8, 11].includes(index) ? '\n' : '\r\n'))
  .join('');

test('check: mixed line endings are one problem for the file; --fix writes the dominant ending on every line, nothing else', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'mx2'));
  const file = path.join(root, 'mx2', 'path.dat');
  fs.writeFileSync(file, MOSTLY_CRLF);
  const check = runCli(['check'], { cwd: root });
  const lines = check.stdout.split('\n').filter((line) => line.includes('mixed-line-endings'));
  assert.equal(lines.length, 1, check.stdout);
  assert.match(lines[0], /^mx2\/path\.dat:4:3 +info +This file mixes line endings: 13 lines end with CRLF; 3 with LF \(lines 4, 9, 12\)\. VS Code writes CRLF throughout when it next saves this file, as do the quick fix and `icewarp-pathcfg check --fix`/);

  const fix = runCli(['check', '--fix'], { cwd: root });
  assert.match(fix.stderr, /^Fixed mx2\/path\.dat: /m, fix.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), MOSTLY_CRLF.replace(/\r?\n/g, '\r\n'));
  assert.ok(!runCli(['check'], { cwd: root }).stdout.includes('mixed-line-endings'));
});
