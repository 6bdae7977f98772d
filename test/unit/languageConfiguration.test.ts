// path.cfg has no comments and no brackets: the editor must never auto-close, auto-surround or
// toggle a comment in it (a "comment" would silently become a value, a closing bracket part of a
// path), and a double-click should select a whole host, address or path segment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface LanguageConfiguration {
  comments?: unknown;
  brackets?: unknown[];
  colorizedBracketPairs?: unknown[];
  autoClosingPairs?: unknown[];
  surroundingPairs?: unknown[];
  wordPattern?: string;
}

const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

/** The words VS Code's word pattern finds in a line (it runs the pattern globally). */
function words(line: string): string[] {
  assert.ok(config.wordPattern);
  return line.match(new RegExp(config.wordPattern, 'g')) ?? [];
}

test('package.json points the language at this configuration', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { languages: { id: string; configuration?: string }[] };
  };
  const language = manifest.contributes.languages.find((entry) => entry.id === 'icewarp-pathcfg');
  assert.equal(language?.configuration, './language-configuration.json');
});

test('no comment token, and explicitly no brackets, auto-closing or surrounding pairs', () => {
  assert.equal(config.comments, undefined);
  // Explicit empty lists rather than left out, so no default pair can apply.
  assert.deepEqual(config.brackets, []);
  assert.deepEqual(config.colorizedBracketPairs, []);
  assert.deepEqual(config.autoClosingPairs, []);
  assert.deepEqual(config.surroundingPairs, []);
});

test('a word is a whole host, address, share or path segment', () => {
  assert.deepEqual(words('mx1.example.net;mx2.example.net'), ['mx1.example.net', 'mx2.example.net']);
  assert.deepEqual(words('192.168.10.12|10.0.0.1'), ['192.168.10.12', '10.0.0.1']);
  assert.deepEqual(words('fe80::1%eth0;::1 | 2001:db8::10'), ['fe80::1%eth0', '::1', '2001:db8::10']);
  assert.deepEqual(words('\\\\fs01\\share$\\x\\'), ['fs01', 'share$', 'x']);
  assert.deepEqual(words('/opt/icewarp/mailqueues/_outgoing/'), ['opt', 'icewarp', 'mailqueues', '_outgoing']);
  assert.deepEqual(words('mx2.example.net,mx3.example.net'), ['mx2.example.net', 'mx3.example.net']);
});

test('the word pattern never matches an empty string', () => {
  for (const line of ['', ';', '|', '\\\\', ' : ', 'C:\\']) {
    assert.ok(words(line).every((word) => word.length > 0), JSON.stringify(line));
  }
});
