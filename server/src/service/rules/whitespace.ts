import { FieldLine } from '../parse';
import { Piece, comparePositions, lineRange } from '../types';
import { deleteRange } from './edits';
import { FixOffer, partFixOffer } from './fix';
import { Finding, Rule } from './rule';
import { t } from '../l10n';

/** IceWarp reads the whole line, so stray spaces or tabs silently change the value. */
export const whitespace: Rule<'whitespace'> = {
  code: 'whitespace',
  scope: 'file',
  check({ node }) {
    const findings: Finding<'whitespace'>[] = [];
    for (const line of node.fields) {
      const { raw, value, field } = line;
      if (raw.text === value.text) continue;
      const lineIndex = raw.range.start.line;
      const message = value.text.length === 0 ? t('{0} (line {1}) has only whitespace, which IceWarp reads as part of the value.', field.title, field.line) : t('{0} (line {1}) has leading or trailing whitespace, which IceWarp reads as part of the value.', field.title, field.line);
      const edge = (start: number, end: number): Finding<'whitespace'> => {
        const piece = { text: '', range: lineRange(lineIndex, start, end) };
        return { range: piece.range, message, fixes: [trim(line, piece)] };
      };
      // A whitespace-only value is one run; otherwise each edge is its own range.
      if (value.text.length === 0) {
        findings.push(edge(raw.range.start.character, raw.range.end.character));
        continue;
      }
      if (value.range.start.character > raw.range.start.character) findings.push(edge(raw.range.start.character, value.range.start.character));
      if (value.range.end.character < raw.range.end.character) findings.push(edge(value.range.end.character, raw.range.end.character));
    }
    return findings;
  },
};

/** Deletes one edge of spaces and tabs; edges asked about together are trimmed together. */
function trim(line: FieldLine, edge: Piece): FixOffer<'whitespace-trim'> {
  // A trailing space on line 5 may belong to the last password: trim it only when asked, and say so.
  const isPreferred = line.field.id !== 'remoteLogon';
  return partFixOffer('whitespace-trim', isPreferred, [edge], (edges) => {
    const trailing = line.value.text.length > 0 && edges.some((piece) => comparePositions(piece.range.start, line.value.range.end) >= 0);
    return {
      title: !isPreferred && trailing ? t('Trim whitespace from {0} (line {1}) (the trailing space may be part of the last password)', line.field.title, line.field.line) : t('Trim whitespace from {0} (line {1})', line.field.title, line.field.line),
      edits: [...edges].sort((a, b) => comparePositions(a.range.start, b.range.start)).map((piece) => deleteRange(piece.range)),
    };
  });
}
