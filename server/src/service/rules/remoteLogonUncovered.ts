import { t } from '../l10n';
import { lineRange } from '../types';
import { shareKey } from '../values/path';
import { Finding, Rule } from './rule';
import { excerpt } from '../mention';
import { isShiftedField } from '../lineShift';

/**
 * Once line 5 holds credentials, a share another line uses without an entry is reached with
 * the service account's own rights, which is easy to miss. Flags the `server\share` part.
 */
export const remoteLogonUncovered: Rule<'remote-logon-uncovered'> = {
  code: 'remote-logon-uncovered',
  scope: 'file',
  check({ node }) {
    // Line 5 as read is another field's value in a shifted file: whose share it covers means nothing.
    if (node.remoteLogon.length === 0 || isShiftedField(node, 'remoteLogon')) return [];
    const covered = new Set(node.remoteLogon.map((entry) => (entry.path ? shareKey(entry.path) : undefined)).filter((key) => key !== undefined));
    const findings: Finding<'remote-logon-uncovered'>[] = [];
    for (const line of node.fields) {
      const path = node.paths.get(line.field.id);
      const key = path && shareKey(path);
      // A single leading backslash is no share at all (unc-malformed says so).
      if (!path?.unc?.server || !path.unc.share || path.unc.prefix.text.length < 2 || !key || covered.has(key)) continue;
      const { server, share } = path.unc;
      findings.push({
        range: lineRange(server.range.start.line, server.range.start.character, share.range.end.character),
        message: t("{0} (line {1}) uses the share {2}, which has no Remote logon entry (line 5); IceWarp reaches it with the service account's own rights.", line.field.title, line.field.line, excerpt(`\\\\${server.text}\\${share.text}`)),
      });
    }
    return findings;
  },
};
