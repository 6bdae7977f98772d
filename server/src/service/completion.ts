// Completion by line: 0/1 with their meaning on line 14, the workspace's hosts on lines 15 and
// 16, the platform's default folders on path lines (plus what peers use for common folders),
// and the next free Server ID on line 4. All of it comes from the field table and the model.
import { FIELD_COUNT, FieldSpec } from './fields';
import { FieldLine, NodeFile } from './parse';
import { Piece, Position, Range, TextEdit, rangeContains, rangesIntersect } from './types';
import { hostKey } from './values/hosts';
import { WorkspaceFacts } from './workspace';
import { Platform, platformOfPaths, platformGuess, subfolder } from './platform';
import { code } from './describe';
import { MAX_OFFERED } from './bounds';
import { uriLabel } from './mention';

export type CompletionKind = 'value' | 'host' | 'folder';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line next to the label. */
  detail: string;
  /** Markdown. */
  documentation?: string;
  edit: TextEdit;
  /** What the editor matches the typed text against, where the label alone would hide the item. */
  filterText?: string;
  sortText: string;
  preselect?: boolean;
}

export function completions(node: NodeFile, position: Position, workspace: WorkspaceFacts): CompletionEntry[] {
  if (position.line >= FIELD_COUNT) return [];
  const line = node.fields[position.line];
  if (!line.present) return [];
  switch (line.field.kind) {
    case 'slaveFlag':
      return slaveFlagItems(line, position);
    case 'host':
      return hostItems(node, line.raw.range, workspace, [], line.value);
    case 'hostList': {
      const under = node.slaveHosts.hosts.find((host) => rangeContains(host.range, position));
      const range = under?.range ?? { start: position, end: position };
      const listed = node.slaveHosts.hosts.filter((host) => host !== under).map((host) => hostKey(host.text));
      return hostItems(node, range, workspace, listed, under);
    }
    case 'directory':
      return folderItems(node, line, workspace);
    case 'serverId':
      return serverIdItems(node, line, workspace);
    default:
      return [];
  }
}

/** The text from the start of `range` to the cursor: what the editor filters by. */
function typed(line: FieldLine, range: Range, position: Position): string {
  const start = range.start.character - line.raw.range.start.character;
  const end = position.character - line.raw.range.start.character;
  return line.raw.text.slice(Math.max(0, start), Math.max(0, end));
}

function slaveFlagItems(line: FieldLine, position: Position): CompletionEntry[] {
  const prefix = typed(line, line.raw.range, position);
  return (line.field.values ?? []).map((entry, index) => ({
    label: entry.value,
    kind: 'value',
    detail: entry.meaning,
    documentation: line.field.docs,
    edit: { range: line.raw.range, newText: entry.value },
    // The line holds one character: without this, typing `1` would hide `0`.
    filterText: prefix + entry.value,
    sortText: String(index),
    preselect: entry.value === line.value.text,
  }));
}

interface KnownHost {
  name: string;
  /** Where it was seen, e.g. "hostname of mx2/path.dat". */
  seen: string[];
  isHostname: boolean;
}

/** Hosts named anywhere in the workspace, except `typing`: the half-typed host under the cursor. */
function knownHosts(workspace: WorkspaceFacts, node: NodeFile, typing: Piece | undefined): Map<string, KnownHost> {
  const hosts = new Map<string, KnownHost>();
  const isTyping = (uri: string, piece: Piece) => typing !== undefined && uri === node.uri && rangesIntersect(piece.range, typing.range);
  const add = (name: string, where: string, isHostname: boolean) => {
    if (name.length === 0 || name.length > MAX_OFFERED) return;
    const key = hostKey(name);
    const known = hosts.get(key) ?? { name, seen: [], isHostname: false };
    // A node's own hostname is the strongest evidence: it leads the list.
    if (!known.seen.includes(where)) isHostname ? known.seen.unshift(where) : known.seen.push(where);
    known.isHostname ||= isHostname;
    hosts.set(key, known);
  };
  for (const other of workspace.all()) {
    const file = uriLabel(other.uri);
    add(other.field.hostname.value.text, `hostname (line 11) of ${file}`, true);
    for (const host of other.masterHosts.hosts) if (!isTyping(other.uri, host)) add(host.text, `master host (line 15) in ${file}`, false);
    for (const host of other.slaveHosts.hosts) if (!isTyping(other.uri, host)) add(host.text, `slave host (line 16) in ${file}`, false);
  }
  return hosts;
}

function hostItems(node: NodeFile, range: Range, workspace: WorkspaceFacts, exclude: readonly string[], typing: Piece | undefined): CompletionEntry[] {
  const own = hostKey(node.field.hostname.value.text);
  return [...knownHosts(workspace, node, typing).entries()]
    .filter(([key]) => !exclude.includes(key))
    .map(([key, host]) => ({
      label: host.name,
      kind: 'host' as const,
      detail: key === own ? `this server (${host.seen[0]})` : host.seen[0],
      documentation: `${code(host.name)} is known as:\n\n${host.seen.map((where) => `- ${where}`).join('\n')}`,
      edit: { range, newText: host.name },
      // Node hostnames first: they are the servers that exist.
      sortText: `${host.isHostname ? 0 : 1}${host.name.toLowerCase()}`,
    }));
}

function folderItems(node: NodeFile, line: FieldLine, workspace: WorkspaceFacts): CompletionEntry[] {
  const field = line.field;
  const range = line.raw.range;
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  const push = (text: string, detail: string, documentation: string) => {
    if (seen.has(text) || text === line.value.text || text.length > MAX_OFFERED) return;
    seen.add(text);
    items.push({ label: text, kind: 'folder', detail, documentation, edit: { range, newText: text }, sortText: String(items.length).padStart(2, '0') });
  };
  // What the other nodes of the cluster use for a folder all of them must share.
  if (field.sharing === 'common') {
    for (const peer of workspace.peersOf(node)) {
      const path = peer.paths.get(field.id);
      if (path) push(path.text, `used by ${uriLabel(peer.uri)}`, `The ${field.title} every node of a cluster must share.`);
    }
  }
  const outgoing = node.paths.get('outgoingQueue');
  if (field.id === 'retryQueue' && outgoing) push(subfolder(outgoing, 'retry'), 'the outgoing queue (line 8) + retry', field.docs);
  for (const platform of platformsFor(node, field)) {
    const value = field.defaults?.[platform];
    if (value) push(value, `IceWarp's default on ${platform === 'windows' ? 'Windows' : 'Linux'}`, field.docs);
  }
  return items;
}

/** The file's other paths decide the platform; when they do not, both, the likelier first. */
function platformsFor(node: NodeFile, field: FieldSpec): Platform[] {
  const decided = platformOfPaths(node, [field.id]);
  if (decided) return [decided];
  const guess = platformGuess(node, [field.id]);
  return guess === 'windows' ? ['windows', 'posix'] : ['posix', 'windows'];
}

function serverIdItems(node: NodeFile, line: FieldLine, workspace: WorkspaceFacts): CompletionEntry[] {
  const id = workspace.nextFreeServerId();
  if (id === line.value.text) return [];
  const used = workspace.all().filter((other) => other.uri !== node.uri && other.field.serverId.value.text.length > 0).length;
  return [
    {
      label: id,
      kind: 'value',
      detail: 'the next free numeric Server ID',
      documentation: `No node of the workspace uses ${code(id)}${used > 0 ? ` (${used} other node${used === 1 ? ' has' : 's have'} an ID)` : ''}.\n\n${line.field.docs}`,
      edit: { range: line.raw.range, newText: id },
      sortText: '0',
    },
  ];
}


