import { lineRange } from '../types';
import { Finding, Rule } from './rule';

/**
 * Each line-5 entry is `UNC path;user;password`. The message names the entry by its number,
 * never by its text: the entry holds a password. A path that is UNC but malformed is
 * `unc-malformed`'s business.
 */
export const remoteLogonMalformed: Rule<'remote-logon-malformed'> = {
  code: 'remote-logon-malformed',
  scope: 'file',
  check({ node }) {
    const { field } = node.field.remoteLogon;
    const entries = node.remoteLogon;
    const findings: Finding<'remote-logon-malformed'>[] = [];
    for (const [index, entry] of entries.entries()) {
      const where = `${field.title} (line ${field.line}), entry ${index + 1}${entries.length > 1 ? ` of ${entries.length}` : ''},`;
      const shape = 'an entry is `\\\\server\\share;user;password`';
      if (entry.text.length === 0) {
        findings.push({ range: entry.range, message: `${where} is empty (a stray "|"); ${shape}, entries joined by "|".` });
        continue;
      }
      if (entry.partCount < 3) {
        const missing = entry.partCount === 1 ? 'the user and the password' : 'the password';
        findings.push({ range: entry.range, message: `${where} lacks ${missing}; ${shape}, so IceWarp cannot log on to the share.` });
        continue;
      }
      if (!entry.path) {
        findings.push({ range: entry.range, message: `${where} has no share path; ${shape}, so IceWarp does not know where to log on.` });
      } else if (entry.path.style !== 'unc') {
        findings.push({ range: entry.path.range, message: `${where} starts with a path that is not a UNC path; ${shape}: the credentials are for a network share.` });
      }
      if (!entry.user || entry.user.text.length === 0) {
        // The two `;` around the empty user: a visible mark that touches neither path nor password.
        const range = entry.path && entry.password ? lineRange(entry.range.start.line, entry.path.range.end.character, entry.password.range.start.character) : entry.range;
        findings.push({ range, message: `${where} has an empty user; ${shape}, so IceWarp cannot log on to the share.` });
      }
    }
    return findings;
  },
};
