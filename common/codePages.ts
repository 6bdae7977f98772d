// Where each diagnostic code's explanation page lives, in each language it is written in: the
// English page docs/codes/<code>.md and its Czech and German twins docs/cs/codes/<code>.md and
// docs/de/codes/<code>.md. One definition for the explain command (by VS Code's display
// language), the server's `file:` links (by its message locale) and the command line's SARIF help
// (by --locale), so the three never open different pages for one admin.

/** The languages the pages are translated into, besides English. */
export const CODE_PAGE_LANGUAGES = ['cs', 'de'] as const;
export type CodePageLanguage = (typeof CODE_PAGE_LANGUAGES)[number] | 'en';

/** The language of the pages for a locale such as `cs`, `de-AT` or `cs_CZ.UTF-8`; English for any language without pages. */
export function codePageLanguage(locale: string | undefined): CodePageLanguage {
  const language = locale?.toLowerCase().split(/[-_.@]/)[0] ?? '';
  return (CODE_PAGE_LANGUAGES as readonly string[]).includes(language) ? (language as CodePageLanguage) : 'en';
}

/** Codes are lowercase words joined by hyphens: nothing else may become a path. */
function isCodeName(code: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(code);
}

/**
 * A code's page in a locale's language, relative to the root of the extension or the repository,
 * `/`-separated (`docs/cs/codes/whitespace.md`); the English page for a language without pages;
 * undefined for something that is not a code's name.
 */
export function codePagePath(code: string, locale?: string): string | undefined {
  if (!isCodeName(code)) return undefined;
  const language = codePageLanguage(locale);
  return language === 'en' ? `docs/codes/${code}.md` : `docs/${language}/codes/${code}.md`;
}

/** The pages to try for a code, best first: the locale's translation, then the English page (which every code has). */
export function codePageCandidates(code: string, locale?: string): string[] {
  const paths = [codePagePath(code, locale), codePagePath(code)];
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

/** The first of a code's pages that exists (by `exists`, which gets each candidate's path), or undefined when none does. */
export async function pickCodePage(code: string, locale: string | undefined, exists: (path: string) => Promise<boolean>): Promise<string | undefined> {
  for (const path of codePageCandidates(code, locale)) {
    if (await exists(path)) return path;
  }
  return undefined;
}
