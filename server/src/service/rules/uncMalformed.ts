import { t } from '../l10n';
import { fieldById } from '../fields';
import { allPaths } from '../parse';
import { Range } from '../types';
import { isIPv6Address } from '../values/hosts';
import { PathValue } from '../values/path';
import { replacePiece } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Finding, Rule } from './rule';
import { badRuns, describeCharacters, isControlCharacter } from './characterRuns';

// Letters (any script: NetBIOS and DNS names are not ASCII-only on Windows), digits, `-`, `.`, `_`.
const SERVER_CHARACTER = /^[\p{L}\p{N}._-]$/u;
const SHARE_FORBIDDEN = /^[\\/:*?"<>|]$/;

/**
 * A UNC path is `\\server\share\...`. Every UNC path of the file is checked: the directory
 * lines and the path part of each line-5 entry. The range is the bad part: the prefix, the
 * bad characters of the server or share, or the whole path when a part is missing.
 * Forward slashes are `unc-forward-slashes`' business, and characters after the share are
 * `path-invalid`'s, so no character is reported twice.
 */
export const uncMalformed: Rule<'unc-malformed'> = {
  code: 'unc-malformed',
  scope: 'file',
  check({ node }) {
    const findings: Finding<'unc-malformed'>[] = [];
    for (const { fieldId, path } of allPaths(node)) {
      if (path.style !== 'unc' || !path.unc) continue;
      const field = fieldById(fieldId);
      findings.push(...problems(path, t('{0} (line {1})', field.title, field.line)));
    }
    return findings;
  },
};

function problems(path: PathValue, where: string): Finding<'unc-malformed'>[] {
  const unc = path.unc;
  if (!unc) return [];
  const findings: Finding<'unc-malformed'>[] = [];
  const repair = repairPrefix(path);
  const finding = (range: Range, message: string) => findings.push({ range, message, ...(repair ? { fixes: [repair] } : {}) });
  const { prefix, server, share } = unc;

  if (prefix.text.length === 1) {
    // `\name\...`: a UNC path missing a backslash, or a path without its drive letter. Either
    // way the server/share reading is a guess, so nothing more is said about it.
    finding(prefix.range, t('{0} starts with a single backslash: a UNC path starts with two (\\\\server\\share\\), and a local path needs its drive letter (D:\\...). IceWarp would resolve it against the current drive.', where));
    return findings;
  }
  if (!server || server.text.length === 0) {
    finding(path.range, t('{0} is a UNC path without a server name: write \\\\server\\share\\folder\\, or IceWarp cannot reach the folder.', where));
    return findings;
  }
  if (prefix.text.length > 2) {
    finding(prefix.range, t('{0} starts with {1} separators; a UNC path starts with exactly two (\\\\server\\share\\), so Windows cannot resolve this one.', where, prefix.text.length));
  }
  if (!/^\[.*\]$/.test(server.text) || !isIPv6Address(server.text.slice(1, -1))) {
    for (const run of badRuns(server, (character) => !SERVER_CHARACTER.test(character))) {
      const characters = describeCharacters(run.text);
      finding(
        run.range,
        server.text.includes(':') && isIPv6Address(server.text)
          ? t('{0}: the server name holds {1}, which a server name cannot hold (write an IPv6 address in brackets); only letters, digits, "-", "." and "_" are allowed.', where, characters)
          : t('{0}: the server name holds {1}, which a server name cannot hold; only letters, digits, "-", "." and "_" are allowed.', where, characters),
      );
    }
  }
  if (!share) {
    finding(path.range, t('{0} names the server but no share: a UNC path needs both (\\\\server\\share\\folder\\), or Windows cannot open it.', where));
    return findings;
  }
  for (const run of badRuns(share, (character) => SHARE_FORBIDDEN.test(character) || isControlCharacter(character))) {
    finding(run.range, t('{0}: the share name holds {1}, which Windows does not allow in a share name, so the path cannot be reached.', where, describeCharacters(run.text)));
  }
  return findings;
}

/** `\\\server\share` and `\server\share` mean `\\server\share`; only offered when server and share are both there. */
function repairPrefix(path: PathValue): FixOffer<'unc-repair-prefix'> | undefined {
  const unc = path.unc;
  if (path.style !== 'unc' || !unc?.server || !unc.share || /^(\\\\|\/\/)$/.test(unc.prefix.text)) return undefined;
  const repaired = /^\/+$/.test(unc.prefix.text) ? '//' : '\\\\';
  return fixOffer('unc-repair-prefix', true, () => ({ title: t('Start the UNC path with {0}', repaired), edits: [replacePiece(unc.prefix, repaired)] }));
}
