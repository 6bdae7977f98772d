// Remove Node from Cluster: the host leaves every other node's slave list. Its own file is either
// deleted (only when the user confirmed it) or kept as a standalone server that names no cluster,
// so the cluster left behind has nothing to disagree about.
import { t } from '../l10n';
import { NodeFile } from '../parse';
import { WorkspaceFacts } from '../workspace';
import { hostKey } from '../values/hosts';
import { roleOf } from '../role';
import { folderKey } from '../values/path';
import { quote } from '../mention';
import { ClusterEditResult, FileChange, changeOf, nodeName, refuse, shortName, shortText } from './change';
import { clusterMembers, isRefusal } from './members';
import { NodeRewrite, editHostList, listHasHost } from './rewrite';

export interface RemoveNodeOptions {
  /** Delete the node's file too; the client asks the user before it sets this. */
  deleteFile: boolean;
}

export function removeNode(node: NodeFile, workspace: WorkspaceFacts, options: RemoveNodeOptions): ClusterEditResult {
  const members = clusterMembers(node, workspace);
  if (isRefusal(members)) return members;
  if (roleOf(node).role === 'master') {
    return refuse(t('{0} is the master of its cluster; promote another node to master first, then remove this one.', nodeName(node)));
  }
  const hostname = node.field.hostname.value.text;
  if (!hostname) return refuse(t('{0} has no hostname on line 11, so no other node can be told to forget it. Fill in its line 11 first.', nodeName(node)));
  const others = members.filter((member) => member !== node);
  if (others.length === 0) return refuse(t('{0} is the only node file of its cluster in the workspace; there is no other node to remove it from.', nodeName(node)));

  const files: FileChange[] = [];
  for (const member of others) {
    if (!listHasHost(member.slaveHosts, hostname)) continue;
    const rewrite = new NodeRewrite(member).setLine('slaveHosts', editHostList(member.field.slaveHosts, member.slaveHosts, new Set([hostKey(hostname)])));
    files.push({ kind: 'edit', uri: member.uri, edits: rewrite.edits(), label: nodeName(member), description: t('slave hosts: {0} out (line 16)', shortText(hostname)) });
  }
  if (options.deleteFile) {
    files.push({ kind: 'delete', uri: node.uri, label: nodeName(node), description: t('the node file is deleted') });
  } else {
    const rewrite = new NodeRewrite(node).setValue('slaveFlag', '0').setValue('masterHost', '').setLine('slaveHosts', '');
    const edits = rewrite.edits();
    if (edits.length > 0) {
      files.push({ kind: 'edit', uri: node.uri, edits, label: nodeName(node), description: t('leaves the cluster: a standalone server (line 14: 0; lines 15 and 16 emptied)') });
    }
  }
  const listed = files.filter((file) => file.kind === 'edit' && file.uri !== node.uri).length;
  const summary = options.deleteFile
    ? listed === 1
      ? t('{0} left its cluster: {1} node file no longer lists it, and its file is deleted.', nodeName(node), listed)
      : t('{0} left its cluster: {1} node files no longer list it, and its file is deleted.', nodeName(node), listed)
    : listed === 1
      ? t('{0} left its cluster: {1} node file no longer lists it; its file stays as a standalone server.', nodeName(node), listed)
      : t('{0} left its cluster: {1} node files no longer list it; its file stays as a standalone server.', nodeName(node), listed);
  return changeOf(t('Remove {0} from its cluster', shortName(node)), summary, files, options.deleteFile ? [] : keptOnSharedConfig(node, others));
}

/**
 * Line 1 is left as it is: emptied, the server would fall back to an empty local configuration
 * (no domains, no accounts). Still on the shared Config folder, it must not be started as it is.
 */
function keptOnSharedConfig(node: NodeFile, others: readonly NodeFile[]): string[] {
  const config = node.paths.get('configPath');
  if (!config) return [];
  const key = folderKey(config);
  const shared = others.some((other) => {
    const theirs = other.paths.get('configPath');
    return theirs !== undefined && folderKey(theirs) === key;
  });
  if (!shared) return [];
  return [
    t(
      "The kept file still points line 1 at the cluster's shared Config folder {0}: started as it is, {1} would write the cluster's configuration as a second master. Before starting it, copy that folder to local storage and point line 1 at the copy (an empty line 1 would mean an empty local configuration).",
      quote(config.text),
      shortName(node),
    ),
  ];
}
