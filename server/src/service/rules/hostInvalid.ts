import { t } from '../l10n';
import { FieldLine } from '../parse';
import { Piece } from '../types';
import { hostProblem } from '../values/hosts';
import { Finding, Rule } from './rule';
import { quote } from '../mention';

/**
 * Lines 11, 15 and 16 name hosts other servers must reach: each must be a DNS name or an IP
 * address. One finding per bad host, on that host.
 */
export const hostInvalid: Rule<'host-invalid'> = {
  code: 'host-invalid',
  scope: 'file',
  check({ node }) {
    const findings: Finding<'host-invalid'>[] = [];
    const hostname = node.field.hostname;
    if (hostname.value.text.length > 0) findings.push(...checkHost(hostname, hostname.value));

    const master = node.field.masterHost;
    for (const host of node.masterHosts.hosts) findings.push(...checkHost(master, host));
    // Line 15 holds one host and IceWarp reads the whole line as its name, so a separator
    // before or after it (`mx1.example.net;`) makes the name invalid. Between two hosts it is
    // master-host-multiple's business.
    const { hosts, separators } = node.masterHosts;
    for (const separator of separators) {
      // Parts and separators alternate, so only one before the first host or after the last is stray.
      const between = hosts.length > 0 && separator.range.start.character >= hosts[0].range.end.character &&
        separator.range.end.character <= hosts[hosts.length - 1].range.start.character;
      if (between) continue;
      findings.push({
        range: separator.range,
        message: t('{0} (line {1}) has a stray {2}; IceWarp reads the whole line as one host name, which then is not valid.', master.field.title, master.field.line, quote(separator.text)),
      });
    }

    const slaves = node.field.slaveHosts;
    for (const host of node.slaveHosts.hosts) findings.push(...checkHost(slaves, host));
    return findings;
  },
};

/** Past this length a value is no host by its length alone; reading all of a pasted megabyte would say no more. */
const LONGEST_READ = 1024;

function checkHost(line: FieldLine, host: Piece): Finding<'host-invalid'>[] {
  const problem = host.text.length > LONGEST_READ ? t('it is longer than 253 characters') : hostProblem(host.text);
  if (!problem) return [];
  return [
    {
      range: host.range,
      message: t('{0} in {1} (line {2}) is neither a valid DNS name nor an IP address ({3}), so other servers cannot reach this host.', quote(host.text), line.field.title, line.field.line, problem),
    },
  ];
}
