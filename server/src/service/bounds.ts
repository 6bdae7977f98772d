// How much of a value, a list or a document the editor features show. Every value a feature
// quotes goes through `excerpt` (or `code`, its Markdown form), lists are cut to a few items, and
// lines IceWarp does not read get a bounded number of symbols, hints and tokens: no response
// grows with a hostile document (a 1 MB line is quoted as 80 characters, 200,000 lines after
// line 17 are not 200,000 outline entries).
import { t } from './l10n';

/** The most characters of one value a feature quotes; a real value (a UNC path, a host) is shorter. */
export const MAX_EXCERPT = 80;

/**
 * The longest value completion offers: past a DNS name's 253 characters and a Windows path's
 * 260, a value is a mistake to fix, not a suggestion to repeat.
 */
export const MAX_OFFERED = 300;

/** The most items of one list (hosts, IPs) a hover names; the rest are counted. */
export const MAX_LISTED = 10;

/** The lines after 17 that get an outline entry of their own; the rest share one. */
export const MAX_UNREAD_SYMBOLS = 100;

/** The lines after 17 that get an inlay hint or a semantic token in one response. */
export const MAX_UNREAD_LINES = 1000;

/** The most semantic tokens on one line (a real line has a handful; line 10 can split into 256 x 256 parts). */
export const MAX_TOKENS_PER_LINE = 1024;

/** The text, or its first `max - 1` characters and `…` when it is longer (never half a surrogate pair). */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Markdown inline code of an excerpt of the text, fenced by more backticks than any run inside it. */
export function code(text: string): string {
  const shown = excerpt(text);
  const fence = '`'.repeat(longestRun(shown, '`') + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** `a`, `b`, `c` (each in `code`), cut after `max` items: "… and 246 more". */
export function codeList(texts: readonly string[], max = MAX_LISTED): string {
  const listed = texts.slice(0, max).map(code).join(', ');
  return texts.length > max ? t('{0} … and {1} more', listed, texts.length - max) : listed;
}

function longestRun(text: string, character: string): number {
  let longest = 0;
  let run = 0;
  for (const each of text) {
    run = each === character ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
