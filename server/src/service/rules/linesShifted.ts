import { t } from '../l10n';
import { FIELD_COUNT, FIELDS } from '../fields';
import { LineShift, shiftOf } from '../lineShift';
import { NodeFile } from '../parse';
import { Range } from '../types';
import { fixOffer } from './fix';
import { Rule } from './rule';

/**
 * A file shifted by one line (lineShift.ts) is reported once, where the shift starts, instead of
 * once per field it breaks; while it is, the shifted lines get no finding of their own (see
 * `diagnose`). The fix removes the inserted line or inserts one for the deleted field. It is the
 * one fix that moves lines, and it is never preferred: the reading may be wrong, and a deleted
 * line's value cannot be restored.
 */
export const linesShifted: Rule<'lines-shifted'> = {
  code: 'lines-shifted',
  scope: 'file',
  check({ node }) {
    const shift = shiftOf(node);
    if (!shift) return [];
    return [{ range: rangeOf(node, shift), message: messageOf(shift), fixes: [shift.direction === 'down' ? removeLine(node, shift) : insertLine(node, shift)] }];
  },
};

const titleOf = (line: number) => FIELDS[line - 1].title;

function messageOf(shift: LineShift): string {
  const { line, valueLine, evidence } = shift;
  if (shift.direction === 'down') {
    return t(
      'Lines {0}-{1} look shifted down by one: line {0} is empty and the {2} is on line {3}, so IceWarp reads every value from line {3} on as the field after its own ({4} values fit only the line above them). Remove line {0} if it was inserted by mistake.',
      line,
      FIELD_COUNT,
      titleOf(line),
      valueLine,
      evidence.length,
    );
  }
  if (valueLine === line) {
    return t(
      'Lines {0}-{1} look shifted up by one: the {2} is on line {0}, where the {3} belongs, so a line before it seems deleted and IceWarp reads every value from line {0} on as the field before its own ({4} values fit only the line below them). Insert an empty line at line {0}, then enter the {3} again.',
      line,
      FIELD_COUNT,
      titleOf(line + 1),
      titleOf(line),
      evidence.length,
    );
  }
  return t(
    'Lines {0}-{1} look shifted up by one: the {2} is on line {3}, where the {4} belongs, and lines {0}-{5} are empty, so one of lines {0}-{3} seems deleted and IceWarp reads every value from there on as the field before its own ({6} values fit only the line below them). Insert an empty line at line {0}, then enter the deleted value again on its line.',
    line,
    FIELD_COUNT,
    titleOf(valueLine + 1),
    valueLine,
    titleOf(valueLine),
    valueLine - 1,
    evidence.length,
  );
}

/** From the start of the shift (the inserted line, or where the deleted one may have been) to the end of the first misplaced value. */
function rangeOf(node: NodeFile, shift: LineShift): Range {
  const misplaced = node.fields[shift.valueLine - 1];
  const end = misplaced?.present ? misplaced.value.range.end : node.endOfDocument.end;
  const start = shift.direction === 'down' || shift.valueLine > shift.line ? lineStart(node, shift.line) : misplaced.value.range.start;
  return { start, end };
}

function removeLine(node: NodeFile, shift: LineShift) {
  return fixOffer('lines-shifted-remove-line', false, () => ({
    title: t('Remove the empty line {0} (lines {1}-{2} move up one)', shift.line, shift.line + 1, shift.lastIndex + 1),
    edits: [{ range: { start: lineStart(node, shift.line), end: { line: shift.line, character: 0 } }, newText: '' }],
  }));
}

function insertLine(node: NodeFile, shift: LineShift) {
  return fixOffer('lines-shifted-insert-line', false, () => ({
    title: t('Insert an empty line {0} (lines {0}-{1} move down one)', shift.line, shift.lastIndex + 1),
    edits: [{ range: { start: lineStart(node, shift.line), end: lineStart(node, shift.line) }, newText: node.ending }],
  }));
}

/** Where a 1-based line's text starts: after the BOM on line 1, which stays first in the file. */
function lineStart(node: NodeFile, line: number) {
  return { line: line - 1, character: node.lines[line - 1]?.column ?? 0 };
}
