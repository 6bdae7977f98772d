// `--fix-dry-run`: a unified diff of what `--fix` would write, with every line-5 password masked
// in both versions before they are compared (so no diff line, added, removed or context, holds
// one). Lines split as the editor splits them (CRLF, LF, a lone CR) and are printed with their
// own ending bytes, as `diff -u` prints a CRLF file.
import { diffArrays } from 'diff';
import { redactNodeFileText } from '../../common/redact';

const CONTEXT = 3;

/** One line of the diff, `text` with its ending. */
type Op = { kind: ' ' | '-' | '+'; text: string; oldIndex: number; newIndex: number };

export function unifiedDiff(name: string, before: string, after: string): string {
  const oldLines = splitKeepingEndings(redactNodeFileText(before));
  const newLines = splitKeepingEndings(redactNodeFileText(after));
  const hunks = groupHunks(oldLines.length === newLines.length ? lineByLine(oldLines, newLines) : shortestEdit(oldLines, newLines));
  if (hunks.length === 0) return '';
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (const hunk of hunks) {
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? hunk[0].oldIndex : hunk[0].oldIndex + 1;
    const newStart = newCount === 0 ? hunk[0].newIndex : hunk[0].newIndex + 1;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    for (const op of hunk) out += printLine(op);
  }
  return out;
}

/**
 * Fixes keep every line where it is (a path.cfg is positional), so with as many lines before
 * as after, line N is compared with line N: a diff algorithm would happily pair a value with
 * an empty line elsewhere and show lines moving that did not move.
 */
function lineByLine(oldLines: readonly string[], newLines: readonly string[]): Op[] {
  const ops: Op[] = [];
  for (let index = 0; index < oldLines.length; ) {
    if (oldLines[index] === newLines[index]) {
      ops.push({ kind: ' ', text: oldLines[index], oldIndex: index, newIndex: index });
      index++;
      continue;
    }
    // A run of changed lines prints as its removals, then its additions, as `diff -u` does.
    let end = index;
    while (end < oldLines.length && oldLines[end] !== newLines[end]) end++;
    for (let line = index; line < end; line++) ops.push({ kind: '-', text: oldLines[line], oldIndex: line, newIndex: index });
    for (let line = index; line < end; line++) ops.push({ kind: '+', text: newLines[line], oldIndex: end, newIndex: line });
    index = end;
  }
  return ops;
}

/** Lines added at the end of a short file (a fix that fills in a missing line): the shortest edit script. */
function shortestEdit(oldLines: string[], newLines: string[]): Op[] {
  const ops: Op[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (const change of diffArrays(oldLines, newLines)) {
    for (const text of change.value) {
      if (change.removed) ops.push({ kind: '-', text, oldIndex: oldIndex++, newIndex });
      else if (change.added) ops.push({ kind: '+', text, oldIndex, newIndex: newIndex++ });
      else ops.push({ kind: ' ', text, oldIndex: oldIndex++, newIndex: newIndex++ });
    }
  }
  return ops;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

function printLine(op: Op): string {
  const text = op.text;
  if (text.endsWith('\n')) return op.kind + text;
  // A lone CR ends a line for the editor but not for `patch`: print it, then a newline.
  if (text.endsWith('\r')) return `${op.kind}${text}\n`;
  return `${op.kind}${text}\n\\ No newline at end of file\n`;
}

/** Changed lines with up to three lines of context, hunks merged where their context meets. */
function groupHunks(ops: readonly Op[]): Op[][] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return [];
  const hunks: Op[][] = [];
  let start = Math.max(0, changed[0] - CONTEXT);
  let end = Math.min(ops.length, changed[0] + CONTEXT + 1);
  for (const index of changed.slice(1)) {
    if (index - CONTEXT <= end) end = Math.min(ops.length, index + CONTEXT + 1);
    else {
      hunks.push(ops.slice(start, end));
      start = index - CONTEXT;
      end = Math.min(ops.length, index + CONTEXT + 1);
    }
  }
  hunks.push(ops.slice(start, end));
  return hunks;
}

/** Lines with their endings; an empty last line (the text ends with a line break) is not a line. */
function splitKeepingEndings(text: string): string[] {
  const lines: string[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push(text.slice(start, match.index + match[0].length));
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}
