// Themes colour standard TextMate scope names only, so the grammar uses nothing else: every scope
// it names is on this allow-list (chosen on purpose), and every entry of the list is a standard
// name that common themes colour. Token-level behaviour is tested by test/grammar/*.test.pathcfg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LANGUAGE_SUFFIX = '.icewarp-pathcfg';

/** Scope (without the language suffix) -> what it marks. */
const ALLOWED_SCOPES: Record<string, string> = {
  'string.unquoted.path.unc': 'a UNC path \\\\server\\share\\...',
  'punctuation.definition.unc': 'the leading \\\\ of a UNC path',
  'entity.name.tag.server': 'the server of a UNC path',
  'entity.name.namespace.share': 'the share of a UNC path',
  'string.unquoted.path.windows': 'a drive path C:\\...',
  'entity.name.namespace.drive': 'the drive of a drive path',
  'string.unquoted.path.posix': 'a POSIX path /...',
  'string.unquoted.path.relative': 'a path without a root',
  'string.unquoted.path.file': 'the license file name',
  'punctuation.separator.path': 'a \\ or / inside a path',
  'meta.remote-logon': 'one line-5 entry server\\share;user;password',
  'variable.other.user': 'the user of a remote-logon entry',
  'variable.other.constant.password': 'the password of a remote-logon entry',
  'markup.underline.link': 'a URL',
  'constant.numeric.ipv4': 'an IPv4 address',
  'constant.numeric.ipv6': 'an IPv6 address',
  'constant.numeric.integer': 'a number (Server ID, role flag)',
  'entity.name.tag.host': 'a host name',
  'punctuation.separator.semicolon': 'the ; between entries',
  'punctuation.separator.pipe': 'the | between halves or entries',
};

/**
 * Standard scope prefixes: the TextMate naming conventions, plus the widely used names that
 * VS Code's default themes (Dark+, Light+, Dark Modern) colour: entity.name.namespace,
 * variable.other.constant, punctuation.*.
 */
const STANDARD_PREFIXES = [
  'comment.',
  'constant.numeric.',
  'constant.character.',
  'constant.language.',
  'constant.other.',
  'entity.name.function.',
  'entity.name.type.',
  'entity.name.tag.',
  'entity.name.section.',
  'entity.name.namespace.',
  'entity.other.attribute-name.',
  'invalid.illegal.',
  'invalid.deprecated.',
  'keyword.',
  'markup.underline.link',
  'meta.',
  'punctuation.separator.',
  'punctuation.definition.',
  'storage.type.',
  'string.quoted.',
  'string.unquoted.',
  'string.other.',
  'support.',
  'variable.other.',
  'variable.parameter.',
  'variable.language.',
];

interface GrammarRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: GrammarRule[];
  captures?: Record<string, GrammarRule>;
  beginCaptures?: Record<string, GrammarRule>;
  endCaptures?: Record<string, GrammarRule>;
  repository?: Record<string, GrammarRule>;
}

interface Grammar extends GrammarRule {
  scopeName: string;
}

const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'pathcfg.tmLanguage.json'), 'utf8')) as Grammar;

/** Every scope name the grammar can assign, wherever it is named. */
function grammarScopes(): Set<string> {
  // The grammar's own `name` is its display name, not a scope: start below it.
  const found = new Set<string>();
  for (const rule of [...(grammar.patterns ?? []), ...Object.values(grammar.repository ?? {})]) scopesOf(rule, found);
  return found;
}

function scopesOf(rule: GrammarRule, found: Set<string>): Set<string> {
  for (const name of [rule.name, rule.contentName]) {
    for (const scope of name?.split(/\s+/).filter(Boolean) ?? []) found.add(scope);
  }
  const children = [
    ...(rule.patterns ?? []),
    ...Object.values(rule.captures ?? {}),
    ...Object.values(rule.beginCaptures ?? {}),
    ...Object.values(rule.endCaptures ?? {}),
    ...Object.values(rule.repository ?? {}),
  ];
  for (const child of children) scopesOf(child, found);
  return found;
}

/** Every include target of the grammar. */
function includesOf(rule: GrammarRule, found: string[] = []): string[] {
  if (rule.include) found.push(rule.include);
  for (const child of [...(rule.patterns ?? []), ...Object.values(rule.captures ?? {}), ...Object.values(rule.repository ?? {})]) {
    includesOf(child, found);
  }
  return found;
}

test('the grammar is the one package.json contributes for the language', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { grammars: { language: string; scopeName: string; path: string }[] };
  };
  assert.equal(grammar.scopeName, 'source.icewarp-pathcfg');
  assert.deepEqual(manifest.contributes.grammars, [
    { language: 'icewarp-pathcfg', scopeName: 'source.icewarp-pathcfg', path: './syntaxes/pathcfg.tmLanguage.json' },
  ]);
});

test('every scope the grammar names is on the allow-list and ends in the language suffix', () => {
  const used = [...grammarScopes()];
  assert.ok(used.length > 0);
  for (const scope of used) {
    assert.ok(scope.endsWith(LANGUAGE_SUFFIX), `${scope} ends in ${LANGUAGE_SUFFIX}`);
    assert.ok(scope.slice(0, -LANGUAGE_SUFFIX.length) in ALLOWED_SCOPES, `${scope} is on the allow-list`);
  }
});

test('every allow-listed scope is standard and used by the grammar', () => {
  const used = new Set([...grammarScopes()].map((scope) => scope.slice(0, -LANGUAGE_SUFFIX.length)));
  for (const scope of Object.keys(ALLOWED_SCOPES)) {
    assert.ok(
      STANDARD_PREFIXES.some((prefix) => scope.startsWith(prefix)),
      `${scope} starts with a standard TextMate scope`,
    );
    assert.ok(used.has(scope), `${scope} is used (remove stale entries)`);
  }
});

test('every include points at a repository rule', () => {
  for (const target of includesOf(grammar)) {
    assert.match(target, /^#/, `${target} is a local include`);
    assert.ok(grammar.repository && target.slice(1) in grammar.repository, `${target} exists`);
  }
});
