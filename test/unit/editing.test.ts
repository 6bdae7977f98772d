// Hover, inlay hints, outline, completion and semantic tokens in the protocol-free service.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  FIELDS,
  NodeFile,
  TOKEN_TYPES,
  Workspace,
  completions,
  documentSymbols,
  hover,
  inlayHints,
  parseNodeFile,
  semanticTokens,
} from '../../server/src/service';
import { LINUX_MASTER, WINDOWS_SLAVE, nodeText, withValues } from './helpers';

const parse = (text: string, uri = 'file:///ws/a/path.dat') => parseNodeFile(uri, text);
const hoverText = (node: NodeFile, line: number, character = 0) => hover(node, { line, character })?.markdown ?? '';

function workspaceOf(...nodes: NodeFile[]): Workspace {
  const workspace = new Workspace();
  for (const node of nodes) workspace.set(node);
  return workspace;
}

describe('hover', () => {
  test('every line 1-17 names its field and shows its docs from the table', () => {
    const node = parse(nodeText(LINUX_MASTER, '\n', 17));
    for (const field of FIELDS) {
      const text = hoverText(node, field.line - 1);
      assert.ok(text.startsWith(`**${field.title}** · line ${field.line}`), text);
      assert.ok(text.includes(field.docs));
    }
  });

  test('says what a value means, and what an empty line means', () => {
    const slave = parse(nodeText(withValues(WINDOWS_SLAVE, { 2: '  ' })));
    assert.ok(hoverText(slave, 13).includes("`1`: this server is a slave; the console's 'master mode' box is off"));
    assert.ok(hoverText(parse(nodeText(LINUX_MASTER)), 13).includes("`0`: this server is the master"));
    assert.ok(hoverText(parse(nodeText(withValues(LINUX_MASTER, { 14: '' }))), 13).includes('empty: this server is the master, as with 0'));
    assert.ok(hoverText(parse(nodeText(withValues(LINUX_MASTER, { 14: 'x' }))), 13).includes('not a value IceWarp knows'));
    assert.ok(hoverText(slave, 1).includes('empty (only whitespace): IceWarp uses its default (`C:\\Program Files\\IceWarp\\html\\` on Windows'));
    assert.ok(hoverText(slave, 0).includes('server `fs01`, share `icewarp`'));
    assert.ok(hoverText(slave, 7).includes('a local path on drive `D:`'));
    assert.ok(hoverText(slave, 9).includes('Outgoing binding: `192.168.10.12`'));
    assert.ok(hoverText(slave, 10).includes('It is listed as a slave on line 16.'));
    assert.ok(hoverText(slave, 15).includes('2 slave hosts: `mx2.example.net`, `mx3.example.net`'));
    const master = parse(nodeText(LINUX_MASTER));
    assert.ok(hoverText(master, 14).includes('That is this server itself (line 11).'));
    assert.ok(hoverText(master, 0).includes('a POSIX (Linux) path'));
  });

  test('lines after 17 say IceWarp does not read them; lines past the end have no hover', () => {
    const node = parse(nodeText({ ...LINUX_MASTER, 18: 'example linux master node' }, '\n', 18));
    assert.ok(hoverText(node, 17).includes('IceWarp does not read lines after 17'));
    assert.equal(hover(parse('4\n'), { line: 5, character: 0 }), undefined);
  });

  test('examples follow the platform of the file: no Windows path in the hover of a Linux file, and the other way round', () => {
    const linux = parse(nodeText(withValues(LINUX_MASTER, { 13: '' })));
    for (const line of [8, 9, 13]) {
      const text = hoverText(linux, line - 1);
      assert.doesNotMatch(text, /\\\\|[A-Z]:\\/, `line ${line}: ${text}`);
    }
    assert.ok(hoverText(linux, 7).includes("IceWarp's default on Linux: `/opt/icewarp/mailqueues/_outgoing/`"), hoverText(linux, 7));
    assert.ok(hoverText(linux, 12).includes('empty: IceWarp uses its default (`/opt/icewarp/mailqueues/_incoming/` on Linux).'), hoverText(linux, 12));
    const windows = parse(nodeText(WINDOWS_SLAVE, '\r\n'));
    const outgoing = hoverText(windows, 7);
    assert.ok(outgoing.includes("IceWarp's default on Windows: `C:\\Program Files\\IceWarp\\mail\\_outgoing\\`"), outgoing);
    assert.doesNotMatch(outgoing, /\/opt\//);
  });

  test('a value with backticks stays one code span', () => {
    const node = parse(nodeText({ 11: 'a`b' }));
    assert.ok(hoverText(node, 10).includes('``a`b``'));
  });
});

describe('inlay hints', () => {
  test('one hint at the end of every line 1-17, empty lines included', () => {
    const node = parse(nodeText(LINUX_MASTER, '\r\n', 17));
    const hints = inlayHints(node);
    assert.deepEqual(hints.map((hint) => hint.label), FIELDS.map((field) => `← ${field.title}`));
    assert.deepEqual(hints[3].position, { line: 3, character: 2 });
    assert.deepEqual(hints[1].position, { line: 1, character: 0 });
  });

  test('only the requested range; lines after 17 with text say they are not read', () => {
    const node = parse(nodeText({ ...LINUX_MASTER, 19: 'leftover' }, '\n', 19));
    assert.deepEqual(inlayHints(node, { start: { line: 13, character: 0 }, end: { line: 14, character: 0 } }).map((hint) => hint.label), ['← Slave flag', '← Master host']);
    const late = inlayHints(node, { start: { line: 17, character: 0 }, end: { line: 19, character: 0 } });
    assert.deepEqual(late.map((hint) => hint.label), ['← not read (line 19)'], 'an empty line 18 gets no hint');
  });

  test('a deleted line re-labels everything below it', () => {
    const lines = nodeText(LINUX_MASTER).split('\n');
    lines.splice(2, 1); // line 3 goes: the Server ID "11" is now read as line 3
    const hints = inlayHints(parse(lines.join('\n')));
    assert.equal(hints[2].label, '← (reserved)');
    assert.deepEqual(hints[2].position, { line: 2, character: 2 });
  });
});

describe('outline', () => {
  test('17 fields in order, missing lines included, values shown, passwords masked', () => {
    const node = parse(nodeText(WINDOWS_SLAVE, '\n', 16));
    const symbols = documentSymbols(node);
    assert.deepEqual(symbols.map((symbol) => symbol.name), FIELDS.map((field) => `${field.line} ${field.title}`));
    assert.equal(symbols[4].detail, '\\\\fs01\\icewarp;ICEWARP\\svc-mail;••••');
    assert.deepEqual(symbols[4].children.map((child) => [child.name, child.detail]), [['\\\\fs01\\icewarp', 'ICEWARP\\svc-mail · ••••']]);
    const short = documentSymbols(parse('\\\\fs01\\c\\'));
    assert.equal(short.length, 17);
    assert.equal(short[16].detail, '(empty)');
  });

  test('lines after 17 are listed without their text (templates keep credentials there)', () => {
    const symbols = documentSymbols(parse(nodeText({ ...LINUX_MASTER, 18: '\\\\fs\\s;user;hunter2' }, '\n', 18)));
    assert.equal(symbols.length, 18);
    assert.ok(!JSON.stringify(symbols).includes('hunter2'));
  });
});

describe('completion', () => {
  test('path defaults follow the style of the other paths, else both with the likelier first', () => {
    // A blank file also gets the whole-file snippets (wholeFileCompletion.test.ts): the path defaults only here.
    const labels = (text: string, line: number) =>
      completions(parse(text), { line, character: 0 }, workspaceOf(parse(text)))
        .filter((item) => item.kind !== 'snippet')
        .map((item) => item.label);
    assert.deepEqual(labels(nodeText(withValues(WINDOWS_SLAVE, { 13: '' })), 12), ['C:\\Program Files\\IceWarp\\mail\\_incoming\\']);
    assert.deepEqual(labels(nodeText(withValues(LINUX_MASTER, { 13: '' })), 12), ['/opt/icewarp/mailqueues/_incoming/']);
    assert.deepEqual(labels(nodeText({}, '\r\n'), 12), ['C:\\Program Files\\IceWarp\\mail\\_incoming\\', '/opt/icewarp/mailqueues/_incoming/']);
    assert.deepEqual(labels(nodeText({}), 12), ['/opt/icewarp/mailqueues/_incoming/', 'C:\\Program Files\\IceWarp\\mail\\_incoming\\']);
    // The retry queue under the outgoing queue comes first.
    assert.equal(labels(nodeText(withValues(WINDOWS_SLAVE, { 9: '' })), 8)[0], 'D:\\IceWarp\\queues\\_outgoing\\retry\\');
  });

  test("a common folder offers what the cluster's other nodes use", () => {
    const peer = parse(nodeText(withValues(LINUX_MASTER, { 1: '/mnt/shared/config/', 11: 'mx2.example.net', 14: '1' })), 'file:///ws/mx2/path.dat');
    const node = parse(nodeText(withValues(LINUX_MASTER, { 1: '' })));
    const items = completions(node, { line: 0, character: 0 }, workspaceOf(node, peer));
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['/mnt/shared/config/', 'used by mx2/path.dat'],
      ['/opt/icewarp/config/', "IceWarp's default on Linux"],
    ]);
  });

  test('line 14 offers 0 and 1 even when one is typed; the edit replaces the whole value', () => {
    const node = parse(nodeText(withValues(LINUX_MASTER, { 14: '1' })));
    const items = completions(node, { line: 13, character: 1 }, workspaceOf(node));
    assert.deepEqual(items.map((item) => item.label), ['0', '1']);
    for (const item of items) assert.ok(item.filterText?.startsWith('1'), 'both survive the editor filtering by "1"');
    assert.deepEqual(items[0].edit.range, { start: { line: 13, character: 0 }, end: { line: 13, character: 1 } });
  });

  test('line 16 replaces the host under the cursor and offers no host twice', () => {
    const other = parse(nodeText(withValues(LINUX_MASTER, { 11: 'mx5.example.net', 16: 'mx2.example.net;mx6.example.net' })), 'file:///ws/b/path.dat');
    const node = parse(nodeText(withValues(LINUX_MASTER, { 16: 'mx2.example.net;mx' })));
    const items = completions(node, { line: 15, character: 18 }, workspaceOf(node, other));
    const labels = items.map((item) => item.label);
    assert.ok(!labels.includes('mx2.example.net'));
    assert.deepEqual(labels.slice(0, 2), ['mx1.example.net', 'mx5.example.net'], 'node hostnames first');
    assert.ok(labels.includes('mx6.example.net'), 'a slave named by another node');
    assert.deepEqual(items[0].edit.range, { start: { line: 15, character: 16 }, end: { line: 15, character: 18 } });
  });

  test('lines 15 and 16 offer node hostnames first, labelled with their folder, then hosts without a node file, marked so', () => {
    const host = (letter: string) => `mail-${letter}.corp.example.com`;
    const values = (letter: string, changes: Record<number, string> = {}) =>
      withValues(LINUX_MASTER, { 11: host(letter), 15: host('a'), 16: `${host('b')};${host('c')};${host('d')}`, ...changes });
    const a = parse(nodeText(values('a', { 16: '' })), 'file:///ws/node-a/path.dat');
    const b = parse(nodeText(values('b', { 14: '1' })), 'file:///ws/node-b/path.dat');
    const c = parse(nodeText(values('c', { 14: '1' })), 'file:///ws/node-c/path.dat');
    const items = completions(a, { line: 15, character: 0 }, workspaceOf(a, b, c));
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      [host('a'), 'this server: hostname of node-a/path.dat'],
      [host('b'), 'hostname of node-b/path.dat'],
      [host('c'), 'hostname of node-c/path.dat'],
      [host('d'), 'no node file in the workspace'],
    ]);
    assert.deepEqual(items.map((item) => item.sortText[0]), ['0', '0', '0', '1']);
  });

  test('lines 15 and 16 never offer a value that carries a diagnostic: a typo, an invalid host, two hosts run together', () => {
    const host = (letter: string) => `mail-${letter}.corp.example.com`;
    const values = (letter: string, changes: Record<number, string> = {}) => withValues(LINUX_MASTER, { 11: host(letter), 15: host('a'), 16: `${host('b')};${host('c')}`, ...changes });
    const a = parse(nodeText(values('a')), 'file:///ws/node-a/path.dat');
    const typo = 'mail-c.corp.exmaple.com';
    const b = parse(nodeText(values('b', { 14: '1', 16: `${host('b')};${typo};mail_x.corp.example.com;${host('b')}${host('c')}` })), 'file:///ws/node-b/path.dat');
    const c = parse(nodeText(values('c', { 14: '1' })), 'file:///ws/node-c/path.dat');
    const labels = completions(a, { line: 14, character: 0 }, workspaceOf(a, b, c)).map((item) => item.label);
    assert.deepEqual(labels, [host('a'), host('b'), host('c')]);
  });

  test('line 4 offers the next free Server ID of the cluster (one past the highest), written as the cluster writes them', () => {
    const peer = (id: string, folder: string) => parse(nodeText(withValues(LINUX_MASTER, { 4: id })), `file:///ws/${folder}/path.dat`);
    const stranger = parse(nodeText({ 1: '/mnt/b/config/', 4: '3', 11: 'b1.example.org', 15: 'b1.example.org' }), 'file:///ws/other/path.dat');
    const node = parse(nodeText(withValues(LINUX_MASTER, { 4: '' })));
    assert.deepEqual(completions(node, { line: 3, character: 0 }, workspaceOf(node, peer('1', 'b'), peer('2', 'c'), stranger)).map((item) => item.label), ['3']);
    assert.deepEqual(completions(node, { line: 3, character: 0 }, workspaceOf(node, peer('01', 'b'), peer('17', 'c'))).map((item) => item.label), ['18']);
  });
});

describe('semantic tokens', () => {
  test('the manifest declares every token type with a superType and a scope', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    const declared: { id: string; superType?: string }[] = manifest.contributes.semanticTokenTypes;
    assert.deepEqual(declared.map((type) => type.id).sort(), [...TOKEN_TYPES].sort());
    assert.ok(declared.every((type) => type.superType));
    const scopes = manifest.contributes.semanticTokenScopes[0].scopes;
    assert.deepEqual(Object.keys(scopes).sort(), [...TOKEN_TYPES].sort());
    assert.equal(manifest.contributes.configuration.properties['icewarp.inlayHints.enable'].default, true);
  });

  test('the same text is a token by its line, not its shape', () => {
    const node = parse(nodeText({ 3: '12', 4: '12', 14: '1', 17: 'https://mx1.example.net/x' }));
    const types = semanticTokens(node).map((token) => `${token.line + 1}:${token.type}`);
    assert.deepEqual(types, ['4:serverId', '14:roleFlag', '17:url']);
    const deprecated = semanticTokens(parse(nodeText({ 6: '/mnt/spam/' })));
    assert.deepEqual(deprecated.map((token) => token.modifiers), [['deprecated']]);
  });

  test('tokens are sorted, single-line, inside their line and never overlap, for any input', () => {
    const lineArbitrary = fc.oneof(
      fc.constantFrom('', '\\\\fs01\\share\\x\\', '\\\\\\a', '\\\\s', '//a/b', 'D:\\x', '/opt/x/', '1', '10.0.0.1|a;;b', 'a;b;c|', '\\\\s\\h;u;p|x;;'),
      fc.string({ unit: fc.constantFrom('\\', '/', ';', '|', ' ', 'a', '1', '.', ':', '\t') }),
    );
    fc.assert(
      fc.property(fc.array(lineArbitrary, { maxLength: 22 }), fc.constantFrom('\n', '\r\n'), (lines, ending) => {
        const node = parse(lines.join(ending));
        const tokens = semanticTokens(node);
        let previousEnd = { line: -1, character: 0 };
        for (const token of tokens) {
          const line = node.lines[token.line];
          assert.ok(token.length > 0);
          assert.ok(token.character >= line.column && token.character + token.length <= line.column + line.text.length);
          assert.ok(token.line > previousEnd.line || token.character >= previousEnd.character, 'sorted and not overlapping');
          previousEnd = { line: token.line, character: token.character + token.length };
        }
      }),
    );
  });
});

test('no password reaches hover, outline, hints, completion or tokens, whatever line 5 holds', () => {
  fc.assert(
    fc.property(
      // Letters, two digits and a symbol: text no doc string or default path contains by chance.
      fc.stringMatching(/^[A-Za-z]{3,8}[0-9]{2}[!#%&*+=?@^_~-][A-Za-z0-9]{0,5}$/),
      fc.constantFrom('\\\\fs01\\icewarp;ICEWARP\\svc;', '\\\\fs01\\icewarp ; u ;', '//fs01/x;u;', '\\\\s\\h;u;a;'),
      (password, prefix) => {
        const text = nodeText(withValues(WINDOWS_SLAVE, { 5: `${prefix}${password} | \\\\fs02\\y;v;${password}` }));
        const node = parse(text);
        const workspace = workspaceOf(node);
        const shown: unknown[] = [documentSymbols(node), inlayHints(node)];
        for (let character = 0; character <= node.lines[4].text.length; character++) {
          shown.push(hover(node, { line: 4, character }), completions(node, { line: 4, character }, workspace));
        }
        assert.ok(!JSON.stringify(shown).includes(password), `password shown: ${password}`);
      },
    ),
  );
});

test('an entry with two parts is shown masked, whole: its second part may be the password', () => {
  const node = parse(nodeText(withValues(WINDOWS_SLAVE, { 5: '\\\\fs01\\icewarp;Hunter2-x' })));
  const shown = JSON.stringify([hover(node, { line: 4, character: 20 }), documentSymbols(node)]);
  assert.ok(!shown.includes('Hunter2-x'), shown);
  assert.ok(shown.includes('••••'));
  assert.deepEqual(
    semanticTokens(node).filter((token) => token.line === 4).map((token) => token.type),
    ['password'],
  );
});
