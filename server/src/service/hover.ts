// Hover: the field a line is read as, its documentation, and what the current value means.
import { FIELD_COUNT } from './fields';
import { NodeFile } from './parse';
import { Position, Range, lineRange } from './types';
import { unreadLineText, valueMeaning } from './describe';
import { t } from './l10n';
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
      markdown: `**${t('Line {0}', lineNumber)}** · ${t('not read')}\n\n${unreadLineText()} ${t("This line is ignored; IceWarp's own template keeps its examples down here.")}`,
      range: wholeLine,
    };
  }
  const line = node.fields[position.line];
  const field = line.field;
  const parts = [`**${field.title}** · ${t('line {0}', field.line)}${field.deprecated ? ` · *${t('deprecated')}*` : ''}`, field.docs, '---', ...valueMeaning(node, line), ...hostFileNotes(node, position, workspace)];
  return { markdown: parts.join('\n\n').replace(/\n\n- /g, '\n- '), range: wholeLine };
}
