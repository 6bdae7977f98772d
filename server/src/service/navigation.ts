// Navigation across nodes: which host the cursor is on, the node files that are that host
// (definition), every line that names it (references, highlights), and every node by hostname,
// Server ID and folder (workspace symbols). Host names compare as DNS does (values/hosts hostKey).
import { FieldId } from './fields';
import { NodeFile } from './parse';
import { perNode } from './memo';
import { Position, Range, rangeContains } from './types';
import { WorkspaceFacts } from './workspace';
import { fileLabel } from './mention';
import { hostKey, isIpAddress } from './values/hosts';
import { code } from './bounds';
import { roleName, roleOf } from './role';
import { t } from './l10n';

/** A host named on line 10 (an IP of the binding), 11, 15 or 16. */
export interface HostMention {
  text: string;
  /** `hostKey(text)`: how two mentions are compared. */
  key: string;
  range: Range;
  field: Extract<FieldId, 'ipBinding' | 'hostname' | 'masterHost' | 'slaveHosts'>;
}

export interface NodeLocation {
  uri: string;
  range: Range;
}

/** Every host mention of a node, in line order. Derived once per parsed node. */
export const hostMentions: (node: NodeFile) => readonly HostMention[] = perNode((node) => {
  const mentions: HostMention[] = [];
  const add = (text: string, range: Range, field: HostMention['field']) => {
    if (text.length > 0) mentions.push({ text, key: hostKey(text), range, field });
  };
  for (const half of node.ipBinding.halves) for (const entry of half.entries) add(entry.text, entry.range, 'ipBinding');
  add(node.field.hostname.value.text, node.field.hostname.value.range, 'hostname');
  for (const host of node.masterHosts.hosts) add(host.text, host.range, 'masterHost');
  for (const host of node.slaveHosts.hosts) add(host.text, host.range, 'slaveHosts');
  return mentions;
});

/** The host under the cursor (its ends count). */
export function hostAt(node: NodeFile, position: Position): HostMention | undefined {
  return hostMentions(node).find((mention) => rangeContains(mention.range, position));
}

/** Where a node file is that host: its hostname (line 11), else the binding entry (line 10). */
function answersTo(node: NodeFile, key: string): HostMention | undefined {
  const mentions = hostMentions(node);
  return mentions.find((mention) => mention.field === 'hostname' && mention.key === key) ?? mentions.find((mention) => mention.field === 'ipBinding' && mention.key === key);
}

/**
 * The node files of the workspace (and `node` itself, even as a draft) to look through, by URI:
 * answers list files in the same order however the workspace happened to be indexed.
 */
function searched(node: NodeFile, workspace: WorkspaceFacts): readonly NodeFile[] {
  const all = workspace.all();
  const nodes = all.includes(node) ? [...all] : [...all, node];
  return nodes.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/**
 * Go to Definition on a host of line 15 or 16, or an IP of line 10, 15 or 16: the node files
 * whose hostname (line 11) or binding (line 10) is that host, at that line. Empty when no node
 * file is that host, or the cursor is on no host of those lines.
 */
export function definition(node: NodeFile, position: Position, workspace: WorkspaceFacts): NodeLocation[] {
  const mention = hostAt(node, position);
  if (!mention) return [];
  const fromList = mention.field === 'masterHost' || mention.field === 'slaveHosts';
  const fromBinding = mention.field === 'ipBinding' && isIpAddress(mention.text);
  if (!fromList && !fromBinding) return [];
  const locations: NodeLocation[] = [];
  for (const candidate of searched(node, workspace)) {
    const target = answersTo(candidate, mention.key);
    // An IP of line 10 finds the other nodes that bind it, not the line it is on.
    if (target && !(candidate === node && rangeContains(target.range, position))) locations.push({ uri: candidate.uri, range: target.range });
  }
  return locations;
}

/**
 * Find All References on a host of line 11, 15 or 16 (or an IP of line 10): every line of every
 * node file that names it, open or not. Without the declaration, lines 10 and 11 (where a node
 * says it is that host) are left out.
 */
export function references(node: NodeFile, position: Position, workspace: WorkspaceFacts, includeDeclaration = true): NodeLocation[] {
  const mention = hostAt(node, position);
  if (!mention) return [];
  const locations: NodeLocation[] = [];
  for (const candidate of searched(node, workspace)) {
    for (const other of hostMentions(candidate)) {
      if (other.key !== mention.key) continue;
      const declares = other.field === 'hostname' || other.field === 'ipBinding';
      if (!includeDeclaration && declares) continue;
      locations.push({ uri: candidate.uri, range: other.range });
    }
  }
  return locations;
}

export interface Highlight {
  range: Range;
  /** `write` where the file says it is that host (lines 10, 11), `read` where it names it. */
  kind: 'read' | 'write';
}

/** The host under the cursor wherever it recurs in the same file. */
export function documentHighlights(node: NodeFile, position: Position): Highlight[] {
  const mention = hostAt(node, position);
  if (!mention) return [];
  return hostMentions(node)
    .filter((other) => other.key === mention.key)
    .map((other) => ({ range: other.range, kind: other.field === 'hostname' || other.field === 'ipBinding' ? 'write' : 'read' }));
}

export interface NodeSymbol {
  /** `mx2.example.net · slave · ID 12 · mx2/path.dat`: what Ctrl+T matches against. */
  name: string;
  /** The master host the node names, so nodes of one cluster group together. */
  containerName?: string;
  uri: string;
  range: Range;
}

/**
 * Every node file of the workspace by hostname, role, Server ID and folder, those matching the
 * query first in workspace order. The query matches as the editor's fuzzy filter does (its
 * characters in order, case-insensitive), so the server never hides what the editor would show.
 */
export function workspaceSymbols(query: string, workspace: WorkspaceFacts): NodeSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const symbols: NodeSymbol[] = [];
  for (const node of workspace.all()) {
    const name = symbolName(node);
    if (wanted && !isSubsequence(wanted, name.toLowerCase())) continue;
    const hostname = node.field.hostname;
    const master = node.masterHosts.hosts[0]?.text;
    symbols.push({
      name,
      ...(master ? { containerName: master } : {}),
      uri: node.uri,
      range: hostname.present ? hostname.value.range : node.endOfDocument,
    });
  }
  return symbols;
}

const MAX_SYMBOL_HOST = 80;

function symbolName(node: NodeFile): string {
  const hostname = node.field.hostname.value.text;
  const role = roleOf(node).role;
  const id = node.field.serverId.value.text;
  const host = hostname ? (hostname.length > MAX_SYMBOL_HOST ? `${hostname.slice(0, MAX_SYMBOL_HOST - 1)}…` : hostname) : t('(no hostname)');
  return [host, roleName(role), id ? t('ID {0}', id.slice(0, 8)) : undefined, fileLabel(node)].filter(Boolean).join(' · ');
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const character of needle) {
    at = haystack.indexOf(character, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * For hover: a host of line 15 or 16 that no node file of the workspace is (by hostname or
 * binding) says so. Nothing without a workspace.
 */
export function hostFileNotes(node: NodeFile, position: Position, workspace: WorkspaceFacts | undefined): string[] {
  const mention = workspace && hostAt(node, position);
  if (!workspace || !mention || (mention.field !== 'masterHost' && mention.field !== 'slaveHosts')) return [];
  if (searched(node, workspace).some((candidate) => answersTo(candidate, mention.key))) return [];
  return [t('{0}: no node file in the workspace.', code(mention.text))];
}
