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
  /** The version this node holds (its value as the version's first node writes it). */
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
 * The values the nodes hold (`valueOf` answers undefined for a node that takes no part), grouped
 * by key, in the nodes' order: each version's value as its first node writes it.
 */
export function tally<V>(nodes: readonly NodeFile[], valueOf: (node: NodeFile) => { key: string; value: V } | undefined): Map<string, Version<V>> {
  const byKey = new Map<string, Version<V>>();
  for (const node of nodes) {
    const held = valueOf(node);
    if (!held) continue;
    const version = byKey.get(held.key);
    if (version) version.nodes.push(node);
    else byKey.set(held.key, { key: held.key, nodes: [node], value: held.value });
  }
  return byKey;
}

/** How the versions vote against the one of key `own`; undefined when they all agree or `own` is none of them. */
export function voteOf<V>(versions: ReadonlyMap<string, Version<V>>, own: string | undefined): Vote<V> | undefined {
  const version = own === undefined ? undefined : versions.get(own);
  if (!version || versions.size < 2) return undefined;
  // Stable: among versions held by as many nodes, the first node's order decides.
  const ranked = [...versions.values()].sort((a, b) => b.nodes.length - a.nodes.length);
  const voters = ranked.reduce((sum, each) => sum + each.nodes.length, 0);
  const [first, second] = ranked;
  const majority = first.nodes.length > second.nodes.length && first.nodes.length >= 2 ? first : undefined;
  return {
    own: version,
    others: ranked.filter((each) => each !== version),
    ...(majority ? { majority } : {}),
    clear: majority !== undefined && majority.nodes.length * 2 > voters,
    voters,
  };
}

/** `2 of the cluster's 3 nodes`. */
export function share(version: Version<unknown>, voters: number): string {
  return t("{0} of the cluster's {1} nodes", version.nodes.length, voters);
}
