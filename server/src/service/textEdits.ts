// Text edits on a node file's text: apply, compare, and turn a rewritten text back into the
// smallest edits. Positions are LSP's (0-based line, UTF-16 character); the BOM, when present,
// is character 0 of line 0, as in the parsed model.
import { parseNodeFile, secretsOf, TextLine } from './parse';
import { Position, Range, TextEdit, comparePositions } from './types';

/** Do two edits touch the same text? Two inserts at one point count as overlapping (their order would be a guess). */
export function editsOverlap(a: Range, b: Range): boolean {
  if (comparePositions(a.end, b.start) < 0 || comparePositions(b.end, a.start) < 0) return false;
  const aEmpty = comparePositions(a.start, a.end) === 0;
  const bEmpty = comparePositions(b.start, b.end) === 0;
  // Touching at one point only: fine unless both are inserts there, or an insert sits at the
  // very point a replacement starts or ends (then the insert's place is ambiguous).
  if (comparePositions(a.end, b.start) === 0 || comparePositions(b.end, a.start) === 0) return aEmpty || bEmpty;
  return true;
}

/** The document offset of a position, clamped to the document as LSP clients do. */
export function offsetAt(lines: readonly TextLine[], textLength: number, position: Position): number {
  if (position.line >= lines.length) return textLength;
  const line = lines[Math.max(0, position.line)];
  const lineEnd = line.offset + line.column + line.text.length;
  return Math.min(line.offset + Math.max(0, position.character), lineEnd);
}

/** Applies non-overlapping edits (positions refer to `text` before any edit). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const { lines } = parseNodeFile('untitled:edit', text);
  const located = edits
    .map((edit, order) => ({ start: offsetAt(lines, text.length, edit.range.start), end: offsetAt(lines, text.length, edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    if (edit.start < cursor) throw new Error('overlapping edits');
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * The edits that turn `before` into `after`, line by line when the line count is unchanged (so
 * an editor keeps markers and folds on the untouched lines), else as one edit spanning the change.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const oldNode = parseNodeFile('untitled:before', before);
  const oldLines = oldNode.lines;
  const newLines = parseNodeFile('untitled:after', after).lines;
  return keepSecretsOut(before, oldLines, secretsOf(oldNode), lineEdits(before, after, oldLines, newLines));
}

function lineEdits(before: string, after: string, oldLines: readonly TextLine[], newLines: readonly TextLine[]): TextEdit[] {
  if (oldLines.length !== newLines.length || oldLines[0].column !== newLines[0].column) return [spanningEdit(before, after, oldLines)];
  const edits: TextEdit[] = [];
  oldLines.forEach((oldLine, index) => {
    const newLine = newLines[index];
    const oldFull = oldLine.text + oldLine.ending;
    const newFull = newLine.text + newLine.ending;
    if (oldFull === newFull) return;
    let prefix = commonPrefix(oldFull, newFull);
    let suffix = commonSuffix(oldFull, newFull, prefix);
    // Never split a CRLF: an edit that reaches into the ending takes all of it.
    prefix = Math.min(prefix, oldLine.text.length);
    let end = oldFull.length - suffix;
    if (end > oldLine.text.length) {
      end = oldFull.length;
      suffix = 0;
    }
    const start: Position = { line: index, character: oldLine.column + prefix };
    const endPosition: Position = end > oldLine.text.length ? { line: index + 1, character: 0 } : { line: index, character: oldLine.column + end };
    edits.push({ range: { start, end: endPosition }, newText: newFull.slice(prefix, newFull.length - suffix) });
  });
  return edits;
}

function spanningEdit(before: string, after: string, oldLines: readonly TextLine[]): TextEdit {
  let prefix = commonPrefix(before, after);
  let suffix = commonSuffix(before, after, prefix);
  // Keep CRLF pairs whole on both sides of the edit.
  if (prefix > 0 && before[prefix - 1] === '\r' && before[prefix] === '\n') prefix--;
  if (suffix > 0 && before[before.length - suffix] === '\n' && before[before.length - suffix - 1] === '\r') suffix--;
  return {
    range: { start: positionAt(oldLines, prefix), end: positionAt(oldLines, before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

/**
 * Edits travel in LSP responses (a code action's edit), so none may carry a line-5 password: an
 * edit whose new text holds a password that its old text holds too is split around it, leaving
 * the password where it is. (Splitting at a common substring keeps the edit's effect.)
 */
function keepSecretsOut(before: string, lines: readonly TextLine[], secrets: readonly string[], edits: readonly TextEdit[]): TextEdit[] {
  if (secrets.length === 0) return [...edits];
  const split = (edit: TextEdit): TextEdit[] => {
    const start = offsetAt(lines, before.length, edit.range.start);
    const end = offsetAt(lines, before.length, edit.range.end);
    const old = before.slice(start, end);
    if (old === edit.newText) return [];
    for (const secret of secrets) {
      const inNew = edit.newText.indexOf(secret);
      const inOld = old.indexOf(secret);
      if (inNew < 0 || inOld < 0) continue;
      const head = { range: { start: edit.range.start, end: positionAt(lines, start + inOld) }, newText: edit.newText.slice(0, inNew) };
      const tail = { range: { start: positionAt(lines, start + inOld + secret.length), end: edit.range.end }, newText: edit.newText.slice(inNew + secret.length) };
      return [...split(head), ...split(tail)];
    }
    return [edit];
  };
  return edits.flatMap(split);
}

function positionAt(lines: readonly TextLine[], offset: number): Position {
  for (let index = lines.length - 1; index >= 0; index--) {
    if (offset >= lines[index].offset) return { line: index, character: offset - lines[index].offset };
  }
  return { line: 0, character: 0 };
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return index;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let length = 0;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}
