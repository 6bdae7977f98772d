import { hostKey } from '../values/hosts';
import { Finding, Rule } from './rule';
import { quote } from '../mention';

/** The master (first host of line 15) cannot also be a slave: each list entry naming it is flagged. */
export const masterInSlaveList: Rule = {
  code: 'master-in-slave-list',
  scope: 'file',
  check({ node }) {
    const master = node.masterHosts.hosts[0];
    if (!master) return [];
    const masterKey = hostKey(master.text);
    const masterLine = node.field.masterHost.field;
    const slaveLine = node.field.slaveHosts.field;
    const findings: Finding[] = [];
    for (const host of node.slaveHosts.hosts) {
      if (hostKey(host.text) !== masterKey) continue;
      findings.push({
        range: host.range,
        message: `${quote(host.text)} is the ${masterLine.title.toLowerCase()} (line ${masterLine.line}) and also listed in ${slaveLine.title} (line ${slaveLine.line}); a server is either the master or a slave, not both.`,
        related: [{ uri: node.uri, range: master.range, message: `Named as the master host here` }],
      });
    }
    return findings;
  },
};
