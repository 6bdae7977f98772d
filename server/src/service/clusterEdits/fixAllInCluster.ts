// Fix All in Cluster: every preferred quick fix of every node of the cluster, as one change. The
// nodes are fixed one after the other, each against the others as already fixed, so two nodes
// never both take the same "next free" value. Who belongs to the cluster and which name a
// server has are never preferred fixes (the cluster evidence cannot tell a node being added from
// one being taken out): they are left alone and the answer says so.
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
      description: gone.length > 0 ? t('fixes {0}', listNames(gone, 4)) : t('preferred quick fixes'),
    });
  }
  const left = leftToDecide(members.map((member) => overlay.get(member.uri) ?? member), overlay, optionsFor);
  if (files.length === 0) {
    const nothing = t('Nothing to fix: no preferred quick fix applies to the {0} node files of the cluster of {1}.', members.length, shortName(node));
    return refuse(left ? `${nothing} ${left}` : nothing);
  }
  return changeOf(
    t('Fix all in the cluster of {0}', shortName(node)),
    t('Applied every preferred quick fix to {0} of the {1} node files of the cluster of {2}.', files.length, members.length, nodeName(node)),
    files,
    left ? [left] : [],
  );
}

/** What the cluster evidence leaves to the admin: membership and identity, never changed without asking. */
const DECIDED_BY_THE_ADMIN = new Set(['cluster-membership-mismatch', 'cluster-member-not-listed', 'slave-not-listed', 'hostname-contradicted', 'standalone-on-shared-config']);

function leftToDecide(members: readonly NodeFile[], workspace: WorkspaceFacts, optionsFor: (uri: string) => ValidationOptions): string | undefined {
  const codes = new Set<string>();
  let files = 0;
  for (const member of members) {
    const found = validate(member, workspace, optionsFor(member.uri)).filter((diagnostic) => DECIDED_BY_THE_ADMIN.has(diagnostic.code));
    for (const diagnostic of found) codes.add(diagnostic.code);
    if (found.length > 0) files++;
  }
  if (codes.size === 0) return undefined;
  return t('Left for you to decide, in {0} of the node files: {1}. Only you know whether a node is joining or leaving the cluster, or which name is right; the quick fixes are offered in each file.', files, listNames([...codes].sort(), 5));
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
