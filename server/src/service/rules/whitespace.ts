import { lineRange } from '../types';
import { Finding, Rule } from './rule';

/** IceWarp reads the whole line, so stray spaces or tabs silently change the value. */
export const whitespace: Rule = {
  code: 'whitespace',
  scope: 'file',
  check({ node }) {
    const findings: Finding[] = [];
    for (const { raw, value, field } of node.fields) {
      if (raw.text === value.text) continue;
      const line = raw.range.start.line;
      const message = `${field.title} (line ${field.line}) has ${value.text.length === 0 ? 'only whitespace' : 'leading or trailing whitespace'}, which IceWarp reads as part of the value.`;
      // A whitespace-only value is one run; otherwise each edge is its own range.
      if (value.text.length === 0) {
        findings.push({ range: raw.range, message });
        continue;
      }
      if (value.range.start.character > raw.range.start.character) {
        findings.push({ range: lineRange(line, raw.range.start.character, value.range.start.character), message });
      }
      if (value.range.end.character < raw.range.end.character) {
        findings.push({ range: lineRange(line, value.range.end.character, raw.range.end.character), message });
      }
    }
    return findings;
  },
};
