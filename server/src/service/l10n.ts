// The language of every message the service writes (diagnostics, fix titles, hover, refusals):
// English by default, or a language of l10n/bundle.l10n.<language>.json. The bundles are part of
// the bundle (imported as JSON, not read from disk), so the Node server, the browser's web worker
// and the command line all carry them. A message is its English template, `{0}`-style
// placeholders filled by `t`; codes stay English (they are the contract).
import * as l10n from '@vscode/l10n';
import czech from '../../../l10n/bundle.l10n.cs.json';
import german from '../../../l10n/bundle.l10n.de.json';

/** The languages with a bundle, besides English. */
export const MESSAGE_LANGUAGES = { cs: czech, de: german } as const satisfies Record<string, Record<string, string>>;
export type MessageLanguage = keyof typeof MESSAGE_LANGUAGES | 'en';

/** The language of a locale such as `cs`, `de-AT` or `cs_CZ.UTF-8`; English when there is no bundle for it. */
export function messageLanguage(locale: string | undefined): MessageLanguage {
  const language = locale?.toLowerCase().split(/[-_.@]/)[0] ?? '';
  return language in MESSAGE_LANGUAGES ? (language as keyof typeof MESSAGE_LANGUAGES) : 'en';
}

/**
 * The locale a POSIX process runs in, for its messages: `LC_ALL`, else `LC_MESSAGES`, else `LANG`
 * (the first one set and not empty, as `setlocale` reads them). For the command line without
 * `--locale` and for a client that sends no `locale` (eglot, ALE): a Czech admin on a
 * `cs_CZ.UTF-8` server reads Czech. `C` and `POSIX` are English.
 */
export function environmentLocale(environment: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = environment[name];
    if (value) return value;
  }
  return undefined;
}

let current: string = 'en';

/** Bundles added for locales of their own: the tests' pseudo-locale, which wraps every message in ⟦ ⟧. */
const addedBundles = new Map<string, Record<string, string>>();

/**
 * A bundle for a locale no shipped language has, used while that exact locale is set. The tests'
 * pseudo-locale proves that every message goes through the catalogue: each translation is its
 * English template in brackets, so text outside brackets was never looked up.
 */
export function addMessageBundle(locale: string, contents: Record<string, string>): void {
  addedBundles.set(locale.toLowerCase(), contents);
}

/**
 * Sets the language of the messages written from now on, for the process (one server serves
 * one client, the command line one run); returns the language taken (`en`, `cs`, `de`, or an
 * added bundle's locale).
 */
export function setMessageLocale(locale: string | undefined): string {
  const added = locale === undefined ? undefined : addedBundles.get(locale.toLowerCase());
  if (locale !== undefined && added) {
    current = locale.toLowerCase();
    l10n.config({ contents: added });
    return current;
  }
  const language = messageLanguage(locale);
  current = language;
  l10n.config({ contents: language === 'en' ? {} : MESSAGE_LANGUAGES[language] });
  return current;
}

export function currentMessageLanguage(): string {
  return current;
}

/** A message in the current language: `t('Line {0} is empty.', 3)`. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  return l10n.t(message, ...args);
}

/** A count as the current language writes it: `10,000`, `10 000`, `10.000`. */
export function formatCount(count: number): string {
  try {
    return count.toLocaleString(current);
  } catch {
    // A locale the runtime's Intl cannot read.
    return count.toLocaleString('en-US');
  }
}
