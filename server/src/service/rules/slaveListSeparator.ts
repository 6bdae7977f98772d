import { Finding, Rule } from './rule';
import { quote } from '../mention';

/** Line 16: "use semicolon for separation". Commas and spaces were seen in old notes and are a mistake. */
export const slaveListSeparator: Rule = {
  code: 'slave-list-separator',
  scope: 'file',
  check({ node }) {
    const { field } = node.field.slaveHosts;
    const findings: Finding[] = [];
    for (const separator of node.slaveHosts.separators) {
      if (separator.text === ';') continue;
      findings.push({
        range: separator.range,
        message: `The ${field.title} list (line ${field.line}) separates hosts with ${describeSeparator(separator.text)}; IceWarp expects a single ";" between hosts and would read the hosts around it wrongly.`,
      });
    }
    return findings;
  },
};

function describeSeparator(text: string): string {
  if (/^;+$/.test(text)) return `${quote(text)} (an empty entry)`;
  if (text === ',') return 'a comma';
  if (text === ' ') return 'a space';
  if (text === '\t') return 'a tab';
  if (/^\s+$/.test(text)) return 'whitespace';
  return quote(text.replace(/\t/g, '\\t'));
}
