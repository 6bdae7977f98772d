import { hostKey } from '../values/hosts';
import { Finding, Rule } from './rule';
import { excerpt, quote } from '../mention';
import { removeHosts } from './edits';
import { fixOffer } from './fix';
import { t } from '../l10n';

/**
 * The master (first host of line 15) cannot also be a slave: each list entry naming it is
 * flagged. Removing it is preferred, except when it is this server's own hostname: whether
 * line 15 or line 16 is wrong is then this server's identity, and no fix-all takes a server out
 * of its own slave list.
 */
export const masterInSlaveList: Rule<'master-in-slave-list'> = {
  code: 'master-in-slave-list',
  scope: 'file',
  check({ node }) {
    const master = node.masterHosts.hosts[0];
    if (!master) return [];
    const masterKey = hostKey(master.text);
    const masterLine = node.field.masterHost.field;
    const slaveLine = node.field.slaveHosts.field;
    const listed = node.slaveHosts.hosts.filter((host) => hostKey(host.text) === masterKey);
    if (listed.length === 0) return [];
    const own = node.field.hostname.value.text;
    const isItself = own !== '' && hostKey(own) === masterKey;
    // Every entry naming the master goes at once, so each finding offers the same fix.
    const fix = fixOffer('slave-remove-master', !isItself, () => ({
      title: t('Remove the master host {0} from the slave hosts', excerpt(listed[0].text)),
      edits: removeHosts(node.slaveHosts, listed),
    }));
    return listed.map(
      (host): Finding<'master-in-slave-list'> => ({
        range: host.range,
        message: t('{0} is the master host (line {1}) and also listed in {2} (line {3}); a server is either the master or a slave, not both.', quote(host.text), masterLine.line, slaveLine.title, slaveLine.line),
        related: [{ uri: node.uri, range: master.range, message: t('Named as the master host here') }],
        fixes: [fix],
      }),
    );
  },
};
