// Hover: the field a line is read as, its documentation, and what the current value means.
import { FIELD_COUNT } from './fields';
import { NodeFile } from './parse';
import { Position, Range, lineRange } from './types';
import { UNREAD_LINE_TEXT, valueMeaning } from './describe';
import { WorkspaceFacts } from './workspace';
import { hostFileNotes } from './navigation';

export interface HoverResult {
  /** Markdown. Never holds a password. */
  markdown: string;
  range: Range;
}

export function hover(node: NodeFile, position: Position, workspace?: WorkspaceFacts): HoverResult | undefined {
  const textLine = node.lines[position.line];
  if (!textLine) return undefined;
  const lineNumber = position.line + 1;
  const wholeLine = lineRange(textLine.index, textLine.column, textLine.column + textLine.text.length);
  if (lineNumber > FIELD_COUNT) {
    return {
      markdown: `**Line ${lineNumber}** · not read\n\n${UNREAD_LINE_TEXT} This line is ignored; IceWarp's own template keeps its examples down here.`,
      range: wholeLine,
    };
  }
  const line = node.fields[position.line];
  const field = line.field;
  const parts = [`**${field.title}** · line ${field.line}${field.deprecated ? ' · *deprecated*' : ''}`, field.docs, '---', ...valueMeaning(node, line), ...hostFileNotes(node, position, workspace)];
  return { markdown: parts.join('\n\n').replace(/\n\n- /g, '\n- '), range: wholeLine };
}
