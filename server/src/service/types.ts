// Protocol-free value types. Positions are LSP-compatible (0-based line, UTF-16 character),
// so the adapter can hand them to the protocol unchanged.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type { Severity } from '../../../common/protocolNames';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A piece of text inside one line, with its exact range. */
export interface Piece {
  text: string;
  range: Range;
}

// Ranges on the short lines of a node file are shared, frozen, by every node: a workspace's
// nodes hold the same few thousand, and one object each was a third of a parsed node's memory
// (docs/performance.md, figure (j)). Beyond the table's bounds (long lines, many lines) each is
// its own.
const SHARED_LINES = 32;
const SHARED_COLUMNS = 256;
/** At most this many distinct ranges are shared; a file of odd widths adds the rest unshared. */
const MAX_SHARED_RANGES = 65_536;
const sharedPositions: (Position | undefined)[] = [];
const sharedRanges = new Map<number, Range>();

function isSharable(line: number, character: number): boolean {
  return line >= 0 && line < SHARED_LINES && character >= 0 && character < SHARED_COLUMNS && Number.isInteger(line) && Number.isInteger(character);
}

/** A position that must not be changed in place (it may be shared). */
export function position(line: number, character: number): Position {
  if (!isSharable(line, character)) return { line, character };
  const index = line * SHARED_COLUMNS + character;
  return (sharedPositions[index] ??= Object.freeze({ line, character }));
}

/** A range within one line; it must not be changed in place (it may be shared). */
export function lineRange(line: number, start: number, end: number): Range {
  if (!isSharable(line, start) || !isSharable(line, end)) return { start: { line, character: start }, end: { line, character: end } };
  const key = (line * SHARED_COLUMNS + start) * SHARED_COLUMNS + end;
  const shared = sharedRanges.get(key);
  if (shared) return shared;
  const range = Object.freeze({ start: position(line, start), end: position(line, end) });
  if (sharedRanges.size < MAX_SHARED_RANGES) sharedRanges.set(key, range);
  return range;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Is the position inside the range, ends included? */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Do the ranges share at least one position (touching counts)? */
export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
