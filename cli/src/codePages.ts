// Each code's explanation page (docs/codes/<code>.md: what it means, why it matters, a wrong and
// a right example, the fix), bundled into dist/cli.js as text (esbuild.mjs: the `.md` loader), so
// SARIF rules carry the same explanation the editor links to, offline.

/** The page of a code, or undefined for a code without one. */
export function codePage(code: string): string | undefined {
  try {
    // esbuild turns this template into a table of every docs/codes/*.md page.
    const page: unknown = require(`../../docs/codes/${code}.md`);
    return typeof page === 'string' ? page : undefined;
  } catch {
    return undefined;
  }
}

/** The page's "What it means" section as one plain paragraph: SARIF's full description. */
export function meaningOf(page: string): string | undefined {
  const section = /^## What it means\s*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page)?.[1];
  if (!section) return undefined;
  const text = section
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\*\*|`/g, '');
  return text || undefined;
}
