// Each code's explanation page (docs/codes/<code>.md: what it means, why it matters, a wrong and
// a right example, the fix) and its Czech and German twins (docs/cs/codes/, docs/de/codes/),
// bundled into dist/cli.js as text (esbuild.mjs: the `.md` loader), so SARIF rules carry the
// same explanation the editor links to, offline, in the language of --locale.
import { codePageCandidates } from '../../common/codePages';

/**
 * The bundled pages by folder. esbuild turns each template into a table of the pages of that one
 * folder: a literal folder per language, so no other file of docs/ lands in the bundle.
 */
const BUNDLED_FOLDERS: Record<string, (code: string) => unknown> = {
  'docs/codes/': (code) => require(`../../docs/codes/${code}.md`),
  'docs/cs/codes/': (code) => require(`../../docs/cs/codes/${code}.md`),
  'docs/de/codes/': (code) => require(`../../docs/de/codes/${code}.md`),
};

/** The page of a code in a locale's language, else in English; undefined for a code without one. */
export function codePage(code: string, locale?: string): string | undefined {
  for (const path of codePageCandidates(code, locale)) {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    try {
      const page = BUNDLED_FOLDERS[folder]?.(code);
      if (typeof page === 'string') return page;
    } catch {
      // Not translated into this language (or no page at all): try the next.
    }
  }
  return undefined;
}

/**
 * The page's first section (what the code means, in the page's language: "What it means", "Co to
 * znamená", "Was es bedeutet") as one plain paragraph: SARIF's full description.
 */
export function meaningOf(page: string): string | undefined {
  const section = /^## [^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page)?.[1];
  if (!section) return undefined;
  const text = section
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\*\*|`/g, '');
  return text || undefined;
}
