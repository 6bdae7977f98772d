// How messages, completions and the cluster view name values and nodes: short, quoted, never a whole huge line.
import { NodeFile } from './parse';
import { excerpt } from './bounds';

const MAX_QUOTED = 60;

/** A value in quotes, shortened with an ellipsis when it is long. Never use it for line 5. */
export function quote(text: string): string {
  return `"${excerpt(text, MAX_QUOTED)}"`;
}

/** A node as a user recognises it: its folder and file name (`mx2/path.dat`). */
export function nodeLabel(node: NodeFile): string {
  return uriLabel(node.uri);
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

/** "another node" / "3 other nodes", for messages about peers. */
export function otherNodes(count: number): string {
  return count === 1 ? 'another node' : `${count} other nodes`;
}

/** A list of names for a message: `a, b and c`, shortened past a few. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
