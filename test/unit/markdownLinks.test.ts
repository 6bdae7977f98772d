// Every relative link and image of every tracked Markdown file leads to a file of the repository,
// and a `#fragment` to a heading of its target (as GitHub spells heading anchors). Text moves
// between the README and docs/; this keeps every pointer to it working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** Folders that are never part of the tree (dependencies, caches, build output). */
const UNTRACKED_FOLDERS = new Set(['node_modules', '.git', '.cache', 'dist', 'out', 'test-results', '.vscode-test']);

/** The tracked Markdown files, relative to the root; without git, every one outside the untracked folders. */
function markdownFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--', '*.md'], { cwd: ROOT, encoding: 'utf8' });
  if (git.status === 0) return git.stdout.split('\0').filter((file) => file !== '');
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory() && !UNTRACKED_FOLDERS.has(entry.name)) walk(relative);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(relative);
    }
  };
  walk('');
  return found;
}

/**
 * The lines of a Markdown file outside fenced code blocks (a block's lines become empty), with
 * code spans dropped (their brackets are no links) or replaced by their text (as headings show it).
 */
function proseLines(markdown: string, spans: 'drop' | 'text'): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      lines.push('');
    } else if (marker) {
      fence = marker;
      lines.push('');
    } else {
      lines.push(line.replace(/(`+)(.*?)\1/g, (_span, _ticks, text: string) => (spans === 'text' ? text : '')));
    }
  }
  return lines;
}

/** The anchors of a Markdown file's headings as GitHub makes them (lower case, punctuation dropped, spaces to -, repeats numbered). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown, 'text')) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const slug = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const match of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(match[1]);
  return anchors;
}

/** Every link and image target of a Markdown file: inline, reference definitions and HTML. */
function linkTargets(markdown: string): string[] {
  const text = proseLines(markdown, 'drop').join('\n');
  const targets: string[] = [];
  for (const match of text.matchAll(/\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) targets.push(match[1].replace(/^<|>$/g, ''));
  for (const match of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)) targets.push(match[1].replace(/^<|>$/g, ''));
  for (const match of text.matchAll(/<(?:img|a)\s[^>]*?(?:src|href)="([^"]+)"/g)) targets.push(match[1]);
  return targets;
}

/** What is wrong with each relative target of `file` (relative to `root`): a missing file or a missing heading. */
function brokenLinks(file: string, read: (file: string) => string | undefined, root = ROOT): string[] {
  const markdown = read(file);
  if (markdown === undefined) return [`${file}: cannot be read`];
  const problems: string[] = [];
  for (const target of linkTargets(markdown)) {
    // Another scheme (https:, mailto:, command: of VS Code's Markdown preview) or a network path.
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
    const hash = target.indexOf('#');
    const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const fragment = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const resolved = pathPart === '' ? file : pathPart.startsWith('/') ? path.posix.normalize(pathPart.slice(1)) : path.posix.join(path.posix.dirname(file), pathPart);
    if (resolved.startsWith('..')) {
      problems.push(`${file}: ${target} leads outside the repository`);
      continue;
    }
    const text = resolved === file ? markdown : read(resolved);
    if (text === undefined && !existsSync(path.join(root, resolved))) {
      problems.push(`${file}: ${target} leads to ${resolved}, which does not exist`);
      continue;
    }
    if (fragment === undefined || fragment === '' || !resolved.endsWith('.md')) continue;
    if (text === undefined || !headingAnchors(text).has(fragment)) problems.push(`${file}: ${target} names no heading #${fragment} of ${resolved}`);
  }
  return problems;
}

function readFromDisk(file: string): string | undefined {
  const full = path.join(ROOT, file);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
}

test('every relative link and image of every tracked Markdown file resolves, #fragments to a heading of the target', () => {
  const files = markdownFiles();
  // The translated pages too (docs/cs/, docs/de/): their links climb one folder more.
  for (const page of ['README.md', 'docs/architecture.md', 'docs/cs/codes/README.md', 'docs/de/codes/server-id-duplicate.md', 'docs/cs/walkthrough/4-see-the-cluster.md']) {
    assert.ok(files.includes(page), `${page} is not among the ${files.length} Markdown files checked`);
  }
  assert.deepEqual(files.flatMap((file) => brokenLinks(file, readFromDisk)), []);
});

test('the README links every page of docs/ and CONTRIBUTING.md', () => {
  const targets = new Set(linkTargets(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((target) => target.split('#')[0]));
  const pages = readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
  assert.deepEqual([...pages, 'CONTRIBUTING.md', 'docs/codes/README.md'].filter((page) => !targets.has(page)), []);
});

test('the check finds a missing file, a missing heading and a link out of the repository, and passes good ones', () => {
  const files: Record<string, string> = {
    'a.md': [
      '# Title',
      '## Where the server reads its settings',
      '## `icewarp.maxFileSize` gates everything',
      '## Title',
      '[ok](docs/b.md#in-the-browser-in-restricted-mode-on-remotes) [ok](#title-1) [ok](#icewarpmaxfilesize-gates-everything)',
      '![ok](docs/b.md) [web](https://example.com/x.md#nowhere) [preview](command:icewarpCluster.focus)',
      '[gone](docs/missing.md) [no heading](docs/b.md#settings) [out](../elsewhere.md) [self](#nowhere)',
      '```sh',
      '[in code](not-checked.md)',
      '```',
      'and `[in a span](not-checked.md)`',
      '[ref]: docs/gone-too.png',
    ].join('\n'),
    'docs/b.md': '# B\n\n## In the browser, in Restricted Mode, on remotes\n',
  };
  assert.deepEqual(brokenLinks('a.md', (file) => files[file], '/nonexistent'), [
    'a.md: docs/missing.md leads to docs/missing.md, which does not exist',
    'a.md: docs/b.md#settings names no heading #settings of docs/b.md',
    'a.md: ../elsewhere.md leads outside the repository',
    'a.md: #nowhere names no heading #nowhere of a.md',
    'a.md: docs/gone-too.png leads to docs/gone-too.png, which does not exist',
  ]);
});
