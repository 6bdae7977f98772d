// Every language is complete: the manifest's strings (package.nls*.json) and the message bundles
// (l10n/bundle.l10n*.json) hold the same keys in every language, a translation keeps its
// template's placeholders ({0}, {1}...) and command links, and every key the code uses exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MANIFEST_LANGUAGES, manifestReferences, manifestStrings, rawManifest } from './manifestFiles';

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
