// A node file rewritten field by field: untouched lines keep their text and their own line
// ending, a BOM stays, and a file too short for a field grows with the file's own ending. The
// result is handed out as the smallest line-wise edits (textEdits.diffEdits), which never carry
// a line-5 password that is already in the file.
import { FieldId } from '../fields';
import { FieldLine, LineEnding, NodeFile } from '../parse';
import { Piece, TextEdit, comparePositions, lineRange } from '../types';
import { diffEdits } from '../textEdits';
import { HostList, hostKey } from '../values/hosts';

const BOM = '\uFEFF';

export class NodeRewrite {
  private readonly texts: string[];
  private readonly endings: (LineEnding | '')[];
  private readonly changed: FieldId[] = [];

  constructor(readonly node: NodeFile) {
    this.texts = node.lines.map((line) => line.text);
    this.endings = node.lines.map((line) => line.ending);
  }

  /** Replaces a field's value, keeping any whitespace around it (that is another finding's business). */
  setValue(id: FieldId, value: string): this {
    const line = this.node.field[id];
    return this.setLine(id, line.present ? replaceInLine(line, [{ piece: line.value, text: value }]) : value);
  }

  /** Replaces a field's whole line (without its ending). */
  setLine(id: FieldId, text: string): this {
    const line = this.node.field[id];
    if (line.present && line.raw.text === text) return this;
    if (!line.present && text === '') return this;
    this.ensureLine(line.index);
    this.texts[line.index] = text;
    if (!this.changed.includes(id)) this.changed.push(id);
    return this;
  }

  /** The fields changed so far, in the order they were changed. */
  get changedFields(): readonly FieldId[] {
    return this.changed;
  }

  text(): string {
    let text = this.node.hasBom ? BOM : '';
    for (let index = 0; index < this.texts.length; index++) text += this.texts[index] + this.endings[index];
    return text;
  }

  edits(): TextEdit[] {
    if (this.changed.length === 0) return [];
    // Lines replaced in place (the usual case): one edit per changed line, its unchanged start and
    // end left out, no re-parse. A grown file, or line 5, goes through diffEdits, which keeps
    // a password that stays where it is out of the edit.
    if (this.texts.length !== this.node.lines.length || this.changed.includes('remoteLogon')) return diffEdits(this.node.text, this.text());
    return this.changed.flatMap((id) => {
      const line = this.node.lines[this.node.field[id].index];
      const after = this.texts[line.index];
      if (after === line.text) return [];
      let start = 0;
      while (start < line.text.length && start < after.length && line.text[start] === after[start]) start++;
      let end = 0;
      while (end < line.text.length - start && end < after.length - start && line.text[line.text.length - 1 - end] === after[after.length - 1 - end]) end++;
      const column = line.column;
      return [{ range: lineRange(line.index, column + start, column + line.text.length - end), newText: after.slice(start, after.length - end) }];
    });
  }

  /**
   * Makes line `index` exist. A file that ends with a line break keeps ending with one: the empty
   * "line" after its last break is filled and a new break follows it.
   */
  private ensureLine(index: number): void {
    const last = this.texts.length - 1;
    const endsWithBreak = last > 0 && this.texts[last] === '' && this.endings[last - 1] !== '';
    const needed = endsWithBreak ? index + 2 : index + 1;
    while (this.texts.length < needed) {
      this.endings[this.texts.length - 1] = this.node.ending;
      this.texts.push('');
      this.endings.push('');
    }
  }
}

/** The line's text with each piece (a part of that line) replaced; pieces must not overlap. */
export function replaceInLine(line: FieldLine, replacements: readonly { piece: Piece; text: string }[]): string {
  const base = line.raw.range.start.character;
  // At one point an insertion goes before a deletion that starts there.
  const width = (piece: Piece) => piece.range.end.character - piece.range.start.character;
  const sorted = [...replacements].sort((a, b) => comparePositions(a.piece.range.start, b.piece.range.start) || width(a.piece) - width(b.piece));
  let result = '';
  let cursor = 0;
  for (const { piece, text } of sorted) {
    const start = piece.range.start.character - base;
    result += line.raw.text.slice(cursor, start) + text;
    cursor = piece.range.end.character - base;
  }
  return result + line.raw.text.slice(cursor);
}

/**
 * A host list line (15 or 16) without the hosts whose key is in `remove` (each taken out with one
 * separator, so `a;b;c` minus `b` is `a;c`), and with `append` added after the last host, joined
 * by `;`. Everything else keeps its spelling and order.
 */
export function editHostList(line: FieldLine, list: HostList, remove: ReadonlySet<string>, append: readonly string[] = []): string {
  const tokens = [...list.hosts.map((piece) => ({ piece, host: true })), ...list.separators.map((piece) => ({ piece, host: false }))].sort((a, b) =>
    comparePositions(a.piece.range.start, b.piece.range.start),
  );
  const removed = new Set<number>();
  tokens.forEach((token, index) => {
    if (!token.host || !remove.has(hostKey(token.piece.text))) return;
    removed.add(index);
    if (index > 0 && !tokens[index - 1].host && !removed.has(index - 1)) removed.add(index - 1);
    else if (index + 1 < tokens.length && !tokens[index + 1].host) removed.add(index + 1);
  });
  const kept = tokens.filter((token, index) => token.host && !removed.has(index));
  if (kept.length === 0) {
    // Nothing of the old list is left: the line is just the new hosts.
    return append.join(';');
  }
  const deletions = [...removed].map((index) => ({ piece: tokens[index].piece, text: '' }));
  if (append.length === 0) return replaceInLine(line, deletions);
  const last = kept[kept.length - 1].piece;
  const insertion = { piece: { text: '', range: { start: last.range.end, end: last.range.end } }, text: append.map((host) => `;${host}`).join('') };
  return replaceInLine(line, [...deletions, insertion]);
}

/** Does the list name this host (as DNS compares names)? */
export function listHasHost(list: HostList, host: string): boolean {
  const key = hostKey(host);
  return list.hosts.some((piece) => hostKey(piece.text) === key);
}
