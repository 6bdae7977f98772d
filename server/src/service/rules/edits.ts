// Building blocks of quick fixes: edits on the parsed model that touch only their own line and
// write the file's own line ending.
import { FieldLine, NodeFile } from '../parse';
import { Piece, Range, TextEdit, comparePositions } from '../types';
import { HostList } from '../values/hosts';

/** Replaces a field's value (its trimmed text), creating the line if the file is too short. */
export function setValue(node: NodeFile, line: FieldLine, text: string): TextEdit[] {
  if (line.present) return [{ range: line.value.range, newText: text }];
  const lastIndex = node.lines.length - 1;
  return [{ range: node.endOfDocument, newText: node.ending.repeat(line.index - lastIndex) + text }];
}

export function deleteRange(range: Range): TextEdit {
  return { range, newText: '' };
}

export function replacePiece(piece: Piece, newText: string): TextEdit {
  return { range: piece.range, newText };
}

/** From `start` to `end`, each end taken at the piece's start or end. */
export function rangeBetween(start: Piece, end: Piece, fromEndOfStart: boolean, toStartOfEnd: boolean): Range {
  return { start: fromEndOfStart ? start.range.end : start.range.start, end: toStartOfEnd ? end.range.start : end.range.end };
}

/** Adds a host after the last one of a host list (`a;b` -> `a;b;c`); an empty list becomes the host alone. */
export function appendHost(node: NodeFile, line: FieldLine, list: HostList, host: string): TextEdit[] {
  const last = list.hosts[list.hosts.length - 1];
  if (!last) return setValue(node, line, host);
  return [{ range: { start: last.range.end, end: last.range.end }, newText: `;${host}` }];
}

/**
 * Removes hosts from a host list together with one separator each (the one before, or after
 * for the first), so `a;b;c` minus `b` is `a;c`. Deletions of neighbours merge.
 */
export function removeHosts(list: HostList, remove: readonly Piece[]): TextEdit[] {
  const tokens = [...list.hosts.map((piece) => ({ piece, host: true })), ...list.separators.map((piece) => ({ piece, host: false }))].sort(
    (a, b) => comparePositions(a.piece.range.start, b.piece.range.start),
  );
  const removed = new Set<number>();
  tokens.forEach((token, index) => {
    if (!token.host || !remove.includes(token.piece)) return;
    removed.add(index);
    if (index > 0 && !tokens[index - 1].host) removed.add(index - 1);
    else if (index + 1 < tokens.length && !tokens[index + 1].host) removed.add(index + 1);
  });
  // Every host gone: the separators go too.
  if (tokens.every((token, index) => !token.host || removed.has(index))) tokens.forEach((_, index) => removed.add(index));
  return mergeDeletions([...removed].sort((a, b) => a - b).map((index) => tokens[index].piece.range));
}

/** Adjacent deletions become one edit, so fix-all never sees two edits touching at a point. */
export function mergeDeletions(ranges: readonly Range[]): TextEdit[] {
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && comparePositions(last.end, range.start) >= 0) {
      if (comparePositions(range.end, last.end) > 0) last.end = range.end;
    } else merged.push({ start: { ...range.start }, end: { ...range.end } });
  }
  return merged.map(deleteRange);
}
