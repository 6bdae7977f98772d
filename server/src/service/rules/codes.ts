// The diagnostic catalog (../shared/diagnostics.md): the public contract. Codes are stable;
// add freely, never rename or drop.
import { Severity } from '../types';

export interface CodeInfo {
  severity: Severity;
  /** What the code means, for the README and the settings description. */
  summary: string;
}

export const DIAGNOSTIC_CODES = {
  'server-id-too-long': { severity: 'error', summary: 'The Server ID (line 4) has more than 2 characters.' },
  'server-id-invalid-char': { severity: 'error', summary: 'The Server ID holds something other than ASCII letters and digits.' },
  'server-id-not-numeric': { severity: 'information', summary: 'The Server ID is valid but not all digits; numbers are recommended.' },
  'server-id-missing': { severity: 'warning', summary: 'The Server ID is empty in a cluster.' },
  'server-id-duplicate': { severity: 'error', summary: 'Two nodes share a Server ID, so their message file names collide.' },
  'unc-malformed': { severity: 'error', summary: 'A UNC path lacks its server or share, has a wrong prefix, or holds characters a server or share name cannot.' },
  'unc-forward-slashes': { severity: 'warning', summary: 'A Windows-style path uses `/`.' },
  'path-invalid': { severity: 'error', summary: 'A path holds characters Windows forbids, or is relative where a directory is expected.' },
  'path-mixed-style': { severity: 'warning', summary: 'The file mixes Windows and POSIX paths.' },
  'shared-folder-local': { severity: 'warning', summary: 'In a cluster, a folder that must be common is local (drive letter, install folder) or the config path is empty.' },
  'shared-folder-mismatch': { severity: 'warning', summary: 'Nodes of one cluster point a common folder (lines 1, 6, 7) at different folders.' },
  'shared-temp-folder': { severity: 'warning', summary: 'A per-server working folder (queues, temp) lies on a share; an error when two nodes use the same one.' },
  whitespace: { severity: 'warning', summary: 'A value has leading or trailing spaces or tabs, which IceWarp reads as part of it.' },
  'role-invalid': { severity: 'error', summary: 'The slave flag (line 14) is not empty, `0` or `1`.' },
  'slave-without-master': { severity: 'error', summary: 'The node is a slave (line 14 is `1`) but names no master host (line 15).' },
  'master-host-multiple': { severity: 'error', summary: 'Line 15 names more than one host.' },
  'host-invalid': { severity: 'error', summary: 'A host (lines 11, 15, 16) is neither a valid DNS name nor an IP address.' },
  'slave-list-separator': { severity: 'warning', summary: 'Slave hosts are separated by `,` or spaces instead of `;`.' },
  'slave-duplicate': { severity: 'warning', summary: 'A host appears twice in the slave list.' },
  'master-in-slave-list': { severity: 'error', summary: 'The master host also appears in the slave list.' },
  'role-mismatch': { severity: 'warning', summary: "The slave flag contradicts this server's own hostname in the master host or slave list." },
  'cluster-multiple-masters': { severity: 'error', summary: 'Two nodes of one cluster both say master.' },
  'cluster-membership-mismatch': { severity: 'warning', summary: 'Nodes of one cluster disagree on the master host or the slave list.' },
  'duplicate-identity': { severity: 'warning', summary: 'Two nodes use the same hostname, bind the same IP, or publish the same TeamChat URL.' },
  'ip-binding-invalid': { severity: 'error', summary: 'Line 10 is not `ips` or `ips|ips` of valid IPv4/IPv6 addresses joined by `;`.' },
  'remote-logon-malformed': { severity: 'error', summary: 'A line 5 entry is not `UNC path;user;password`.' },
  'url-invalid': { severity: 'error', summary: 'Line 17 is not an absolute http(s) URL.' },
  'reserved-line': { severity: 'information', summary: 'Line 3 is reserved and should be empty.' },
  'deprecated-field': { severity: 'hint', summary: 'Lines 6 and 7 (AntiSpam, GroupWare paths) are deprecated.' },
  'retry-outside-outgoing': { severity: 'information', summary: 'The retry queue (line 9) is not inside the outgoing queue (line 8).' },
  'remote-logon-uncovered': { severity: 'information', summary: 'Line 5 has entries, but a UNC share used by another line has none.' },
  'mixed-line-endings': { severity: 'information', summary: 'The file mixes CRLF and LF line endings.' },
  'extra-lines': { severity: 'information', summary: 'There is content after line 17, which IceWarp does not read.' },
  'file-too-large': { severity: 'information', summary: 'The file is larger than `icewarp.maxFileSize` and was not validated.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
