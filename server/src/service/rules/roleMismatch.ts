import { t } from '../l10n';
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
    const empty = flag.value.text === '';
    const title = flag.field.title;
    const at = flag.field.line;
    const roleName = role === 'master' ? 'master' : 'slave';
    if (named.as === 'master') {
      return [
        {
          range: flag.value.range,
          message: empty
            ? t("This server ({0}, line 11) is the master host named on line 15, but {1} (line {2}) is empty, which means master; set it to 0 so this server does the master's work.", quote(own.text), title, at)
            : t("This server ({0}, line 11) is the master host named on line 15, but {1} (line {2}) is {3} ({4}); set it to 0 so this server does the master's work.", quote(own.text), title, at, flag.value.text, roleName),
          related: [{ uri: node.uri, range: named.piece.range, message: t('Named as the master host here') }],
          fixes: [slaveFlagFix(node, '0', false, t('Set the slave flag to 0: {0} is the master host (line 15)', excerpt(own.text)))],
        },
      ];
    }
    return [
      {
        range: flag.value.range,
        message: empty
          ? t("This server ({0}, line 11) is listed as a slave on line 16, but {1} (line {2}) is empty, which means master; set it to 1, or two servers do the master's work.", quote(own.text), title, at)
          : t("This server ({0}, line 11) is listed as a slave on line 16, but {1} (line {2}) is {3} ({4}); set it to 1, or two servers do the master's work.", quote(own.text), title, at, flag.value.text, roleName),
        related: [{ uri: node.uri, range: named.piece.range, message: t('Listed as a slave here') }],
        fixes: [slaveFlagFix(node, '1', false, t('Set the slave flag to 1: {0} is listed as a slave (line 16)', excerpt(own.text)))],
      },
    ];
  },
};
