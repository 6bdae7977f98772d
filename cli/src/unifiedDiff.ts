// `--fix-dry-run`: a unified diff of what `--fix` would write, with every line-5 password masked
// (so no diff line, added, removed or context, holds one). A masked line cannot be applied: it is
// never context, and its own change is printed commented out (see `unifiedDiff`). Lines split as
// the editor splits them (CRLF, LF, a lone CR) and are printed with their own ending bytes, as
// `diff -u` prints a CRLF file.
import { diffArrays } from 'diff';
import { redactNodeFileText } from '../../common/redact';
import { hasRawBytes } from '../../server/src/host/diskNodeFiles';

const CONTEXT = 3;

/**
 * One line of the diff: `text` as printed (masked) with its ending; `masked` when that differs
 * from the line in the file (it holds a password), so `git apply` could not match or write it.
 */
type Op = { kind: ' ' | '-' | '+'; text: string; masked: boolean; oldIndex: number; newIndex: number };

export interface FileDiff {
  /** The unified diff; '' when nothing changes. */
  text: string;
  /** 1-based lines whose change is printed masked, as a comment `git apply` skips: not applicable. */
  notApplicable: number[];
}

/** The marker of a change the diff cannot carry: its lines follow, each commented out. */
export const NOT_APPLICABLE_MARK = '# not applicable: contains a password';

/**
 * The diff of `before` -> `after` for `name`. Lines are compared as they are and printed masked.
 * With `forReading`, masked lines are treated as any other (the diff is shown, not applied).
 * A masked line is never context (a hunk beside it has no context on that side, so apply it with
 * `git apply --unidiff-zero`), and a change of a masked line is printed after the file's hunks,
 * commented out under NOT_APPLICABLE_MARK, where `git apply` and `patch` skip it.
 */
export function unifiedDiff(name: string, before: string, after: string, options: { forReading?: boolean } = {}): FileDiff {
  const oldLines = splitKeepingEndings(before);
  const newLines = splitKeepingEndings(after);
  const oldShown = shownLines(before, oldLines);
  const newShown = shownLines(after, newLines);
  const ops = oldLines.length === newLines.length ? lineByLine(oldLines, newLines, oldShown, newShown) : shortestEdit(oldLines, newLines, oldShown, newShown);
  // A diff only read (a push's preview), never applied: masked lines are context and hunks like any other.
  if (options.forReading) for (const op of ops) op.masked = false;
  const { applicable, withheld } = groupHunks(ops);
  if (applicable.length === 0 && withheld.length === 0) return { text: '', notApplicable: [] };
  const header = quoteName(name);
  let out = `--- ${header('a/')}\n+++ ${header('b/')}\n`;
  for (const hunk of applicable) out += printHunk(hunk, '');
  for (const hunk of withheld) out += `${NOT_APPLICABLE_MARK}\n${printHunk(hunk, '# ')}`;
  const notApplicable = [...new Set(withheld.flatMap((hunk) => hunk.map((op) => (op.kind === '+' ? op.newIndex : op.oldIndex) + 1)))].sort((a, b) => a - b);
  return { text: out, notApplicable };
}

function printHunk(hunk: readonly Op[], prefix: string): string {
  const oldCount = hunk.filter((op) => op.kind !== '+').length;
  const newCount = hunk.filter((op) => op.kind !== '-').length;
  const oldStart = oldCount === 0 ? hunk[0].oldIndex : hunk[0].oldIndex + 1;
  const newStart = newCount === 0 ? hunk[0].newIndex : hunk[0].newIndex + 1;
  let out = `${prefix}@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
  for (const op of hunk) out += printLine(op, prefix);
  return out;
}

/** Each line as printed: masked where it holds a password (the whole text masked at once, as the redactor reads lines). */
function shownLines(text: string, lines: readonly string[]): string[] {
  const shown = splitKeepingEndings(redactNodeFileText(text));
  // Masking keeps every line break; were it ever not so, every line counts as masked.
  return shown.length === lines.length ? shown : lines.map(() => '');
}

/**
 * Fixes keep every line where it is (a path.cfg is positional), so with as many lines before
 * as after, line N is compared with line N: a diff algorithm would happily pair a value with
 * an empty line elsewhere and show lines moving that did not move.
 */
function lineByLine(oldLines: readonly string[], newLines: readonly string[], oldShown: readonly string[], newShown: readonly string[]): Op[] {
  const ops: Op[] = [];
  const masked = (line: number) => oldShown[line] !== oldLines[line] || newShown[line] !== newLines[line];
  for (let index = 0; index < oldLines.length; ) {
    if (oldLines[index] === newLines[index]) {
      ops.push({ kind: ' ', text: oldShown[index], masked: oldShown[index] !== oldLines[index], oldIndex: index, newIndex: index });
      index++;
      continue;
    }
    // A run of changed lines prints as its removals, then its additions, as `diff -u` does; a
    // masked line is a run of its own, so the lines around it stay applicable.
    let end = index + 1;
    if (!masked(index)) while (end < oldLines.length && oldLines[end] !== newLines[end] && !masked(end)) end++;
    for (let line = index; line < end; line++) ops.push({ kind: '-', text: oldShown[line], masked: masked(line), oldIndex: line, newIndex: index });
    for (let line = index; line < end; line++) ops.push({ kind: '+', text: newShown[line], masked: masked(line), oldIndex: end, newIndex: line });
    index = end;
  }
  return ops;
}

/** Lines added at the end of a short file (a fix that fills in a missing line): the shortest edit script. */
function shortestEdit(oldLines: string[], newLines: string[], oldShown: readonly string[], newShown: readonly string[]): Op[] {
  const ops: Op[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (const change of diffArrays(oldLines, newLines)) {
    for (let count = 0; count < change.value.length; count++) {
      if (change.removed) {
        ops.push({ kind: '-', text: oldShown[oldIndex], masked: oldShown[oldIndex] !== oldLines[oldIndex], oldIndex, newIndex });
        oldIndex++;
      } else if (change.added) {
        ops.push({ kind: '+', text: newShown[newIndex], masked: newShown[newIndex] !== newLines[newIndex], oldIndex, newIndex });
        newIndex++;
      } else {
        ops.push({ kind: ' ', text: oldShown[oldIndex], masked: oldShown[oldIndex] !== oldLines[oldIndex], oldIndex, newIndex });
        oldIndex++;
        newIndex++;
      }
    }
  }
  // Here removals and additions of a run need not pair line by line: a run with a masked line
  // is withheld whole.
  for (let start = 0; start < ops.length; ) {
    if (ops[start].kind === ' ') {
      start++;
      continue;
    }
    let end = start;
    while (end < ops.length && ops[end].kind !== ' ') end++;
    if (ops.slice(start, end).some((op) => op.masked)) for (let index = start; index < end; index++) ops[index].masked = true;
    start = end;
  }
  return ops;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

function printLine(op: Op, prefix: string): string {
  const text = op.text;
  if (text.endsWith('\n')) return prefix + op.kind + text;
  // A lone CR ends a line for the editor but not for `patch`: print it, then a newline.
  if (text.endsWith('\r')) return `${prefix}${op.kind}${text}\n`;
  return `${prefix}${op.kind}${text}\n${prefix}\\ No newline at end of file\n`;
}

/**
 * A header's path as git writes it: C-quoted (`"a/x\\033y"`, bytes in octal) when it holds a
 * quote, a backslash, a control character or a byte that is no UTF-8 (./diskPaths.ts), which
 * `git apply` and `patch` read back; as it is otherwise.
 */
function quoteName(name: string): (side: string) => string {
  if (!/["\\\u0000-\u001f\u007f]/.test(name) && !hasRawBytes(name)) return (side) => `${side}${name}`;
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  const octal = (byte: number) => `\\${byte.toString(8).padStart(3, '0')}`;
  let quoted = '';
  // By code point: an astral character is one, a byte kept from a name that is no UTF-8 another.
  for (const character of name) {
    const code = character.codePointAt(0) ?? 0;
    if (escapes[character]) quoted += escapes[character];
    else if (code < 0x20 || code === 0x7f) quoted += octal(code);
    else if (code >= 0xdc80 && code <= 0xdcff) quoted += octal(code - 0xdc00);
    else quoted += character;
  }
  return (side) => `"${side}${quoted}"`;
}

/**
 * Changed lines with up to three lines of context, hunks merged where their context meets. A
 * masked line is never context: it splits the ops into stretches, each hunked on its own; a
 * change of a masked line is withheld.
 */
function groupHunks(ops: readonly Op[]): { applicable: Op[][]; withheld: Op[][] } {
  const applicable: Op[][] = [];
  const withheld: Op[][] = [];
  let stretch: Op[] = [];
  let held: Op[] = [];
  const endStretch = () => {
    applicable.push(...hunksOf(stretch));
    stretch = [];
  };
  const endHeld = () => {
    if (held.length > 0) withheld.push(held);
    held = [];
  };
  for (const op of ops) {
    if (!op.masked) {
      endHeld();
      stretch.push(op);
    } else {
      endStretch();
      if (op.kind === ' ') endHeld();
      else held.push(op);
    }
  }
  endStretch();
  endHeld();
  return { applicable, withheld };
}

function hunksOf(ops: readonly Op[]): Op[][] {
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
