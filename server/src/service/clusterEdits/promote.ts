// Promote to Master: IceWarp has no automatic failover, so when the master dies an admin makes a
// slave the master by editing line 14 on two nodes and lines 15-16 on every node; one missed file
// splits the cluster. This is that edit, on every node of the cluster at once.
import { t } from '../l10n';
import { NodeFile } from '../parse';
import { WorkspaceFacts } from '../workspace';
import { hostKey } from '../values/hosts';
import { roleOf } from '../role';
import { ClusterEditResult, FileChange, changeOf, nodeName, refuse, shortName, shortText } from './change';
import { clusterMembers, isRefusal, masterOf } from './members';
import { NodeRewrite, editHostList, listHasHost } from './rewrite';

/**
 * The chosen node gets slave flag 0 and the old master 1; every node's line 15 names the new
 * master; every node's line 16 loses the new master and gains the old one, keeping its order
 * otherwise.
 */
export function promoteToMaster(node: NodeFile, workspace: WorkspaceFacts): ClusterEditResult {
  const members = clusterMembers(node, workspace);
  if (isRefusal(members)) return members;
  const oldMaster = masterOf(node, members);
  if (isRefusal(oldMaster)) return oldMaster;
  if (oldMaster === node) {
    const said = node.field.slaveFlag.value.text;
    return refuse(said === '' ? t('{0} is already the master of its cluster (line 14 says nothing, which means master).', nodeName(node)) : t('{0} is already the master of its cluster (line 14 says {1}).', nodeName(node), said));
  }
  const role = roleOf(node);
  if (role.role === 'unknown') {
    return refuse(t('The role of {0} cannot be told: line 14 (Slave flag) is "{1}", not 0 or 1. Set it to 1 first.', nodeName(node), shortText(node.field.slaveFlag.value.text)));
  }
  const newHost = node.field.hostname.value.text;
  if (!newHost) return refuse(t('{0} has no hostname on line 11, so the other nodes could not name it as their master. Fill in line 11 first.', nodeName(node)));
  const oldHost = oldMaster.field.hostname.value.text;
  if (!oldHost) return refuse(t('The master {0} has no hostname on line 11, so it could not be listed as a slave. Fill in its line 11 first.', nodeName(oldMaster)));
  if (hostKey(oldHost) === hostKey(newHost)) {
    return refuse(t('{0} and the master {1} have the same hostname; give each node its own on line 11 first.', nodeName(node), nodeName(oldMaster)));
  }

  const files: FileChange[] = [];
  for (const member of members) {
    const rewrite = new NodeRewrite(member);
    const said: string[] = [];
    if (member === node) {
      rewrite.setValue('slaveFlag', '0');
      said.push(t('becomes the master (line 14: 0)'));
    } else if (member === oldMaster) {
      rewrite.setValue('slaveFlag', '1');
      said.push(t('becomes a slave (line 14: 1)'));
    }
    if (member.field.masterHost.value.text !== newHost) {
      rewrite.setValue('masterHost', newHost);
      said.push(t('master host {0} (line 15)', shortText(newHost)));
    }
    const append = listHasHost(member.slaveHosts, oldHost) ? [] : [oldHost];
    const slaveLine = editHostList(member.field.slaveHosts, member.slaveHosts, new Set([hostKey(newHost)]), append);
    rewrite.setLine('slaveHosts', slaveLine);
    if (rewrite.changedFields.includes('slaveHosts')) {
      const out = listHasHost(member.slaveHosts, newHost);
      const into = append.length > 0;
      said.push(
        out && into
          ? t('slave hosts: {0} out, {1} in (line 16)', shortText(newHost), shortText(oldHost))
          : out
            ? t('slave hosts: {0} out (line 16)', shortText(newHost))
            : t('slave hosts: {0} in (line 16)', shortText(oldHost)),
      );
    }
    const edits = rewrite.edits();
    if (edits.length > 0) files.push({ kind: 'edit', uri: member.uri, edits, label: nodeName(member), description: said.join('; ') });
  }
  const summary =
    files.length === 1
      ? t('{0} is the master of its cluster now and {1} a slave; {2} node file changed.', nodeName(node), nodeName(oldMaster), files.length)
      : t('{0} is the master of its cluster now and {1} a slave; {2} node files changed.', nodeName(node), nodeName(oldMaster), files.length);
  return changeOf(t('Promote {0} to master', shortName(node)), summary, files);
}
