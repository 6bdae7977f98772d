import { DIRECTORY_FIELDS } from '../fields';
import { NodeFile } from '../parse';
import { PathValue, folderKey } from '../values/path';
import { Finding, Rule } from './rule';
import { MAX_RELATED, clusterPeers, perNode } from './clusterPeers';
import { listNames, nodeName, otherNodes, quote } from '../mention';

/** Lines that every node of a cluster must point at the same folder (lines 1, 6, 7). */
const COMMON_FIELDS = DIRECTORY_FIELDS.filter((field) => field.sharing === 'common');

/** Per common line: the style and folder key of the path it holds, or undefined when empty. */
const commonFolders = perNode((node) =>
  COMMON_FIELDS.map((field) => {
    const path = node.paths.get(field.id);
    return path ? { path, key: `${path.style}:${folderKey(path)}` } : undefined;
  }),
);

/**
 * Nodes of one cluster must point a common folder at the same place. Only paths of the same
 * style are compared: a Linux mount (`/mnt/icewarp/config`) and a UNC path or a mapped drive
 * can be the same share, which this file cannot tell. Empty lines are shared-folder-local's.
 */
export const sharedFolderMismatch: Rule<'shared-folder-mismatch'> = {
  code: 'shared-folder-mismatch',
  scope: 'workspace',
  check({ node, workspace }) {
    const peers = clusterPeers(node, workspace);
    if (peers.length === 0) return [];
    const findings: Finding<'shared-folder-mismatch'>[] = [];
    const ownFolders = commonFolders(node);
    COMMON_FIELDS.forEach((field, fieldIndex) => {
      const ownFolder = ownFolders[fieldIndex];
      if (!ownFolder) return;
      const own = ownFolder.path;
      const differing: { peer: NodeFile; path: PathValue }[] = [];
      for (const peer of peers) {
        const theirs = commonFolders(peer)[fieldIndex];
        if (theirs && theirs.path.style === own.style && theirs.key !== ownFolder.key) differing.push({ peer, path: theirs.path });
      }
      if (differing.length === 0) return;
      const folders = [...new Set(differing.map(({ path }) => quote(path.text)))];
      findings.push({
        range: own.range,
        message: `${field.title} (line ${field.line}) points at ${quote(own.text)}, but ${otherNodes(differing.length)} of this cluster ${differing.length === 1 ? 'uses' : 'use'} ${listNames(folders)}; every node must share the same ${field.title.replace(/ path$/, '')} folder, or they work from different data.`,
        related: differing.slice(0, MAX_RELATED).map(({ peer, path }) => ({
          uri: peer.uri,
          range: path.range,
          message: `${nodeName(peer)} uses ${quote(path.text)}`,
        })),
      });
    });
    return findings;
  },
};
