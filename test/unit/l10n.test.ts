// Every language is complete: the manifest's strings (package.nls*.json) and the message bundles
// (l10n/bundle.l10n*.json) hold the same keys in every language, a translation keeps its
// template's placeholders ({0}, {1}...) and command links, and every key the code uses exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { englishBundle, extractMessages } from '../../scripts/extractMessages';
import { addMessageBundle, setMessageBundleLoader, setMessageLocale, wholeFileSnippetWords } from '../../server/src/service';
import { diskMessages } from '../../server/src/host/diskMessages';
import { PSEUDO_LOCALE, assertAllThroughCatalogue, pseudoBundle } from './pseudoLocale';
import { diagnose, nodeText, only } from './helpers';
import { MANIFEST_LANGUAGES, ROOT, manifestReferences, manifestStrings, rawManifest } from './manifestFiles';

/** What a translation must keep: the placeholders and the command links, sorted. */
export function templateParts(text: string): string[] {
  return [...(text.match(/\{\d+\}/g) ?? []), ...(text.match(/\(command:[^)]*\)/g) ?? [])].sort();
}

/** The keys a language lacks and the keys only it has, and the keys whose template parts differ. */
export function compareLanguages(english: Record<string, string>, translated: Record<string, string>): { missing: string[]; extra: string[]; placeholders: string[] } {
  return {
    missing: Object.keys(english).filter((key) => !(key in translated)),
    extra: Object.keys(translated).filter((key) => !(key in english)),
    placeholders: Object.keys(english).filter((key) => key in translated && templateParts(english[key]).join(' ') !== templateParts(translated[key]).join(' ')),
  };
}

test('every "%key%" of package.json is in package.nls.json, and package.nls.json holds no key package.json does not use', () => {
  const used = new Set(manifestReferences(rawManifest()));
  const english = manifestStrings();
  assert.deepEqual([...used].filter((key) => !(key in english)), []);
  assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), []);
});

for (const language of MANIFEST_LANGUAGES) {
  test(`package.nls.${language}.json translates every key of package.nls.json, keeping its placeholders and command links`, () => {
    assert.deepEqual(compareLanguages(manifestStrings(), manifestStrings(language)), { missing: [], extra: [], placeholders: [] });
  });
}

test('the comparison finds a missing key, an extra key and a lost placeholder or command link', () => {
  const english = { a: 'Open {0}', b: 'Two {0} {1}', c: '[Open](command:x.y)', d: 'plain' };
  assert.deepEqual(compareLanguages(english, { a: 'Öffnen {0}', b: 'Zwei {1}', c: '[Öffnen](command:x.z)', e: 'extra' }), { missing: ['d'], extra: ['e'], placeholders: ['b', 'c'] });
});

const BUNDLE_LANGUAGES = ['cs', 'de'] as const;
function bundle(language?: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, 'l10n', language ? `bundle.l10n.${language}.json` : 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
}

test('the English bundle holds exactly the messages the code passes to t(...) and vscode.l10n.t(...), each a string literal (else run `npm run l10n:extract`)', () => {
  const { messages, dynamic } = extractMessages();
  assert.deepEqual(dynamic.filter((where) => !where.startsWith(path.join('server', 'src', 'service', 'l10n.ts'))), [], 'a message that is not a string literal cannot be translated');
  assert.deepEqual(bundle(), englishBundle(messages));
});

for (const language of BUNDLE_LANGUAGES) {
  test(`l10n/bundle.l10n.${language}.json translates every message, keeping its placeholders`, () => {
    assert.deepEqual(compareLanguages(bundle(), bundle(language)), { missing: [], extra: [], placeholders: [] });
  });
}

test('the service speaks the language it is set to, English by default and for a language without a bundle', () => {
  try {
    assert.equal(setMessageLocale('cs-CZ', bundle('cs')), 'cs');
    assert.deepEqual(only(diagnose(nodeText({ 4: '103' })), 'server-id-too-long').map((d) => d.message), ['Server ID "103" má 3 znaky; IceWarp povoluje nejvýše 2.']);
    assert.equal(setMessageLocale('de', bundle('de')), 'de');
    assert.deepEqual(only(diagnose(nodeText({ 4: '103' })), 'server-id-too-long').map((d) => d.message), ['Die Server ID "103" hat 3 Zeichen; IceWarp erlaubt höchstens 2.']);
    assert.equal(setMessageLocale('fr'), 'en');
    assert.deepEqual(only(diagnose(nodeText({ 4: '103' })), 'server-id-too-long').map((d) => d.message), ['Server ID "103" has 3 characters; IceWarp allows at most 2.']);
  } finally {
    setMessageLocale(undefined);
  }
});

const WHOLE_FILE_SNIPPETS = JSON.parse(readFileSync(path.join(ROOT, 'snippets', 'pathcfg-files.json'), 'utf8')) as Record<string, { description: string }>;

test("the whole-file snippets' words read in English exactly as the snippet file writes them", () => {
  setMessageLocale('en');
  for (const [name, { description }] of Object.entries(WHOLE_FILE_SNIPPETS)) {
    assert.deepEqual(wholeFileSnippetWords({ name, description }), { label: name, summary: description.split('; ')[0], description });
  }
});

test("every name, sentence and line note of the whole-file snippets has its message (a new snippet's words go into snippetWords.ts)", () => {
  addMessageBundle(PSEUDO_LOCALE, pseudoBundle());
  try {
    setMessageLocale(PSEUDO_LOCALE);
    const seen = Object.entries(WHOLE_FILE_SNIPPETS).flatMap(([name, { description }]) => {
      const words = wholeFileSnippetWords({ name, description });
      return [
        { where: `${name} label`, text: words.label },
        { where: `${name} summary`, text: words.summary },
        { where: `${name} description`, text: words.description },
      ];
    });
    // The line notes quote IceWarp's own entry form, `share;user;password`, as a value.
    assertAllThroughCatalogue(seen, ['path.cfg', 'path.dat', 'share;user;password', 'UNC', 'https', 'URL']);
  } finally {
    setMessageLocale(undefined);
  }
});

test("a language's messages are loaded only when it is asked for: from the host's loader, else English", () => {
  const asked: string[] = [];
  try {
    setMessageBundleLoader((language) => {
      asked.push(language);
      return language === 'cs' ? bundle('cs') : undefined;
    });
    assert.deepEqual(asked, [], 'nothing is loaded before a language is asked for');
    assert.equal(setMessageLocale('en'), 'en');
    assert.deepEqual(asked, [], 'English is built in');
    assert.equal(setMessageLocale('cs'), 'cs');
    assert.deepEqual(only(diagnose(nodeText({ 4: '103' })), 'server-id-too-long').map((d) => d.message), ['Server ID "103" má 3 znaky; IceWarp povoluje nejvýše 2.']);
    // German asked for, but the host finds no messages: English, not the Czech of before.
    assert.equal(setMessageLocale('de'), 'en');
    assert.deepEqual(only(diagnose(nodeText({ 4: '103' })), 'server-id-too-long').map((d) => d.message), ['Server ID "103" has 3 characters; IceWarp allows at most 2.']);
    assert.deepEqual(asked, ['cs', 'de']);
    // Messages passed with the locale (a browser client's) are taken as they are.
    assert.equal(setMessageLocale('de', bundle('de')), 'de');
    assert.deepEqual(asked, ['cs', 'de']);
  } finally {
    setMessageBundleLoader(undefined);
    setMessageLocale(undefined);
  }
});

test('the Node host reads a language\'s messages from the l10n folder beside the bundle, or above the sources in a checkout', () => {
  // dist/server.js and the npm package's dist/ have l10n/ one folder up; the sources three.
  assert.deepEqual(diskMessages(path.join(ROOT, 'dist'))('cs'), bundle('cs'));
  assert.deepEqual(diskMessages(path.join(ROOT, 'server', 'src', 'host'))('de'), bundle('de'));
  assert.equal(diskMessages(os.tmpdir())('cs'), undefined);
});
