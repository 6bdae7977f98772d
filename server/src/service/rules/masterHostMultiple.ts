import { lineRange } from '../types';
import { Rule } from './rule';
import { excerpt, quote } from '../mention';
import { setValue } from './edits';
import { fixOffer } from './fix';
import { t } from '../l10n';

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
        message: t('{0} (line {1}) names {2} hosts, but a cluster has exactly one master and IceWarp reads this line as one host name; keep only the master ({3}).', field.title, field.line, hosts.length, quote(first.text)),
        // Which one is the master is the user's call: one fix per host, none preferred.
        fixes: hosts.map((host, index) =>
          fixOffer(index === 0 ? 'master-host-keep-first' : 'master-host-keep-other', false, () => ({
            title: t('Keep only {0} as the master host', excerpt(host.text)),
            edits: setValue(node, node.field.masterHost, host.text),
          })),
        ),
      },
    ];
  },
};
