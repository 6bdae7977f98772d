import { Piece, lineRange } from '../types';

// No regular expression here looks at a value's edges: `/[ \t]+$/` is quadratic in a long run of
// spaces that is not at the end (each position of the run scans it to its end), and every
// keystroke parses the document.

/** The piece without leading and trailing spaces or tabs, its range narrowed to match. */
export function trimPiece(piece: Piece): Piece {
  const [start, end] = spaceAndTabTrimmed(piece.text);
  // Most values have no spaces to trim: the piece itself, not a copy, for every unopened node.
  if (start === 0 && end === piece.text.length) return piece;
  const text = piece.text.slice(start, end);
  const from = piece.range.start.character + start;
  return { text, range: lineRange(piece.range.start.line, from, from + text.length) };
}

/** The text without leading and trailing spaces or tabs (as IceWarp's values are compared and shown). */
export function trimSpacesAndTabs(text: string): string {
  const [start, end] = spaceAndTabTrimmed(text);
  return text.slice(start, end);
}

/** The text without the run of `character` at its end: `withoutTrailing('\\\\fs\\x\\\\', '\\')` is `\\\\fs\\x`. */
export function withoutTrailing(text: string, character: string): string {
  const code = character.charCodeAt(0);
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === code) end--;
  return text.slice(0, end);
}

function spaceAndTabTrimmed(text: string): [start: number, end: number] {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * The most parts a list value is split into; the last part keeps the rest of the line. A real
 * slave list or IP binding has a handful, and no rule then has to bear a 1 MB line of `;` as
 * half a million hosts (the tail becomes one long, invalid part).
 */
export const MAX_LIST_PARTS = 256;

/**
 * Splits a piece at every match of `separator`, keeping exact ranges for the parts and the
 * separators between them. `limit` caps the number of parts: the last part keeps the rest.
 */
export function splitPiece(piece: Piece, separator: RegExp, limit = MAX_LIST_PARTS): { parts: Piece[]; separators: Piece[] } {
  const flags = separator.flags.includes('g') ? separator.flags : separator.flags + 'g';
  const pattern = new RegExp(separator.source, flags);
  const parts: Piece[] = [];
  const separators: Piece[] = [];
  const line = piece.range.start.line;
  const base = piece.range.start.character;
  let partStart = 0;
  for (const match of piece.text.matchAll(pattern)) {
    if (parts.length + 1 >= limit) break;
    if (match[0].length === 0) continue;
    const index = match.index ?? 0;
    parts.push({ text: piece.text.slice(partStart, index), range: lineRange(line, base + partStart, base + index) });
    separators.push({ text: match[0], range: lineRange(line, base + index, base + index + match[0].length) });
    partStart = index + match[0].length;
  }
  parts.push({ text: piece.text.slice(partStart), range: lineRange(line, base + partStart, base + piece.text.length) });
  return { parts, separators };
}

/** A sub-piece by character offsets relative to the piece's start. */
export function slicePiece(piece: Piece, start: number, end = piece.text.length): Piece {
  const base = piece.range.start.character;
  return { text: piece.text.slice(start, end), range: lineRange(piece.range.start.line, base + start, base + end) };
}
