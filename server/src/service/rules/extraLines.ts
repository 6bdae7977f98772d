import { FIELD_COUNT } from '../fields';
import { Rule } from './rule';
import { t } from '../l10n';

/** IceWarp reads lines 1-17 only; anything after them is ignored (often notes or a second node's values pasted in). */
export const extraLines: Rule<'extra-lines'> = {
  code: 'extra-lines',
  scope: 'file',
  check({ node }) {
    const extra = node.extraLines;
    if (extra.length === 0) return [];
    const first = extra[0];
    const last = extra[extra.length - 1];
        return [
      {
        range: { start: { line: first.index, character: first.column }, end: { line: last.index, character: last.column + last.text.length } },
        message:
          extra.length === 1
            ? t('Line {0} holds content after line {1}, but IceWarp reads only the first {1} lines and ignores the rest.', first.index + 1, FIELD_COUNT)
            : t('{0} lines ({1}-{2}) hold content after line {3}, but IceWarp reads only the first {3} lines and ignores the rest.', extra.length, first.index + 1, last.index + 1, FIELD_COUNT),
      },
    ];
  },
};
