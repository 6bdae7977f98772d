// What on the remote-logon line (line 5) is secret: the one definition that the service's parser
// (and through it hover, outline, semantic tokens and edits) and the log redactor
// (`common/redact.ts`) share, so that no two of them disagree about what may be shown.
//
// Line 5 holds `UNC path;user;password` entries joined by `|`. A password may itself hold `;`
// (it is the rest of its entry) or `|` (then its tail reads as an entry of its own), so:
// - a well-formed entry, a rooted path then a user then a password, shows its path and user; its
//   password is secret;
// - any other non-empty entry (one or two parts, or a first part that is no path) is shown
//   masked, whole: it may be a password typed without a user, or the tail of a password that
//   held a `|`.
// Pure, linear (indexOf scans only) and dependency-free: the client bundles it too.

/** Zero-based index of the remote-logon line: line 5 of the file. */
export const LOGON_LINE_INDEX = 4;

/** [start, end) offsets into the line. */
export type Span = [start: number, end: number];

/** One `|`-separated entry of the line, as offsets into the line. */
export interface LogonEntryShape {
  /** The entry without the spaces and tabs around it. */
  start: number;
  end: number;
  /** Offset of the entry's first `;`, or -1. */
  firstSemicolon: number;
  /** Offset of its second `;`, or -1; the password is the rest of the entry after it. */
  secondSemicolon: number;
  /** `path;user;password` with a rooted path (`\\server\share`, `//server/share`, `\x`, `/x`, `D:`). */
  wellFormed: boolean;
  /** What is never shown: the password of a well-formed entry, else the whole entry (none when empty). */
  masked?: Span;
  /**
   * What may be a password or a piece of one, for code that must keep it in place rather than
   * mask it (edits): the password of a well-formed entry; of any other entry what follows its
   * first `;`, and the whole entry when it follows a `|` (the tail of a password holding `|`).
   */
  secrets: Span[];
}

/**
 * The most entries a line is split into; the last keeps the rest of the line, `|` included (as
 * the service's other list values, `MAX_LIST_PARTS`), so a 1 MB line of `|` is 256 entries.
 */
const MAX_LOGON_ENTRIES = 256;

/** The entries of a remote-logon line (the line's text, without its line ending). */
export function logonEntries(line: string, limit = MAX_LOGON_ENTRIES): LogonEntryShape[] {
  const entries: LogonEntryShape[] = [];
  let from = 0;
  for (;;) {
    const bar = entries.length + 1 < limit ? line.indexOf('|', from) : -1;
    const to = bar < 0 ? line.length : bar;
    entries.push(entryShape(line, from, to, entries.length > 0));
    if (bar < 0) return entries;
    from = bar + 1;
  }
}

function entryShape(line: string, from: number, to: number, afterBar: boolean): LogonEntryShape {
  let start = from;
  let end = to;
  while (start < end && isSpaceOrTab(line.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  const first = indexWithin(line, ';', start, end);
  const second = first < 0 ? -1 : indexWithin(line, ';', first + 1, end);
  const wellFormed = second >= 0 && isRootedPath(line, start, first);
  const secrets: Span[] = [];
  let masked: Span | undefined;
  if (wellFormed) {
    if (second + 1 < end) masked = [second + 1, end];
    if (masked) secrets.push(masked);
  } else if (end > start) {
    masked = [start, end];
    if (afterBar) secrets.push(masked);
    if (first >= 0 && first + 1 < end) secrets.push([first + 1, end]);
  }
  return { start, end, firstSemicolon: first, secondSemicolon: second, wellFormed, masked, secrets };
}

/** Is line[start, end) (spaces after the start allowed) a rooted path: a separator or a drive letter first? */
function isRootedPath(line: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && isSpaceOrTab(line.charCodeAt(index))) index++;
  const first = line[index];
  if (first === '\\' || first === '/') return true;
  return index + 1 < end && /[A-Za-z]/.test(first ?? '') && line[index + 1] === ':';
}

/** The first `character` in line[start, end), or -1; never looks past `end` (256 entries of a 1 MB line stay linear). */
function indexWithin(line: string, character: string, start: number, end: number): number {
  const code = character.charCodeAt(0);
  for (let index = start; index < end; index++) if (line.charCodeAt(index) === code) return index;
  return -1;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
