import { roleOf } from '../role';
import { Rule } from './rule';
import { excerpt, quote } from '../mention';
import { slaveFlagFix } from './roleInvalid';

/**
 * This server's own hostname (line 11) decides which role lines 15 and 16 give it; line 14
 * must agree. The finding sits on line 14's value (zero-width when empty), the flag to change.
 */
export const roleMismatch: Rule<'role-mismatch'> = {
  code: 'role-mismatch',
  scope: 'file',
  check({ node }) {
    const { flag: role, named } = roleOf(node);
    if (!named || role === 'unknown' || role === named.as) return [];
    const own = node.field.hostname.value;
    const flag = node.field.slaveFlag;
    const flagName = `${flag.field.title} (line ${flag.field.line})`;
    const said = flag.value.text === '' ? 'is empty, which means master' : `is ${flag.value.text} (${role})`;
    if (named.as === 'master') {
      return [
        {
          range: flag.value.range,
          message: `This server (${quote(own.text)}, line 11) is the master host named on line 15, but ${flagName} ${said}; set it to 0 so this server does the master's work.`,
          related: [{ uri: node.uri, range: named.piece.range, message: 'Named as the master host here' }],
          fixes: [slaveFlagFix(node, '0', false, `Set the slave flag to 0: ${excerpt(own.text)} is the master host (line 15)`)],
        },
      ];
    }
    return [
      {
        range: flag.value.range,
        message: `This server (${quote(own.text)}, line 11) is listed as a slave on line 16, but ${flagName} ${said}; set it to 1, or two servers do the master's work.`,
        related: [{ uri: node.uri, range: named.piece.range, message: 'Listed as a slave here' }],
        fixes: [slaveFlagFix(node, '1', false, `Set the slave flag to 1: ${excerpt(own.text)} is listed as a slave (line 16)`)],
      },
    ];
  },
};
