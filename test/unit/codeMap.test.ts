// The pages that name the code stay true as the code moves: every source path written in a code
// span of the README, CONTRIBUTING.md, docs/ and the CLI package's README exists; every file name
// a page gives without its folder is the name of a file of the repository; every test title a page
// quotes beside its file is in that file; and the code map (docs/architecture.md) names each folder
// of the code on a line of its own, every name it lists resolving to a file or folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CODE_MAP = 'docs/architecture.md';
/** The folders whose every subfolder the code map names. */
const MAPPED_ROOTS = ['server/src', 'client/src', 'cli/src', 'common'];
/** A code span that is a path into one of these is checked: the code, its tests, the bench, the scripts, the pages and the package. */
const SOURCE_PATH = /^(?:server\/src|client\/src|cli\/src|common|testing|test|scripts|bench|docs|packages)\/[\w.\/-]*$/;
/** A file name without a folder, of a kind the repository writes (`languageService.ts`). */
const BARE_SOURCE_NAME = /^[\w.-]+\.(?:ts|mts|cts|mjs|cjs)$/;
const UNTRACKED_FOLDERS = new Set(['node_modules', '.git', '.cache', 'dist', 'out', 'test-results', '.vscode-test']);

/** The files of the repository, relative to the root: git's list, or without git every file outside the untracked folders. */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (git.status === 0) return git.stdout.split('\0').filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory() && !UNTRACKED_FOLDERS.has(entry.name)) walk(relative);
      else if (entry.isFile()) found.push(relative);
    }
  };
  walk('');
  return found;
}

/** What a page may name: the repository's files and folders, and the outputs .gitignore names by their exact path (`bench/results.json`). */
interface Repository {
  files: ReadonlySet<string>;
  folders: ReadonlySet<string>;
  basenames: ReadonlySet<string>;
  /** The first segments of every path (`server`, `docs`, `README.md`): a name starting with one is a path from the root. */
  topLevel: ReadonlySet<string>;
}

function repositoryOf(files: readonly string[], ignoredOutputs: readonly string[] = []): Repository {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let depth = 1; depth < parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  const all = [...files, ...ignoredOutputs];
  return {
    files: new Set(all),
    folders,
    basenames: new Set(all.map((file) => path.posix.basename(file))),
    topLevel: new Set(all.map((file) => file.split('/')[0])),
  };
}

const exists = (repository: Repository, name: string) => {
  const bare = name.replace(/\/$/, '');
  return repository.files.has(bare) || repository.folders.has(bare);
};

/** The lines of a page outside fenced code blocks, numbered from 1 (a command in a block is no claim about the tree). */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | undefined;
  markdown.split(/\r?\n/).forEach((text, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      lines.push({ line: index + 1, text });
    }
  });
  return lines;
}

const codeSpans = (text: string) => [...text.matchAll(/(`+)(.+?)\1/g)].map((match) => match[2].trim());

/** What is wrong with the paths and file names a page writes in code spans. */
function stalePaths(page: string, markdown: string, repository: Repository): string[] {
  const problems: string[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const span of codeSpans(text)) {
      if (SOURCE_PATH.test(span) && !exists(repository, span)) problems.push(`${page}:${line}: \`${span}\` does not exist`);
      else if (BARE_SOURCE_NAME.test(span) && !repository.basenames.has(span)) problems.push(`${page}:${line}: no file of the repository is called \`${span}\``);
    }
  }
  return problems;
}

/** Test titles a page quotes after their file: `test/unit/x.test.ts` ("title", "...part of a title..."). */
function missingTestTitles(page: string, markdown: string, read: (file: string) => string | undefined): string[] {
  const problems: string[] = [];
  const text = proseLines(markdown).map((entry) => entry.text).join('\n');
  for (const match of text.matchAll(/`(test\/[^`]+\.ts)`\s+\(((?:"[^"]+"(?:,\s*)?)+)\)/g)) {
    const source = read(match[1])?.replace(/\\(['"`])/g, '$1');
    if (source === undefined) continue; // a missing file is stalePaths' to report
    for (const title of match[2].matchAll(/"([^"]+)"/g)) {
      const pieces = title[1].replace(/\s+/g, ' ').split('...').filter((piece) => piece !== '');
      if (!pieces.every((piece) => source.includes(piece))) problems.push(`${page}: ${match[1]} has no test "${title[1].replace(/\s+/g, ' ')}"`);
    }
  }
  return problems;
}

/** A name the code map lists: the folder a heading is about, or a name a list item begins with. */
interface MapEntry {
  line: number;
  /** From the root, without a trailing slash. */
  path: string;
}

/**
 * The code map's entries. A heading whose first code span is a folder (`### \`server/src/core/\``)
 * is about that folder, and the names a list item begins with (`- \`a.ts\`, \`b/\`: its job`) are
 * relative to it, unless they start at the root; under a heading about no folder they start at the root.
 */
function codeMapEntries(markdown: string, repository: Repository): MapEntry[] {
  const entries: MapEntry[] = [];
  let folder: string | undefined;
  for (const { line, text } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*)$/.exec(text)?.[1];
    if (heading !== undefined) {
      const first = codeSpans(heading)[0];
      folder = first?.endsWith('/') ? first.replace(/\/$/, '') : undefined;
      if (folder !== undefined) entries.push({ line, path: folder });
      continue;
    }
    const names = /^- ((?:`[^`]+`(?:,\s*)?)+):/.exec(text)?.[1];
    if (names === undefined) continue;
    for (const name of codeSpans(names)) {
      const fromRoot = folder === undefined || repository.topLevel.has(name.split('/')[0]);
      entries.push({ line, path: (fromRoot ? name : `${folder}/${name}`).replace(/\/$/, '') });
    }
  }
  return entries;
}

function mapProblems(markdown: string, repository: Repository, mappedRoots: readonly string[]): string[] {
  const entries = codeMapEntries(markdown, repository);
  const problems = entries.filter((entry) => !exists(repository, entry.path)).map((entry) => `${CODE_MAP}:${entry.line}: ${entry.path} does not exist`);
  const named = new Set(entries.map((entry) => entry.path));
  const folders = [...repository.folders].filter((folder) => mappedRoots.some((root) => folder === root || folder.startsWith(`${root}/`))).sort();
  for (const folder of folders) if (!named.has(folder)) problems.push(`${CODE_MAP} names no folder ${folder}/ (a heading or a list item of its own)`);
  return problems;
}

function ignoredOutputs(): string[] {
  const gitignore = path.join(ROOT, '.gitignore');
  if (!existsSync(gitignore)) return [];
  return readFileSync(gitignore, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^[\w.-]+(?:\/[\w.-]+)+$/.test(line));
}

const readFromRoot = (file: string) => (existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), 'utf8') : undefined);
const REPOSITORY = repositoryOf(repositoryFiles(), ignoredOutputs());
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  'packages/icewarp-pathcfg/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

test('every source path and file name the README, CONTRIBUTING.md and docs/ write in code exists', () => {
  assert.ok(PAGES.includes(CODE_MAP) && REPOSITORY.files.has('server/src/service/index.ts'), `read ${PAGES.length} pages and ${REPOSITORY.files.size} files`);
  assert.deepEqual(PAGES.flatMap((page) => stalePaths(page, readFromRoot(page) ?? '', REPOSITORY)), []);
});

test('every test title a page quotes beside its file is a test of that file', () => {
  assert.deepEqual(PAGES.flatMap((page) => missingTestTitles(page, readFromRoot(page) ?? '', readFromRoot)), []);
});

test('the code map names every folder of server/src, client/src, cli/src and common, and every name it lists exists', () => {
  const markdown = readFromRoot(CODE_MAP) ?? '';
  assert.ok(codeMapEntries(markdown, REPOSITORY).length > 100, 'the map lists the code file by file');
  assert.deepEqual(mapProblems(markdown, REPOSITORY, MAPPED_ROOTS), []);
});

test('the checks find a moved file, a renamed file, a missing test and an unnamed folder, and pass good names', () => {
  const repository = repositoryOf(
    ['README.md', 'server/src/core/createServer.ts', 'server/src/core/lspMethods.ts', 'server/src/host/files.ts', 'server/src/service/rules/codes.ts', 'test/unit/a.test.ts'],
    ['bench/results.json'],
  );
  const page = [
    '# Code',
    '`server/src/core/createServer.ts` `server/src/host/` `bench/results.json` `test/unit/<file>.test.ts` `createServer.ts`',
    '`server/src/nodeFiles.ts` and `languageService.ts` are gone',
    '```sh',
    'node scripts/gone.mjs `server/src/gone.ts`',
    '```',
    '`test/unit/a.test.ts` ("one test", "...part of one") and `test/unit/a.test.ts` ("no such test")',
  ].join('\n');
  assert.deepEqual(stalePaths('p.md', page, repository), ['p.md:3: `server/src/nodeFiles.ts` does not exist', 'p.md:3: no file of the repository is called `languageService.ts`']);
  assert.deepEqual(missingTestTitles('p.md', page, () => "test('one test, part of one', () => {});"), ['p.md: test/unit/a.test.ts has no test "no such test"']);

  const map = [
    '## Code map',
    '### `server/src/core/`',
    '- `createServer.ts`, `lspMethods.ts`: the core.',
    '- `server/src/host/files.ts`: from the root.',
    '- `messagePipeline.ts`: moved away.',
    '### `server/src/service/`',
    '- `rules/codes.ts`: the catalog.',
    '## Why',
    '- `README.md`: from the root again.',
  ].join('\n');
  assert.deepEqual(mapProblems(map, repository, ['server/src']), [
    `${CODE_MAP}:5: server/src/core/messagePipeline.ts does not exist`,
    `${CODE_MAP} names no folder server/src/ (a heading or a list item of its own)`,
    `${CODE_MAP} names no folder server/src/host/ (a heading or a list item of its own)`,
    `${CODE_MAP} names no folder server/src/service/rules/ (a heading or a list item of its own)`,
  ]);
});
