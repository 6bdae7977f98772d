// The redactor the output and trace channels use: passwords of line 5 never get printed, in plain
// text, in JSON-escaped trace output, in edits that carry only a few typed characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PASSWORD_MASK, parseNodeFile, redactedRemoteLogon } from '../../server/src/service';
import { REDACTED, redactNodeFileText, redactSecrets, redactStructure, redactTraceMessage } from '../../common/redact';
import { WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const SECRET = 'Tr0ub4dor&3';

function slaveWithLogon(logon: string, ending = '\r\n'): string {
  return nodeText(withValues(WINDOWS_SLAVE, { 5: logon }), ending);
}

/** The same file with line 5 as the redactor should leave it. */
function expectedFile(redactedLogon: string, ending = '\r\n'): string {
  return slaveWithLogon(redactedLogon, ending);
}

test('a plain logon entry keeps path and user and loses the password', () => {
  assert.equal(redactSecrets('\\\\fs01\\icewarp;ICEWARP\\svc-mail;secret'), '\\\\fs01\\icewarp;ICEWARP\\svc-mail;***');
});

test('a password holding `;` goes whole: it is the rest of the entry', () => {
  assert.equal(redactSecrets('\\\\fs01\\share;admin;pa;ss;word'), '\\\\fs01\\share;admin;***');
});

test('every `|`-joined entry loses its password, spaces around `|` included', () => {
  const line = '\\\\fs01\\mail;ICEWARP\\svc;first-secret | \\\\fs02\\spam;ICEWARP\\svc;second;secret|fs03\\x;u;third';
  assert.equal(redactSecrets(line), '\\\\fs01\\mail;ICEWARP\\svc;*** | \\\\fs02\\spam;ICEWARP\\svc;***|fs03\\x;u;***');
});

test('forward-slash and drive-letter entries are entries too', () => {
  assert.equal(redactSecrets('//fs01/share;user;pw1'), '//fs01/share;user;***');
  assert.equal(redactSecrets('D:\\share;user;pw2'), 'D:\\share;user;***');
  assert.equal(redactSecrets('\\\\\\fs01\\share;user;pw3'), '\\\\\\fs01\\share;user;***');
});

test('an entry inside a log sentence is found, the sentence kept up to the password', () => {
  const out = redactSecrets(`Could not reach \\\\fs01\\share;svc;${SECRET} | next`);
  assert.ok(!out.includes(SECRET), out);
  assert.ok(out.startsWith('Could not reach \\\\fs01\\share;svc;***'), out);
});

test('text without a logon entry is left alone', () => {
  for (const text of [
    '192.168.10.12;10.0.0.1|192.168.10.12',
    'mx2.example.net;mx3.example.net;mx4.example.net',
    "[Trace - 13:04:16] Sending notification 'textDocument/didOpen'.",
    'Line 5 entry 1 has 2 parts; expected UNC path;user;password',
    'https://chat.example.net/api;v=1;x=2',
    '',
  ]) {
    assert.equal(redactSecrets(text), text);
  }
});

test('a whole CRLF file: only line 5 changes', () => {
  const logon = `\\\\fs01\\icewarp;ICEWARP\\svc-mail;${SECRET}|\\\\fs02\\x;u;p;w`;
  assert.equal(redactNodeFileText(slaveWithLogon(logon)), expectedFile('\\\\fs01\\icewarp;ICEWARP\\svc-mail;***|\\\\fs02\\x;u;***'));
  assert.equal(redactNodeFileText(slaveWithLogon(logon, '\n')), expectedFile('\\\\fs01\\icewarp;ICEWARP\\svc-mail;***|\\\\fs02\\x;u;***', '\n'));
});

test('line 5 of a file is redacted by position: an entry not in the form `UNC path;user;password` goes whole', () => {
  // No path first: the first part may be the tail of a password too.
  assert.equal(redactNodeFileText(slaveWithLogon(`fs01;user;${SECRET}`)), expectedFile('***'));
  // One `;` only: what follows may be a password typed without a user.
  assert.equal(redactNodeFileText(slaveWithLogon(`\\\\fs01\\share;${SECRET}`)), expectedFile('***'));
  // A `|` inside a password: its tail reads as an entry of its own, and goes whole.
  assert.equal(redactNodeFileText(slaveWithLogon(`\\\\fs\\a;user;x|Pw-${SECRET} | \\\\fs\\b;u;p`)), expectedFile('\\\\fs\\a;user;***|*** | \\\\fs\\b;u;***'));
});

test('the redactor masks on line 5 exactly what hover and outline mask (one definition, common/logonSecrets.ts)', () => {
  for (const logon of ['\\\\fs\\a;u;p1', '\\\\fs\\a;p2', 'p3', '\\\\fs\\a;u;p4|tail5 |\\\\fs\\b;u;p6', ' | ;x;y|', 'D:\\x;u;p7;p8']) {
    const line = redactNodeFileText(slaveWithLogon(logon)).split('\r\n')[4];
    const shownByTheService = redactedRemoteLogon(parseNodeFile('file:///c/path.cfg', slaveWithLogon(logon)));
    assert.equal(line, shownByTheService.split(PASSWORD_MASK).join(REDACTED), logon);
  }
});

test('a JSON-escaped file (as the trace prints didOpen) loses the password and stays valid JSON', () => {
  const text = slaveWithLogon(`\\\\fs01\\icewarp;ICEWARP\\svc-mail;${SECRET}`);
  const escaped = JSON.stringify({ text });
  const out = redactSecrets(escaped);
  assert.ok(!out.includes(SECRET), out);
  assert.equal((JSON.parse(out) as { text: string }).text, expectedFile('\\\\fs01\\icewarp;ICEWARP\\svc-mail;***'));
});

test('a twice-escaped file (JSON inside a JSON string) loses the password', () => {
  const text = slaveWithLogon(`\\\\fs01\\icewarp;svc;${SECRET}`);
  const twice = JSON.stringify({ message: JSON.stringify({ text }) });
  const out = redactSecrets(twice);
  assert.ok(!out.includes(SECRET), out);
  const inner = JSON.parse((JSON.parse(out) as { message: string }).message) as { text: string };
  assert.equal(inner.text, expectedFile('\\\\fs01\\icewarp;svc;***'));
});

test('passwords with quotes, backslashes, `\\n` and non-BMP characters are hidden in every form', () => {
  for (const secret of ['a"b\\c', 'x\\ny', 'p\u00e4ss\u{1F511}w', '\\\\evil\\share', ';;;', '"']) {
    const text = slaveWithLogon(`\\\\fs01\\share;user;${secret}`);
    const expected = expectedFile('\\\\fs01\\share;user;***');
    assert.equal(redactNodeFileText(text), expected, `plain, secret ${JSON.stringify(secret)}`);
    assert.equal(redactSecrets(text), expected, `pattern only, secret ${JSON.stringify(secret)}`);
    const escaped = redactSecrets(JSON.stringify(text));
    assert.equal(JSON.parse(escaped), expected, `escaped, secret ${JSON.stringify(secret)}`);
  }
});

test('a verbose didOpen trace chunk is printed again with the password gone', () => {
  const text = slaveWithLogon(`\\\\fs01\\icewarp;ICEWARP\\svc-mail;${SECRET}`);
  const params = { textDocument: { uri: 'file:///c/path.cfg', languageId: 'icewarp-pathcfg', version: 1, text } };
  const chunk = `Params: ${JSON.stringify(params, null, 4)}\n\n`;
  const out = redactTraceMessage(chunk);
  assert.ok(!out.includes(SECRET), out);
  assert.ok(out.startsWith('Params: {\n    "textDocument": {'), 'printed with the client indentation');
  assert.ok(out.endsWith('}\n\n'));
  const printed = JSON.parse(out.slice('Params: '.length)) as typeof params;
  assert.equal(printed.textDocument.text, expectedFile('\\\\fs01\\icewarp;ICEWARP\\svc-mail;***'));
  assert.equal(printed.textDocument.uri, params.textDocument.uri);
});

test('a keystroke on line 5 is hidden in a didChange trace; one elsewhere is kept', () => {
  const change = (line: number, text: string) => ({
    textDocument: { uri: 'file:///c/path.cfg', version: 2 },
    contentChanges: [{ range: { start: { line, character: 30 }, end: { line, character: 30 } }, rangeLength: 0, text }],
  });
  const onLogon = JSON.parse(redactTraceMessage(`Params: ${JSON.stringify(change(4, 'x'), null, 4)}`).slice(8)) as ReturnType<typeof change>;
  assert.equal(onLogon.contentChanges[0].text, REDACTED);
  const onHostname = JSON.parse(redactTraceMessage(`Params: ${JSON.stringify(change(10, 'x'), null, 4)}`).slice(8)) as ReturnType<typeof change>;
  assert.equal(onHostname.contentChanges[0].text, 'x');
  // A paste above line 5 that brings line breaks can push its text onto line 5.
  const pasted = JSON.parse(redactTraceMessage(`Params: ${JSON.stringify(change(2, '\r\nfs;u;pw'), null, 4)}`).slice(8)) as ReturnType<typeof change>;
  assert.equal(pasted.contentChanges[0].text, REDACTED);
  // A full-text change is a whole file.
  const full = redactTraceMessage(`Params: ${JSON.stringify({ contentChanges: [{ text: slaveWithLogon(`x;y;${SECRET}`) }] })}`);
  assert.ok(!full.includes(SECRET), full);
});

test('an edit in a response (a quick fix on line 5) is hidden; the rest of the response is not', () => {
  const result = [
    { title: 'Trim whitespace', edit: { changes: { 'file:///c/path.cfg': [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 40 } }, newText: `\\\\fs\\s;u;${SECRET}` }] } } },
    { title: 'Use the next free Server ID', edit: { changes: { 'file:///c/path.cfg': [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, newText: '13' }] } } },
  ];
  const out = redactTraceMessage(`Result: ${JSON.stringify(result, null, 4)}\n\n`);
  assert.ok(!out.includes(SECRET), out);
  const printed = JSON.parse(out.slice('Result: '.length)) as typeof result;
  assert.equal(printed[0].edit.changes['file:///c/path.cfg'][0].newText, REDACTED);
  assert.equal(printed[1].edit.changes['file:///c/path.cfg'][0].newText, '13');
  assert.equal(printed[1].title, 'Use the next free Server ID');
});

test('the JSON trace format (one compact message per line) is redacted by structure too', () => {
  const message = { type: 'send-notification', message: { method: 'textDocument/didOpen', params: { textDocument: { text: slaveWithLogon(`fs01;u;${SECRET}`) } } } };
  const out = redactTraceMessage(JSON.stringify(message));
  assert.ok(!out.includes(SECRET), out);
  assert.doesNotThrow(() => JSON.parse(out));
});

test('chunks that only look like JSON fall back to the text scanner', () => {
  const out = redactTraceMessage(`Params: {"text": "\\\\\\\\fs\\\\s;u;${SECRET}\\r\\n" (truncated`);
  assert.ok(!out.includes(SECRET), out);
});

test('redactStructure leaves values without secrets as they were', () => {
  const value = { uri: 'file:///x', diagnostics: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } }, message: 'a;b;c', code: 'remote-logon-malformed' }], n: 1, ok: true, none: null };
  assert.deepEqual(redactStructure(value), value);
});

// -----------------------------------------------------------------------------------------------
// Properties: for any password and any line-5 shape, in any form the trace can print it.

const noBreaks = (chars: fc.Arbitrary<string>) => chars.filter((s) => !/[\r\n|]/.test(s));
// The parser trims entries, so a password never ends in a space or tab.
const password = noBreaks(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 })).filter((s) => !/[ \t]$/.test(s));
// Windows account names cannot hold `"` or `;` (DOMAIN\user has its backslash).
const user = noBreaks(fc.string({ unit: 'grapheme-ascii', maxLength: 12 })).filter((s) => !/[;"]/.test(s));
const share = fc.stringMatching(/^(\\\\|\\\\\\|\/\/|\\)[a-z0-9.-]{1,10}([\\/][a-z0-9$ _-]{1,10}){0,3}$/);
// Folder names neither start nor end with a space (Windows strips trailing ones). A space before
// a backslash would look like the start of a new UNC path in escaped text: the scanner then hides
// more than the password, which the next property allows.
const uncShare = fc.stringMatching(/^\\\\[a-z0-9.-]{1,10}(\\[a-z0-9$_-]([a-z0-9$ _-]{0,8}[a-z0-9$_-])?){1,3}$/);
const entry = fc.record({ share, user, password });
const separator = fc.constantFrom('|', ' | ', '|  ');
const logonLine = fc.tuple(fc.array(entry, { minLength: 1, maxLength: 3 }), separator);
const ending = fc.constantFrom('\r\n', '\n');

function build(entries: { share: string; user: string; password: string }[], bar: string, hide: boolean): string {
  return entries.map((e) => `${e.share};${e.user};${hide ? REDACTED : e.password}`).join(bar);
}

test('property: a file redacted by position equals the file with *** for each password', () => {
  fc.assert(
    fc.property(logonLine, ending, ([entries, bar], eol) => {
      const text = slaveWithLogon(build(entries, bar, false), eol);
      assert.equal(redactNodeFileText(text), slaveWithLogon(build(entries, bar, true), eol));
    }),
    { numRuns: 500 },
  );
});

test('property: JSON-escaped once or twice, a \\\\server entry loses exactly its password', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ share: uncShare, user, password }), { minLength: 1, maxLength: 3 }), separator, ending, fc.constantFrom(1, 2), (entries, bar, eol, times) => {
      let printed = slaveWithLogon(build(entries, bar, false), eol);
      for (let i = 0; i < times; i++) printed = JSON.stringify({ text: printed });
      let out = redactSecrets(printed);
      for (let i = 0; i < times; i++) out = (JSON.parse(out) as { text: string }).text;
      assert.equal(out, slaveWithLogon(build(entries, bar, true), eol));
    }),
    { numRuns: 500 },
  );
});

test('property: JSON-escaped once or twice, any entry shape never keeps its password (hiding more is allowed)', () => {
  fc.assert(
    fc.property(logonLine, ending, fc.constantFrom(1, 2), ([entries, bar], eol, times) => {
      let printed = slaveWithLogon(build(entries, bar, false), eol);
      for (let i = 0; i < times; i++) printed = JSON.stringify({ text: printed });
      const out = redactSecrets(printed);
      for (const e of entries) {
        let needle = `;${e.user};${e.password}`;
        for (let i = 0; i < times; i++) needle = JSON.stringify(needle).slice(1, -1);
        assert.ok(!out.includes(needle), `${JSON.stringify(needle)} in ${out}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('property: the structured trace of didOpen never prints a password', () => {
  fc.assert(
    fc.property(logonLine, ending, ([entries, bar], eol) => {
      const text = slaveWithLogon(build(entries, bar, false), eol);
      const chunk = `Params: ${JSON.stringify({ textDocument: { uri: 'file:///p/path.dat', text } }, null, 4)}\n\n`;
      const printed = JSON.parse(redactTraceMessage(chunk).slice(8)) as { textDocument: { text: string } };
      assert.equal(printed.textDocument.text, slaveWithLogon(build(entries, bar, true), eol));
    }),
    { numRuns: 500 },
  );
});

test('redaction is linear: long runs of entry starts, semicolons or spaces cost a bounded multiple of a split', () => {
  // Each shape used to make a pattern rescan the rest of the line from every candidate position
  // (about 10^6 splits); looking at each character in JavaScript costs a few hundred.
  const fastest = (run: () => void) => {
    let best = Infinity;
    for (let index = 0; index < 3; index++) {
      const start = performance.now();
      run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  const shapes: Record<string, string> = {
    'entry starts and one `;`': `${' //x'.repeat(16_384)};`,
    'drive letters and one `;`': `${' C:\\x'.repeat(16_384)};`,
    'JSON-escaped UNC prefixes and one `;`': `${' \\\\\\\\x'.repeat(16_384)};`,
    'a trace chunk of spaces': `Params: {"text": "${' '.repeat(65_536)}x"}${' '.repeat(65_536)}x`,
  };
  for (const [what, text] of Object.entries(shapes)) {
    let split = Infinity;
    let cost = Infinity;
    // Interleaved, so that both sides see the same machine.
    for (let round = 0; round < 3; round++) {
      split = Math.min(split, fastest(() => text.split(/\r\n|\n|\r/)));
      cost = Math.min(cost, fastest(() => {
        redactSecrets(text);
        redactTraceMessage(text);
        redactNodeFileText(text);
      }));
    }
    assert.ok(cost < 5_000 * split, `${what}: ${cost.toFixed(1)} ms, ${(cost / split).toFixed(0)} splits (${split.toFixed(3)} ms)`);
  }
});
