// The pseudo-locale: a bundle made from l10n/bundle.l10n.json in which every message is its
// English template wrapped in ⟦ ⟧. Under it, a text the user sees that holds a word outside the
// brackets was never looked up in the catalogue, so a Czech or German admin would read it in
// English. What may stand outside: the values of the files (paths, hosts, IDs), node names
// (`mx1.example.net (mx1/path.dat)`), codes, numbers, punctuation and Markdown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Windows' pseudo-locale name: no language has it, so no shipped bundle answers it by accident. */
export const PSEUDO_LOCALE = 'qps-ploc';
export const OPEN = '⟦';
export const CLOSE = '⟧';

/** Every message of the English bundle, each wrapped in ⟦ ⟧ (placeholders kept, so arguments land inside). */
export function pseudoBundle(): Record<string, string> {
  const english = JSON.parse(readFileSync(path.resolve(__dirname, '../../l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `${OPEN}${value}${CLOSE}`]));
}

/** `{0}`-style formatting, as `@vscode/l10n` and `vscode.l10n.t` do it. */
export function formatMessage(template: string, args: readonly unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** The text with every bracketed message (nested ones too) taken out. */
export function outsideBrackets(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    if (next === rest) return rest;
    rest = next;
  }
}

/**
 * What a user would read as words outside the brackets: the text without its bracketed messages,
 * without the values it may quote (longest first), and without numbers, punctuation and Markdown.
 * Empty when everything the text says went through the catalogue.
 */
export function untranslatedWords(text: string, values: readonly string[]): string {
  const sorted = [...new Set(values)].filter((each) => each.length > 0).sort((a, b) => b.length - a.length);
  const withoutValues = (text: string) => sorted.reduce((rest, value) => rest.split(value).join(' '), text);
  // Values as written, then Markdown escapes (a UNC path's backslashes in a hover) read as the value they escape.
  const rest = withoutValues(withoutValues(outsideBrackets(text)).replace(/\\([\\`*_[\]<>])/g, '$1'));
  return rest.replace(/[^\p{L}]+/gu, ' ').trim();
}

export interface SeenText {
  /** Where the user sees it: `hover mx1/path.dat line 4`. */
  where: string;
  text: string;
}

/**
 * Fails with every text that says something outside the brackets, and when no text holds a
 * message at all (the pseudo bundle was not in use, and everything would pass).
 */
export function assertAllThroughCatalogue(seen: readonly SeenText[], values: readonly string[]): void {
  assert.ok(seen.some((each) => each.text.includes(OPEN)), `no text holds a message of the pseudo bundle: ${JSON.stringify(seen.slice(0, 3))}`);
  const leaks = seen.flatMap((each) => {
    const words = untranslatedWords(each.text, values);
    return words.length > 0 ? [`${each.where}: "${words}" in ${JSON.stringify(each.text)}`] : [];
  });
  assert.deepEqual(leaks, [], `text outside the catalogue:\n${leaks.join('\n')}`);
}

/** A value and the pieces a message may quote of it: `a;b|c` gives `a`, `b`, `c` too. */
export function valuePieces(values: readonly string[]): string[] {
  return values.flatMap((value) => [value, ...value.split(/[;|,\s]+/)]).filter((piece) => piece.length > 0);
}
