import { FIELD_COUNT } from '../fields';
import { Rule } from './rule';

/** IceWarp reads lines 1-17 only; anything after them is ignored (often notes or a second node's values pasted in). */
export const extraLines: Rule<'extra-lines'> = {
  code: 'extra-lines',
  scope: 'file',
  check({ node }) {
    const extra = node.extraLines;
    if (extra.length === 0) return [];
    const first = extra[0];
    const last = extra[extra.length - 1];
    const lines = extra.length === 1 ? `Line ${first.index + 1} holds` : `${extra.length} lines (${first.index + 1}-${last.index + 1}) hold`;
    return [
      {
        range: { start: { line: first.index, character: first.column }, end: { line: last.index, character: last.column + last.text.length } },
        message: `${lines} content after line ${FIELD_COUNT}, but IceWarp reads only the first ${FIELD_COUNT} lines and ignores the rest.`,
      },
    ];
  },
};
