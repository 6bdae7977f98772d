// Fix All in Cluster: every preferred quick fix of every node of the cluster, as one change. The
// nodes are fixed one after the other, each against the others as already fixed, so two nodes
// never both take the same "next free" value.
import { t } from '../l10n';
import { ValidationOptions, validate } from '../validation';
import { NodeFile, parseNodeFile } from '../parse';
import { Workspace, WorkspaceFacts } from '../workspace';
import { applyEdits, diffEdits } from '../textEdits';
import { listNames } from '../mention';
import { fixAll } from '../fixes';
import { ClusterEditResult, FileChange, changeOf, nodeName, refuse, shortName } from './change';
import { clusterMembers, isRefusal } from './members';

export function fixAllInCluster(node: NodeFile, workspace: WorkspaceFacts, optionsFor: (uri: string) => ValidationOptions = () => ({})): ClusterEditResult {
  const inCluster = clusterMembers(node, workspace);
  if (isRefusal(inCluster)) return inCluster;
  // Every node the cluster groups, also one that only shares its config folder.
  const members = [node, ...workspace.peersOf(node)].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const overlay = new Workspace();
  for (const other of workspace.all()) overlay.set(other);
  const files: FileChange[] = [];
  for (const member of members) {
    const options = optionsFor(member.uri);
    const current = overlay.get(member.uri) ?? member;
    const edits = fixCall(current, overlay, options);
    if (edits.length === 0) continue;
    const fixed = parseNodeFile(member.uri, applyEdits(current.text, edits));
    const before = codeCounts(current, overlay, options);
    overlay.set(fixed);
    const after = codeCounts(fixed, overlay, options);
    const gone = [...before].filter(([code, count]) => count > (after.get(code) ?? 0)).map(([code]) => code);
    files.push({
      kind: 'edit',
      uri: member.uri,
      edits: diffEdits(member.text, fixed.text),
      label: nodeName(member),
      description: gone.length > 0 ? `fixes ${listNames(gone, 4)}` : 'preferred quick fixes',
    });
  }
  if (files.length === 0) return refuse(t('Nothing to fix: no preferred quick fix applies to the {0} node files of the cluster of {1}.', members.length, shortName(node)));
  return changeOf(
    `Fix all in the cluster of ${shortName(node)}`,
    `Applied every preferred quick fix to ${files.length} of the ${members.length} node files of the cluster of ${nodeName(node)}.`,
    files,
  );
}

/** The one call of fix-all (being reorganised around the rules): keep it here only. */
function fixCall(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions) {
  return fixAll(node, workspace, options);
}

function codeCounts(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of validate(node, workspace, options)) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return counts;
}
