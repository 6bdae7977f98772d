// Where the passwords of line 5 are, as offsets into that line's text, for the editor's mask.
// What counts as a password is defined once in common/ (the log redaction and the language
// service read the same definition); this file holds no rule of its own. common/redact.ts offers
// that definition as "line 5 with each password replaced by ***", so the offsets are read back by
// lining that text up with the line; whatever the definition masks, the mask follows (a unit test
// checks it over random lines). Should common/ export the spans themselves, `passwordSpans` can
// ask for them instead: the import below is the one place that names common/.
import { REDACTED, redactNodeFileText } from '../../common/redact';

/** [start, end) offsets into the line. */
export type PasswordSpan = readonly [start: number, end: number];

/**
 * Longer lines are masked whole: VS Code stops rendering a line after 10,000 characters anyway,
 * and lining up a megabyte of junk is not worth a keystroke's time.
 */
const MAX_ALIGNED_LENGTH = 10_000;

/** The line as common/ masks it on line 5 (the four line breaks put it there). */
function maskedLogonLine(line: string): string {
  return redactNodeFileText(`\n\n\n\n${line}`).slice(4);
}

/** The spans of `line` (the text of line 5, without its line break) that are passwords. */
export function passwordSpans(line: string): PasswordSpan[] {
  if (line.length === 0) return [];
  if (line.length > MAX_ALIGNED_LENGTH) return [[0, line.length]];
  // A `*` typed in the line would blur where a `***` begins: stand it in by a character the line
  // does not hold (the definition gives `*` no meaning), so every `***` left is a replacement.
  let probe = line;
  if (line.includes('*')) {
    const stand = unusedCharacter(line);
    if (stand === undefined) return [[0, line.length]];
    probe = line.replaceAll('*', stand);
  }
  const masked = maskedLogonLine(probe);
  // Can only fail if the masked text is not the line with spans replaced: hide the whole line then.
  return replacedSpans(probe, masked, REDACTED) ?? [[0, line.length]];
}

/**
 * The spans of `original` that were replaced by `marker` to give `replaced`, where `original`
 * holds no `marker`. Kept parts are matched from the right, each as late as it can be, so where
 * two alignments fit the one that masks more wins. Undefined when `replaced` is no such text.
 */
export function replacedSpans(original: string, replaced: string, marker: string): PasswordSpan[] | undefined {
  const kept = replaced.split(marker);
  if (kept.length === 1) return replaced === original ? [] : undefined;
  const spans: PasswordSpan[] = [];
  const last = kept[kept.length - 1];
  if (!original.endsWith(last)) return undefined;
  let end = original.length - last.length;
  for (let index = kept.length - 2; index >= 1; index--) {
    const part = kept[index];
    // The replaced span after this part is not empty: the part ends before `end`.
    const latestStart = end - 1 - part.length;
    if (latestStart < 0) return undefined;
    const start = original.lastIndexOf(part, latestStart);
    if (start < 0) return undefined;
    spans.push([start + part.length, end]);
    end = start;
  }
  const first = kept[0];
  if (!original.startsWith(first) || first.length >= end) return undefined;
  spans.push([first.length, end]);
  return spans.reverse();
}

/** A private-use character (no rule reads them) that the line does not hold. */
function unusedCharacter(line: string): string | undefined {
  const used = new Set<number>();
  for (let index = 0; index < line.length; index++) used.add(line.charCodeAt(index));
  for (let code = 0xe000; code <= 0xf8ff; code++) if (!used.has(code)) return String.fromCharCode(code);
  return undefined;
}
