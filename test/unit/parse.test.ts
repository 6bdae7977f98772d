// Parser edge cases: line endings, BOM, tabs, NUL, huge and odd inputs, UTF-16 columns. The
// model's ranges are what every feature shows the user, so each case asserts them exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FIELD_COUNT, MAX_LIST_PARTS, Range, parseNodeFile, validateText } from '../../server/src/service';
import { LINUX_MASTER, nodeText, spans } from './helpers';

const parse = (text: string) => parseNodeFile('file:///test/path.dat', text);
const at = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

test('LF: each line is a field, ranges are within the line, the empty line after the last newline is present', () => {
  const node = parse('/mnt/config/\n\n\n11\n');
  assert.equal(node.lines.length, 5);
  assert.deepEqual(node.field.configPath.raw, { text: '/mnt/config/', range: at(0, 0, 12) });
  assert.deepEqual(node.field.serverId.value, { text: '11', range: at(3, 0, 2) });
  assert.equal(node.field.remoteLogon.present, true, 'the (empty) text after the last newline is line 5, as LSP counts it');
  assert.equal(node.field.spamPath.present, false);
  assert.deepEqual(node.endingCounts, { '\r\n': 0, '\n': 4, '\r': 0 });
  assert.equal(node.ending, '\n');
  assert.equal(node.paths.get('configPath')?.style, 'posix');
});

test('CRLF: no CR reaches a value, and the ranges match the LF file', () => {
  const lf = parse(nodeText(LINUX_MASTER, '\n'));
  const crlf = parse(nodeText(LINUX_MASTER, '\r\n'));
  assert.equal(crlf.ending, '\r\n');
  assert.deepEqual(crlf.endingCounts, { '\r\n': 16, '\n': 0, '\r': 0 });
  assert.deepEqual(
    crlf.fields.map((field) => [field.raw.text, field.raw.range]),
    lf.fields.map((field) => [field.raw.text, field.raw.range]),
  );
  assert.ok(crlf.fields.every((field) => !field.raw.text.includes('\r')));
  assert.equal(crlf.lines[3].offset, lf.lines[3].offset + 3, 'offsets count the CRs');
});

test('mixed endings: CRLF, LF and a lone CR each end a line, and the counts say so', () => {
  const node = parse('a\r\nb\nc\rd');
  assert.deepEqual(node.lines.map((line) => [line.text, line.ending]), [['a', '\r\n'], ['b', '\n'], ['c', '\r'], ['d', '']]);
  assert.deepEqual(node.endingCounts, { '\r\n': 1, '\n': 1, '\r': 1 });
  assert.equal(node.ending, '\n', 'a tie goes to LF');
  assert.deepEqual(node.field.serverId.raw, { text: 'd', range: at(3, 0, 1) });
  assert.deepEqual(node.endOfDocument, at(3, 1, 1));
  // A CR directly before LF is one CRLF, not a lone CR plus an LF.
  assert.deepEqual(parse('x\r\n\ry').lines.map((line) => line.ending), ['\r\n', '\r', '']);
});

test('a BOM is not part of line 1, and line 1 ranges shift by one character', () => {
  const node = parse('\uFEFFD:\\con*fig\\\n\n\n11\n');
  assert.equal(node.hasBom, true);
  assert.deepEqual(node.field.configPath.raw, { text: 'D:\\con*fig\\', range: at(0, 1, 12) });
  assert.equal(node.lines[0].column, 1);
  assert.deepEqual(node.paths.get('configPath')?.style, 'drive', 'the BOM does not hide the drive letter');
  assert.deepEqual(node.field.serverId.value.range, at(3, 0, 2), 'only line 1 shifts');
  assert.deepEqual(spans(validateText(node.text), 'path-invalid'), [[1, 7, 8]]);
  assert.deepEqual(spans(validateText(node.text.slice(1)), 'path-invalid'), [[1, 6, 7]]);
  // A BOM alone: an empty line 1 that starts after it.
  assert.deepEqual(parse('\uFEFF').field.configPath.raw, { text: '', range: at(0, 1, 1) });
});

test('tabs: the raw line keeps them, the value is trimmed, and the ranges say which is which', () => {
  const node = parse('\n\n\n\t11 \n');
  assert.deepEqual(node.field.serverId.raw, { text: '\t11 ', range: at(3, 0, 4) });
  assert.deepEqual(node.field.serverId.value, { text: '11', range: at(3, 1, 3) });
  assert.deepEqual(spans(validateText(node.text), 'whitespace'), [[4, 0, 1], [4, 3, 4]]);
});

test('NUL bytes are characters: they end no line and are reported where they are', () => {
  const node = parse('\n\n\n1\u00002\n');
  assert.equal(node.lines.length, 5);
  assert.deepEqual(node.field.serverId.value, { text: '1\u00002', range: at(3, 0, 3) });
  const diagnostics = validateText(node.text);
  assert.deepEqual(spans(diagnostics, 'server-id-invalid-char'), [[4, 1, 2]]);
  assert.deepEqual(spans(diagnostics, 'server-id-too-long'), [[4, 2, 3]]);
});

test('a 1 MB line parses with its exact range, and the lines after it are still fields', () => {
  const long = 'a'.repeat(1024 * 1024);
  const node = parse(`/mnt/${long}/\n\n\n11\n`);
  assert.deepEqual(node.field.configPath.raw.range, at(0, 0, long.length + 6));
  assert.deepEqual(node.field.serverId.value, { text: '11', range: at(3, 0, 2) });
  assert.deepEqual(validateText(node.text), [], 'a long POSIX path is not wrong in itself');
  assert.deepEqual(spans(validateText(`${long}\n`), 'path-invalid'), [[1, 0, long.length]], 'a long relative one is');
});

test('a file shorter than 17 lines: missing lines are empty, not present, at the end of the document', () => {
  const node = parse('a\nb');
  assert.deepEqual(node.fields.map((field) => field.present), [true, true, ...Array(FIELD_COUNT - 2).fill(false)]);
  for (const field of node.fields.slice(2)) {
    assert.deepEqual(field.raw, { text: '', range: at(1, 1, 1) });
    assert.deepEqual(field.value, field.raw);
  }
  assert.deepEqual([...node.paths.keys()], ['configPath', 'webPath'], 'only the lines the file has hold paths');
  assert.deepEqual(node.remoteLogon, []);
  assert.deepEqual(node.ipBinding.halves, []);
  assert.deepEqual(node.masterHosts, { hosts: [], separators: [] });
});

test('a file longer than 17 lines: 17 fields, and the non-blank rest as extra lines', () => {
  const rows = Array.from({ length: 22 }, (_, index) => (index === 16 ? 'https://mx1.example.net/' : index === 18 ? 'x' : index === 20 ? ' y ' : index === 19 ? '\t ' : ''));
  const node = parse(rows.join('\n'));
  assert.equal(node.fields.length, FIELD_COUNT);
  assert.deepEqual(node.field.teamChatUrl.value, { text: 'https://mx1.example.net/', range: at(16, 0, 24) });
  assert.deepEqual(node.extraLines.map((line) => [line.index, line.text]), [[18, 'x'], [20, ' y ']]);
});

test('non-ASCII text: columns count UTF-16 code units (é is one, an emoji two)', () => {
  const node = parse(`${'\n'.repeat(15)}é😀;mx2.example.net\n`);
  assert.deepEqual(
    node.slaveHosts.hosts.map((host) => [host.text, host.range]),
    [
      ['é😀', at(15, 0, 3)],
      ['mx2.example.net', at(15, 4, 19)],
    ],
  );
  assert.deepEqual(node.slaveHosts.separators.map((separator) => separator.range), [at(15, 3, 4)]);
  const path = parse('D:\\é😀\\a*b\\\n');
  assert.deepEqual(spans(validateText(path.text), 'path-invalid'), [[1, 8, 9]]);
});

test('empty text: one empty line 1, sixteen missing lines, nothing to report', () => {
  const node = parse('');
  assert.equal(node.lines.length, 1);
  assert.equal(node.field.configPath.present, true);
  assert.ok(node.fields.slice(1).every((field) => !field.present));
  assert.deepEqual(node.endingCounts, { '\r\n': 0, '\n': 0, '\r': 0 });
  assert.equal(node.ending, '\n', 'a file without endings writes LF');
  assert.equal(node.hasBom, false);
  assert.deepEqual(node.endOfDocument, at(0, 0, 0));
  assert.deepEqual(validateText(''), []);
});

test('text of only a CR: two empty lines, CR is the ending', () => {
  const node = parse('\r');
  assert.deepEqual(node.lines.map((line) => [line.text, line.ending]), [['', '\r'], ['', '']]);
  assert.deepEqual(node.endingCounts, { '\r\n': 0, '\n': 0, '\r': 1 });
  assert.equal(node.ending, '\r');
  assert.deepEqual(node.fields.map((field) => field.present).slice(0, 3), [true, true, false]);
  assert.deepEqual(validateText('\r'), []);
});

// The quick smoke: random text built from the characters the grammar cares about never makes the
// parser or a rule throw, and every range lies inside the document. (The heavy fuzzing lives elsewhere.)
test('parseNodeFile and validateText never throw and keep ranges inside the document (random inputs)', () => {
  const token = fc.oneof(
    fc.constantFrom('\r\n', '\n', '\r', '\\', '\\\\', '/', '//', '|', ';', ',', ':', '*', '?', '"', '<', '>', ' ', '\t', '\u0000', '\uFEFF', 'é', '😀', '\uD800', '$', '[', ']', '.', '-'),
    fc.constantFrom('fs01', 'C:', 'D:\\', 'mx1.example.net', '10.0.0.1', '::1', '1', '0', 'https://', 'temp', 'retry', '/opt/icewarp/', 'Program Files'),
    // Any code point; fast-check's built-in 'binary' unit costs seconds to set up.
    fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 4 }).map((codes) => String.fromCodePoint(...codes)),
  );
  const document = fc.array(token, { maxLength: 80 }).map((tokens) => tokens.join(''));
  fc.assert(
    fc.property(document, (text) => {
      const node = parse(text);
      assert.equal(node.fields.length, FIELD_COUNT);
      const lastLine = node.lines.length - 1;
      for (const diagnostic of validateText(text)) {
        const { start, end } = diagnostic.range;
        assert.ok(start.line >= 0 && end.line <= lastLine, `${diagnostic.code} line inside the document`);
        assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${diagnostic.code} range ordered`);
        const endLine = node.lines[end.line];
        assert.ok(end.character <= endLine.column + endLine.text.length, `${diagnostic.code} ends inside its line`);
      }
    }),
    { numRuns: 300, seed: 20261125 },
  );
});

test('a huge list value is split into at most MAX_LIST_PARTS parts, so no rule bears half a million hosts', () => {
  const huge = (unit: string) => unit.repeat(500_000);
  const node = parseNodeFile('file:///huge/path.dat', ['', '', '', '', huge('|'), '', '', '', '', huge('1;'), '', '', '', '', huge('a '), huge('a;')].join('\n'));
  assert.ok(node.remoteLogon.length <= MAX_LIST_PARTS, `${node.remoteLogon.length} remote-logon entries`);
  assert.ok(node.ipBinding.halves[0].entries.length <= MAX_LIST_PARTS, `${node.ipBinding.halves[0].entries.length} IPs`);
  assert.ok(node.masterHosts.hosts.length <= MAX_LIST_PARTS, `${node.masterHosts.hosts.length} master hosts`);
  assert.ok(node.slaveHosts.hosts.length <= MAX_LIST_PARTS, `${node.slaveHosts.hosts.length} slave hosts`);
  // The rest of the line is kept, not dropped: the last part runs to the end of the value.
  const last = node.slaveHosts.hosts[node.slaveHosts.hosts.length - 1];
  assert.equal(last.range.end.character, 1_000_000);
  const diagnostics = validateText(node.text);
  assert.ok(diagnostics.length < 2_000, `${diagnostics.length} diagnostics`);
});
