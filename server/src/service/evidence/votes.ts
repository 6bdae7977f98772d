// Counting, for the cluster evidence: how the nodes that hold a value split over it. A
// disagreement goes on the node(s) that differ from the majority of their cluster, not on every
// node: one slave's typo must not flag the correct master. With no majority (two nodes, or a
// tie) each side is flagged and names the other. Counting is one kind of evidence among others
// (evidence.ts): it decides nothing the other evidence explains.
import { NodeFile } from '../parse';
import { t } from '../l10n';

/** One value as some nodes of the cluster hold it. */
export interface Version<V> {
  /** Equal keys mean the same value (host sets compare as sets, folders as folder keys). */
  key: string;
  /** The nodes that hold it, in cluster order. */
  nodes: NodeFile[];
  /** The value as the first of them writes it. */
  value: V;
}

export interface Vote<V> {
  /** The version this node holds. */
  own: Version<V>;
  /** Every version the other nodes hold, most held first. */
  others: Version<V>[];
  /** The version most nodes hold, when one does (more than any other, and by two nodes at least). */
  majority?: Version<V>;
  /** The majority holds more than half of the nodes that voted: its value is safe to take without asking. */
  clear: boolean;
  /** How many nodes voted (this one included). */
  voters: number;
}

/**
 * How the nodes that hold a value (`valueOf` answers undefined for a node that does not take
 * part) vote on it; undefined when they all agree or this node does not take part.
 */
export function vote<V>(node: NodeFile, peers: readonly NodeFile[], valueOf: (node: NodeFile) => { key: string; value: V } | undefined): Vote<V> | undefined {
  const mine = valueOf(node);
  if (!mine) return undefined;
  const byKey = new Map<string, Version<V>>([[mine.key, { key: mine.key, nodes: [node], value: mine.value }]]);
  for (const peer of peers) {
    const theirs = valueOf(peer);
    if (!theirs) continue;
    const version = byKey.get(theirs.key);
    if (version) version.nodes.push(peer);
    else byKey.set(theirs.key, { key: theirs.key, nodes: [peer], value: theirs.value });
  }
  if (byKey.size < 2) return undefined;
  const ranked = [...byKey.values()].sort((a, b) => b.nodes.length - a.nodes.length);
  const voters = ranked.reduce((sum, version) => sum + version.nodes.length, 0);
  const [first, second] = ranked;
  const majority = first.nodes.length > second.nodes.length && first.nodes.length >= 2 ? first : undefined;
  const own = byKey.get(mine.key) as Version<V>;
  return {
    own,
    others: ranked.filter((version) => version !== own),
    ...(majority ? { majority } : {}),
    clear: majority !== undefined && majority.nodes.length * 2 > voters,
    voters,
  };
}

/** `2 of the cluster's 3 nodes`. */
export function share(version: Version<unknown>, voters: number): string {
  return t("{0} of the cluster's {1} nodes", version.nodes.length, voters);
}
