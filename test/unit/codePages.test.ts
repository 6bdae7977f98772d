// Every diagnostic code has a page in docs/codes/ that explains it to an administrator: what it
// means, why it matters, a wrong and a right example, the fix and the default severity. The
// pages ship in the .vsix and open from the code's link, so they must stay true to the rules:
// each page's wrong example is replayed through the language service and must raise its code,
// and its right example must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES, Workspace, fixesFor, isDiagnosticCode, parseNodeFile, validate } from '../../server/src/service';

const PAGES_DIR = join(__dirname, '..', '..', 'docs', 'codes');
const INDEX = 'README.md';

/** Whose wrong example cannot be a real excerpt: a file above `icewarp.maxFileSize` is megabytes long. */
const NOT_REPLAYED: readonly string[] = ['file-too-large'];

const SECTIONS = ['What it means', 'Why it matters to IceWarp', 'Wrong', 'Right', 'Fix', 'Severity'] as const;
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

interface Page {
  code: string;
  text: string;
  sections: Map<string, string>;
}

function readPages(): Page[] {
  return readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith('.md') && name !== INDEX)
    .sort()
    .map((name) => {
      const text = readFileSync(join(PAGES_DIR, name), 'utf8').replace(/\r\n/g, '\n');
      return { code: name.slice(0, -'.md'.length), text, sections: sectionsOf(text) };
    });
}

/** `## Heading` -> the text up to the next `## ` heading. */
function sectionsOf(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^## +(.+?)\s*$/m);
  for (let index = 1; index < parts.length; index += 2) sections.set(parts[index], parts[index + 1]);
  return sections;
}

function defaultSeverity(page: Page): string | undefined {
  return /^\*\*Default severity:\*\* ([a-z]+)\b/m.exec(page.text)?.[1];
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

const pages = readPages();
const pageCodes = new Set(pages.map((page) => page.code));

test('every diagnostic code has a page docs/codes/<code>.md', () => {
  const missing = Object.keys(DIAGNOSTIC_CODES).filter((code) => !pageCodes.has(code));
  assert.deepEqual(missing, []);
});

test('every page explains a code of codes.ts', () => {
  const orphans = [...pageCodes].filter((code) => !isDiagnosticCode(code));
  assert.deepEqual(orphans, []);
});

for (const page of pages) {
  test(`${page.code}: the page has its title, every section in order, and its default severity`, () => {
    assert.equal(page.text.split('\n')[0], `# \`${page.code}\``);
    assert.deepEqual([...page.sections.keys()], [...SECTIONS]);
    for (const [name, body] of page.sections) assert.ok(body.trim().length > 0, `section "${name}" is empty`);
    const severity = defaultSeverity(page);
    assert.ok(severity && SEVERITIES.includes(severity), `no "**Default severity:** <level>" line`);
    if (isDiagnosticCode(page.code)) assert.equal(severity, DIAGNOSTIC_CODES[page.code].severity, 'the default severity differs from codes.ts');
    assert.match(page.sections.get('Severity') ?? '', new RegExp(`"icewarp\\.diagnostics\\.severity": \\{ "${page.code}": "`), 'no settings example for this code');
  });

  test(`${page.code}: the page has a wrong and a right example, and a fix`, () => {
    assert.ok(examplesIn(page.sections.get('Wrong') ?? '').length > 0, 'no example under "Wrong"');
    assert.ok(examplesIn(page.sections.get('Right') ?? '').length > 0, 'no example under "Right"');
    const fix = page.sections.get('Fix') ?? '';
    const offersQuickFix = /^- \*\*Quick fix\*\*/m.test(fix);
    const saysNone = /^- \*\*No quick fix\.\*\*/m.test(fix);
    assert.ok(offersQuickFix !== saysNone, 'the fix section starts with either "- **Quick fix**" or "- **No quick fix.**"');
    assert.match(fix, /^- \*\*By hand\*\*/m, 'the fix section says what to do by hand');
    if (isDiagnosticCode(page.code)) assert.equal(offersQuickFix, DIAGNOSTIC_CODES[page.code].fixes.length > 0, 'the page and codes.ts disagree on whether there is a quick fix');
  });

  if (!isDiagnosticCode(page.code) || NOT_REPLAYED.includes(page.code)) continue;

  test(`${page.code}: the wrong example raises the code (with the quick fix the page names) and the right example does not`, () => {
    const wrong = replay(examplesIn(page.sections.get('Wrong') ?? '')).filter((diagnostic) => diagnostic.code === page.code);
    const right = replay(examplesIn(page.sections.get('Right') ?? '')).filter((diagnostic) => diagnostic.code === page.code);
    assert.ok(wrong.length > 0, 'the wrong example does not raise the code');
    assert.deepEqual(right, [], 'the right example raises the code');
    if (/^- \*\*Quick fix\*\*/m.test(page.sections.get('Fix') ?? '')) {
      assert.ok(wrong.some((diagnostic) => diagnostic.fixes > 0), 'the page names a quick fix, but none is offered on its wrong example');
    }
  });
}

test('the index docs/codes/README.md lists every page once, with its default severity', () => {
  const index = readFileSync(join(PAGES_DIR, INDEX), 'utf8');
  const rows = [...index.matchAll(/^\| \[`([a-z-]+)`\]\(([^)]+)\) \| ([a-z]+) \|/gm)];
  assert.deepEqual(
    rows.map((row) => row[1]),
    [...new Set(rows.map((row) => row[1]))],
    'a code is listed twice',
  );
  assert.deepEqual(rows.map((row) => row[1]).sort(), [...pageCodes].sort());
  for (const [, code, link, severity] of rows) {
    assert.equal(link, `${code}.md`, `${code} links elsewhere`);
    const page = pages.find((candidate) => candidate.code === code);
    assert.equal(severity, page && defaultSeverity(page), `${code}: the index and the page disagree on the severity`);
  }
});
