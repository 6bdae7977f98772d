import { Piece, lineRange } from '../types';
import { slicePiece } from '../values/pieces';
import { replacePiece } from './edits';
import { FixOffer, partFixOffer } from './fix';
import { Finding, Rule } from './rule';

/**
 * A `,` or `;` followed by the start of a UNC path (`\\server\` or `//server/`) inside a
 * password: a second entry glued to the first where `|` belongs (`\\fs\a;u;pw1,\\fs\b;u;pw2`).
 */
const GLUED_ENTRY = /[,;][ \t]*(?:\\\\|\/\/)[^\\/;|, \t]+[\\/]/g;

/**
 * Each line-5 entry is `UNC path;user;password`, entries joined by `|`. The message names the
 * entry by its number, never by its text: the entry holds a password. A path that is UNC but
 * malformed is `unc-malformed`'s business. Two entries glued with `,` or `;` read as one whose
 * password swallows the second credential: the glue is flagged, and the fix puts `|` there.
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
      for (const glue of gluedEntries(entry.password)) {
        findings.push({
          range: glue.range,
          message: `${where} holds a second share path in its password: entries are joined by "|", not by "${glue.text}", so IceWarp reads the next credential as part of this password.`,
          fixes: [joinWithBar(glue)],
        });
      }
    }
    return findings;
  },
};

/** The `,` or `;` characters in a password that glue a second entry to it. */
function gluedEntries(password: Piece | undefined): Piece[] {
  if (!password) return [];
  return [...password.text.matchAll(GLUED_ENTRY)].map((match) => slicePiece(password, match.index ?? 0, (match.index ?? 0) + 1));
}

/** `,` or `;` -> `|`. Not preferred: however unlikely, the character may be part of the password. */
function joinWithBar(glue: Piece): FixOffer<'remote-logon-join-entries'> {
  return partFixOffer('remote-logon-join-entries', false, [glue], (glues) => ({
    title: glues.length === 1 ? 'Join the two entries with "|"' : `Join the ${glues.length + 1} entries with "|"`,
    edits: glues.map((each) => replacePiece(each, '|')),
  }));
}
