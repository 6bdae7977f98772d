import { comparePositions, TextEdit } from '../types';
import { NodeFile } from '../parse';
import { Finding, Rule } from './rule';
import { quote } from '../mention';
import { deleteRange, replacePiece } from './edits';
import { FixOffer, fixOffer } from './fix';
import { t } from '../l10n';

/** Line 16: "use semicolon for separation". Commas and spaces were seen in old notes and are a mistake. */
export const slaveListSeparator: Rule<'slave-list-separator'> = {
  code: 'slave-list-separator',
  scope: 'file',
  check({ node }) {
    const { field } = node.field.slaveHosts;
    const findings: Finding<'slave-list-separator'>[] = [];
    let fix: FixOffer<'slave-list-semicolons'> | undefined;
    for (const separator of node.slaveHosts.separators) {
      if (separator.text === ';') continue;
      // One fix rewrites every separator of the line, so each finding offers the same one.
      fix ??= semicolons(node);
      findings.push({
        range: separator.range,
        message: t('The {0} list (line {1}) separates hosts with {2}; IceWarp expects a single ";" between hosts and would read the hosts around it wrongly.', field.title, field.line, describeSeparator(separator.text)),
        fixes: [fix],
      });
    }
    return findings;
  },
};

function describeSeparator(text: string): string {
  if (/^;+$/.test(text)) return t('{0} (an empty entry)', quote(text));
  if (text === ',') return t('a comma');
  if (text === ' ') return t('a space');
  if (text === '\t') return t('a tab');
  if (/^\s+$/.test(text)) return t('whitespace');
  return quote(text.replace(/\t/g, '\\t'));
}

/** A separator between two hosts becomes `;`; one before the first or after the last host goes. */
function semicolons(node: NodeFile): FixOffer<'slave-list-semicolons'> {
  return fixOffer('slave-list-semicolons', true, () => {
    const list = node.slaveHosts;
    const tokens = [...list.hosts, ...list.separators].sort((a, b) => comparePositions(a.range.start, b.range.start));
    const edits: TextEdit[] = [];
    tokens.forEach((token, index) => {
      if (list.hosts.includes(token)) return;
      const between = index > 0 && index < tokens.length - 1;
      if (!between) edits.push(deleteRange(token.range));
      else if (token.text !== ';') edits.push(replacePiece(token, ';'));
    });
    return edits.length > 0 ? { title: t('Separate the slave hosts with ;'), edits } : undefined;
  });
}
