// No line-5 password in anything the command line prints: every format, the fix report, the
// dry-run diff (whose line 5 is masked where a fix changes that very line, and never context), --help aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_PASSWORDS, copyFixture, runCli } from './helpers';

const RUNS = [['check'], ['check', '--format', 'json'], ['check', '--format', 'sarif'], ['check', '--format', 'github'], ['check', '--fix-dry-run'], ['check', '--fix']];

for (const cluster of ['windows-crlf', 'cross-node']) {
  test(`${cluster}: no password in any output`, () => {
    const root = copyFixture(cluster);
    for (const args of RUNS) {
      const run = runCli(args, { cwd: root });
      for (const password of FIXTURE_PASSWORDS) {
        assert.ok(!run.stdout.includes(password), `${args.join(' ')}: stdout holds ${password}`);
        assert.ok(!run.stderr.includes(password), `${args.join(' ')}: stderr holds ${password}`);
      }
    }
  });
}

test('the dry-run diff masks the password on a line-5 change, and never shows line 5 as context', () => {
  const diff = runCli(['check', '--fix-dry-run'], { cwd: copyFixture('windows-crlf') }).stdout;
  assert.ok(diff.includes('# -//fs01/icewarp;ICEWARP\\svc-mail;***\r\n'), diff);
  assert.ok(diff.includes('# +\\\\fs01\\icewarp;ICEWARP\\svc-mail;***\r\n'), diff);
  const root = copyFixture('cross-node');
  // A fixable trailing space on line 4 would put line 5 into the diff as context.
  const mx3 = path.join(root, 'mx3', 'path.dat');
  fs.writeFileSync(mx3, fs.readFileSync(mx3, 'utf8').replace('\r\n13\r\n', '\r\n13 \r\n'));
  const withContext = runCli(['check', '--fix-dry-run'], { cwd: root }).stdout;
  assert.match(withContext, /\+\+\+ b\/mx3\/path\.dat\n@@ -1,4 \+1,4 @@\n(?: .*\r\n){3}-13 \r\n\+13\r\n/, 'line 4 with the context before it only');
  assert.ok(!withContext.includes('***'), withContext);
});
