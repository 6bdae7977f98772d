// package.json as VS Code shows it: every "%key%" replaced by its text from package.nls.json (or
// package.nls.<language>.json), as VS Code does when it loads the extension.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const MANIFEST_LANGUAGES = ['cs', 'de'] as const;

/** The manifest's localisation keys and their text in a language (English by default). */
export function manifestStrings(language?: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, language ? `package.nls.${language}.json` : 'package.nls.json'), 'utf8')) as Record<string, string>;
}

/** Every "%key%" string of a JSON value, in document order. */
export function manifestReferences(value: unknown): string[] {
  if (typeof value === 'string') return /^%(.+)%$/.exec(value) ? [value.slice(1, -1)] : [];
  if (Array.isArray(value)) return value.flatMap(manifestReferences);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(manifestReferences);
  return [];
}

function resolve(value: unknown, strings: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const key = /^%(.+)%$/.exec(value)?.[1];
    return key !== undefined && key in strings ? strings[key] : value;
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, strings));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, strings)]));
  return value;
}

export function rawManifest(): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/** package.json with its "%key%" strings in a language (English by default). */
export function localizedManifest(language?: string): unknown {
  return resolve(rawManifest(), { ...manifestStrings(), ...(language ? manifestStrings(language) : {}) });
}
