// What the tests of the translated pages share: the languages the shipped pages are written in
// besides English, and what a translation must keep exactly as the English page has it.

/** The languages of docs/<language>/codes/ and docs/<language>/walkthrough/. */
export const PAGE_LANGUAGES = ['cs', 'de'] as const;

/** Every fenced block of a Markdown page, in order, as it is written (indented ones in lists too). */
export function fencedBlocks(markdown: string): string[] {
  return [...markdown.replace(/\r\n/g, '\n').matchAll(/^( *)```[^\n]*\n[\s\S]*?^\1```$/gm)].map((match) => match[0]);
}

/** Every `command:` link target of a page, in order: a translation opens the same commands. */
export function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((command:[^)\s]*)\)/g)].map((match) => match[1]);
}
