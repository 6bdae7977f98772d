import { t } from '../l10n';
import { LineEnding, NodeFile, TextLine } from '../parse';
import { TextEdit } from '../types';
import { FixOffer, fixOffer } from './fix';
import { Rule } from './rule';

const NAMES: Record<LineEnding, () => string> = { '\r\n': () => 'CRLF', '\n': () => 'LF', '\r': () => t('a lone CR') };

/** The stray lines a message names by number; past these it counts the rest. */
const MAX_LINES_NAMED = 5;

/**
 * A file that mixes line endings gets one finding, at its first stray ending (from the end of
 * that line's text to the start of the next line: exactly the ending), which counts the lines of
 * each ending and names the stray ones. One for the file, since the cause is one (a line edited
 * or pasted on another system) and so is the fix: one mark per stray ending put eight marks on a
 * file that needed one action.
 *
 * VS Code normalises a document's endings when it loads it (CRLF when more than half of them are
 * CR or CRLF, else LF), so an open document never mixes them: this speaks to files not open (the
 * workspace scan, the command line) and to editors that keep the bytes, and says what VS Code
 * writes on its next save.
 */
export const mixedLineEndings: Rule<'mixed-line-endings'> = {
  code: 'mixed-line-endings',
  scope: 'file',
  check({ node }) {
    const dominant = node.ending;
    const counts = node.endingCounts;
    const total = counts['\r\n'] + counts['\n'] + counts['\r'];
    // Counted at parse time: a file with one kind of ending never splits its lines again here.
    if (total === counts[dominant]) return [];
    const stray = node.lines.filter((line) => line.ending !== '' && line.ending !== dominant);
    if (stray.length === 0) return [];
    const first = stray[0];
    const kinds = (['\r\n', '\n', '\r'] as const).filter((ending) => counts[ending] > 0).sort((a, b) => (a === dominant ? -1 : b === dominant ? 1 : counts[b] - counts[a]));
    const parts = kinds.map((ending) => (ending === dominant ? dominantPart(counts[ending], ending) : strayPart(stray.filter((line) => line.ending === ending), ending)));
    const onSave = vsCodeEnding(counts);
    const written =
      onSave === dominant
        ? t('VS Code writes {0} throughout when it next saves this file, as do the quick fix and `icewarp-pathcfg check --fix`: the ending most lines use.', NAMES[dominant]())
        : t('VS Code writes {0} throughout when it next saves this file (it takes CRLF only when more than half the endings are CR or CRLF); the quick fix and `icewarp-pathcfg check --fix` write {1}, the ending most lines use.', NAMES[onSave](), NAMES[dominant]());
    const consequence = stray.some((line) => line.ending === '\r') || dominant === '\r'
      ? t('IceWarp may not read a lone CR as a line break, which would shift every later field by a line.')
      : t('Tools that read the file line by line may keep a stray CR in the value.');
    return [
      {
        range: { start: { line: first.index, character: first.column + first.text.length }, end: { line: first.index + 1, character: 0 } },
        message: `${t('This file mixes line endings: {0}.', parts.join('; '))} ${written} ${consequence}`,
        fixes: [normalise(node)],
      },
    ];
  },
};

function dominantPart(count: number, ending: LineEnding): string {
  return count === 1 ? t('1 line ends with {0}', NAMES[ending]()) : t('{0} lines end with {1}', count, NAMES[ending]());
}

/** `2 with LF (lines 9, 15)` */
function strayPart(lines: readonly TextLine[], ending: LineEnding): string {
  const numbers = lines.slice(0, MAX_LINES_NAMED).map((line) => line.index + 1).join(', ');
  const more = lines.length - MAX_LINES_NAMED;
  const which = lines.length === 1 ? t('line {0}', numbers) : more > 0 ? t('lines {0} and {1} more', numbers, more) : t('lines {0}', numbers);
  return t('{0} with {1} ({2})', lines.length, NAMES[ending](), which);
}

/** What VS Code's text buffer takes when it loads the text: CRLF when more than half the endings hold a CR. */
export function vsCodeEnding(counts: Readonly<Record<LineEnding, number>>): '\r\n' | '\n' {
  const total = counts['\r\n'] + counts['\n'] + counts['\r'];
  return counts['\r\n'] + counts['\r'] > total / 2 ? '\r\n' : '\n';
}

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
