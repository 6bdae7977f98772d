// Property-based fuzzing of the language service over random and mutated real files, other
// programs' files and hostile long runs: the classifier, the parser, every rule and every editor
// feature never throw, every range lies inside its document, every quick fix applies cleanly and
// adds no error, no output carries a line-5 password, and a mutated IceWarp file stays IceWarp.
//
// ICEWARP_FUZZ_RUNS sets the number of cases (default 10,000 with a fixed seed; `npm run fuzz`
// runs 200,000 new ones). A failure prints fast-check's seed and path; replay it with
// ICEWARP_FUZZ_SEED / ICEWARP_FUZZ_PATH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DIAGNOSTIC_CODES,
  FIELDS,
  FieldSymbol,
  LINE_MOVING_FIXES,
  NodeFile,
  type Position,
  type Range,
  ServiceDiagnostic,
  type TextEdit,
  Workspace,
  classifyNodeFile,
  completions,
  documentSymbols,
  fixAll,
  fixesFor,
  hostKey,
  hover,
  inlayHints,
  isShiftedLine,
  parseNodeFile,
  secretsOf,
  semanticTokens,
  shiftOf,
  validate,
} from '../../server/src/service';

const RUNS = Number(process.env.ICEWARP_FUZZ_RUNS ?? 10_000);
/**
 * `npm test` replays the same 10,000 cases every time (a fixed seed: CI stays deterministic);
 * `npm run fuzz` (ICEWARP_FUZZ_RUNS set) explores new ones on every run.
 */
const FIXED_SEED = 20_261_125;
const REPLAY = process.env.ICEWARP_FUZZ_SEED
  ? { seed: Number(process.env.ICEWARP_FUZZ_SEED), path: process.env.ICEWARP_FUZZ_PATH }
  : process.env.ICEWARP_FUZZ_RUNS
    ? {}
    : { seed: FIXED_SEED };

// ---------------------------------------------------------------------------------------------
// Inputs

const FIXTURE_DIR = path.resolve(__dirname, '../fixtures');
/** Other programs' path.dat / path.cfg (robot waypoints, INI, YAML...): the classifier's foreign shapes. */
const FOREIGN_DIR = path.join(FIXTURE_DIR, 'foreign');

function fixtureTexts(dir: string, skip?: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full === skip) return [];
    return statSync(full).isDirectory() ? fixtureTexts(full, skip) : [readFileSync(full, 'utf8')];
  });
}

const ICEWARP_FIXTURES = fixtureTexts(FIXTURE_DIR, FOREIGN_DIR);
const FOREIGN_FIXTURES = fixtureTexts(FOREIGN_DIR);
const FIXTURES = [...ICEWARP_FIXTURES, ...FOREIGN_FIXTURES];
const FIXTURE_LINES = [...new Set(ICEWARP_FIXTURES.flatMap((text) => text.split(/\r\n|\n|\r/)))];
const FOREIGN_LINES = [...new Set(FOREIGN_FIXTURES.flatMap((text) => text.split(/\r\n|\n|\r/)))];

/** Pieces real and broken values are made of. */
const FRAGMENTS = [
  '\\\\', '\\\\\\', '\\', '//', '/', 'fs01', 'share', 'icewarp', 'config', 'C:', 'D:\\', 'c:/', '$', '.', '..', '~',
  ';', '|', ',', ' ', '  ', '\t', ' | ', ':', '=', '"', '<', '>', '?', '*',
  '10.0.0.1', '192.168.10.12', '::1', 'fe80::1%eth0', '256.1.1.1', '0.0.0.0', '127.0.0.1',
  'mx1.example.net', 'mx2', '-bad-.x', 'a..b', 'localhost', 'https://', 'http://x:99999/', 'https://chat.example.net/api',
  '0', '1', '2', '11', '123', 'AB', '_', 'temp', 'tmp', 'retry', '_outgoing', '_incoming', 'license.key', '/opt/icewarp/', 'Program Files\\IceWarp\\',
  'ICEWARP\\svc-mail', 'secret', '\u0000', '\uFEFF', '\uD800', '\uDC00', '\u{1F511}', 'é', '\u200B', '\u00A0', '\u2028', '\r', '\n', '\r\n',
];

const fragmentLine = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(''));
/** Any UTF-16 text, lone surrogates and control characters included. */
const unicodeLine = fc.string({ unit: 'binary', maxLength: 40 });
const asciiLine = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });
const fixtureLine = fc.constantFrom(...FIXTURE_LINES);
/** A line of another program's file: `key=value`, `[section]`, `key: value`, numbers, JSON, code... */
const foreignLine = fc.oneof(
  fc.constantFrom(...FOREIGN_LINES),
  fc.tuple(fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/), fc.constantFrom('=', ' = ', ': ', ':'), fragmentLine).map(([key, sign, value]) => `${key}${sign}${value}`),
  fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 4 }).map((numbers) => numbers.map((n) => n.toExponential(7).toUpperCase()).join('   ')),
);
/**
 * The hostile shape: a long run of one character class inside a value (the shape that made
 * `/[ \t]+$/` quadratic), a few thousand characters long so a case stays fast.
 */
const HOSTILE_UNITS = [' ', '\t', '\\', '/', ';', '|', ',', 'a', '7', '.', '\u0000', 'é', '\u{1F511}', '`', '=', ':', '\uD800'];
const hostileLine = fc
  .tuple(fc.constantFrom('', 'x', '\\\\fs\\s', 'https://x', '/opt/'), fc.constantFrom(...HOSTILE_UNITS), fc.integer({ min: 256, max: 4_096 }), fc.constantFrom('', 'x', ';', '|'))
  .map(([head, unit, count, tail]) => `${head}${unit.repeat(count)}${tail}`);
/** A line 5 whose password is long and unique, so a leak of it is unambiguous. */
const logonEntry = fc.tuple(
  fc.constantFrom('\\\\fs01\\icewarp', '\\\\nas\\mail$', '//fs02/x', 'fs03', ''),
  fc.constantFrom('svc', 'ICEWARP\\svc-mail', ''),
  // `|` too: a password holding one reads as two entries, the tail looking like a path at times.
  fc.oneof(fc.stringMatching(/^[A-Za-z0-9;!"#&'()*+,.\/:<=>?@\[\\\]^_`{}~ -]{0,10}$/), fc.constantFrom('|//x/y', '|\\\\a\\b', '|//a/b;c', ' | //z/w')),
);
const logonLine = fc
  .tuple(fc.array(logonEntry, { minLength: 1, maxLength: 3 }), fc.constantFrom('|', ' | '))
  .map(([entries, bar]) => entries.map(([share, user, tail]) => `${share};${user};Pw${tail}Zx9`).join(bar));
const anyLine = fc.oneof(
  { weight: 3, arbitrary: fixtureLine },
  { weight: 3, arbitrary: fragmentLine },
  { weight: 1, arbitrary: unicodeLine },
  { weight: 1, arbitrary: asciiLine },
  { weight: 1, arbitrary: foreignLine },
);

const ending = fc.constantFrom('\n', '\r\n', '\r');

/** A file of 0-25 lines, endings mixed per line, maybe a BOM, maybe a final ending. */
const generatedFile = fc
  .record({
    lines: fc.array(fc.tuple(anyLine, ending), { maxLength: 25 }),
    line5: fc.option(logonLine, { nil: undefined }),
    bom: fc.boolean(),
    finalEnding: fc.boolean(),
  })
  .map(({ lines, line5, bom, finalEnding }) => {
    const parts = lines.map(([text, eol]) => [text, eol]);
    if (line5 !== undefined && parts.length >= 5) parts[4][0] = line5;
    let text = parts.map(([line, eol], index) => line + (index < parts.length - 1 || finalEnding ? eol : '')).join('');
    if (bom) text = '\uFEFF' + text;
    return text;
  });

type Mutation =
  | { kind: 'replace-line'; at: number; text: string }
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'delete-line'; at: number }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'delete-text'; at: number; length: number }
  | { kind: 'ending'; eol: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace-line' as const), at: fc.nat(20), text: fc.oneof(anyLine, logonLine) }),
  fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(20), text: anyLine }),
  // An empty line inserted: the shape of a file shifted down by one (lines-shifted).
  fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(17), text: fc.constant('') }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('insert-text' as const), at: fc.nat(600), text: fc.oneof(fc.constantFrom(...FRAGMENTS), unicodeLine) }),
  fc.record({ kind: fc.constant('delete-text' as const), at: fc.nat(600), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('ending' as const), eol: ending }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  for (const change of mutations) {
    const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
    const at = (n: number, length: number) => Math.min(n, length);
    switch (change.kind) {
      case 'replace-line': {
        const index = at(change.at, lines.length - 1);
        const eol = /\r\n|\n|\r$/.exec(lines[index] ?? '')?.[0] ?? '';
        lines[index] = change.text + eol;
        text = lines.join('');
        break;
      }
      case 'insert-line':
        lines.splice(at(change.at, lines.length), 0, change.text + '\n');
        text = lines.join('');
        break;
      case 'delete-line':
        lines.splice(at(change.at, lines.length - 1), 1);
        text = lines.join('');
        break;
      case 'insert-text': {
        const offset = at(change.at, text.length);
        text = text.slice(0, offset) + change.text + text.slice(offset);
        break;
      }
      case 'delete-text': {
        const offset = at(change.at, text.length);
        text = text.slice(0, offset) + text.slice(offset + change.length);
        break;
      }
      case 'ending':
        text = text.replace(/\r\n|\n|\r/g, change.eol);
        break;
    }
  }
  return text;
}

const mutatedFixture = fc.tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, mutations]) => mutate(text, mutations));
/** A fixture with one field (or a line after 17) holding a long run of one character class. */
const hostileFile = fc
  .tuple(fc.constantFrom(...ICEWARP_FIXTURES), fc.nat(19), hostileLine)
  .map(([text, at, line]) => mutate(text, [{ kind: 'replace-line', at, text: line }]));
const anyFile = fc.oneof({ weight: 4, arbitrary: generatedFile }, { weight: 4, arbitrary: mutatedFixture }, { weight: 1, arbitrary: hostileFile });

// ---------------------------------------------------------------------------------------------
// Checks

const throwingRules = {
  onRuleError: (code: string, error: unknown) => {
    throw new Error(`rule ${code} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  },
};

/** Line lengths as LSP counts them (UTF-16, the BOM is character 0 of line 0). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((line) => line.length);
}

function assertPositionInside(position: Position, lengths: readonly number[], what: string): void {
  assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < lengths.length, `${what}: line ${position.line} outside 0..${lengths.length - 1}`);
  assert.ok(
    Number.isInteger(position.character) && position.character >= 0 && position.character <= lengths[position.line],
    `${what}: character ${position.character} outside line ${position.line} of length ${lengths[position.line]}`,
  );
}

function assertRangeInside(range: Range, lengths: readonly number[], what: string): void {
  assertPositionInside(range.start, lengths, `${what} start`);
  assertPositionInside(range.end, lengths, `${what} end`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: start after end`);
}

function errorCounts(diagnostics: readonly ServiceDiagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return counts;
}

function assertEditsApplyCleanly(text: string, edits: readonly TextEdit[], what: string): string {
  const lengths = lineLengths(text);
  edits.forEach((edit, index) => assertRangeInside(edit.range, lengths, `${what} edit ${index}`));
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1].range.end;
    const current = sorted[index].range.start;
    assert.ok(previous.line < current.line || (previous.line === current.line && previous.character <= current.character), `${what}: edits overlap`);
  }
  // The editor's own implementation applies them, as VS Code would.
  return TextDocument.applyEdits(TextDocument.create('file:///fuzz/path.cfg', 'icewarp-pathcfg', 1, text), [...edits]);
}

/** The strings a user can see or an LSP response carries; none may hold a password. */
function visibleStrings(node: NodeFile, workspace: Workspace, diagnostics: readonly ServiceDiagnostic[], positions: readonly Position[]): string[] {
  const strings: string[] = [];
  for (const diagnostic of diagnostics) {
    strings.push(diagnostic.message);
    for (const related of diagnostic.related ?? []) strings.push(related.message);
    for (const fix of fixesFor(node, diagnostic, workspace)) strings.push(fix.title, ...fix.edits.map((edit) => edit.newText));
  }
  // Edits travel in LSP responses too: fix-all's as well.
  strings.push(...fixAll(node, workspace).map((edit) => edit.newText));
  const walk = (symbols: readonly FieldSymbol[]) => {
    for (const symbol of symbols) {
      strings.push(symbol.name, symbol.detail);
      walk(symbol.children);
    }
  };
  walk(documentSymbols(node));
  for (const hint of inlayHints(node)) strings.push(hint.label, hint.tooltip);
  for (const position of positions) {
    const result = hover(node, position);
    if (result) strings.push(result.markdown);
    for (const entry of completions(node, position, workspace)) strings.push(entry.label, entry.detail, entry.documentation ?? '');
  }
  return strings;
}

/** The extension's own words (field docs, defaults, code descriptions): a secret that is part of them cannot be told apart from them. */
const PRODUCT_TEXT = stringsIn([FIELDS, DIAGNOSTIC_CODES]).join('\n');

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

/** Everything one node offers, checked against its text. */
function checkNode(node: NodeFile, workspace: Workspace, probes: readonly Position[]): void {
  const lengths = lineLengths(node.text);
  const diagnostics = validate(node, workspace, throwingRules);
  // One diagnostic for the whole file's endings, one for a shift; while a shift is reported, the
  // lines it covers have nothing else to say.
  assert.ok(diagnostics.filter((d) => d.code === 'mixed-line-endings').length <= 1, 'one mixed-line-endings per file');
  const shift = shiftOf(node);
  assert.equal(diagnostics.filter((d) => d.code === 'lines-shifted').length, shift ? 1 : 0, 'a shift is reported once');
  if (shift) {
    const onShifted = diagnostics.filter((d) => d.code !== 'lines-shifted' && d.code !== 'mixed-line-endings' && isShiftedLine(shift, d.range.start.line));
    assert.deepEqual(onShifted.map((d) => `${d.code}@${d.range.start.line + 1}`), [], 'no diagnostic of its own on a shifted line');
  }
  for (const diagnostic of diagnostics) {
    assertRangeInside(diagnostic.range, lengths, `${diagnostic.code} range`);
    for (const related of diagnostic.related ?? []) {
      const other = workspace.get(related.uri);
      assert.ok(other, `${diagnostic.code} related location in an unknown document ${related.uri}`);
      assertRangeInside(related.range, lineLengths(other.text), `${diagnostic.code} related range in ${related.uri}`);
    }
  }

  // Editor features: no throw, ranges inside.
  const positions = probes.map((probe) => ({ line: probe.line % lengths.length, character: probe.character % (lengths[probe.line % lengths.length] + 1) }));
  for (const position of positions) {
    const result = hover(node, position);
    if (result) assertRangeInside(result.range, lengths, 'hover range');
    for (const entry of completions(node, position, workspace)) assertRangeInside(entry.edit.range, lengths, `completion ${entry.label}`);
  }
  const walk = (symbols: readonly FieldSymbol[]) => {
    for (const symbol of symbols) {
      assertRangeInside(symbol.range, lengths, `symbol ${symbol.name}`);
      assertRangeInside(symbol.selectionRange, lengths, `symbol ${symbol.name} selection`);
      walk(symbol.children);
    }
  };
  walk(documentSymbols(node));
  for (const hint of inlayHints(node)) assertPositionInside(hint.position, lengths, `inlay hint ${hint.label}`);
  for (const token of semanticTokens(node)) {
    assertRangeInside({ start: { line: token.line, character: token.character }, end: { line: token.line, character: token.character + token.length } }, lengths, `semantic token ${token.type}`);
  }

  // Quick fixes: each applies cleanly, rewrites no password (nor any piece of line 5 that may be
  // one) and adds no error anywhere in the workspace.
  const keepsSecrets = (fixedText: string, what: string) => {
    for (const secret of secretsOf(node)) assert.ok(fixedText.includes(secret), `${what} rewrites a piece of line 5 that may be a password: ${JSON.stringify(fixedText)}`);
  };
  const fixedAll = assertEditsApplyCleanly(node.text, fixAll(node, workspace), 'fix-all');
  keepsSecrets(fixedAll, 'fix-all');
  keepsItsOwnListing(node, fixedAll, 'fix-all');
  assert.equal(lineLengths(fixedAll).length, lengths.length, 'fix-all never moves lines');
  const errorsBefore = errorCounts([...workspace.all()].flatMap((each) => validate(each, workspace, throwingRules)));
  // What a shifted file holds as IceWarp reads it, every line judged on its own: the baseline of the fix that moves lines back.
  const errorsAsRead = errorCounts([...workspace.all()].flatMap((each) => validate(each, workspace, { ...throwingRules, ignoreShift: true })));
  for (const diagnostic of diagnostics) {
    for (const fix of fixesFor(node, diagnostic, workspace)) {
      const what = `fix ${fix.id} for ${diagnostic.code} at ${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
      const fixedText = assertEditsApplyCleanly(node.text, fix.edits, what);
      // The one named exception to "no fix moves lines": the lines-shifted fix, by one line, never preferred.
      const moved = lineLengths(fixedText).length - lengths.length;
      if (LINE_MOVING_FIXES.has(fix.id)) {
        assert.ok(Math.abs(moved) === 1 && !fix.isPreferred, `${what} moves lines by one (${moved}) and is not preferred`);
      } else {
        assert.equal(moved, 0, `${what} moves lines`);
      }
      // Joining glued entries is, by what it names, a change inside what reads as a password (the
      // `,` of `pw1,\\fs02\...`): offered, never preferred, and its edits carry only the `|`.
      if (fix.id === 'remote-logon-join-entries') assert.deepEqual([...new Set(fix.edits.map((edit) => edit.newText))], ['|'], `${what} writes more than "|"`);
      else keepsSecrets(fixedText, what);
      if (fix.isPreferred) keepsItsOwnListing(node, fixedText, what);
      const fixedWorkspace = new Workspace();
      for (const each of workspace.all()) fixedWorkspace.set(each.uri === node.uri ? parseNodeFile(node.uri, fixedText) : each);
      const errorsAfter = errorCounts([...fixedWorkspace.all()].flatMap((each) => validate(each, fixedWorkspace, throwingRules)));
      if (LINE_MOVING_FIXES.has(fix.id)) {
        // Values moved back are judged by their own fields' rules: no more errors in all.
        const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
        assert.ok(sum(errorsAfter) <= sum(errorsAsRead), `${what} adds errors (${sum(errorsAsRead)} -> ${sum(errorsAfter)}); fixed text ${JSON.stringify(fixedText)}`);
        continue;
      }
      for (const [code, count] of errorsAfter) {
        if (count <= (errorsBefore.get(code) ?? 0)) continue;
        assert.fail(`${what} adds a ${code} error (${errorsBefore.get(code) ?? 0} -> ${count}); fixed text ${JSON.stringify(fixedText)}`);
      }
    }
  }

  // Secrets: a password long enough to be unambiguous (and written nowhere else in the workspace)
  // appears in nothing a user sees.
  // (A mutated peer may hold the same text on a line that is not secret there, and may show it.)
  const written = (secret: string) => workspace.all().reduce((count, each) => count + each.text.split(secret).length - 1, 0);
  const secrets = secretsOf(node).filter((secret) => secret.length >= 5 && written(secret) === 1 && !PRODUCT_TEXT.includes(secret));
  if (secrets.length > 0) {
    let withoutLine5: string[] | undefined;
    for (const shown of visibleStrings(node, workspace, diagnostics, positions)) {
      for (const secret of secrets) {
        if (!shown.includes(secret)) continue;
        // Shown also when line 5 is empty: the text comes from elsewhere (a message's own words
        // such as "(D:\..., \\server\share\...)"), not from the password.
        withoutLine5 ??= shownWithoutLine5(node, workspace, positions);
        assert.ok(withoutLine5.some((other) => other.includes(secret)), `password ${JSON.stringify(secret)} shown in ${JSON.stringify(shown)}`);
      }
    }
  }
}

/**
 * No preferred fix (nor fix-all, which takes only preferred ones) removes a node's own hostname
 * from its own slave list: a node listing itself may be one being added to its cluster, and
 * only the admin knows whether it is joining or leaving.
 */
function keepsItsOwnListing(node: NodeFile, fixedText: string, what: string): void {
  const own = node.field.hostname.value.text;
  if (!own) return;
  const listed = (file: NodeFile) => file.slaveHosts.hosts.some((host) => hostKey(host.text) === hostKey(own));
  if (!listed(node)) return;
  const fixed = parseNodeFile(node.uri, fixedText);
  // A fix that moves lines is judged elsewhere; line 11 must still be the same server.
  if (fixed.field.hostname.value.text !== own) return;
  assert.ok(listed(fixed), `${what} removes this node's own hostname ${JSON.stringify(own)} from its own slave list: ${JSON.stringify(fixed.field.slaveHosts.value.text)}`);
}

/** What the same node shows with its line 5 emptied, in the same workspace. */
function shownWithoutLine5(node: NodeFile, workspace: Workspace, positions: readonly Position[]): string[] {
  const lines = node.text.split(/(?<=\r\n|\n|\r(?!\n))/);
  if (lines.length > 4) lines[4] = lines[4].replace(/^[^\r\n]*/, '');
  const blank = parseNodeFile(node.uri, lines.join(''));
  const others = new Workspace();
  for (const each of workspace.all()) others.set(each.uri === node.uri ? blank : each);
  return visibleStrings(blank, others, validate(blank, others, throwingRules), positions);
}

const probes = fc.array(fc.record({ line: fc.nat(30), character: fc.nat(80) }), { minLength: 1, maxLength: 3 });

function describeFailure(text: string): string {
  return `text ${JSON.stringify(text)}`;
}

// ---------------------------------------------------------------------------------------------
// Properties

test(`fuzz: one file, generated or a mutated fixture (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(anyFile, probes, (text, positions) => {
      try {
        const verdict = classifyNodeFile(text);
        assert.ok(verdict.kind === 'icewarp' || verdict.kind === 'foreign');
        assert.ok(verdict.reasons.length > 0, 'a verdict says why');
        const node = parseNodeFile('file:///fuzz/a/path.cfg', text);
        assert.equal(node.fields.length, 17);
        const workspace = new Workspace();
        workspace.set(node);
        checkNode(node, workspace, positions);
      } catch (error) {
        if (error instanceof Error) error.message += `\n${describeFailure(text)}`;
        throw error;
      }
    }),
    { numRuns: RUNS, includeErrorInReport: true, ...REPLAY },
  );
});

/**
 * A Server ID two nodes of a cluster share is told on one of them at least: the one that breaks
 * the cluster's numbering, or each. Told on more than one, the conventions did not decide, so
 * none of them gets a preferred fix for it.
 */
function checkSharedServerIds(nodes: readonly NodeFile[], workspace: Workspace): void {
  for (const node of nodes) {
    const id = node.field.serverId.value.text.toLowerCase();
    const sharing = id ? workspace.peersOf(node).filter((peer) => peer.field.serverId.value.text.toLowerCase() === id) : [];
    if (sharing.length === 0) continue;
    const told = [node, ...sharing].flatMap((member) => validate(member, workspace, throwingRules).filter((d) => d.code === 'server-id-duplicate').map((d) => ({ member, d })));
    assert.ok(told.length > 0, `Server ID ${JSON.stringify(id)} of ${node.uri} is shared and told to nobody`);
    if (told.length === 1) continue;
    for (const { member, d } of told) {
      const preferred = fixesFor(member, d, workspace).filter((fix) => fix.isPreferred);
      assert.deepEqual(preferred.map((fix) => fix.title), [], `a duplicate told to several nodes carries a preferred fix on ${member.uri}`);
    }
  }
}

const CLUSTER_FIXTURES = ['mx1', 'mx2', 'mx3'].map((name) => readFileSync(path.join(FIXTURE_DIR, 'cluster', name, 'path.dat'), 'utf8'));
const clusterMember = fc.tuple(fc.constantFrom(...CLUSTER_FIXTURES), fc.array(mutation, { maxLength: 3 })).map(([text, mutations]) => mutate(text, mutations));

test(`fuzz: a cluster of mutated nodes, cross-node rules and their related ranges (${Math.ceil(RUNS / 10)} cases)`, () => {
  fc.assert(
    fc.property(fc.array(clusterMember, { minLength: 2, maxLength: 4 }), probes, (texts, positions) => {
      const workspace = new Workspace();
      const nodes = texts.map((text, index) => parseNodeFile(`file:///fuzz/mx${index + 1}/path.dat`, text));
      for (const node of nodes) workspace.set(node);
      try {
        for (const node of nodes) checkNode(node, workspace, positions);
        checkSharedServerIds(nodes, workspace);
      } catch (error) {
        if (error instanceof Error) error.message += `\ntexts ${JSON.stringify(texts)}`;
        throw error;
      }
    }),
    { numRuns: Math.ceil(RUNS / 10), includeErrorInReport: true, ...REPLAY },
  );
});

/** Hosts of one cluster and a name a typo away from each, for membership changes half done. */
const MEMBER_HOSTS = [1, 2, 3, 4, 5].map((k) => `mx${k}.example.net`);
const MEMBER_TYPOS = [1, 2, 3, 4, 5].map((k) => `mx${k}.exmaple.net`);
const memberHost = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...MEMBER_HOSTS) }, { weight: 1, arbitrary: fc.constantFrom(...MEMBER_TYPOS) });
/** Node k of a cluster being changed one file at a time: any role, master, list and Config folder. */
const memberNode = fc.record({
  config: fc.constantFrom('/mnt/icewarp/config/', '/mnt/icewarp/config/', '/mnt/other/config/', ''),
  hostname: fc.option(memberHost, { nil: undefined }),
  flag: fc.constantFrom('0', '1', '1', ''),
  master: fc.constantFrom('mx1.example.net', 'mx1.example.net', 'mx2.example.net', 'mx1.exmaple.net', ''),
  slaves: fc.uniqueArray(memberHost, { maxLength: 5 }),
});

test(`fuzz: no preferred fix takes a node out of its own slave list, however far a membership change got (${Math.ceil(RUNS / 10)} cases)`, () => {
  fc.assert(
    fc.property(fc.array(memberNode, { minLength: 2, maxLength: 5 }), (members) => {
      const workspace = new Workspace();
      const nodes = members.map((member, index) =>
        parseNodeFile(
          `file:///fuzz/m${index + 1}/path.cfg`,
          [member.config, '', '', String(11 + index), '', '', '', '', '', `10.0.0.${11 + index}`, member.hostname ?? MEMBER_HOSTS[index], 'license.key', '', member.flag, member.master, member.slaves.join(';')].join('\n') + '\n',
        ),
      );
      for (const node of nodes) workspace.set(node);
      try {
        for (const node of nodes) {
          keepsItsOwnListing(node, assertEditsApplyCleanly(node.text, fixAll(node, workspace), 'fix-all'), 'fix-all');
          for (const diagnostic of validate(node, workspace, throwingRules)) {
            for (const fix of fixesFor(node, diagnostic, workspace)) {
              if (fix.isPreferred) keepsItsOwnListing(node, assertEditsApplyCleanly(node.text, fix.edits, fix.id), `fix ${fix.id} for ${diagnostic.code}`);
            }
          }
        }
      } catch (error) {
        if (error instanceof Error) error.message += `\ntexts ${JSON.stringify(nodes.map((node) => node.text))}`;
        throw error;
      }
    }),
    { numRuns: Math.ceil(RUNS / 10), includeErrorInReport: true, ...REPLAY },
  );
});

test(`fuzz: the parser splits lines exactly as LSP does (CRLF, LF and a lone CR) (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(anyFile, (text) => {
      const expected: { text: string; offset: number; ending: string }[] = [];
      let offset = 0;
      for (const match of text.matchAll(/\r\n|\n|\r/g)) {
        expected.push({ text: text.slice(offset, match.index), offset, ending: match[0] });
        offset = (match.index ?? 0) + match[0].length;
      }
      expected.push({ text: text.slice(offset), offset, ending: '' });
      const bom = text.startsWith('\uFEFF');
      if (bom) expected[0].text = expected[0].text.slice(1);
      const { lines } = parseNodeFile('file:///fuzz/lines/path.cfg', text);
      assert.deepEqual(
        lines.map((line) => ({ text: line.text, offset: line.offset, ending: line.ending })),
        expected,
      );
      assert.equal(lines[0].column, bom ? 1 : 0);
    }),
    { numRuns: RUNS, ...REPLAY },
  );
});

test(`fuzz: a mutated IceWarp fixture stays IceWarp; broken is not foreign (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fc.constantFrom(...ICEWARP_FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (fixture, mutations) => {
      const text = mutate(fixture, mutations);
      const verdict = classifyNodeFile(text);
      assert.equal(verdict.kind, 'icewarp', `${verdict.reasons.join('; ')}\n${describeFailure(text)}`);
    }),
    { numRuns: RUNS, includeErrorInReport: true, ...REPLAY },
  );
});
