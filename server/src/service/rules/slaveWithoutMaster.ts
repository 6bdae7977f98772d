import { Rule } from './rule';

/**
 * A slave (line 14 is `1`) that names no master host (line 15) has no one to follow.
 * The finding sits on line 14's `1`: it is always present and visible, whereas line 15 is
 * empty (a zero-width squiggle that is hard to see) or, in a short file, not there at all.
 * The related location still points at line 15, where the fix goes.
 */
export const slaveWithoutMaster: Rule<'slave-without-master'> = {
  code: 'slave-without-master',
  scope: 'file',
  check({ node }) {
    const flag = node.field.slaveFlag;
    const master = node.field.masterHost;
    if (flag.value.text !== '1' || node.masterHosts.hosts.length > 0) return [];
    return [
      {
        range: flag.value.range,
        message: `${flag.field.title} (line ${flag.field.line}) makes this server a slave, but ${master.field.title} (line ${master.field.line}) is empty: a slave needs the host name of the master it follows.`,
        related: [{ uri: node.uri, range: master.value.range, message: `Write the master's host name on line ${master.field.line}` }],
      },
    ];
  },
};
