// The language of every message the service writes (diagnostics, fix titles, hover, refusals):
// English by default, or a language of l10n/bundle.l10n.<language>.json. A message is its
// English template, `{0}`-style placeholders filled by `t`; codes stay English (they are the
// contract). Only English is built in: a language's messages are loaded when a client or a user
// asks for that language (each bundle was some 50 KB of the server's bundle and about 0.9 MB of
// its resident memory at start, docs/performance.md (b)). The host says where they come from:
// the Node server and the command line read the l10n folder shipped beside their bundles
// (server/src/host/diskMessages.ts); in the browser the client passes them with initialize.
import * as l10n from '@vscode/l10n';

/** The languages with a bundle of messages, besides English. */
export const MESSAGE_LANGUAGES = ['cs', 'de'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number] | 'en';
/** English template -> the message in one language, as l10n/bundle.l10n.<language>.json holds it. */
export type MessageBundle = Readonly<Record<string, string>>;
export type MessageBundleLoader = (language: Exclude<MessageLanguage, 'en'>) => MessageBundle | undefined;

let loadBundle: MessageBundleLoader | undefined;

/** Where the host finds a language's messages when none are given with the locale. */
export function setMessageBundleLoader(loader: MessageBundleLoader | undefined): void {
  loadBundle = loader;
}

/** The language of a locale such as `cs`, `de-AT` or `cs_CZ.UTF-8`; English when there is no bundle for it, or no locale at all. */
export function messageLanguage(locale: unknown): MessageLanguage {
  const language = typeof locale === 'string' ? locale.toLowerCase().split(/[-_.@]/)[0] : '';
  return (MESSAGE_LANGUAGES as readonly string[]).includes(language) ? (language as MessageLanguage) : 'en';
}

/** Is this a bundle of messages (every value a string)? A client's answer is checked before it is used. */
export function isMessageBundle(value: unknown): value is MessageBundle {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((each) => typeof each === 'string');
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
const addedBundles = new Map<string, MessageBundle>();

/**
 * A bundle for a locale no shipped language has, used while that exact locale is set. The tests'
 * pseudo-locale proves that every message goes through the catalogue: each translation is its
 * English template in brackets, so text outside brackets was never looked up.
 */
export function addMessageBundle(locale: string, contents: MessageBundle): void {
  addedBundles.set(locale.toLowerCase(), contents);
}

/**
 * Sets the language of the messages written from now on, for the process (one server serves
 * one client, the command line one run), with its messages when the caller has them (a browser
 * client passes its own), else as the host's loader finds them; returns the language taken:
 * English when the language has no bundle or its messages cannot be found (or an added
 * bundle's locale).
 */
export function setMessageLocale(locale: unknown, messages?: MessageBundle): string {
  const added = typeof locale === 'string' ? addedBundles.get(locale.toLowerCase()) : undefined;
  if (added) {
    current = (locale as string).toLowerCase();
    l10n.config({ contents: added });
    return current;
  }
  const language = messageLanguage(locale);
  const contents = language === 'en' ? undefined : (messages ?? loadBundle?.(language));
  current = contents ? language : 'en';
  l10n.config({ contents: contents ?? {} });
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
