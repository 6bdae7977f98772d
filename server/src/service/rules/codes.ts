// The diagnostic catalog: the public contract (docs/diagnostics.md and the README's code table
// are checked against it). Codes and fix ids are stable: add freely, never rename or drop.
import { Severity } from '../types';

export interface CodeInfo {
  severity: Severity;
  /** What the code means, for the README and the settings description. */
  summary: string;
  /**
   * The ids of the quick fixes a finding of this code may carry. The rule types (rule.ts) read
   * this list, so a rule cannot attach a fix its code does not declare.
   */
  fixes: readonly string[];
}

export const DIAGNOSTIC_CODES = {
  'server-id-too-long': { severity: 'error', summary: 'The Server ID (line 4) has more than 2 characters.', fixes: ['server-id-keep-first-two', 'server-id-next-free'] },
  'server-id-invalid-char': { severity: 'error', summary: 'The Server ID holds something other than ASCII letters and digits.', fixes: ['server-id-next-free'] },
  'server-id-not-numeric': { severity: 'information', summary: 'The Server ID is valid but not all digits; numbers are recommended.', fixes: ['server-id-next-free'] },
  'server-id-missing': { severity: 'warning', summary: 'The Server ID is empty in a cluster.', fixes: ['server-id-next-free'] },
  'server-id-duplicate': { severity: 'error', summary: 'Two nodes share a Server ID, so their message file names collide.', fixes: ['server-id-by-numbering', 'server-id-next-free'] },
  'unc-malformed': { severity: 'error', summary: 'A UNC path lacks its server or share, has a wrong prefix, or holds characters a server or share name cannot.', fixes: ['unc-repair-prefix'] },
  'unc-forward-slashes': { severity: 'warning', summary: 'A Windows-style path uses `/`.', fixes: ['unc-backslashes'] },
  'path-invalid': { severity: 'error', summary: 'A path holds characters Windows forbids, or is relative where a directory is expected.', fixes: [] },
  'path-mixed-style': { severity: 'warning', summary: 'The file mixes Windows and POSIX paths.', fixes: [] },
  'shared-folder-local': { severity: 'warning', summary: 'In a cluster, a folder that must be common is local (drive letter, install folder) or the config path is empty.', fixes: [] },
  'shared-folder-mismatch': { severity: 'warning', summary: 'A node points a common folder (lines 1, 6, 7) at another folder than the majority of its cluster (with no majority, each side).', fixes: ['cluster-use-majority'] },
  'shared-temp-folder': { severity: 'warning', summary: 'A per-server working folder (queues, temp) lies on a share; an error when two nodes use the same one.', fixes: ['working-folder-local-default'] },
  whitespace: { severity: 'warning', summary: 'A value has leading or trailing spaces or tabs, which IceWarp reads as part of it.', fixes: ['whitespace-trim'] },
  'role-invalid': { severity: 'error', summary: 'The slave flag (line 14) is not empty, `0` or `1`.', fixes: ['slave-flag-0', 'slave-flag-1'] },
  'slave-without-master': { severity: 'error', summary: 'The node is a slave (line 14 is `1`) but names no master host (line 15).', fixes: [] },
  'master-host-multiple': { severity: 'error', summary: 'Line 15 names more than one host.', fixes: ['master-host-keep-first', 'master-host-keep-other'] },
  'host-possible-typo': { severity: 'warning', summary: "A host on line 15 or 16 is no node's hostname but within a typo of one (or of a host more nodes of the cluster name).", fixes: ['host-did-you-mean'] },
  'host-invalid': { severity: 'error', summary: 'A host (lines 11, 15, 16) is neither a valid DNS name nor an IP address.', fixes: [] },
  'slave-list-separator': { severity: 'warning', summary: 'Slave hosts are separated by `,` or spaces instead of `;`.', fixes: ['slave-list-semicolons'] },
  'slave-duplicate': { severity: 'warning', summary: 'A host appears twice in the slave list.', fixes: ['slave-remove-repeat'] },
  'master-in-slave-list': { severity: 'error', summary: 'The master host also appears in the slave list.', fixes: ['slave-remove-master'] },
  'role-mismatch': { severity: 'warning', summary: "The slave flag contradicts this server's own hostname in the master host or slave list.", fixes: ['slave-flag-0', 'slave-flag-1'] },
  'cluster-multiple-masters': { severity: 'error', summary: 'Two nodes of one cluster both say master.', fixes: [] },
  'cluster-membership-mismatch': { severity: 'warning', summary: 'A node names another master host or slave list than the majority of its cluster (with no majority, each side).', fixes: ['cluster-use-majority'] },
  'hostname-contradicted': { severity: 'error', summary: "The node's own hostname (line 11) is a typo away from the name every other node of its cluster calls it by.", fixes: ['hostname-use-cluster-name'] },
  'cluster-member-not-listed': { severity: 'warning', summary: 'The slave list does not name a node yet that names the same master, shares the Config folder and lists itself: a node added (or taken out) one file at a time.', fixes: ['slave-add-member'] },
  'slave-not-listed': { severity: 'error', summary: "A slave of the cluster's master that no slave list names, not even its own.", fixes: ['slave-add-member'] },
  'standalone-on-shared-config': { severity: 'error', summary: "A standalone server (no master host, no slaves) whose Config path (line 1) is a cluster's shared Config folder: a second master writing one configuration.", fixes: [] },
  'duplicate-identity': { severity: 'warning', summary: 'Two nodes use the same hostname, bind the same IP, or publish the same TeamChat URL.', fixes: ['ip-binding-by-numbering', 'hostname-by-numbering'] },
  'ip-binding-invalid': { severity: 'error', summary: 'Line 10 is not `ips` or `ips|ips` of valid IPv4/IPv6 addresses joined by `;`.', fixes: ['ip-binding-remove-bad'] },
  'remote-logon-malformed': { severity: 'error', summary: 'A line 5 entry is not `UNC path;user;password`, or two entries are glued with `,` or `;` where `|` belongs.', fixes: ['remote-logon-join-entries'] },
  'url-invalid': { severity: 'error', summary: 'Line 17 is not an absolute http(s) URL.', fixes: [] },
  'reserved-line': { severity: 'information', summary: 'Line 3 is reserved and should be empty.', fixes: ['reserved-clear'] },
  'deprecated-field': { severity: 'hint', summary: 'Lines 6 and 7 (AntiSpam, GroupWare paths) are deprecated.', fixes: [] },
  'retry-outside-outgoing': { severity: 'information', summary: 'The retry queue (line 9) is not inside the outgoing queue (line 8).', fixes: ['retry-under-outgoing'] },
  'remote-logon-password-empty': { severity: 'warning', summary: 'A line 5 entry names a user but its password is empty.', fixes: [] },
  'remote-logon-uncovered': { severity: 'information', summary: 'Line 5 has entries, but a UNC share used by another line has none.', fixes: [] },
  'mixed-line-endings': { severity: 'information', summary: 'The file mixes CRLF and LF line endings.', fixes: ['line-endings-normalise'] },
  'lines-shifted': { severity: 'error', summary: 'The file looks shifted by one line (an empty line inserted or a line deleted), so every later value is read as the next or previous field.', fixes: ['lines-shifted-remove-line', 'lines-shifted-insert-line'] },
  'extra-lines': { severity: 'information', summary: 'There is content after line 17, which IceWarp does not read.', fixes: [] },
  'file-too-large': { severity: 'information', summary: 'The file is larger than `icewarp.maxFileSize` and was not validated.', fixes: [] },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The fix ids a code declares: `FixIdOf<'whitespace'>` is `'whitespace-trim'`; a code without fixes gives `never`. */
export type FixIdOf<C extends DiagnosticCode> = (typeof DIAGNOSTIC_CODES)[C]['fixes'][number];

/** Every fix id of the catalog. */
export type FixId = FixIdOf<DiagnosticCode>;

/** The codes that declare at least one quick fix. */
export const CODES_WITH_FIXES: readonly DiagnosticCode[] = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter(
  (code) => DIAGNOSTIC_CODES[code].fixes.length > 0,
);

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
