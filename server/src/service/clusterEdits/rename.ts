// Rename a host: on every line 11, 15 and 16 of every node file that names it, open or not.
import { t } from '../l10n';
import { FieldLine, NodeFile } from '../parse';
import { Position, Range } from '../types';
import { WorkspaceFacts } from '../workspace';
import { fieldAtLine } from '../fields';
import { HostMention, hostAt, hostMentions } from '../navigation';
import { hostKey, hostProblem } from '../values/hosts';
import { ClusterEditResult, FileChange, changeOf, nodeName, refuse, shortText } from './change';
import { NodeRewrite, replaceInLine } from './rewrite';

const RENAMED_FIELDS: readonly HostMention['field'][] = ['hostname', 'masterHost', 'slaveHosts'];
const where = () => t('the hostname (line 11), the master host (line 15) and the slave hosts (line 16)');

/** The host the cursor is on and its range, or why nothing there can be renamed. */
export function prepareRename(node: NodeFile, position: Position): { ok: true; range: Range; placeholder: string } | { ok: false; reason: string } {
  const mention = hostAt(node, position);
  if (mention && RENAMED_FIELDS.includes(mention.field)) return { ok: true, range: mention.range, placeholder: mention.text };
  const field = fieldAtLine(position.line + 1);
  if (!field) return refuse(t('Only host names can be renamed: {0}. IceWarp does not read lines after 17.', where()));
  if (field.id === 'hostname' || field.id === 'masterHost' || field.id === 'slaveHosts') {
    return refuse(t('Put the cursor on a host name of line {0} ({1}) to rename it.', field.line, field.title));
  }
  return refuse(t('Only host names can be renamed: {0}. This is line {1} ({2}).', where(), field.line, field.title));
}

/**
 * The host under the cursor renamed to `newName` wherever lines 11, 15 and 16 of a node file
 * name it. Refused when the new name is not a valid host or IP, is another node's hostname
 * already, or would be listed twice.
 */
export function rename(node: NodeFile, position: Position, newName: string, workspace: WorkspaceFacts): ClusterEditResult {
  const prepared = prepareRename(node, position);
  if (!prepared.ok) return prepared;
  const oldName = prepared.placeholder;
  const name = newName.trim();
  if (!name) return refuse(t('The new host name is empty.'));
  const problem = hostProblem(name);
  if (problem) return refuse(t('"{0}" is not a valid host name or IP address: {1}.', shortText(name), problem));
  const oldKey = hostKey(oldName);
  const newKey = hostKey(name);
  const all = workspace.all();
  const nodes = all.includes(node) ? all : [...all, node];
  // One pass over the mentions each node derived once (a rename looks at every node of the workspace).
  const renamed: { node: NodeFile; mentions: HostMention[] }[] = [];
  // Another node's hostname is the weightier reason: it is told even when a list conflicts first.
  let listConflict: string | undefined;
  for (const other of nodes) {
    let hits: HostMention[] | undefined;
    const listed = { masterHost: 0, slaveHosts: 0 };
    for (const mention of hostMentions(other)) {
      if (newKey !== oldKey && mention.key === newKey) {
        if (mention.field === 'hostname') return refuse(t('"{0}" is already the hostname of {1}; two nodes cannot share a hostname.', shortText(name), nodeName(other)));
        if (mention.field === 'masterHost' || mention.field === 'slaveHosts') listed[mention.field] |= 2;
      }
      if (mention.key !== oldKey || !RENAMED_FIELDS.includes(mention.field)) continue;
      if (mention.field === 'masterHost' || mention.field === 'slaveHosts') listed[mention.field] |= 1;
      if (mention.text !== name) (hits ??= []).push(mention);
    }
    for (const field of ['masterHost', 'slaveHosts'] as const) {
      if (listed[field] === 3 && !listConflict) {
        const line = other.field[field].field;
        listConflict = t('Line {0} ({1}) of {2} names "{3}" already; renaming would name it twice there.', line.line, line.title, nodeName(other), shortText(name));
      }
    }
    if (hits) renamed.push({ node: other, mentions: hits });
  }
  if (listConflict) return refuse(listConflict);
  const files: FileChange[] = renamed.map(({ node: other, mentions }) => {
    const rewrite = new NodeRewrite(other);
    const fields = [...new Set(mentions.map((mention) => mention.field))];
    for (const field of fields) {
      const line: FieldLine = other.field[field];
      rewrite.setLine(field, replaceInLine(line, mentions.filter((mention) => mention.field === field).map((mention) => ({ piece: mention, text: name }))));
    }
    const lines = fields.map((field) => t('{0} (line {1})', other.field[field].field.title, other.field[field].field.line));
    return { kind: 'edit', uri: other.uri, edits: rewrite.edits(), label: nodeName(other), description: lines.join(', ') };
  });
  const summary =
    files.length === 1
      ? t('{0} is {1} now in {2} node file.', shortText(oldName), shortText(name), files.length)
      : t('{0} is {1} now in {2} node files.', shortText(oldName), shortText(name), files.length);
  return changeOf(t('Rename {0} to {1}', shortText(oldName), shortText(name)), summary, files);
}
