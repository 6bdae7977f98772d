// The file's lines as a whole: line 5's entries read line by line (a `|` inside a password, an
// empty password). What a user sees for each, and where each must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceDiagnostic } from '../../server/src/service';
import { WINDOWS_SLAVE, diagnose, nodeText, only, spans, withValues } from './helpers';

const summary = (diagnostics: readonly ServiceDiagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);

// ---------------------------------------------------------------------------------------------
// Line 5: a `|` inside a password, an empty password

const PASSWORD_HEAD = 'Tr1cky';
const PASSWORD_TAIL = 'Pass9';

test('a "|" inside a password: the stray entry names the likely cause, never the password', () => {
  const found = only(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${PASSWORD_HEAD}|${PASSWORD_TAIL}` }), '\r\n')), 'remote-logon-malformed');
  assert.equal(found.length, 1);
  assert.equal(
    found[0].message,
    'Remote logon (line 5), entry 2 of 2, does not start with a share path: a "|" separates entries, so the password of entry 1 most likely holds a "|" and IceWarp reads the rest of it as this entry. A password on this line cannot contain "|": give the account a password without one, on the share and here.',
  );
  assert.ok(!found[0].message.includes(PASSWORD_HEAD) && !found[0].message.includes(PASSWORD_TAIL));
  // Two bars: both tails point at the entry whose password holds them.
  const twice = only(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;svc;a|b;c|d` }))), 'remote-logon-malformed');
  assert.deepEqual(twice.map((d) => /password of entry (\d)/.exec(d.message)?.[1]), ['1', '1']);
});

test('an entry after a "|" that starts with a share path is an entry: its own fault is named, not a password', () => {
  const found = only(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: '\\\\fs01\\icewarp;svc;pw|\\\\fs02\\data' }))), 'remote-logon-malformed');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /entry 2 of 2, lacks the user and the password/);
});

test('remote-logon-password-empty: an entry with a user and no password, marked at its last ";"', () => {
  const line5 = '\\\\fs01\\icewarp;ICEWARP\\svc-mail;';
  const found = diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: line5 }), '\r\n'));
  assert.deepEqual(spans(found, 'remote-logon-password-empty'), [[5, line5.length - 1, line5.length]]);
  const [empty] = only(found, 'remote-logon-password-empty');
  assert.equal(empty.severity, 'warning');
  assert.equal(empty.message, 'Remote logon (line 5), entry 1, names a user but its password is empty, so IceWarp logs on to the share without a password, which a protected share refuses. Type the password after the last ";".');
  assert.deepEqual(summary(found), ['remote-logon-password-empty@5'], 'nothing else: the entry is well formed');
  const second = diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: `\\\\fs01\\icewarp;svc;pw|\\\\fs02\\data;svc; ` })));
  assert.match(only(second, 'remote-logon-password-empty')[0].message, /entry 2 of 2, names a user/);
});

test('remote-logon-password-empty stays quiet with a password, without a user, and on malformed entries', () => {
  for (const line5 of ['\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret', '\\\\fs01\\icewarp;;', '\\\\fs01\\icewarp;svc', 'svc;pw;', '']) {
    assert.deepEqual(spans(diagnose(nodeText(withValues(WINDOWS_SLAVE, { 5: line5 }))), 'remote-logon-password-empty'), [], line5);
  }
});
