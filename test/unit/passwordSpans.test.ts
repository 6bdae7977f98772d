// The editor's password mask covers what common/ defines as line 5's secrets, no more, no less:
// the same text the log redaction hides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { REDACTED, redactNodeFileText } from '../../common/redact';
import { PasswordSpan, passwordSpans } from '../../client/src/passwords/passwordSpans';

/** The pieces of `line` the spans cover. */
function covered(line: string, spans: readonly PasswordSpan[]): string[] {
  return spans.map(([start, end]) => line.slice(start, end));
}

/** The line with each span replaced by `***`, as the redaction prints it. */
function withSpansReplaced(line: string, spans: readonly PasswordSpan[]): string {
  let result = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    result += line.slice(cursor, start) + REDACTED;
    cursor = end;
  }
  return result + line.slice(cursor);
}

test('one entry: the password after the user', () => {
  const line = '\\\\fs01\\icewarp;ICEWARP\\svc-mail;Demo-Secret-1';
  assert.deepEqual(passwordSpans(line), [[line.indexOf('Demo'), line.length]]);
});

test('several entries: each password, the spaces around `|` left out', () => {
  const line = '\\\\fs01\\mail;ICEWARP\\svc;first-secret | \\\\fs02\\spam;svc;second;with;semicolons ';
  assert.deepEqual(covered(line, passwordSpans(line)), ['first-secret', 'second;with;semicolons']);
});

test('an entry without a user: what follows its `;` may be a password, so it is masked', () => {
  const line = '\\\\fs01\\mail;typed-without-user';
  const start = line.indexOf('typed');
  // However much of the malformed entry the definition hides, it hides the would-be password.
  assert.ok(passwordSpans(line).some(([from, to]) => from <= start && to === line.length), JSON.stringify(passwordSpans(line)));
});

test('stars in the line do not confuse where a password starts', () => {
  const line = '\\\\fs01\\***;us***er;p***w*** | \\\\fs02\\x;***;***';
  assert.deepEqual(covered(line, passwordSpans(line)), ['p***w***', '***']);
});

test('an empty or blank line 5 has no password', () => {
  assert.deepEqual(passwordSpans(''), []);
  assert.deepEqual(passwordSpans('  \t '), []);
});

test('a line past what VS Code renders is masked whole', () => {
  const line = `\\\\fs01\\x;user;${'y'.repeat(20_000)}`;
  assert.deepEqual(passwordSpans(line), [[0, line.length]]);
});

test('for any line 5, masking the spans gives exactly what the redaction prints', () => {
  const piece = fc.constantFrom('\\\\fs01\\share', '//fs/x', 'D:\\', 'user', 'pw', ';', ';', '|', ' | ', ' ', '\t', 'p;w', '"', '\\', 'é', 'x');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 14 }).map((parts) => parts.join('')), (line) => {
      const expected = redactNodeFileText(`\n\n\n\n${line}`).slice(4);
      assert.equal(withSpansReplaced(line, passwordSpans(line)), expected);
    }),
    { numRuns: 3000, seed: 15 },
  );
});
