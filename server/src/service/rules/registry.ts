// Every rule, registered once. A rule's code carries its default severity and the ids of its
// quick fixes (codes.ts); the fixes themselves are built in the rule's own file.
import { AnyRule } from './rule';
import { serverIdDuplicate } from './serverIdDuplicate';
import { serverIdTooLong } from './serverIdTooLong';
import { whitespace } from './whitespace';
import { serverIdInvalidChar } from './serverIdInvalidChar';
import { serverIdNotNumeric } from './serverIdNotNumeric';
import { serverIdMissing } from './serverIdMissing';
import { uncMalformed } from './uncMalformed';
import { uncForwardSlashes } from './uncForwardSlashes';
import { pathInvalid } from './pathInvalid';
import { pathMixedStyle } from './pathMixedStyle';
import { sharedFolderLocal } from './sharedFolderLocal';
import { sharedTempFolder } from './sharedTempFolder';
import { reservedLine } from './reservedLine';
import { remoteLogonMalformed } from './remoteLogonMalformed';
import { remoteLogonUncovered } from './remoteLogonUncovered';
import { deprecatedField } from './deprecatedField';
import { retryOutsideOutgoing } from './retryOutsideOutgoing';
import { ipBindingInvalid } from './ipBindingInvalid';
import { urlInvalid } from './urlInvalid';
import { mixedLineEndings } from './mixedLineEndings';
import { extraLines } from './extraLines';
import { sharedFolderMismatch } from './sharedFolderMismatch';
import { sharedTempFolderCollision } from './sharedTempFolderCollision';
import { duplicateIdentity } from './duplicateIdentity';
import { hostInvalid } from './hostInvalid';
import { hostPossibleTypo } from './hostPossibleTypo';
import { roleInvalid } from './roleInvalid';
import { roleMismatch } from './roleMismatch';
import { slaveWithoutMaster } from './slaveWithoutMaster';
import { clusterMultipleMasters } from './clusterMultipleMasters';
import { masterHostMultiple } from './masterHostMultiple';
import { masterInSlaveList } from './masterInSlaveList';
import { slaveListSeparator } from './slaveListSeparator';
import { slaveDuplicate } from './slaveDuplicate';
import { clusterMembershipMismatch } from './clusterMembershipMismatch';
import { hostnameContradicted } from './hostnameContradicted';
import { clusterMemberNotListed } from './clusterMemberNotListed';
import { slaveNotListed } from './slaveNotListed';
import { standaloneOnSharedConfig } from './standaloneOnSharedConfig';
import { linesShifted } from './linesShifted';
import { remoteLogonPasswordEmpty } from './remoteLogonPasswordEmpty';

export const RULES: readonly AnyRule[] = [
  // The whole layout: a file shifted by one line (its shifted lines get no other finding).
  linesShifted,
  // Line 4: the Server ID.
  serverIdTooLong,
  serverIdInvalidChar,
  serverIdNotNumeric,
  serverIdMissing,
  serverIdDuplicate,
  // Every line: edges; the paths of lines 1, 2, 5-9, 13 and the file's own shape.
  whitespace,
  uncMalformed,
  uncForwardSlashes,
  pathInvalid,
  pathMixedStyle,
  sharedFolderLocal,
  sharedTempFolder,
  // Lines 3, 5, 6-7, 9.
  reservedLine,
  remoteLogonMalformed,
  remoteLogonPasswordEmpty,
  remoteLogonUncovered,
  deprecatedField,
  retryOutsideOutgoing,
  // Lines 1, 6, 7 and the working folders across nodes.
  sharedFolderMismatch,
  sharedTempFolderCollision,
  // Lines 10, 11, 17: each node's own identity; lines 11, 14-16: hosts and roles.
  ipBindingInvalid,
  duplicateIdentity,
  hostInvalid,
  hostPossibleTypo,
  roleInvalid,
  roleMismatch,
  slaveWithoutMaster,
  clusterMultipleMasters,
  masterHostMultiple,
  masterInSlaveList,
  slaveListSeparator,
  slaveDuplicate,
  clusterMembershipMismatch,
  // Who is wrong across nodes, as the cluster evidence decides: line 11, line 16, line 1.
  hostnameContradicted,
  clusterMemberNotListed,
  slaveNotListed,
  standaloneOnSharedConfig,
  // Line 17 and past it; the whole file's line endings.
  urlInvalid,
  extraLines,
  mixedLineEndings,
];
