// Runs of characters a value must not hold, and how a message names them. Shared by the
// value rules (Server ID, paths, UNC names) so they all describe characters the same way.
import { t } from '../l10n';
import { Piece, Range, lineRange } from '../types';
import { listNames } from '../mention';
import { MAX_FINDINGS_PER_RULE } from './rule';

export interface CharacterRun {
  /** The offending characters as written. */
  text: string;
  range: Range;
}

/**
 * Every maximal run of characters matching `bad` inside `piece`, from `from` (an offset into
 * the piece) on, at most `limit` of them. `bad` tests one character (a code point: an emoji is
 * one run, two code units).
 */
export function badRuns(piece: Piece, bad: (character: string, offset: number) => boolean, from = 0, limit = MAX_FINDINGS_PER_RULE): CharacterRun[] {
  const runs: CharacterRun[] = [];
  const line = piece.range.start.line;
  const base = piece.range.start.character;
  let runStart = -1;
  let offset = from;
  for (const character of piece.text.slice(from)) {
    const isBad = bad(character, offset);
    if (isBad && runStart < 0) runStart = offset;
    if (!isBad && runStart >= 0) {
      runs.push({ text: piece.text.slice(runStart, offset), range: lineRange(line, base + runStart, base + offset) });
      runStart = -1;
      if (runs.length >= limit) return runs;
    }
    offset += character.length;
  }
  if (runStart >= 0) runs.push({ text: piece.text.slice(runStart, offset), range: lineRange(line, base + runStart, base + offset) });
  return runs;
}

export function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

/** `"*"`, `a space`, `a control character (U+0000)`: one character, readable in a message. */
export function describeCharacter(character: string): string {
  if (character === ' ') return t('a space');
  if (character === '\t') return t('a tab');
  const code = character.codePointAt(0) ?? 0;
  if (isControlCharacter(character)) return t('a control character ({0})', `U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${character}"`;
}

/** The distinct characters of a run, described and listed: `"*" and "?"`. */
export function describeCharacters(text: string): string {
  return listNames([...new Set(Array.from(text))].map(describeCharacter), 4);
}
