// The value rules, one file each: what a user sees for every code (exact ranges), and the
// near-misses where the code must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceDiagnostic, Workspace, fixesFor, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, diagnose, diagnoseWorkspace, nodeText, only, spans, withValues } from './helpers';

const linux = (changes: Record<number, string>) => diagnose(nodeText(withValues(LINUX_MASTER, changes)));
const windows = (changes: Record<number, string>) => diagnose(nodeText(withValues(WINDOWS_SLAVE, changes), '\r\n'));
/** A node outside any cluster: lines 15 and 16 empty. */
const standalone = (base: Record<number, string>, changes: Record<number, string>) => diagnose(nodeText(withValues(base, { 15: '', 16: '', ...changes })));
const codesOf = (diagnostics: ServiceDiagnostic[]) => [...new Set(diagnostics.map((d) => d.code))].sort();

// ---------------------------------------------------------------------------------------------
// Line 4: Server ID

test('server-id-invalid-char flags each run of bad characters, an emoji as one run', () => {
  assert.deepEqual(spans(linux({ 4: 'a!' }), 'server-id-invalid-char'), [[4, 1, 2]]);
  const twoRuns = linux({ 4: '!a?' });
  assert.deepEqual(spans(twoRuns, 'server-id-invalid-char'), [[4, 0, 1], [4, 2, 3]]);
  assert.deepEqual(spans(twoRuns, 'server-id-too-long'), [[4, 2, 3]], 'too long is its own code');
  assert.deepEqual(spans(linux({ 4: '-_' }), 'server-id-invalid-char'), [[4, 0, 2]], 'adjacent bad characters are one run');
  const emoji = linux({ 4: '😀' });
  assert.deepEqual(spans(emoji, 'server-id-invalid-char'), [[4, 0, 2]]);
  assert.match(only(emoji, 'server-id-invalid-char')[0].message, /Server ID \(line 4\) holds "😀".*ASCII letters and digits/);
  assert.match(only(linux({ 4: '1\u0000' }), 'server-id-invalid-char')[0].message, /U\+0000/);
  assert.equal(only(linux({ 4: 'é' }), 'server-id-invalid-char').length, 1, 'a non-ASCII letter is not an ASCII letter');
});

test('server-id-invalid-char stays quiet for letters and digits, and leaves edge spaces to whitespace', () => {
  for (const id of ['12', 'A1', 'zz', '7']) assert.deepEqual(spans(linux({ 4: id }), 'server-id-invalid-char'), [], id);
  const padded = linux({ 4: ' 12\t' });
  assert.deepEqual(spans(padded, 'server-id-invalid-char'), []);
  assert.deepEqual(spans(padded, 'whitespace'), [[4, 0, 1], [4, 3, 4]]);
});

test('server-id-not-numeric is information on a valid ID with a letter', () => {
  const result = linux({ 4: 'A1' });
  assert.deepEqual(spans(result, 'server-id-not-numeric'), [[4, 0, 2]]);
  assert.equal(only(result, 'server-id-not-numeric')[0].severity, 'information');
  assert.deepEqual(spans(linux({ 4: 'x' }), 'server-id-not-numeric'), [[4, 0, 1]]);
});

test('server-id-not-numeric stays quiet for digits and for IDs that are invalid anyway', () => {
  for (const id of ['1', '07', 'ABC', 'A!', '']) assert.deepEqual(spans(linux({ 4: id }), 'server-id-not-numeric'), [], id);
});

test('server-id-missing fires on an empty Server ID in a cluster, at the empty value', () => {
  const result = linux({ 4: '' });
  assert.deepEqual(spans(result, 'server-id-missing'), [[4, 0, 0]]);
  assert.equal(only(result, 'server-id-missing')[0].severity, 'warning');
  assert.deepEqual(spans(linux({ 4: '  ' }), 'server-id-missing'), [[4, 2, 2]], 'whitespace only is empty too');
  // A slave that names only its master is in a cluster as well.
  assert.deepEqual(spans(linux({ 4: '', 16: '' }), 'server-id-missing'), [[4, 0, 0]]);
});

test('server-id-missing stays quiet outside a cluster and when an ID is set', () => {
  assert.deepEqual(spans(standalone(LINUX_MASTER, { 4: '' }), 'server-id-missing'), []);
  assert.deepEqual(spans(linux({ 4: '0' }), 'server-id-missing'), []);
});

// ---------------------------------------------------------------------------------------------
// UNC paths and path characters

test('unc-malformed: missing server or share ranges the path; a bad prefix ranges the prefix', () => {
  assert.deepEqual(spans(windows({ 1: '\\\\fs01' }), 'unc-malformed'), [[1, 0, 6]]);
  assert.deepEqual(spans(windows({ 1: '\\\\fs01\\' }), 'unc-malformed'), [[1, 0, 7]]);
  assert.deepEqual(spans(windows({ 1: '\\\\' }), 'unc-malformed'), [[1, 0, 2]]);
  assert.deepEqual(spans(windows({ 1: '\\\\\\fs01\\icewarp\\config\\' }), 'unc-malformed'), [[1, 0, 3]]);
  // `\\\x`: three backslashes and no share: both parts are wrong.
  assert.deepEqual(spans(windows({ 1: '\\\\\\x' }), 'unc-malformed'), [[1, 0, 3], [1, 0, 4]]);
  const single = windows({ 1: '\\fs01\\icewarp\\config\\' });
  assert.deepEqual(spans(single, 'unc-malformed'), [[1, 0, 1]]);
  assert.match(only(single, 'unc-malformed')[0].message, /Config path \(line 1\) starts with a single backslash/);
});

test('unc-malformed ranges the bad characters of the server and of the share', () => {
  assert.deepEqual(spans(windows({ 1: '\\\\fs 01\\icewarp\\config\\' }), 'unc-malformed'), [[1, 4, 5]]);
  assert.deepEqual(spans(windows({ 1: '\\\\fs01!\\ice*war?p\\config\\' }), 'unc-malformed'), [[1, 6, 7], [1, 11, 12], [1, 15, 16]]);
  const colonShare = windows({ 1: '\\\\fs01\\ice:warp\\config\\' });
  assert.deepEqual(spans(colonShare, 'unc-malformed'), [[1, 10, 11]]);
  assert.deepEqual(spans(colonShare, 'path-invalid'), [], 'the share belongs to unc-malformed alone');
  assert.match(only(colonShare, 'unc-malformed')[0].message, /share name holds ":"/);
});

test('unc-malformed checks the path part of each line-5 entry without printing the entry', () => {
  const result = windows({ 5: '\\\\fs01\\icewarp;ICEWARP\\svc;s3cret|\\\\fs02;admin;hunter2' });
  assert.deepEqual(spans(result, 'unc-malformed'), [[5, 34, 40]]);
  for (const diagnostic of result) {
    assert.doesNotMatch(diagnostic.message, /s3cret|hunter2/, diagnostic.code);
  }
});

test('unc-malformed stays quiet for admin shares, IP literals, and names with - . _', () => {
  for (const path of ['\\\\fs01\\share$\\config\\', '\\\\10.0.0.5\\icewarp\\config\\', '\\\\[fe80::1]\\icewarp\\', '\\\\fs_01.corp-x.example\\ice warp (1)\\', '\\\\dateiserver-münchen\\icewarp\\']) {
    assert.deepEqual(spans(windows({ 1: path, 5: '' }), 'unc-malformed'), [], path);
  }
  assert.deepEqual(spans(windows({ 1: '//fs01/icewarp/config/' }), 'unc-malformed'), [], 'forward slashes are their own code');
});

test('unc-forward-slashes ranges each Windows path written with /', () => {
  const result = windows({ 1: '//fs01/icewarp/config/', 8: 'D:/IceWarp/queues/_outgoing/', 6: '\\\\fs01/icewarp\\spam\\' });
  assert.deepEqual(spans(result, 'unc-forward-slashes'), [[1, 0, 22], [6, 0, 20], [8, 0, 28]]);
  assert.match(only(result, 'unc-forward-slashes')[0].message, /Config path \(line 1\) is a UNC path written with "\/"/);
  assert.deepEqual(spans(windows({ 5: '//fs01/icewarp;svc;pw' }), 'unc-forward-slashes'), [[5, 0, 14]], 'line-5 paths too');
});

test('unc-forward-slashes stays quiet for POSIX paths and backslashed Windows paths', () => {
  assert.deepEqual(spans(linux({}), 'unc-forward-slashes'), []);
  assert.deepEqual(spans(windows({}), 'unc-forward-slashes'), []);
});

test('path-invalid ranges characters Windows forbids, and a colon past the drive', () => {
  assert.deepEqual(spans(windows({ 8: 'D:\\IceWarp\\que*ues\\' }), 'path-invalid'), [[8, 14, 15]]);
  assert.deepEqual(spans(windows({ 8: 'D:\\a<>b\\' }), 'path-invalid'), [[8, 4, 6]], 'a run of bad characters is one finding');
  const colon = windows({ 8: 'D:\\IceWarp:x\\' });
  assert.deepEqual(spans(colon, 'path-invalid'), [[8, 10, 11]]);
  assert.match(only(colon, 'path-invalid')[0].message, /Outgoing queue \(line 8\) holds ":"/);
  // After the share of a UNC path the folder names are path-invalid's.
  assert.deepEqual(spans(windows({ 1: '\\\\fs01\\icewarp\\con?fig\\' }), 'path-invalid'), [[1, 18, 19]]);
  // Control characters (NUL included) are wrong on Linux too.
  const nul = linux({ 8: '/opt/ice\u0000warp/' });
  assert.deepEqual(spans(nul, 'path-invalid'), [[8, 8, 9]]);
  assert.match(only(nul, 'path-invalid')[0].message, /U\+0000/);
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp\\a|b;svc;pw' }), 'path-invalid'), [], 'a | in line 5 separates entries');
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp\\a"b;svc;pw' }), 'path-invalid'), [[5, 16, 17]]);
});

test('path-invalid flags a relative path on a directory line, drive-relative included', () => {
  assert.deepEqual(spans(windows({ 8: 'queues\\_outgoing\\' }), 'path-invalid'), [[8, 0, 17]]);
  assert.deepEqual(spans(linux({ 13: 'mailqueues/_incoming/' }), 'path-invalid'), [[13, 0, 21]]);
  const driveRelative = windows({ 8: 'D:queues\\' });
  assert.deepEqual(spans(driveRelative, 'path-invalid'), [[8, 0, 9]]);
  assert.match(only(driveRelative, 'path-invalid')[0].message, /drive-relative/);
});

test('path-invalid stays quiet for valid paths, and for characters Linux allows', () => {
  assert.deepEqual(spans(windows({ 2: 'C:\\Program Files (x86)\\IceWarp\\html\\' }), 'path-invalid'), []);
  assert.deepEqual(spans(linux({ 2: '/srv/web?:*/' }), 'path-invalid'), []);
  assert.deepEqual(spans(linux({ 12: 'license.key' }), 'path-invalid'), [], 'line 12 is a file name, not a directory');
});

test('path-mixed-style flags the minority style; a tie goes against the later paths', () => {
  const oneWindows = linux({ 1: '\\\\fs01\\icewarp\\config\\' });
  assert.deepEqual(spans(oneWindows, 'path-mixed-style'), [[1, 0, 22]]);
  assert.match(only(oneWindows, 'path-mixed-style')[0].message, /Config path \(line 1\) is a Windows path, but 3 other paths of this file are POSIX/);
  const posixFirst = standalone({}, { 1: '/mnt/config/', 8: 'D:\\queues\\' });
  assert.deepEqual(spans(posixFirst, 'path-mixed-style'), [[8, 0, 10]]);
  const windowsFirst = standalone({}, { 1: '\\\\fs01\\c\\', 8: '/var/queues/' });
  assert.deepEqual(spans(windowsFirst, 'path-mixed-style'), [[8, 0, 12]]);
  assert.deepEqual(spans(linux({ 5: '\\\\fs01\\icewarp;svc;pw' }), 'path-mixed-style'), [[5, 0, 14]], 'line-5 paths count');
});

test('path-mixed-style stays quiet for one style, and ignores relative paths', () => {
  assert.deepEqual(spans(windows({}), 'path-mixed-style'), []);
  assert.deepEqual(spans(linux({ 2: 'html\\' }), 'path-mixed-style'), []);
});

// ---------------------------------------------------------------------------------------------
// Folders that must be common, and folders that must stay local

test('shared-folder-local flags a local drive or the install folder on lines 1, 6, 7 in a cluster', () => {
  const install = windows({ 1: 'C:\\Program Files\\IceWarp\\config\\' });
  assert.deepEqual(spans(install, 'shared-folder-local'), [[1, 0, 32]]);
  assert.match(only(install, 'shared-folder-local')[0].message, /Config path \(line 1\) lies inside this server's IceWarp install folder/);
  const drive = windows({ 1: 'D:\\shared\\config\\' });
  assert.match(only(drive, 'shared-folder-local')[0].message, /local drive D:/);
  assert.deepEqual(spans(linux({ 1: '/opt/icewarp/config/' }), 'shared-folder-local'), [[1, 0, 20]]);
  assert.deepEqual(spans(windows({ 6: 'C:\\Program Files\\Merak\\spam\\', 7: 'e:\\calendar\\' }), 'shared-folder-local'), [[6, 0, 28], [7, 0, 12]]);
});

test('shared-folder-local flags an empty config path in a cluster at its empty value', () => {
  const result = linux({ 1: '' });
  assert.deepEqual(spans(result, 'shared-folder-local'), [[1, 0, 0]]);
  assert.match(only(result, 'shared-folder-local')[0].message, /falls back to its own local config/);
});

test('shared-folder-local stays quiet outside a cluster, on shares, and on lines that may be local', () => {
  assert.deepEqual(spans(standalone(WINDOWS_SLAVE, { 1: 'C:\\Program Files\\IceWarp\\config\\' }), 'shared-folder-local'), []);
  assert.deepEqual(spans(standalone(LINUX_MASTER, { 1: '' }), 'shared-folder-local'), []);
  assert.deepEqual(spans(linux({ 1: '/opt/icewarpdata/config/' }), 'shared-folder-local'), []);
  assert.deepEqual(spans(windows({ 1: '\\\\mx1\\c$\\Program Files\\IceWarp\\config\\', 5: '' }), 'shared-folder-local'), []);
  assert.deepEqual(spans(windows({ 2: 'C:\\Program Files\\IceWarp\\html\\' }), 'shared-folder-local'), [], 'line 2 may be local');
});

test('shared-temp-folder warns about a queue or a temp folder on a UNC share', () => {
  const queue = '\\\\fs01\\icewarp\\queues\\_outgoing\\';
  const result = windows({ 8: queue, 9: `${queue}retry\\` });
  assert.deepEqual(spans(result, 'shared-temp-folder'), [[8, 0, queue.length], [9, 0, queue.length + 6]]);
  assert.equal(only(result, 'shared-temp-folder')[0].severity, 'warning');
  assert.match(only(result, 'shared-temp-folder')[0].message, /Outgoing queue \(line 8\) lies on a UNC share/);
  assert.deepEqual(spans(windows({ 2: '\\\\fs01\\icewarp\\Temp\\' }), 'shared-temp-folder'), [[2, 0, 20]]);
});

test('shared-temp-folder stays quiet for local queues and shared folders not named temp', () => {
  assert.deepEqual(spans(windows({ 2: '\\\\fs01\\icewarp\\html\\', 8: 'D:\\temp\\' }), 'shared-temp-folder'), []);
  assert.deepEqual(spans(linux({}), 'shared-temp-folder'), []);
});

test('shared-temp-folder: two nodes on one shared queue see the error only, not the warning too', () => {
  const queue = '\\\\fs01\\icewarp\\queues\\_incoming\\';
  const result = diagnoseWorkspace({
    'file:///ws/a/path.cfg': nodeText(withValues(WINDOWS_SLAVE, { 13: queue, 4: '12' }), '\r\n'),
    'file:///ws/b/path.cfg': nodeText(withValues(WINDOWS_SLAVE, { 13: queue, 4: '13', 10: '192.168.10.13', 11: 'mx3.example.net' }), '\r\n'),
  });
  for (const diagnostics of Object.values(result)) {
    assert.deepEqual(only(diagnostics, 'shared-temp-folder').map((d) => [d.range.start.line + 1, d.severity]), [[13, 'error']]);
  }
});

// ---------------------------------------------------------------------------------------------
// Line 10: IP binding

test('ip-binding-invalid flags each bad entry, an empty one, and a third | part', () => {
  assert.deepEqual(spans(linux({ 10: '10.0.0.1;10.0.0.300|abc' }), 'ip-binding-invalid'), [[10, 9, 19], [10, 20, 23]]);
  const empty = linux({ 10: '10.0.0.1;;10.0.0.2' });
  assert.deepEqual(spans(empty, 'ip-binding-invalid'), [[10, 9, 9]]);
  assert.match(only(empty, 'ip-binding-invalid')[0].message, /IP binding \(line 10\) has an empty entry/);
  const third = linux({ 10: '10.0.0.1|10.0.0.2|10.0.0.3' });
  assert.deepEqual(spans(third, 'ip-binding-invalid'), [[10, 18, 26]]);
  assert.match(only(third, 'ip-binding-invalid')[0].message, /3 parts/);
  assert.match(only(linux({ 10: 'mx1.example.net' }), 'ip-binding-invalid')[0].message, /"mx1.example.net" in the server binding is not an IPv4 or IPv6 address/);
});

test('ip-binding-invalid stays quiet for IPv4, IPv6, both halves, spaces around ; and an empty half', () => {
  for (const binding of ['127.0.0.1;192.168.0.1|192.168.0.1', '::1;fe80::1|10.0.0.1', '10.0.0.1; 10.0.0.2', '|10.0.0.1', '10.0.0.1|', '']) {
    assert.deepEqual(spans(linux({ 10: binding }), 'ip-binding-invalid'), [], binding);
  }
});

// ---------------------------------------------------------------------------------------------
// Line 5: Remote logon

test('remote-logon-malformed: missing parts range the entry, a non-UNC path or empty user the part', () => {
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp;svc' }), 'remote-logon-malformed'), [[5, 0, 18]]);
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp' }), 'remote-logon-malformed'), [[5, 0, 14]]);
  assert.deepEqual(spans(windows({ 5: 'D:\\share;someuser;s3cret' }), 'remote-logon-malformed'), [[5, 0, 8]]);
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp;;s3cret' }), 'remote-logon-malformed'), [[5, 14, 16]]);
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp ; ;s3cret' }), 'remote-logon-malformed'), [[5, 14, 18]]);
  assert.deepEqual(spans(windows({ 5: ';someuser;s3cret' }), 'remote-logon-malformed'), [[5, 0, 16]]);
  const second = windows({ 5: '\\\\fs01\\icewarp;svc;pw1 | \\\\fs02\\x;s3cret' });
  assert.deepEqual(spans(second, 'remote-logon-malformed'), [[5, 25, 40]]);
  assert.match(only(second, 'remote-logon-malformed')[0].message, /Remote logon \(line 5\), entry 2 of 2, lacks the password/);
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp;svc;pw|' }), 'remote-logon-malformed'), [[5, 22, 22]], 'a stray | leaves an empty entry');
});

test('remote-logon-malformed messages never hold the entry, its user or its password', () => {
  const entries = ['D:\\share;someuser;s3cret', '\\\\fs01\\icewarp;someuser', '\\\\fs01\\icewarp;;s3cret', 'someuser;s3cret'];
  for (const entry of entries) {
    const found = only(windows({ 5: entry }), 'remote-logon-malformed');
    assert.ok(found.length > 0, entry);
    for (const diagnostic of found) assert.doesNotMatch(diagnostic.message, /someuser|s3cret|D:\\share/, entry);
  }
});

test('remote-logon-malformed flags entries glued with "," or ";" where "|" belongs, on the glue, and says so without the password', () => {
  const glued = '\\\\fs\\a;user;pw1,\\\\fs\\b;user;pw2';
  const found = only(windows({ 5: glued }), 'remote-logon-malformed');
  assert.deepEqual(spans(found, 'remote-logon-malformed'), [[5, glued.indexOf(','), glued.indexOf(',') + 1]]);
  assert.match(found[0].message, /^Remote logon \(line 5\), entry 1, holds a second share path in its password: entries are joined by "\|", not by ","/);
  assert.doesNotMatch(found[0].message, /pw1|pw2|user|fs/);
  // Three entries glued with ";" (spaces around it too), and forward slashes: one finding per glue.
  const three = '\\\\fs\\a;user;pw1 ; \\\\fs\\b;user;pw2;//fs/c/;u;pw3';
  assert.deepEqual(spans(windows({ 5: three }), 'remote-logon-malformed'), [
    [5, three.indexOf(' ; ') + 1, three.indexOf(' ; ') + 2],
    [5, three.indexOf(';//'), three.indexOf(';//') + 1],
  ]);
});

test('the glued-entries fix puts "|" in place of the glue and nothing else', () => {
  const glued = '\\\\fs\\a;user;pw1,\\\\fs\\b;user;pw2';
  const text = nodeText(withValues(WINDOWS_SLAVE, { 5: glued }), '\r\n');
  const workspace = new Workspace();
  const node = parseNodeFile('file:///ws/w/path.dat', text);
  workspace.set(node);
  const [finding] = only(validate(node, workspace), 'remote-logon-malformed');
  const fixes = fixesFor(node, finding, workspace);
  assert.deepEqual(fixes.map((fix) => [fix.id, fix.isPreferred, fix.title]), [['remote-logon-join-entries', false, 'Join the two entries with "|"']]);
  assert.deepEqual(fixes[0].edits, [{ range: finding.range, newText: '|' }]);
});

test('remote-logon-malformed stays quiet for a password that merely holds "," or ";" or backslashes', () => {
  for (const entry of ['\\\\fs\\a;user;p,w', '\\\\fs\\a;user;p;\\w', '\\\\fs\\a;user;p,\\\\', '\\\\fs\\a;user;a,//b']) {
    assert.deepEqual(spans(windows({ 5: entry }), 'remote-logon-malformed'), [], entry);
  }
});

test('the trim fix on line 5 says that the trailing space may belong to the password', () => {
  const text = nodeText(withValues(WINDOWS_SLAVE, { 5: '\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret ' }));
  const workspace = new Workspace();
  const node = parseNodeFile('file:///ws/w/path.dat', text);
  workspace.set(node);
  const [finding] = only(validate(node, workspace), 'whitespace');
  assert.deepEqual(fixesFor(node, finding, workspace).map((fix) => fix.title), ['Trim whitespace from Remote logon (line 5) (the trailing space may be part of the last password)']);
  // Leading whitespace holds no password: its title says nothing of one.
  const leading = parseNodeFile('file:///ws/w/path.dat', nodeText(withValues(WINDOWS_SLAVE, { 5: ' \\\\fs01\\icewarp;ICEWARP\\svc-mail;secret' })));
  const onLeading = new Workspace();
  onLeading.set(leading);
  const [edge] = only(validate(leading, onLeading), 'whitespace');
  assert.deepEqual(fixesFor(leading, edge, onLeading).map((fix) => fix.title), ['Trim whitespace from Remote logon (line 5)']);
});

test('remote-logon-malformed stays quiet for well-formed entries (a password may hold ; or be empty)', () => {
  assert.deepEqual(spans(windows({}), 'remote-logon-malformed'), []);
  assert.deepEqual(spans(windows({ 5: '\\\\fs01\\icewarp;ICEWARP\\svc;p;w | \\\\fs02\\data;guest;' }), 'remote-logon-malformed'), []);
});

test('remote-logon-uncovered flags the server\\share of a UNC path line 5 has no entry for', () => {
  const result = windows({ 6: '\\\\fs02\\spam\\', 7: '\\\\FS01\\IceWarp\\calendar\\' });
  assert.deepEqual(spans(result, 'remote-logon-uncovered'), [[6, 2, 11]]);
  assert.match(only(result, 'remote-logon-uncovered')[0].message, /AntiSpam path \(line 6\) uses the share \\\\fs02\\spam/);
  assert.equal(only(result, 'remote-logon-uncovered')[0].severity, 'information');
});

test('remote-logon-uncovered stays quiet when line 5 is empty or covers every share', () => {
  assert.deepEqual(spans(windows({ 5: '', 6: '\\\\fs02\\spam\\' }), 'remote-logon-uncovered'), []);
  assert.deepEqual(spans(windows({ 6: '//fs01/icewarp/spam/' }), 'remote-logon-uncovered'), []);
  assert.deepEqual(spans(windows({ 6: '\\fs02\\spam\\' }), 'remote-logon-uncovered'), [], 'one backslash is not a share');
});

// ---------------------------------------------------------------------------------------------
// Lines 3, 6, 7, 9, 17 and the file as a whole

test('url-invalid flags a TeamChat URL that is not absolute http(s)', () => {
  for (const url of ['teamchat.example.net/api', 'ftp://mx1.example.net/', 'https:mx1.example.net', 'https://exa mple.net/', 'https://']) {
    assert.deepEqual(spans(linux({ 17: url }), 'url-invalid'), [[17, 0, url.length]], url);
  }
  assert.match(only(linux({ 17: 'ftp://x/' }), 'url-invalid')[0].message, /TeamChat API URL \(line 17\) uses the scheme "ftp"/);
});

test('url-invalid stays quiet for http(s) URLs and an empty line 17', () => {
  for (const url of ['https://mx1.example.net/teamchatapi/', 'http://10.0.0.1:8080/', 'HTTPS://[::1]/x', '']) {
    assert.deepEqual(spans(linux({ 17: url }), 'url-invalid'), [], url);
  }
});

test('reserved-line flags a value on line 3, not whitespace alone', () => {
  const result = linux({ 3: '12' });
  assert.deepEqual(spans(result, 'reserved-line'), [[3, 0, 2]]);
  assert.equal(only(result, 'reserved-line')[0].severity, 'information');
  assert.deepEqual(spans(linux({ 3: '  ' }), 'reserved-line'), []);
  assert.deepEqual(spans(linux({}), 'reserved-line'), []);
});

test('deprecated-field is a hint with the deprecated tag on lines 6 and 7 when set', () => {
  const result = windows({ 6: '\\\\fs01\\icewarp\\spam\\', 7: ' \\\\fs01\\icewarp\\calendar\\' });
  assert.deepEqual(spans(result, 'deprecated-field'), [[6, 0, 20], [7, 1, 25]]);
  for (const diagnostic of only(result, 'deprecated-field')) {
    assert.equal(diagnostic.severity, 'hint');
    assert.deepEqual(diagnostic.tags, ['deprecated']);
  }
  assert.deepEqual(spans(windows({ 6: '', 7: '' }), 'deprecated-field'), []);
});

test('retry-outside-outgoing flags a retry queue outside, or equal to, the outgoing queue', () => {
  assert.deepEqual(spans(windows({ 9: 'D:\\IceWarp\\retry\\' }), 'retry-outside-outgoing'), [[9, 0, 17]]);
  const same = linux({ 9: '/opt/icewarp/mailqueues/_outgoing' });
  assert.deepEqual(spans(same, 'retry-outside-outgoing'), [[9, 0, 33]]);
  assert.match(only(same, 'retry-outside-outgoing')[0].message, /same folder as the outgoing queue/);
  assert.deepEqual(spans(linux({ 9: '/opt/icewarp/mailqueues/_outgoingretry/' }), 'retry-outside-outgoing'), [[9, 0, 39]], 'a name prefix is not a subfolder');
});

test('retry-outside-outgoing stays quiet inside the outgoing queue, when a line is empty, or across styles', () => {
  assert.deepEqual(spans(windows({ 9: 'd:\\icewarp\\QUEUES\\_outgoing\\retry' }), 'retry-outside-outgoing'), []);
  assert.deepEqual(spans(linux({ 9: '' }), 'retry-outside-outgoing'), []);
  assert.deepEqual(spans(linux({ 8: '' }), 'retry-outside-outgoing'), []);
  assert.deepEqual(spans(linux({ 9: 'D:\\retry\\' }), 'retry-outside-outgoing'), [], 'path-mixed-style says it');
});

// mixed-line-endings' one diagnostic per file: rules.lines.test.ts.

test('mixed-line-endings stays quiet for one ending throughout', () => {
  assert.deepEqual(spans(diagnose(nodeText(LINUX_MASTER, '\r\n')), 'mixed-line-endings'), []);
  assert.deepEqual(spans(diagnose(nodeText(LINUX_MASTER, '\r')), 'mixed-line-endings'), []);
  assert.deepEqual(spans(diagnose(nodeText(LINUX_MASTER).replace(/\n$/, '')), 'mixed-line-endings'), []);
});

test('extra-lines is one finding from the first to the last non-empty line after 17', () => {
  const text = nodeText({ ...LINUX_MASTER, 17: 'https://mx1.example.net/teamchatapi/', 18: '# example linux master', 19: '', 20: '  /mnt/x/  ', 21: '' }, '\n');
  const found = only(diagnose(text), 'extra-lines');
  assert.deepEqual(found.map((d) => d.range), [{ start: { line: 17, character: 0 }, end: { line: 19, character: 11 } }]);
  assert.match(found[0].message, /2 lines \(18-20\) hold content after line 17/);
  assert.equal(found[0].severity, 'information');
});

test('extra-lines stays quiet for 17 lines, a trailing newline, and blank lines after 17', () => {
  assert.deepEqual(spans(diagnose(nodeText({ ...LINUX_MASTER, 17: 'https://mx1.example.net/' })), 'extra-lines'), []);
  assert.deepEqual(spans(diagnose(nodeText(LINUX_MASTER) + '\n\n \t\n'), 'extra-lines'), []);
});

test('a pasted flood is capped: at most 50 findings per code for one file', () => {
  const junk = linux({ 8: `D:\\${'*a'.repeat(500)}`, 10: ';'.repeat(500), 5: 'x|'.repeat(500) });
  assert.equal(only(junk, 'path-invalid').length, 50);
  assert.equal(only(junk, 'ip-binding-invalid').length, 50);
  assert.equal(only(junk, 'remote-logon-malformed').length, 50);
  assert.deepEqual(spans(junk, 'path-invalid')[0], [8, 3, 4]);
  // The engine caps every rule, not only these: a slave list of 200 hosts joined by ", ".
  const flood = linux({ 16: Array.from({ length: 200 }, (_, index) => `mx${index}.example.net`).join(', ') });
  assert.equal(only(flood, 'slave-list-separator').length, 50);
});

test('the correct reference files raise none of the value codes, even the Windows one with lines 6, 7 unset', () => {
  assert.deepEqual(codesOf(linux({})), []);
  assert.deepEqual(codesOf(windows({})), []);
  assert.deepEqual(codesOf(windows({ 6: '\\\\fs01\\icewarp\\spam\\', 7: '\\\\fs01\\icewarp\\calendar\\' })), ['deprecated-field']);
});
