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
 * Another node as a message names it: its hostname and its file, since every node file is called
 * path.dat (`mail-b.corp.example.com (node-b/path.dat)`); the file alone without a hostname. The
 * file is the shortest path suffix that tells it apart from every other node file of its
 * workspace (`mx1/opt/icewarp/path.dat` where every node lies in `<host>/opt/icewarp/`).
 */
export function nodeName(node: NodeFile): string {
  const hostname = node.field.hostname.value.text;
  const label = shortLabel(fileLabel(node));
  return hostname ? `${excerpt(hostname)} (${label})` : label;
}

/** Several nodes named (`a (x/path.dat) and b (y/path.dat)`), shortened past `max`. */
export function nodeNames(nodes: readonly NodeFile[], max = 2): string {
  // Only the names shown are made: 299 other copies of a node are "a, b and 297 more".
  if (nodes.length > max) return t('{0} and {1} more', nodes.slice(0, max).map(nodeName).join(', '), nodes.length - max);
  return listNames(nodes.map(nodeName), max);
}

/** The last folder and the file name of a URI (`mx2/path.dat`), for a file of no workspace. */
export function uriLabel(uri: string): string {
  return pathSegments(uri).slice(-2).join('/') || uri;
}

/** A node's file as messages, related locations and the cluster view name it (see FileNames). */
export function fileLabel(node: NodeFile): string {
  return namesOf.get(node)?.labelOf(node.uri) ?? uriLabel(node.uri);
}

/**
 * A file about to be created next to `sibling` (Add Node), named as it will be once it is part
 * of the sibling's workspace.
 */
export function newFileLabel(sibling: NodeFile, uri: string): string {
  return namesOf.get(sibling)?.labelOf(uri) ?? uriLabel(uri);
}

/** A long label keeps its end (the folders next to the file tell it apart) within MAX_QUOTED. */
function shortLabel(label: string): string {
  return label.length > MAX_QUOTED ? `…${label.slice(label.length - MAX_QUOTED + 1)}` : label;
}

/** The decoded segments of a URI's path (a malformed escape as written), authority included. */
function pathSegments(uri: string): string[] {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/[?#].*$/, '');
  return path
    .split(/[\\/]/)
    .filter((part) => part.length > 0)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

/** Which workspace's names each node takes (set as the workspace takes the node in). */
const namesOf = new WeakMap<NodeFile, FileNames>();

/** From now on `node` is named among the files of `names` (its workspace). */
export function nameAmong(node: NodeFile, names: FileNames): void {
  namesOf.set(node, names);
}

/** A node that stands in for another (a fix tried in its place) is named as that one is. */
export function nameAs(node: NodeFile, original: NodeFile | undefined): void {
  const names = original && namesOf.get(original);
  if (names) namesOf.set(node, names);
}

/** The fewest path segments a name shows: the folder and the file. */
const MIN_SEGMENTS = 2;

/**
 * The names of a workspace's node files: each the shortest path suffix (at least its folder and
 * file) that no other node file of the workspace ends with. An index from each suffix to the
 * files that end with it, updated by each file that comes or goes, so a name costs a few map
 * lookups however large the workspace, and a file that comes or goes renames only the files
 * whose names it shares or frees (reported by `takeRenamed`, so their dependents are republished).
 */
export class FileNames {
  /** Suffix (decoded segments joined by `/`) -> the files ending with it. */
  private readonly holders = new Map<string, Set<string>>();
  /** File -> its suffixes, shortest first (from MIN_SEGMENTS segments to its whole path). */
  private readonly suffixes = new Map<string, string[]>();
  /** File -> its name: one of its suffixes, held by it alone (the whole path when none is). */
  private readonly names = new Map<string, string>();
  /** Files whose names changed since `takeRenamed` was last asked. */
  private renamed = new Set<string>();

  add(uri: string): void {
    if (this.suffixes.has(uri)) return;
    const suffixes = suffixesOf(uri);
    this.suffixes.set(uri, suffixes);
    // A file whose name is one of the new file's suffixes needs a longer one now.
    const sharing = new Set<string>();
    for (const suffix of suffixes) {
      const holders = this.holders.get(suffix);
      if (holders) {
        if (holders.size === 1) for (const holder of holders) if (this.names.get(holder) === suffix) sharing.add(holder);
        holders.add(uri);
      } else this.holders.set(suffix, new Set([uri]));
    }
    this.names.set(uri, this.nameFor(suffixes));
    for (const other of sharing) this.rename(other);
  }

  remove(uri: string): void {
    const suffixes = this.suffixes.get(uri);
    if (!suffixes) return;
    this.suffixes.delete(uri);
    this.names.delete(uri);
    this.renamed.delete(uri);
    // A file left alone with one of the gone file's suffixes may take a shorter name.
    const freed = new Set<string>();
    for (const suffix of suffixes) {
      const holders = this.holders.get(suffix);
      if (!holders) continue;
      holders.delete(uri);
      if (holders.size === 0) this.holders.delete(suffix);
      else if (holders.size === 1) for (const holder of holders) freed.add(holder);
    }
    for (const other of freed) this.rename(other);
  }

  /** The name of a file of the workspace; for any other URI, the name it would take if it joined. */
  labelOf(uri: string): string {
    const name = this.names.get(uri);
    if (name !== undefined) return name;
    const suffixes = suffixesOf(uri);
    return suffixes.find((suffix) => !this.holders.has(suffix)) ?? suffixes[suffixes.length - 1] ?? uri;
  }

  /** The files renamed since the last call (each at most once). */
  takeRenamed(): string[] {
    const renamed = [...this.renamed];
    this.renamed = new Set();
    return renamed;
  }

  private rename(uri: string): void {
    const suffixes = this.suffixes.get(uri);
    if (!suffixes) return;
    const name = this.nameFor(suffixes);
    if (name === this.names.get(uri)) return;
    this.names.set(uri, name);
    this.renamed.add(uri);
  }

  private nameFor(suffixes: readonly string[]): string {
    return suffixes.find((suffix) => this.holders.get(suffix)?.size === 1) ?? suffixes[suffixes.length - 1];
  }
}

/** `a/b/c/path.dat` -> `c/path.dat`, `b/c/path.dat`, `a/b/c/path.dat`. */
function suffixesOf(uri: string): string[] {
  const segments = pathSegments(uri);
  if (segments.length === 0) return [uri];
  const suffixes: string[] = [];
  for (let count = Math.min(MIN_SEGMENTS, segments.length); count <= segments.length; count++) suffixes.push(segments.slice(-count).join('/'));
  return suffixes;
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
