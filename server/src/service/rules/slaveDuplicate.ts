import { Piece } from '../types';
import { hostKey } from '../values/hosts';
import { Finding, Rule } from './rule';
import { excerpt, listNames, quote } from '../mention';
import { removeHosts } from './edits';
import { partFixOffer } from './fix';
import { t } from '../l10n';

/** A host listed twice in line 16: the repeat is flagged, related to the first mention. */
export const slaveDuplicate: Rule<'slave-duplicate'> = {
  code: 'slave-duplicate',
  scope: 'file',
  check({ node }) {
    const { field } = node.field.slaveHosts;
    const firstByKey = new Map<string, Piece>();
    const findings: Finding<'slave-duplicate'>[] = [];
    for (const host of node.slaveHosts.hosts) {
      const key = hostKey(host.text);
      const first = firstByKey.get(key);
      if (!first) {
        firstByKey.set(key, host);
        continue;
      }
      findings.push({
        range: host.range,
        message: t('{0} appears more than once in {1} (line {2}); host names compare without regard to case, so this repeat adds nothing.', quote(host.text), field.title, field.line),
        related: [{ uri: node.uri, range: first.range, message: t('First listed here as {0}', quote(first.text)) }],
        fixes: [
          partFixOffer('slave-remove-repeat', true, [host], (repeats) => ({
            title: t('Remove the repeated {0} from the slave hosts', listNames([...new Set(repeats.map((repeat) => excerpt(repeat.text)))])),
            edits: removeHosts(node.slaveHosts, repeats),
          })),
        ],
      });
    }
    return findings;
  },
};
