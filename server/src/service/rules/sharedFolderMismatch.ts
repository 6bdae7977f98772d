import { DIRECTORY_FIELDS } from '../fields';
import { NodeFile } from '../parse';
import { PathValue, folderKey } from '../values/path';
import { Finding, Rule } from './rule';
import { MAX_RELATED, clusterPeers } from './clusterPeers';
import { listNames, nodeLabel, otherNodes, quote } from './mention';

/** Lines that every node of a cluster must point at the same folder (lines 1, 6, 7). */
const COMMON_FIELDS = DIRECTORY_FIELDS.filter((field) => field.sharing === 'common');

/**
 * Nodes of one cluster must point a common folder at the same place. Only paths of the same
 * style are compared: a Linux mount (`/mnt/icewarp/config`) and a UNC path or a mapped drive
 * can be the same share, which this file cannot tell. Empty lines are shared-folder-local's.
 */
export const sharedFolderMismatch: Rule = {
  code: 'shared-folder-mismatch',
  scope: 'workspace',
  check({ node, workspace }) {
    const peers = clusterPeers(node, workspace);
    if (peers.length === 0) return [];
    const findings: Finding[] = [];
    for (const field of COMMON_FIELDS) {
      const own = node.paths.get(field.id);
      if (!own) continue;
      const ownKey = folderKey(own);
      const differing: { peer: NodeFile; path: PathValue }[] = [];
      for (const peer of peers) {
        const theirs = peer.paths.get(field.id);
        if (theirs && theirs.style === own.style && folderKey(theirs) !== ownKey) differing.push({ peer, path: theirs });
      }
      if (differing.length === 0) continue;
      const folders = [...new Set(differing.map(({ path }) => quote(path.text)))];
      findings.push({
        range: own.range,
        message: `${field.title} (line ${field.line}) points at ${quote(own.text)}, but ${otherNodes(differing.length)} of this cluster use ${listNames(folders)}; every node must share the same ${field.title.replace(/ path$/, '')} folder, or they work from different data.`,
        related: differing.slice(0, MAX_RELATED).map(({ peer, path }) => ({
          uri: peer.uri,
          range: path.range,
          message: `${nodeLabel(peer)} uses ${quote(path.text)}`,
        })),
      });
    }
    return findings;
  },
};
