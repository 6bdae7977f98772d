// Where the passwords of line 5 are, as offsets into that line's text, for the editor's mask.
// What counts as a password is defined once, in common/logonSecrets.ts (the service's parser and
// the log redaction read the same definition); this file holds no rule of its own.
import { logonEntries } from '../../../common/logonSecrets';

/** [start, end) offsets into the line. */
export type PasswordSpan = readonly [start: number, end: number];

/**
 * Longer lines are masked whole: VS Code stops rendering a line after 10,000 characters anyway,
 * and the entries of a megabyte of junk are not worth a keystroke's time.
 */
const MAX_MASKED_LENGTH = 10_000;

/** The spans of `line` (the text of line 5, without its line break) that are never shown. */
export function passwordSpans(line: string): PasswordSpan[] {
  if (line.length > MAX_MASKED_LENGTH) return [[0, line.length]];
  return logonEntries(line).flatMap((entry) => (entry.masked ? [entry.masked] : []));
}
