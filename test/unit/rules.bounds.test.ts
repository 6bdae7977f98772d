// Junk is bounded: no message, related message or fix title quotes more than a short excerpt of
// a value, and one file's diagnostics stay in the low hundreds however much it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NodeFile, RULES, Workspace, fixesFor, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const HUGE = 100_000;
const run = (unit: string) => unit.repeat(Math.ceil(HUGE / unit.length));

/** Every string a user reads about the node: messages, related messages and fix titles. */
function shownAbout(subject: NodeFile, workspace: Workspace): { text: string; what: string }[] {
  const shown: { text: string; what: string }[] = [];
  for (const diagnostic of validate(subject, workspace)) {
    shown.push({ text: diagnostic.message, what: `${diagnostic.code} message` });
    for (const related of diagnostic.related ?? []) shown.push({ text: related.message, what: `${diagnostic.code} related` });
    for (const fix of fixesFor(subject, diagnostic, workspace)) shown.push({ text: fix.title, what: `${fix.id} title` });
  }
  return shown;
}

const CASES: { name: string; subject: Record<number, string>; peer?: Record<number, string> }[] = [
  { name: 'a Server ID of 100,000 digits (server-id-too-long, server-id-duplicate)', subject: { 4: run('1') }, peer: { 4: run('1') } },
  { name: 'a share of 100,000 characters next to a logon entry (remote-logon-uncovered)', subject: { 5: '\\\\fs01\\icewarp;u;p', 6: `\\\\${run('s')}\\spam\\` } },
  { name: 'a URL scheme of 100,000 letters (url-invalid)', subject: { 17: `${run('x')}://host/` } },
  { name: 'repeated hosts of 100,000 characters (slave-duplicate)', subject: { 16: `${run('a')}.net;mx2.example.net;${run('a')}.net` } },
  { name: 'two master hosts of 100,000 characters (master-host-multiple)', subject: { 15: `${run('m')}.net;${run('n')}.net` } },
  { name: 'an outgoing queue of 100,000 characters (retry-outside-outgoing)', subject: { 8: `/opt/icewarp/${run('q')}/`, 9: '/opt/icewarp/retry/' } },
  { name: 'a hostname of 100,000 characters (role-mismatch, duplicate-identity)', subject: { 11: `${run('h')}.net`, 14: '1', 15: `${run('h')}.net` }, peer: { 11: `${run('h')}.net` } },
  { name: 'a slave list of 100,000 characters that differs from the cluster (cluster-membership-mismatch)', subject: { 16: `${run('z')}.net` } },
];

for (const { name, subject, peer } of CASES) {
  test(`messages and fix titles quote a short excerpt: ${name}`, () => {
    const workspace = new Workspace();
    const node = parseNodeFile('file:///ws/subject/path.dat', nodeText(withValues(LINUX_MASTER, subject)));
    workspace.set(node);
    workspace.set(parseNodeFile('file:///ws/peer/path.dat', nodeText(withValues(LINUX_MASTER, { 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1', ...peer }))));
    const shown = shownAbout(node, workspace);
    assert.ok(shown.length > 0);
    for (const { text, what } of shown) {
      // The runs of one character are the huge values: none may show more than an excerpt of one.
      assert.doesNotMatch(text, /(.)\1{60}/, `${what} quotes more than an excerpt: ${text.slice(0, 200)}`);
      assert.ok(text.length <= 600, `${what}: ${text.length} characters`);
    }
  });
}

test('the password of a 100,000-character line 5 stays out, and so does the rest of it', () => {
  const workspace = new Workspace();
  const node = parseNodeFile('file:///ws/w/path.dat', nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;u;${run('p')}|${run('x')}` })));
  workspace.set(node);
  for (const { text, what } of shownAbout(node, workspace)) assert.doesNotMatch(text, /(.)\1{60}/, what);
});

test('one file gets at most 200 diagnostics, every code among them, errors before the rest', () => {
  // 4.9 KB of separators, bad characters and spaces on every line: some 350 findings.
  const line = run('\\\\a b;c,d|e:*?"<> \t').slice(0, 270);
  const text = Array.from({ length: 17 }, () => line).join('\r\n');
  const workspace = new Workspace();
  const node = parseNodeFile('file:///ws/junk/path.dat', text);
  workspace.set(node);
  const diagnostics = validate(node, workspace);
  assert.ok(diagnostics.length <= 200, `${diagnostics.length} diagnostics`);
  // Every code the rules found is still shown, at least once.
  const everyCode = new Set(RULES.filter((rule) => rule.check({ node, workspace }).length > 0).map((rule) => rule.code));
  assert.deepEqual([...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort(), [...everyCode].sort());
  assert.ok(everyCode.has('whitespace') && everyCode.has('path-invalid') && everyCode.has('slave-duplicate'));
  // Errors come first: only when every error is kept do warnings fill the rest.
  const counts = (list: readonly { severity: string }[]) => list.filter((diagnostic) => diagnostic.severity === 'error').length;
  assert.ok(counts(diagnostics) >= 150, `${counts(diagnostics)} errors kept`);
});
