import { lineRange } from '../types';
import { Rule } from './rule';

/** Line 4 holds at most two characters; the range starts at the third. */
export const serverIdTooLong: Rule = {
  code: 'server-id-too-long',
  scope: 'file',
  check({ node }) {
    const { value } = node.field.serverId;
    if (value.text.length <= 2) return [];
    const start = value.range.start.character + 2;
    return [
      {
        range: lineRange(value.range.start.line, start, value.range.end.character),
        message: `Server ID "${value.text}" has ${value.text.length} characters; IceWarp allows at most 2.`,
      },
    ];
  },
};
