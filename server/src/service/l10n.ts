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

let current: MessageLanguage = 'en';

/**
 * Sets the language of the messages written from now on, for the process (one server serves
 * one client, the command line one run), with its messages when the caller has them (a browser
 * client passes its own), else as the host's loader finds them; returns the language taken:
 * English when the language has no bundle or its messages cannot be found.
 */
export function setMessageLocale(locale: unknown, messages?: MessageBundle): MessageLanguage {
  const language = messageLanguage(locale);
  const contents = language === 'en' ? undefined : (messages ?? loadBundle?.(language));
  current = contents ? language : 'en';
  l10n.config({ contents: contents ?? {} });
  return current;
}

export function currentMessageLanguage(): MessageLanguage {
  return current;
}

/** A message in the current language: `t('Line {0} is empty.', 3)`. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  return l10n.t(message, ...args);
}
