// How messages, fix titles, completions and the cluster view name values and nodes: short,
// quoted, never a whole huge line. Every rule that shows a value goes through `quote` or
// `excerpt`, so no message carries more than a bounded excerpt of what a file holds.
import { NodeFile } from './parse';
import { excerpt as shorten } from './bounds';
import { t } from './l10n';

/** The most characters of a value a message shows. */
export const MAX_QUOTED = 60;

/** A value as a message shows it: shortened with an ellipsis past MAX_QUOTED characters. Never use it for line 5. */
export function excerpt(text: string, max = MAX_QUOTED): string {
  return shorten(text, max);
}

/** A value in quotes, shortened with an ellipsis when it is long. Never use it for line 5. */
export function quote(text: string): string {
  return `"${excerpt(text)}"`;
}

/**
 * Another node as a message names it: its hostname and its folder, since every node file is
 * called path.dat (`mail-b.corp.example.com (node-b/path.dat)`); the folder alone without a hostname.
 */
export function nodeName(node: NodeFile): string {
  const hostname = node.field.hostname.value.text;
  const label = excerpt(uriLabel(node.uri));
  return hostname ? `${excerpt(hostname)} (${label})` : label;
}

/** Several nodes named (`a (x/path.dat) and b (y/path.dat)`), shortened past `max`. */
export function nodeNames(nodes: readonly NodeFile[], max = 2): string {
  return listNames(nodes.map(nodeName), max);
}

/** The last folder and the file name of a URI (`mx2/path.dat`): enough to tell nodes apart. */
export function uriLabel(uri: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/[?#].*$/, '');
  const label = path.split(/[\\/]/).filter((part) => part.length > 0).slice(-2).join('/') || uri;
  try {
    return decodeURIComponent(label);
  } catch {
    // A malformed escape: show it as written rather than fail.
    return label;
  }
}

/**
 * Other nodes, counted and named: `another node of this cluster, a (x/path.dat)` or
 * `3 other nodes of this cluster: a (x/path.dat), b (y/path.dat) and 1 more`.
 */
export function otherNodesNamed(nodes: readonly NodeFile[], of?: 'cluster' | 'workspace'): string {
  if (of === 'cluster') return nodes.length === 1 ? t('another node of this cluster, {0}', nodeName(nodes[0])) : t('{0} other nodes of this cluster: {1}', nodes.length, nodeNames(nodes));
  if (of === 'workspace') return nodes.length === 1 ? t('another node of this workspace, {0}', nodeName(nodes[0])) : t('{0} other nodes of this workspace: {1}', nodes.length, nodeNames(nodes));
  return nodes.length === 1 ? t('another node, {0}', nodeName(nodes[0])) : t('{0} other nodes: {1}', nodes.length, nodeNames(nodes));
}

/** A list of names for a message: `a, b and c`, shortened past a few. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length > max) return t('{0} and {1} more', names.slice(0, max).join(', '), names.length - max);
  if (names.length === 1) return names[0];
  return t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1]);
}
