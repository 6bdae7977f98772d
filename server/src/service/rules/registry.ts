// Every rule, registered once. A rule's code carries its default severity (codes.ts) and
// its quick fixes (../fixes.ts), so all three meet on the code.
import { Rule } from './rule';
import { serverIdDuplicate } from './serverIdDuplicate';
import { serverIdTooLong } from './serverIdTooLong';
import { whitespace } from './whitespace';
import { sharedFolderMismatch } from './sharedFolderMismatch';
import { sharedTempFolderCollision } from './sharedTempFolderCollision';
import { duplicateIdentity } from './duplicateIdentity';
import { hostInvalid } from './hostInvalid';
import { roleInvalid } from './roleInvalid';
import { roleMismatch } from './roleMismatch';
import { slaveWithoutMaster } from './slaveWithoutMaster';
import { clusterMultipleMasters } from './clusterMultipleMasters';
import { masterHostMultiple } from './masterHostMultiple';
import { masterInSlaveList } from './masterInSlaveList';
import { slaveListSeparator } from './slaveListSeparator';
import { slaveDuplicate } from './slaveDuplicate';
import { clusterMembershipMismatch } from './clusterMembershipMismatch';

export const RULES: readonly Rule[] = [
  serverIdTooLong,
  serverIdDuplicate,
  whitespace,
  // Lines 1, 6, 7 and the working folders across nodes.
  sharedFolderMismatch,
  sharedTempFolderCollision,
  // Lines 10, 11, 17: each node's own identity; lines 11, 14-16: hosts and roles.
  duplicateIdentity,
  hostInvalid,
  roleInvalid,
  roleMismatch,
  slaveWithoutMaster,
  clusterMultipleMasters,
  masterHostMultiple,
  masterInSlaveList,
  slaveListSeparator,
  slaveDuplicate,
  clusterMembershipMismatch,
];
