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

let current: MessageLanguage = 'en';

/**
 * Sets the language of the messages written from now on, for the process (one server serves
 * one client, the command line one run); returns the language taken.
 */
export function setMessageLocale(locale: string | undefined): MessageLanguage {
  current = messageLanguage(locale);
  l10n.config({ contents: current === 'en' ? {} : MESSAGE_LANGUAGES[current] });
  return current;
}

export function currentMessageLanguage(): MessageLanguage {
  return current;
}

/** A message in the current language: `t('Line {0} is empty.', 3)`. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  return l10n.t(message, ...args);
}
