// The live cluster's pure parts (cli/src/live): what may reach ssh and sftp, how sftp's answers
// are read, and what a push keeps; and its contributions to package.json. The transport itself
// is tested against a real sshd in test/ssh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHost, normalizeRemotePath, remotePathProblem, sftpQuote } from '../../cli/src/live/names';
import { matchLineEndings, parseListing } from '../../cli/src/live/push';
import { describeFailure, outputsByCommand, sftpArgs, shellQuote } from '../../cli/src/live/ssh';
import { LIVE_COMMANDS, LIVE_CONTEXT_KEYS, LIVE_SETTINGS } from '../../client/src/live/liveIds';
import { localizedManifest } from './manifestFiles';

test('host names from files: only DNS names and IP addresses reach ssh, folded to one key', () => {
  for (const hostile of ['-oProxyCommand=touch${IFS}/tmp/x', 'mx1;id', 'mx1 mx2', '"mx1"', 'mx1/..', 'root@mx1', 'mx1:22', '$(id)', '']) {
    assert.equal(checkHost(hostile).ok, false, hostile);
  }
  assert.deepEqual(checkHost('MX2.Example.NET.'), { ok: true, key: 'mx2.example.net', target: 'mx2.example.net' });
  assert.deepEqual(checkHost('10.0.0.5'), { ok: true, key: '10.0.0.5', target: '10.0.0.5' });
  assert.equal(checkHost('fe80::1').ok, true);
});

test('ssh and sftp get the host after "--", in batch mode, with a user\'s RemoteCommand and RequestTTY overridden, never StrictHostKeyChecking=no', () => {
  const args = sftpArgs('mx1.example.net', { sshConfig: '/etc/cluster_ssh_config', acceptNewHostKeys: true });
  assert.deepEqual(args.slice(-2), ['--', 'mx1.example.net']);
  assert.deepEqual(args.slice(0, 2), ['-b', '-']);
  for (const option of ['BatchMode=yes', 'RemoteCommand=none', 'RequestTTY=no', 'StrictHostKeyChecking=accept-new']) assert.ok(args.includes(option), option);
  assert.ok(!args.some((arg) => /StrictHostKeyChecking=no/i.test(arg)));
  assert.deepEqual(args.slice(args.indexOf('-F'), args.indexOf('-F') + 2), ['-F', '/etc/cluster_ssh_config']);
  assert.ok(!sftpArgs('mx1', {}).includes('StrictHostKeyChecking=accept-new'));
  assert.deepEqual(sftpArgs('fe80::1', {}).slice(-1), ['[fe80::1]']);
});

test('remote paths: what sftp\'s batch parser cannot take quoted is refused, Windows paths get "/"', () => {
  assert.equal(remotePathProblem('/opt/icewarp/path.dat'), undefined);
  assert.equal(remotePathProblem('C:/Program Files/IceWarp/path.dat'), undefined);
  assert.equal(remotePathProblem('opt/ice warp [1]/path*.dat'), undefined);
  assert.match(remotePathProblem('/opt/x\n!rm -rf /') ?? '', /control character/);
  assert.match(remotePathProblem('/opt/"x"') ?? '', /double quote/);
  assert.match(remotePathProblem('-p') ?? '', /starts with "-"/);
  assert.match(remotePathProblem('/opt/icewarp/') ?? '', /names a folder/);
  assert.equal(normalizeRemotePath('C:\\Program Files\\IceWarp\\path.dat'), 'C:/Program Files/IceWarp/path.dat');
  assert.equal(sftpQuote('C:/Program Files/IceWarp/path.dat'), '"C:/Program Files/IceWarp/path.dat"');
  assert.throws(() => sftpQuote('a"b'));
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
});

test("sftp's listing gives the mode, owner and group; its batch output splits by command", () => {
  assert.deepEqual(parseListing('-rw-r-----    ? icewarp  mail          862 Jan  1 12:00 /opt/icewarp/path.dat\n'), { type: '-', mode: 0o640, modeText: 'rw-r-----', owner: 'icewarp', group: 'mail' });
  assert.equal(parseListing('-rwsr-sr-t    1 0 0 5 Jan  1 12:00 x')?.mode, 0o7755);
  assert.equal(parseListing('lrwxrwxrwx    ? a b 8 Jan  1 12:00 path.dat')?.type, 'l');
  assert.equal(parseListing('sftp> nothing'), undefined);
  assert.deepEqual(outputsByCommand('sftp> -cd "x"\nsftp> ls -l "x"\n-rw-r--r-- ...\nsftp> get "x" "y"\n'), ['', '-rw-r--r-- ...\n', '']);
});

test("a push keeps the server file's line endings when the local copy's differ, and nothing else", () => {
  const crlf = Buffer.from('a\r\nb\r\n');
  assert.deepEqual(matchLineEndings(Buffer.from('a\nc\n'), crlf), { bytes: Buffer.from('a\r\nc\r\n'), endings: 'CRLF' });
  assert.deepEqual(matchLineEndings(Buffer.from('a\r\nc\r\n'), crlf), { bytes: Buffer.from('a\r\nc\r\n') });
  assert.deepEqual(matchLineEndings(Buffer.from('a\r\nc\r\n'), Buffer.from('a\nb\n')), { bytes: Buffer.from('a\nc\n'), endings: 'LF' });
  // A server file of mixed endings says nothing to follow.
  assert.deepEqual(matchLineEndings(Buffer.from('a\nc\n'), Buffer.from('a\r\nb\n')), { bytes: Buffer.from('a\nc\n') });
  // Bytes other than line breaks are untouched (UTF-8 and Windows-1252 alike).
  assert.deepEqual(matchLineEndings(Buffer.from([0xc3, 0xa9, 0x0a, 0xe9, 0x0a]), crlf).bytes, Buffer.from([0xc3, 0xa9, 0x0d, 0x0a, 0xe9, 0x0d, 0x0a]));
});

test("what ssh says becomes one line an admin can act on", () => {
  assert.match(describeFailure('Host key verification failed.\r\nConnection closed\r\n', { target: 'mx1' }), /^its host key is not known .* run `ssh mx1` once .* --accept-new-host-keys$/);
  assert.match(describeFailure('@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n'), /differs from the one in known_hosts/);
  assert.match(describeFailure('mx1@10.0.0.1: Permission denied (publickey).\r\nConnection closed\r\n'), /did not accept any key/);
  assert.match(describeFailure('ssh: Could not resolve hostname mx9: Name or service not known\r\n'), /does not resolve/);
  assert.match(describeFailure('File "/opt/icewarp/path.dat" not found.\r\n', { remotePath: '/opt/icewarp/path.dat' }), /^no file at \/opt\/icewarp\/path\.dat$/);
  assert.equal(describeFailure('weird\u001b[31m thing\r\n'), 'weird?[31m thing');
});

test('package.json: the commands, where they show, and the ssh settings (restricted in untrusted workspaces, no machine scope)', () => {
  const manifest = localizedManifest() as {
    capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]>; configuration: { properties: Record<string, { default?: unknown; scope?: string }> } };
  };
  const titles = new Map(manifest.contributes.commands.map((command) => [command.command, command.title]));
  assert.equal(titles.get(LIVE_COMMANDS.pull), 'Pull Cluster from Servers…');
  assert.equal(titles.get(LIVE_COMMANDS.push), 'Push Cluster to Servers…');
  for (const setting of Object.values(LIVE_SETTINGS)) {
    assert.ok(manifest.contributes.configuration.properties[setting], setting);
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(setting), `${setting} is not restricted`);
  }
  assert.equal(manifest.contributes.configuration.properties[LIVE_SETTINGS.remotePath].default, '/opt/icewarp/path.dat');
  const whens = Object.values(manifest.contributes.menus).flat().filter((entry) => entry.command.startsWith('icewarp.live.')).map((entry) => entry.when ?? '');
  assert.ok(whens.some((when) => when.includes(LIVE_CONTEXT_KEYS.available)));
  assert.ok(whens.some((when) => when.includes(LIVE_CONTEXT_KEYS.hasPulledCluster)));
});
