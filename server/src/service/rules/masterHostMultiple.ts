import { lineRange } from '../types';
import { Rule } from './rule';
import { quote } from '../mention';

/** Line 15 holds exactly one host: the range runs from the end of the first to the end of the value. */
export const masterHostMultiple: Rule = {
  code: 'master-host-multiple',
  scope: 'file',
  check({ node }) {
    const { hosts } = node.masterHosts;
    if (hosts.length < 2) return [];
    const { value, field } = node.field.masterHost;
    const first = hosts[0];
    return [
      {
        range: lineRange(value.range.start.line, first.range.end.character, value.range.end.character),
        message: `${field.title} (line ${field.line}) names ${hosts.length} hosts, but a cluster has exactly one master and IceWarp reads this line as one host name; keep only the master (${quote(first.text)}).`,
      },
    ];
  },
};
