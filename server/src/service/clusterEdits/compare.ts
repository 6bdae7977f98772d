// Compare two nodes: the editor shows the two files side by side; this says which of the lines
// that differ must differ per node (Server ID, hostname, IP binding, own queues...) and which
// should be the same on every node of a cluster. Names fields, never values: line 5 holds passwords.
import { t } from '../l10n';
import { FIELDS, FieldSpec } from '../fields';
import { NodeFile } from '../parse';
import { WorkspaceFacts } from '../workspace';
import { listNames } from '../mention';
import { nodeName, refuse, shortName } from './change';
import { clusterMembers, isRefusal, masterOf, savedNode } from './members';

export interface NodeComparison {
  /** The left side of the diff (the master, for Compare with Master). */
  left: string;
  right: string;
  title: string;
  /** The note shown with the diff, a sentence per entry. */
  note: string[];
  /** 1-based lines that differ, by what is expected of them. */
  perNode: number[];
  shared: number[];
  either: number[];
}

export type Expectation = 'per-node' | 'same' | 'either';

/**
 * What a cluster expects of a line across its nodes, from the field table: the node's identity
 * (Server ID, IP binding, hostname, TeamChat URL) and role differ per node, as do its own
 * working folders; common folders, the logon and the master and slave lists are the same.
 */
export function expectationOf(field: FieldSpec): Expectation {
  if (field.kind === 'directory') return field.sharing === 'working' ? 'per-node' : field.sharing === 'common' ? 'same' : 'either';
  switch (field.kind) {
    case 'serverId':
    case 'ipBinding':
    case 'hostname':
    case 'url':
    case 'slaveFlag':
      return 'per-node';
    case 'file':
      return 'either';
    default:
      return 'same';
  }
}

export function compareNodes(left: NodeFile, right: NodeFile): NodeComparison {
  const differing = FIELDS.filter((field) => left.fields[field.line - 1].raw.text !== right.fields[field.line - 1].raw.text);
  const of = (expectation: Expectation) => differing.filter((field) => expectationOf(field) === expectation);
  const named = (fields: readonly FieldSpec[]) => listNames(fields.map((field) => t('{0} (line {1})', field.title, field.line)), 8);
  const note: string[] = [];
  if (differing.length === 0) note.push(t('Lines 1-17 of {0} and {1} are the same.', nodeName(left), nodeName(right)));
  else if (differing.length === 1) note.push(t('{0} of lines 1-17 differs between {1} and {2}.', differing.length, nodeName(left), nodeName(right)));
  else note.push(t('{0} of lines 1-17 differ between {1} and {2}.', differing.length, nodeName(left), nodeName(right)));
  const perNode = of('per-node');
  if (perNode.length > 0) note.push(t('Differ per node, as they must (not a problem): {0}.', named(perNode)));
  const shared = of('same');
  if (shared.length > 0) note.push(t('Should be the same on every node of a cluster, but differ: {0}.', named(shared)));
  else if (differing.length > 0) note.push(t('Every line that every node of a cluster shares is the same.'));
  const either = of('either');
  if (either.length > 0) note.push(t('May differ: {0}.', named(either)));
  return {
    left: left.uri,
    right: right.uri,
    title: `${shortName(left)} ↔ ${shortName(right)}`,
    note,
    perNode: perNode.map((field) => field.line),
    shared: shared.map((field) => field.line),
    either: either.map((field) => field.line),
  };
}

/** A node against the master of its cluster (left: the master); refused without one master. */
export function compareWithMaster(node: NodeFile, workspace: WorkspaceFacts): { ok: true; comparison: NodeComparison } | { ok: false; reason: string } {
  const members = clusterMembers(node, workspace);
  if (isRefusal(members)) return members;
  const master = masterOf(node, members);
  if (isRefusal(master)) return master;
  if (master === node) return refuse(t('{0} is the master itself; pick a slave to compare with it, or use Compare Nodes.', nodeName(node)));
  return { ok: true, comparison: compareNodes(master, node) };
}

/** Two node files by URI: both must be node files the server knows. */
export function compareUris(workspace: WorkspaceFacts, leftUri: string, rightUri: string): { ok: true; comparison: NodeComparison } | { ok: false; reason: string } {
  const left = savedNode(workspace, leftUri);
  if (isRefusal(left)) return left;
  const right = savedNode(workspace, rightUri);
  if (isRefusal(right)) return right;
  if (left === right) return refuse(t('Pick two different node files to compare (both are {0}).', nodeName(left)));
  return { ok: true, comparison: compareNodes(left, right) };
}
