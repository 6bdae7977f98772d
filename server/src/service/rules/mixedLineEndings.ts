import { t } from '../l10n';
import { LineEnding, NodeFile } from '../parse';
import { TextEdit } from '../types';
import { FixOffer, fixOffer } from './fix';
import { Finding, Rule } from './rule';

const NAMES: Record<LineEnding, () => string> = { '\r\n': () => 'CRLF', '\n': () => 'LF', '\r': () => t('a lone CR') };

/** Past this many stray endings the file was converted wholesale; one finding says so. */
const MAX_MARKED = 20;

/**
 * Each line ending that differs from the file's dominant one is marked where it is: the range
 * runs from the end of the line's text to the start of the next line, i.e. exactly the ending
 * (as ESLint's linebreak-style does). Marking each one, rather than the first with a count,
 * shows which lines another editor touched; a path.cfg has about 17 lines, so that is a
 * handful of marks, and the quick fix normalises them all at once. A file with more stray
 * endings than that gets one finding at the first, with the count.
 */
export const mixedLineEndings: Rule<'mixed-line-endings'> = {
  code: 'mixed-line-endings',
  scope: 'file',
  check({ node }) {
    const dominant = node.ending;
    // Counted at parse time: a file with one kind of ending never splits its lines again here.
    if (Object.values(node.endingCounts).reduce((sum, count) => sum + count, 0) === node.endingCounts[dominant]) return [];
    const stray = node.lines.filter((line) => line.ending !== '' && line.ending !== dominant);
    if (stray.length === 0) return [];
    const total = stray.length + node.endingCounts[dominant];
    const fixes = [normalise(node)];
    const rangeOf = (index: number) => {
      const line = stray[index];
      return { start: { line: line.index, character: line.column + line.text.length }, end: { line: line.index + 1, character: 0 } };
    };
    const consequence = (ending: LineEnding | '') =>
      ending === '\r'
        ? ` ${t('IceWarp may not read a lone CR as a line break, which would shift every later field by a line.')}`
        : ` ${t('Tools that read the file line by line may keep a stray CR in the value.')}`;
    if (stray.length > MAX_MARKED) {
      return [
        {
          range: rangeOf(0),
          message: t('{0} of {1} lines end differently from the rest ({2}); the first is line {3}.', stray.length, total, NAMES[dominant](), stray[0].index + 1) + consequence(stray.some((line) => line.ending === '\r') ? '\r' : '\n'),
          fixes,
        },
      ];
    }
    return stray.map((line, index): Finding<'mixed-line-endings'> => ({
      range: rangeOf(index),
      message: t("Line {0} ends with {1}, but {2} of the file's {3} lines end with {4}.", line.index + 1, NAMES[line.ending as LineEnding](), node.endingCounts[dominant], total, NAMES[dominant]()) + consequence(line.ending),
      fixes,
    }));
  },
};

/** Every line ending the file's dominant one (a lone CR too). */
function normalise(node: NodeFile): FixOffer<'line-endings-normalise'> {
  return fixOffer('line-endings-normalise', true, () => {
    const ending = node.ending;
    const name = ending === '\r\n' ? 'CRLF' : ending === '\n' ? 'LF' : 'CR';
    const edits: TextEdit[] = node.lines
      .filter((line) => line.ending !== '' && line.ending !== ending)
      .map((line) => ({
        range: { start: { line: line.index, character: line.column + line.text.length }, end: { line: line.index + 1, character: 0 } },
        newText: ending,
      }));
    return edits.length > 0 ? { title: t('Use {0} line endings throughout (as most lines do)', name), edits } : undefined;
  });
}
