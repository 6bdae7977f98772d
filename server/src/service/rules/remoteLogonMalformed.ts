import { t } from '../l10n';
import { Piece, lineRange } from '../types';
import { slicePiece } from '../values/pieces';
import { RemoteLogonEntry } from '../values/remoteLogon';
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
      const where = entries.length > 1 ? t('{0} (line {1}), entry {2} of {3}', field.title, field.line, index + 1, entries.length) : t('{0} (line {1}), entry {2}', field.title, field.line, index + 1);
      if (entry.text.length === 0) {
        findings.push({ range: entry.range, message: t('{0}, is empty (a stray "|"); an entry is `\\\\server\\share;user;password`, entries joined by "|".', where) });
        continue;
      }
      const owner = passwordOwner(entries, index);
      if (owner !== undefined) {
        // `\\fs\share;user;pa|ss`: the tail of a password holding `|` reads as an entry of its own.
        findings.push({
          range: entry.range,
          message: t(
            '{0}, does not start with a share path: a "|" separates entries, so the password of entry {1} most likely holds a "|" and IceWarp reads the rest of it as this entry. A password on this line cannot contain "|": give the account a password without one, on the share and here.',
            where,
            owner + 1,
          ),
        });
        continue;
      }
      if (entry.partCount < 3) {
        const message =
          entry.partCount === 1
            ? t('{0}, lacks the user and the password; an entry is `\\\\server\\share;user;password`, so IceWarp cannot log on to the share.', where)
            : t('{0}, lacks the password; an entry is `\\\\server\\share;user;password`, so IceWarp cannot log on to the share.', where);
        findings.push({ range: entry.range, message });
        continue;
      }
      if (!entry.path) {
        findings.push({ range: entry.range, message: t('{0}, has no share path; an entry is `\\\\server\\share;user;password`, so IceWarp does not know where to log on.', where) });
      } else if (entry.path.style !== 'unc') {
        findings.push({ range: entry.path.range, message: t('{0}, starts with a path that is not a UNC path; an entry is `\\\\server\\share;user;password`: the credentials are for a network share.', where) });
      }
      if (!entry.user || entry.user.text.length === 0) {
        // The two `;` around the empty user: a visible mark that touches neither path nor password.
        const range = entry.path && entry.password ? lineRange(entry.range.start.line, entry.path.range.end.character, entry.password.range.start.character) : entry.range;
        findings.push({ range, message: t('{0}, has an empty user; an entry is `\\\\server\\share;user;password`, so IceWarp cannot log on to the share.', where) });
      }
      for (const glue of gluedEntries(entry.password)) {
        findings.push({
          range: glue.range,
          message: t('{0}, holds a second share path in its password: entries are joined by "|", not by "{1}", so IceWarp reads the next credential as part of this password.', where, glue.text),
          fixes: [joinWithBar(glue)],
        });
      }
    }
    return findings;
  },
};

/**
 * The index of the entry whose password this entry is most likely the tail of: an entry that
 * starts with no path, after a well-formed entry (perhaps past other such tails: `pw|a|b`).
 */
function passwordOwner(entries: readonly RemoteLogonEntry[], index: number): number | undefined {
  for (let before = index; before > 0; before--) {
    const tail = entries[before];
    if (tail.wellFormed || startsWithPath(tail) || tail.text.length === 0) return undefined;
    if (entries[before - 1].wellFormed) return before - 1;
  }
  return undefined;
}

/** Does the entry start with a rooted path (`\\server\share`, `D:\`, `/mnt/...`), as an entry does? */
function startsWithPath(entry: RemoteLogonEntry): boolean {
  return entry.path !== undefined && entry.path.style !== 'relative';
}

/** The `,` or `;` characters in a password that glue a second entry to it. */
function gluedEntries(password: Piece | undefined): Piece[] {
  if (!password) return [];
  return [...password.text.matchAll(GLUED_ENTRY)].map((match) => slicePiece(password, match.index ?? 0, (match.index ?? 0) + 1));
}

/** `,` or `;` -> `|`. Not preferred: however unlikely, the character may be part of the password. */
function joinWithBar(glue: Piece): FixOffer<'remote-logon-join-entries'> {
  return partFixOffer('remote-logon-join-entries', false, [glue], (glues) => ({
    title: glues.length === 1 ? t('Join the two entries with "|"') : t('Join the {0} entries with "|"', glues.length + 1),
    edits: glues.map((each) => replacePiece(each, '|')),
  }));
}
