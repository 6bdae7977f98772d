// The snippet files and a TextMate-snippet expander with VS Code's rules, shared by the snippet tests
// and the classifier's tests (every default expansion must read as an IceWarp file).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export { SnippetSyntaxError, expandSnippet, parseSnippet } from '../../server/src/service';

/** Contributed in package.json: the line snippets VS Code offers anywhere. */
export const CONTRIBUTED_SNIPPETS_PATH = join(__dirname, '..', '..', 'snippets', 'pathcfg.code-snippets');
/** Not contributed: the whole-file snippets, offered by the server's completion in an empty file only. */
export const WHOLE_FILE_SNIPPETS_PATH = join(__dirname, '..', '..', 'snippets', 'pathcfg-files.json');

export interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

// ---------------------------------------------------------------------------------------------

/** Every snippet of both files. */
export function loadSnippets(): Record<string, Snippet> {
  return { ...loadSnippetFile(CONTRIBUTED_SNIPPETS_PATH), ...loadSnippetFile(WHOLE_FILE_SNIPPETS_PATH) };
}

export function loadSnippetFile(path: string): Record<string, Snippet> {
  // JSON.parse, not a JSONC reader: the files are kept strict JSON on purpose.
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  assert.ok(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), 'the snippet file is an object');
  for (const [name, value] of Object.entries(parsed)) {
    assert.ok(value !== null && typeof value === 'object', `${name} is an object`);
    const snippet = value as Record<string, unknown>;
    const isStrings = (x: unknown) => typeof x === 'string' || (Array.isArray(x) && x.every((item) => typeof item === 'string'));
    assert.ok(isStrings(snippet.prefix), `${name} has a prefix`);
    assert.ok(isStrings(snippet.body), `${name} has a body`);
    assert.equal(typeof snippet.description, 'string', `${name} has a description`);
  }
  return parsed as Record<string, Snippet>;
}
