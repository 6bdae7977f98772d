// Every diagnostic code has a page in docs/codes/ that explains it to an administrator: what it
// means, why it matters, a wrong and a right example, the fix and the default severity. The
// pages ship in the .vsix and open from the code's link, so they must stay true to the rules:
// each page's wrong example is replayed through the language service and must raise its code,
// and its right example must not. Each page has a Czech and a German twin (docs/cs/codes/,
// docs/de/codes/) with the same sections in that language and the very same examples, replayed
// the same way: a translation can change the words, never the files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES, Workspace, fixesFor, isDiagnosticCode, parseNodeFile, validate } from '../../server/src/service';
import { fencedBlocks } from './translatedPages';

const ROOT = join(__dirname, '..', '..');
const INDEX = 'README.md';

/** Whose wrong example cannot be a real excerpt: a file above `icewarp.maxFileSize` is megabytes long. */
const NOT_REPLAYED: readonly string[] = ['file-too-large'];

/** What a page says in each language where the test reads it: its folder, its sections in order, and the labels of its first line and its fix. */
interface PageLanguage {
  name: string;
  folder: string;
  sections: readonly [meaning: string, why: string, wrong: string, right: string, fix: string, severity: string];
  defaultSeverity: string;
  quickFix: string;
  noQuickFix: string;
  byHand: string;
}

const ENGLISH: PageLanguage = {
  name: 'English',
  folder: 'docs/codes',
  sections: ['What it means', 'Why it matters to IceWarp', 'Wrong', 'Right', 'Fix', 'Severity'],
  defaultSeverity: 'Default severity',
  quickFix: 'Quick fix',
  noQuickFix: 'No quick fix.',
  byHand: 'By hand',
};
/** The words of the messages' catalogue (l10n/bundle.l10n.cs.json, .de.json) for the light bulb's fixes. */
const TRANSLATIONS: readonly PageLanguage[] = [
  {
    name: 'Czech',
    folder: 'docs/cs/codes',
    sections: ['Co to znamená', 'Proč na tom IceWarpu záleží', 'Špatně', 'Správně', 'Oprava', 'Závažnost'],
    defaultSeverity: 'Výchozí závažnost',
    quickFix: 'Rychlá oprava',
    noQuickFix: 'Žádná rychlá oprava.',
    byHand: 'Ručně',
  },
  {
    name: 'German',
    folder: 'docs/de/codes',
    sections: ['Was es bedeutet', 'Warum es für IceWarp wichtig ist', 'Falsch', 'Richtig', 'Behebung', 'Schweregrad'],
    defaultSeverity: 'Standard-Schweregrad',
    quickFix: 'Schnellkorrektur',
    noQuickFix: 'Keine Schnellkorrektur.',
    byHand: 'Von Hand',
  },
];
const LANGUAGES = [ENGLISH, ...TRANSLATIONS];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

interface Page {
  code: string;
  text: string;
  sections: Map<string, string>;
  language: PageLanguage;
}

function readPages(language: PageLanguage): Page[] {
  const folder = join(ROOT, language.folder);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== INDEX)
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8').replace(/\r\n/g, '\n');
      return { code: name.slice(0, -'.md'.length), text, sections: sectionsOf(text), language };
    });
}

/** `## Heading` -> the text up to the next `## ` heading. */
function sectionsOf(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^## +(.+?)\s*$/m);
  for (let index = 1; index < parts.length; index += 2) sections.set(parts[index], parts[index + 1]);
  return sections;
}

/** A page's section by its place: 0 what it means ... 5 severity. */
function section(page: Page, index: number): string {
  return page.sections.get(page.language.sections[index]) ?? '';
}

function defaultSeverity(page: Page): string | undefined {
  return new RegExp(`^\\*\\*${page.language.defaultSeverity}:\\*\\* ([a-z]+)\\b`, 'm').exec(page.text)?.[1];
}

function offersQuickFix(page: Page): boolean {
  return new RegExp(`^- \\*\\*${page.language.quickFix}\\*\\*`, 'm').test(section(page, 4));
}

// ---------------------------------------------------------------------------------------------
// Examples. A page shows a node file as a fenced block of numbered lines, labelled by the line
// before the fence, which starts with the file's name in backticks:
//
//   `mx3/path.dat`, a slave (CRLF line endings):
//   ```text
//    4  103
//    …
//   16  mx2.example.net, mx3.example.net
//   ```
//
// Lines not shown are empty (as IceWarp reads them). `·` stands for a space and `→` for a tab
// where they matter; a trailing `[LF]`, `[CRLF]` or `[CR]` gives that line its own ending.

interface ExampleFile {
  name: string;
  text: string;
}

const FENCE = /(?:^|\n)([^\n]*)\n+```text\n([\s\S]*?)\n```/g;

function examplesIn(section: string): ExampleFile[] {
  const files: ExampleFile[] = [];
  for (const match of section.matchAll(FENCE)) {
    const label = match[1];
    const name = /^`([^`]*path\.(?:dat|cfg))`/.exec(label)?.[1];
    if (!name) throw new Error(`an example block is not labelled with its file name in backticks: ${JSON.stringify(label)}`);
    files.push({ name, text: fileText(match[2], /\bCRLF\b/.test(label) ? '\r\n' : '\n') });
  }
  return files;
}

function fileText(block: string, ending: string): string {
  const values = new Map<number, { value: string; ending: string }>();
  let previous = 0;
  for (const line of block.split('\n')) {
    if (/^\s*…\s*$/.test(line)) continue;
    const match = /^\s*(\d+)(?: {2}(.*))?$/.exec(line);
    if (!match) throw new Error(`an example line is not "<line number>  <value>": ${JSON.stringify(line)}`);
    const number = Number(match[1]);
    if (number <= previous) throw new Error(`example line numbers must increase: ${number} after ${previous}`);
    previous = number;
    let value = match[2] ?? '';
    let ownEnding = ending;
    const marked = /\s*\[(CRLF|LF|CR)\]$/.exec(value);
    if (marked) {
      ownEnding = marked[1] === 'CRLF' ? '\r\n' : marked[1] === 'LF' ? '\n' : '\r';
      value = value.slice(0, marked.index);
    }
    values.set(number, { value: value.replace(/·/g, ' ').replace(/→/g, '\t'), ending: ownEnding });
  }
  const count = Math.max(16, previous);
  let text = '';
  for (let number = 1; number <= count; number++) {
    const line = values.get(number) ?? { value: '', ending };
    text += line.value + line.ending;
  }
  return text;
}

/** What the language service makes of the example's files, all files together: per diagnostic, its code and how many quick fixes it gets. */
function replay(files: ExampleFile[]): { code: string; fixes: number }[] {
  const workspace = new Workspace();
  const nodes = files.map((file) => parseNodeFile(`file:///example/${file.name}`, file.text));
  for (const node of nodes) workspace.set(node);
  return nodes.flatMap((node) =>
    validate(node, workspace).map((diagnostic) => ({ code: diagnostic.code, fixes: fixesFor(node, diagnostic, workspace).length })),
  );
}

// ---------------------------------------------------------------------------------------------

const englishPages = readPages(ENGLISH);
const englishCodes = new Set(englishPages.map((page) => page.code));

test('every diagnostic code has a page docs/codes/<code>.md', () => {
  const missing = Object.keys(DIAGNOSTIC_CODES).filter((code) => !englishCodes.has(code));
  assert.deepEqual(missing, []);
});

for (const language of LANGUAGES) {
  const pages = readPages(language);
  const prefix = language === ENGLISH ? '' : `${language.folder}/`;

  if (language !== ENGLISH) {
    test(`every English page has a ${language.name} twin in ${language.folder}/, and no page there lacks an English one`, () => {
      const codes = new Set(pages.map((page) => page.code));
      assert.deepEqual([...englishCodes].filter((code) => !codes.has(code)), [], `pages not translated into ${language.name}`);
      assert.deepEqual([...codes].filter((code) => !englishCodes.has(code)), [], 'translated pages without an English page');
    });
  }

  test(`every page of ${language.folder}/ explains a code of codes.ts`, () => {
    const orphans = pages.map((page) => page.code).filter((code) => !isDiagnosticCode(code));
    assert.deepEqual(orphans, []);
  });

  for (const page of pages) {
    const english = englishPages.find((candidate) => candidate.code === page.code);

    test(`${prefix}${page.code}: the page has its title, every section in order, and its default severity`, () => {
      assert.equal(page.text.split('\n')[0], `# \`${page.code}\``);
      assert.deepEqual([...page.sections.keys()], [...language.sections]);
      for (const [name, body] of page.sections) assert.ok(body.trim().length > 0, `section "${name}" is empty`);
      const severity = defaultSeverity(page);
      assert.ok(severity && SEVERITIES.includes(severity), `no "**${language.defaultSeverity}:** <level>" line`);
      if (isDiagnosticCode(page.code)) assert.equal(severity, DIAGNOSTIC_CODES[page.code].severity, 'the default severity differs from codes.ts');
      assert.match(section(page, 5), new RegExp(`"icewarp\\.diagnostics\\.severity": \\{ "${page.code}": "`), 'no settings example for this code');
    });

    test(`${prefix}${page.code}: the page has a wrong and a right example, and a fix`, () => {
      assert.ok(examplesIn(section(page, 2)).length > 0, `no example under "${language.sections[2]}"`);
      assert.ok(examplesIn(section(page, 3)).length > 0, `no example under "${language.sections[3]}"`);
      const fix = section(page, 4);
      const saysNone = new RegExp(`^- \\*\\*${language.noQuickFix.replace('.', '\\.')}\\*\\*`, 'm').test(fix);
      assert.ok(offersQuickFix(page) !== saysNone, `the fix section starts with either "- **${language.quickFix}**" or "- **${language.noQuickFix}**"`);
      assert.match(fix, new RegExp(`^- \\*\\*${language.byHand}\\*\\*`, 'm'), 'the fix section says what to do by hand');
      if (isDiagnosticCode(page.code)) assert.equal(offersQuickFix(page), DIAGNOSTIC_CODES[page.code].fixes.length > 0, 'the page and codes.ts disagree on whether there is a quick fix');
    });

    if (language !== ENGLISH && english) {
      test(`${prefix}${page.code}: the same examples and settings as the English page, under the same sections`, () => {
        assert.deepEqual(fencedBlocks(page.text), fencedBlocks(english.text), 'a code block differs from the English page: keep every block as it is');
        for (const index of [2, 3]) assert.deepEqual(examplesIn(section(page, index)), examplesIn(section(english, index)), `the files under "${language.sections[index]}" differ (names, line endings)`);
      });
    }

    if (!isDiagnosticCode(page.code) || NOT_REPLAYED.includes(page.code)) continue;

    test(`${prefix}${page.code}: the wrong example raises the code (with the quick fix the page names) and the right example does not`, () => {
      const wrong = replay(examplesIn(section(page, 2))).filter((diagnostic) => diagnostic.code === page.code);
      const right = replay(examplesIn(section(page, 3))).filter((diagnostic) => diagnostic.code === page.code);
      assert.ok(wrong.length > 0, 'the wrong example does not raise the code');
      assert.deepEqual(right, [], 'the right example raises the code');
      if (offersQuickFix(page)) assert.ok(wrong.some((diagnostic) => diagnostic.fixes > 0), 'the page names a quick fix, but none is offered on its wrong example');
    });
  }

  test(`the index ${language.folder}/README.md lists every page once, with its default severity`, () => {
    const index = readFileSync(join(ROOT, language.folder, INDEX), 'utf8');
    const rows = [...index.matchAll(/^\| \[`([a-z-]+)`\]\(([^)]+)\) \| ([a-z]+) \|/gm)];
    assert.deepEqual(
      rows.map((row) => row[1]),
      [...new Set(rows.map((row) => row[1]))],
      'a code is listed twice',
    );
    assert.deepEqual(rows.map((row) => row[1]).sort(), pages.map((page) => page.code).sort());
    for (const [, code, link, severity] of rows) {
      assert.equal(link, `${code}.md`, `${code} links elsewhere`);
      const page = pages.find((candidate) => candidate.code === code);
      assert.equal(severity, page && defaultSeverity(page), `${code}: the index and the page disagree on the severity`);
    }
  });
}

test('the twin check catches a changed example, a lost line ending and a translated settings block', () => {
  const english = '## Wrong\n\n`mx1/path.dat` (CRLF line endings):\n\n```text\n 4  103\n```\n\n```json\n"icewarp.diagnostics.severity": { "x": "off" }\n```\n';
  const changed = english.replace(' 4  103', ' 4  13');
  const lostEnding = english.replace('(CRLF line endings)', '(konce řádků LF)');
  const translatedSettings = english.replace('"off"', '"aus"');
  assert.notDeepEqual(fencedBlocks(changed), fencedBlocks(english));
  assert.notDeepEqual(examplesIn(lostEnding), examplesIn(english));
  assert.deepEqual(fencedBlocks(lostEnding), fencedBlocks(english), 'the label is prose, the block the same');
  assert.notDeepEqual(fencedBlocks(translatedSettings), fencedBlocks(english));
});
