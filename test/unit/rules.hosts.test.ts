// Hosts and roles in one file: lines 11 and 14-16.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NodeFile, Workspace, editDistance, fixesFor, parseNodeFile, validate } from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, diagnose, nodeText, only, spans, withValues } from './helpers';

const master = (changes: Record<number, string>) => diagnose(nodeText(withValues(LINUX_MASTER, changes)));
const slave = (changes: Record<number, string>) => diagnose(nodeText(withValues(WINDOWS_SLAVE, changes), '\r\n'));

test('role-invalid flags a slave flag other than empty, 0 or 1, on the whole value', () => {
  const diagnostics = master({ 14: 'yes' });
  assert.deepEqual(spans(diagnostics, 'role-invalid'), [[14, 0, 3]]);
  const [finding] = only(diagnostics, 'role-invalid');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /Slave flag \(line 14\).*"yes"/);
  assert.deepEqual(spans(master({ 14: '2' }), 'role-invalid'), [[14, 0, 1]]);
});

test('role-invalid stays silent for 0, 1 and an empty flag', () => {
  for (const flag of ['0', '1', '']) {
    const values: Record<number, string> = flag === '1' ? { 14: flag, 11: 'mx2.example.net' } : { 14: flag };
    assert.deepEqual(spans(master(values), 'role-invalid'), [], `flag ${JSON.stringify(flag)}`);
  }
  // Padding is the whitespace rule's business, not an invalid role.
  assert.deepEqual(spans(master({ 14: ' 0' }), 'role-invalid'), []);
});

test('slave-without-master flags the 1 of a slave whose master host is empty, pointing at line 15', () => {
  const diagnostics = slave({ 15: '' });
  assert.deepEqual(spans(diagnostics, 'slave-without-master'), [[14, 0, 1]]);
  const [finding] = only(diagnostics, 'slave-without-master');
  assert.match(finding.message, /line 15/);
  assert.equal(finding.related?.[0].range.start.line, 14);
});

test('slave-without-master also fires when the file ends before line 15', () => {
  const text = nodeText(withValues(WINDOWS_SLAVE, { 15: '', 16: '' }), '\n', 14);
  assert.deepEqual(spans(diagnose(text), 'slave-without-master'), [[14, 0, 1]]);
});

test('slave-without-master stays silent for a slave with a master, and for a master without one', () => {
  assert.deepEqual(spans(slave({}), 'slave-without-master'), []);
  const standalone = diagnose(nodeText(withValues(LINUX_MASTER, { 15: '', 16: '' })));
  assert.deepEqual(spans(standalone, 'slave-without-master'), []);
});

test('master-host-multiple flags everything after the first host', () => {
  const diagnostics = slave({ 15: 'mx1.example.net;mx9.example.net' });
  assert.deepEqual(spans(diagnostics, 'master-host-multiple'), [[15, 15, 31]]);
  assert.match(only(diagnostics, 'master-host-multiple')[0].message, /2 hosts/);
  assert.deepEqual(spans(slave({ 15: 'mx1.example.net, mx9.example.net mx8' }), 'master-host-multiple'), [[15, 15, 36]]);
});

test('master-host-multiple stays silent for one master host', () => {
  assert.deepEqual(spans(slave({}), 'master-host-multiple'), []);
  assert.deepEqual(spans(slave({ 15: '10.0.0.11' }), 'master-host-multiple'), []);
});

test('host-invalid flags each bad host on lines 11, 15 and 16, on that host only', () => {
  const diagnostics = master({ 11: 'mx_1.example.net', 15: 'mx1..example.net', 16: 'mx2.example.net;-mx3.example.net;mx4.example.net' });
  assert.deepEqual(spans(diagnostics, 'host-invalid'), [
    [11, 0, 16],
    [15, 0, 16],
    [16, 16, 32],
  ]);
  const messages = only(diagnostics, 'host-invalid').map((d) => d.message);
  assert.match(messages[0], /"mx_1\.example\.net" in Hostname \(line 11\).*"_"/);
  assert.match(messages[1], /empty part/);
  assert.match(messages[2], /starts or ends with "-"/);
});

test('host-invalid explains URLs, ports and out-of-range IPv4 addresses', () => {
  const diagnostics = master({ 15: 'https://mx1.example.net', 16: 'mx2.example.net:25;10.0.0.256;10.0.12' });
  const messages = only(diagnostics, 'host-invalid').map((d) => d.message);
  assert.equal(messages.length, 4);
  assert.match(messages[0], /URL/);
  assert.match(messages[1], /port/);
  assert.match(messages[2], /IPv4/);
  assert.match(messages[3], /IPv4/);
});

test('host-invalid flags a stray separator around the single master host', () => {
  assert.deepEqual(spans(slave({ 15: 'mx1.example.net;' }), 'host-invalid'), [[15, 15, 16]]);
  // Between two hosts it is master-host-multiple, not host-invalid.
  assert.deepEqual(spans(slave({ 15: 'mx1.example.net;mx9.example.net' }), 'host-invalid'), []);
});

test('host-invalid stays silent for DNS names, IPv4, IPv6 and a trailing root dot', () => {
  const diagnostics = master({ 11: 'mx1.example.net.', 15: 'mx1.example.net', 16: '10.0.0.12;fd00::13;MX4.Example.NET' });
  assert.deepEqual(spans(diagnostics, 'host-invalid'), []);
});

test('slave-list-separator flags each comma or space run, and a doubled semicolon', () => {
  const diagnostics = master({ 16: 'mx2.example.net,mx3.example.net mx4.example.net; mx5.example.net;;mx6.example.net' });
  assert.deepEqual(spans(diagnostics, 'slave-list-separator'), [
    [16, 15, 16],
    [16, 31, 32],
    [16, 47, 49],
    [16, 64, 66],
  ]);
  assert.match(only(diagnostics, 'slave-list-separator')[0].message, /comma/);
});

test('slave-list-separator stays silent for hosts joined by single semicolons', () => {
  assert.deepEqual(spans(master({}), 'slave-list-separator'), []);
  assert.deepEqual(spans(master({ 16: 'mx2.example.net' }), 'slave-list-separator'), []);
  // Commas on line 15 are master-host-multiple's business, not this rule's.
  assert.deepEqual(spans(slave({ 15: 'mx1.example.net,mx9.example.net' }), 'slave-list-separator'), []);
});

test('slave-duplicate flags the repeat, case-insensitively, related to the first mention', () => {
  const diagnostics = master({ 16: 'mx2.example.net;mx3.example.net;MX2.example.net' });
  assert.deepEqual(spans(diagnostics, 'slave-duplicate'), [[16, 32, 47]]);
  const [finding] = only(diagnostics, 'slave-duplicate');
  assert.deepEqual(finding.related?.map((r) => [r.range.start.line + 1, r.range.start.character, r.range.end.character]), [[16, 0, 15]]);
});

test('slave-duplicate stays silent for distinct hosts that merely share a domain', () => {
  assert.deepEqual(spans(master({ 16: 'mx2.example.net;mx2.example.org;mx22.example.net' }), 'slave-duplicate'), []);
});

test('master-in-slave-list flags the list entry that names the master, related to line 15', () => {
  const diagnostics = master({ 16: 'mx2.example.net;MX1.example.net;mx3.example.net' });
  assert.deepEqual(spans(diagnostics, 'master-in-slave-list'), [[16, 16, 31]]);
  const [finding] = only(diagnostics, 'master-in-slave-list');
  assert.equal(finding.related?.[0].range.start.line, 14);
});

test('master-in-slave-list stays silent when the master is only on line 15', () => {
  assert.deepEqual(spans(master({}), 'master-in-slave-list'), []);
  assert.deepEqual(spans(master({ 16: 'mx1.example.org;mx2.example.net' }), 'master-in-slave-list'), []);
});

test('role-mismatch flags line 14 when the master host says slave', () => {
  const diagnostics = master({ 14: '1' });
  assert.deepEqual(spans(diagnostics, 'role-mismatch'), [[14, 0, 1]]);
  assert.match(only(diagnostics, 'role-mismatch')[0].message, /master host/);
});

test('role-mismatch flags line 14 when a listed slave says master, zero-width when empty', () => {
  assert.deepEqual(spans(slave({ 14: '0' }), 'role-mismatch'), [[14, 0, 1]]);
  const empty = slave({ 14: '' });
  assert.deepEqual(spans(empty, 'role-mismatch'), [[14, 0, 0]]);
  assert.match(only(empty, 'role-mismatch')[0].message, /empty, which means master/);
});

test('role-mismatch stays silent when the roles agree or the hostname is in neither list', () => {
  assert.deepEqual(spans(master({}), 'role-mismatch'), []);
  assert.deepEqual(spans(slave({}), 'role-mismatch'), []);
  assert.deepEqual(spans(slave({ 11: 'mx9.example.net', 14: '0' }), 'role-mismatch'), []);
  assert.deepEqual(spans(slave({ 11: '' }), 'role-mismatch'), []);
});

test('messages about hosts never print a whole huge line', () => {
  const long = 'a'.repeat(300) + '_';
  for (const diagnostic of master({ 16: `${long};mx2.example.net` })) assert.ok(diagnostic.message.length < 400, diagnostic.code);
});

test('host and role rules never throw and keep every range on its own line, whatever lines 11 and 14-16 hold', async () => {
  const fc = await import('fast-check');
  const piece = fc.constantFrom('mx1.example.net', 'MX1.example.net.', '10.0.0.11', 'fd00::1', 'a_b', '-x', 'é', ';', ',', ' ', '\t', ';;', '..', '1', '0', 'https://h', 'h:25', '');
  const value = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(value, value, value, value, (hostname, flag, masterHost, slaveHosts) => {
      const diagnostics = master({ 11: hostname, 14: flag, 15: masterHost, 16: slaveHosts });
      for (const diagnostic of diagnostics) {
        const { start, end } = diagnostic.range;
        assert.equal(start.line, end.line, diagnostic.code);
        assert.ok(start.character <= end.character, diagnostic.code);
        const lineLength = [hostname, flag, masterHost, slaveHosts][[10, 13, 14, 15].indexOf(start.line)]?.length;
        if (lineLength !== undefined) assert.ok(end.character <= lineLength, `${diagnostic.code} past the end of line ${start.line + 1}`);
      }
    }),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------------------------------------
// host-possible-typo: a host that is no node's hostname, but a typo away from one.

describe('host-possible-typo', () => {
  const NODE = (letter: string) => `file:///ws/node-${letter}/path.dat`;
  const HOST = (letter: string) => `mail-${letter}.corp.example.com`;
  /** node-a (master), node-b and node-c of one Linux cluster, each with its own changes. */
  function cluster(changes: Record<string, Record<number, string>> = {}, extra: Record<string, string> = {}) {
    const base = withValues(LINUX_MASTER, { 1: '/mnt/icewarp/config/', 11: HOST('a'), 15: HOST('a'), 16: `${HOST('b')};${HOST('c')}` });
    const files: Record<string, string> = {};
    ['a', 'b', 'c'].forEach((letter, index) => {
      files[NODE(letter)] = nodeText(withValues(base, { 4: String(11 + index), 10: `10.0.0.${11 + index}`, 11: HOST(letter), 14: index === 0 ? '0' : '1', ...changes[letter] }));
    });
    const workspace = new Workspace();
    for (const [uri, text] of Object.entries({ ...files, ...extra })) workspace.set(parseNodeFile(uri, text));
    const diagnosticsOf = (letter: string) => validate(workspace.get(NODE(letter)) as NodeFile, workspace);
    return { workspace, diagnosticsOf, nodeOf: (letter: string) => workspace.get(NODE(letter)) as NodeFile };
  }

  test('a slave list with a typo of another node\'s hostname: a warning on the typo, naming the node, with the replacement as the preferred fix', () => {
    const typo = 'mail-c.corp.exmaple.com';
    const { workspace, diagnosticsOf, nodeOf } = cluster({ b: { 16: `${HOST('b')};${typo}` } });
    const found = only(diagnosticsOf('b'), 'host-possible-typo');
    assert.deepEqual(spans(found, 'host-possible-typo'), [[16, 24, 24 + typo.length]]);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].message, `"${typo}" in Slave hosts (line 16) is no node's hostname; did you mean mail-c.corp.example.com (hostname of node-c/path.dat)?`);
    assert.deepEqual(found[0].related?.map((related) => [related.uri, related.range.start.line + 1]), [[NODE('c'), 11]]);
    const fixes = fixesFor(nodeOf('b'), found[0], workspace);
    assert.deepEqual(fixes.map((fix) => [fix.id, fix.isPreferred, fix.title]), [['host-did-you-mean', true, 'Replace with mail-c.corp.example.com (hostname of node-c/path.dat)']]);
    assert.deepEqual(fixes[0].edits, [{ range: found[0].range, newText: HOST('c') }]);
    for (const letter of ['a', 'c']) assert.deepEqual(only(diagnosticsOf(letter), 'host-possible-typo'), [], letter);
  });

  test('a master host with a typo, and a host only named (no node file) that most nodes spell otherwise', () => {
    const spelled = 'mail-d.corp.example.com';
    const misspelled = 'mial-d.corp.example.com';
    const { diagnosticsOf } = cluster({
      a: { 16: `${HOST('b')};${HOST('c')};${spelled}` },
      b: { 15: 'mail-a.corp.exampel.com', 16: `${HOST('b')};${HOST('c')};${spelled}` },
      c: { 16: `${HOST('b')};${HOST('c')};${misspelled}` },
    });
    const onB = only(diagnosticsOf('b'), 'host-possible-typo');
    assert.deepEqual(spans(onB, 'host-possible-typo'), [[15, 0, 23]]);
    assert.match(onB[0].message, /did you mean mail-a\.corp\.example\.com \(hostname of node-a\/path\.dat\)\?$/);
    const onC = only(diagnosticsOf('c'), 'host-possible-typo');
    assert.deepEqual(spans(onC, 'host-possible-typo'), [[16, 48, 48 + misspelled.length]]);
    assert.match(onC[0].message, /did you mean mail-d\.corp\.example\.com \(named by 2 nodes of this cluster\)\?$/);
    // The spelling most nodes use is not a typo of the one a single node uses.
    assert.deepEqual(only(diagnosticsOf('a'), 'host-possible-typo'), []);
  });

  test('stays quiet for series of hosts, node hostnames, IP addresses and hosts far from any other', () => {
    const { diagnosticsOf } = cluster({
      a: { 16: `${HOST('b')};${HOST('c')};${HOST('d')};mx1.example.net;mx2.example.net;mx12.example.net;10.0.0.12;10.0.0.13;backup.other.org` },
    });
    assert.deepEqual(only(diagnosticsOf('a'), 'host-possible-typo'), []);
    // A lone file naming hosts that have no file of their own.
    const alone = new Workspace();
    const single = parseNodeFile('file:///ws/x/path.dat', nodeText(LINUX_MASTER));
    alone.set(single);
    assert.deepEqual(only(validate(single, alone), 'host-possible-typo'), []);
  });

  test('never suggests a hostname that is itself no valid host name', () => {
    const { diagnosticsOf } = cluster({ a: { 11: 'mail_a.corp.example.com', 15: 'mail-a.corp.example.com' } });
    for (const letter of ['a', 'b', 'c']) assert.deepEqual(only(diagnosticsOf(letter), 'host-possible-typo'), [], letter);
  });

  test('two hostnames just as close: both offered, neither preferred', () => {
    const { workspace, diagnosticsOf, nodeOf } = cluster({ a: { 16: `${HOST('b')};${HOST('c')};smtp-wast.corp.example.com` } }, {
      [NODE('d')]: nodeText(withValues(LINUX_MASTER, { 1: '/mnt/icewarp/config/', 4: '14', 10: '10.0.0.14', 11: 'smtp-west.corp.example.com', 14: '1', 15: HOST('a'), 16: `${HOST('b')};${HOST('c')}` })),
      [NODE('e')]: nodeText(withValues(LINUX_MASTER, { 1: '/mnt/icewarp/config/', 4: '15', 10: '10.0.0.15', 11: 'smtp-east.corp.example.com', 14: '1', 15: HOST('a'), 16: `${HOST('b')};${HOST('c')}` })),
    });
    const [found] = only(diagnosticsOf('a'), 'host-possible-typo');
    assert.ok(found, 'flagged');
    const fixes = fixesFor(nodeOf('a'), found, workspace);
    assert.deepEqual(fixes.map((fix) => fix.isPreferred), [false, false]);
    assert.match(found.message, /did you mean smtp-(west|east)\.corp\.example\.com \(hostname of node-[de]\/path\.dat\) or smtp-(east|west)\.corp\.example\.com\?$/);
  });

  test('edit distance counts a swap of neighbours as one, and gives up past its limit', () => {
    assert.equal(editDistance('example', 'exmaple', 2), 1);
    assert.equal(editDistance('example', 'exampel', 2), 1);
    assert.equal(editDistance('example', 'exmple', 2), 1);
    assert.equal(editDistance('example', 'examplee', 2), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
    assert.equal(editDistance('a'.repeat(100_000), 'b', 2), 3);
  });
});
