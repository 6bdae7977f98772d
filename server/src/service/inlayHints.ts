// The field name at the end of every line 1-17, empty lines included, so a positional file reads
// like a labelled one. The label follows the line's position, not its content: insert a line
// in the middle and every line below shows the field it is now read as.
import { FIELD_COUNT } from './fields';
import { NodeFile } from './parse';
import { Position, Range } from './types';
import { unreadLineText } from './describe';
import { t } from './l10n';
import { MAX_UNREAD_LINES } from './bounds';

export interface FieldHint {
  position: Position;
  label: string;
  /** Markdown for the hover over the hint. */
  tooltip: string;
}

/** The arrow points back at the value; the hint sits after it so it never looks like part of the text. */
export const HINT_PREFIX = '← ';

export function inlayHints(node: NodeFile, range?: Range): FieldHint[] {
  const first = range ? range.start.line : 0;
  const last = range ? range.end.line : node.lines.length - 1;
  const hints: FieldHint[] = [];
  let unread = 0;
  for (const line of node.lines.slice(first, last + 1)) {
    const position = { line: line.index, character: line.column + line.text.length };
    if (line.index < FIELD_COUNT) {
      const field = node.fields[line.index].field;
      hints.push({ position, label: `${HINT_PREFIX}${field.title}`, tooltip: `**${field.title}** · ${t('line {0}', field.line)}\n\n${field.docs}` });
    } else if (line.text.trim().length > 0) {
      // A viewport never shows more; a whole-file request on a 200,000-line log gets no more.
      if (++unread > MAX_UNREAD_LINES) break;
      hints.push({ position, label: `${HINT_PREFIX}${t('not read (line {0})', line.index + 1)}`, tooltip: unreadLineText() });
    }
  }
  return hints;
}
