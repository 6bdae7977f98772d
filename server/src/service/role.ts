// A node's role in its cluster, worked out here and nowhere else: the rules, their fixes, the
// hover and the cluster view all read it.
import { perNode } from './memo';
import { NodeFile } from './parse';
import { Piece } from './types';
import { hostKey } from './values/hosts';
import { t } from './l10n';

export type NodeRole = 'master' | 'slave' | 'unknown';

/** Why the role is what it is: line 14; when line 14 is invalid, how lines 15/16 name this server; or nothing. */
export type RoleEvidence = 'slave-flag' | 'master-host' | 'slave-hosts' | 'none';

export interface RoleReading {
  /** What line 14 says: `1` slave, `0` or empty master, anything else unknown. */
  flag: NodeRole;
  /**
   * How lines 15 and 16 name this server's own hostname (line 11): as the master host (the
   * first host of line 15, the one IceWarp would read), or in the slave list; with the piece.
   */
  named?: { as: 'master' | 'slave'; piece: Piece };
  /** Line 14 when it is valid, else what lines 15/16 say, else unknown. */
  role: NodeRole;
  evidence: RoleEvidence;
  /** The 0-based line the role was read from. */
  line: number;
}

export const roleOf: (node: NodeFile) => RoleReading = perNode(readRole);

function readRole(node: NodeFile): RoleReading {
  const value = node.field.slaveFlag.value.text;
  const flag: NodeRole = value === '1' ? 'slave' : value === '0' || value === '' ? 'master' : 'unknown';
  const named = namedAs(node);
  const flagLine = node.field.slaveFlag.index;
  if (flag !== 'unknown') return { flag, ...(named ? { named } : {}), role: flag, evidence: 'slave-flag', line: flagLine };
  if (named?.as === 'master') return { flag, named, role: 'master', evidence: 'master-host', line: node.field.masterHost.index };
  if (named?.as === 'slave') return { flag, named, role: 'slave', evidence: 'slave-hosts', line: node.field.slaveHosts.index };
  return { flag, role: 'unknown', evidence: 'none', line: flagLine };
}

function namedAs(node: NodeFile): RoleReading['named'] {
  const own = node.field.hostname.value.text;
  if (!own) return undefined;
  const key = hostKey(own);
  const master = node.masterHosts.hosts[0];
  if (master && hostKey(master.text) === key) return { as: 'master', piece: master };
  const listed = node.slaveHosts.hosts.find((host) => hostKey(host.text) === key);
  return listed ? { as: 'slave', piece: listed } : undefined;
}

/** A role as the user reads it: `master`, `slave`, `role unknown`, in the current language. */
export function roleName(role: NodeRole): string {
  switch (role) {
    case 'master':
      return t('master');
    case 'slave':
      return t('slave');
    case 'unknown':
      return t('role unknown');
  }
}
