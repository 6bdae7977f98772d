import { t } from '../l10n';
import { lineRange } from '../types';
import { Finding, Rule } from './rule';

/**
 * A line-5 entry `\\server\share;user;` names its user but has no password: IceWarp logs on to
 * the share as that user with an empty password, which a protected share refuses. A new node's
 * line 5 is written this way on purpose (passwords never travel through the editor), so this is
 * the reminder to type them in. The mark is the `;` the password should follow; the message
 * names the entry by its number only, as every line-5 message does.
 */
export const remoteLogonPasswordEmpty: Rule<'remote-logon-password-empty'> = {
  code: 'remote-logon-password-empty',
  scope: 'file',
  check({ node }) {
    const { field } = node.field.remoteLogon;
    const entries = node.remoteLogon;
    const findings: Finding<'remote-logon-password-empty'>[] = [];
    for (const [index, entry] of entries.entries()) {
      // Only `UNC path;user;password` with a user: anything else is remote-logon-malformed's, and
      // what follows the first `;` of a malformed entry may itself be a password.
      if (!entry.wellFormed || !entry.user || entry.user.text.length === 0 || !entry.password || entry.password.text.length > 0) continue;
      const after = entry.password.range.start;
      const where = entries.length > 1 ? t('{0} (line {1}), entry {2} of {3}', field.title, field.line, index + 1, entries.length) : t('{0} (line {1}), entry {2}', field.title, field.line, index + 1);
      findings.push({
        range: lineRange(after.line, after.character - 1, after.character),
        message: t('{0}, names a user but its password is empty, so IceWarp logs on to the share without a password, which a protected share refuses. Type the password after the last ";".', where),
      });
    }
    return findings;
  },
};
