import { lineRange } from '../types';
import { Rule } from './rule';
import { excerpt, quote } from '../mention';
import { setValue } from './edits';
import { fixOffer } from './fix';

/** Line 15 holds exactly one host: the range runs from the end of the first to the end of the value. */
export const masterHostMultiple: Rule<'master-host-multiple'> = {
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
        // Which one is the master is the user's call: one fix per host, none preferred.
        fixes: hosts.map((host, index) =>
          fixOffer(index === 0 ? 'master-host-keep-first' : 'master-host-keep-other', false, () => ({
            title: `Keep only ${excerpt(host.text)} as the master host`,
            edits: setValue(node, node.field.masterHost, host.text),
          })),
        ),
      },
    ];
  },
};
