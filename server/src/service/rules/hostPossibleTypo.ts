import { t } from '../l10n';
import { FieldLine, NodeFile } from '../parse';
import { Piece } from '../types';
import { hostKey, hostProblem, isIpAddress } from '../values/hosts';
import type { WorkspaceFacts } from '../workspace';
import { excerpt, quote, uriLabel } from '../mention';
import { replacePiece } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Finding, RelatedLocation, Rule } from './rule';

/** The longest DNS name, with a trailing dot. */
const MAX_HOST_LENGTH = 254;

/** A host the cluster knows, to compare a possible typo with. */
export interface KnownHost {
  name: string;
  /** The node whose hostname (line 11) it is, if any: the strongest evidence a host exists. */
  hostnameOf?: NodeFile;
  /** How many nodes of the cluster name it on line 15 or 16. */
  namedBy: number;
}

export interface Suggestion {
  host: KnownHost;
  /** Another host is just as close: the user must choose. */
  ambiguous: boolean;
  others: KnownHost[];
}

/**
 * A host on line 15 or 16 that is no node's hostname but within a small edit distance of one
 * (or of a host more nodes of the cluster name) is probably a typo: `mail-c.corp.exmaple.com`
 * for `mail-c.corp.example.com`. Numbered or lettered series (`mx1`/`mx2`, `mail-b`/`mail-c`)
 * are different servers, not typos, and a host no better known than the suspect is no evidence.
 */
export const hostPossibleTypo: Rule<'host-possible-typo'> = {
  code: 'host-possible-typo',
  scope: 'workspace',
  check({ node, workspace }) {
    const known = knownHosts(node, workspace);
    const findings: Finding<'host-possible-typo'>[] = [];
    // A host listed twice is judged once.
    const judged = new Map<string, Suggestion | undefined>();
    const lines: [FieldLine, readonly Piece[]][] = [
      [node.field.masterHost, node.masterHosts.hosts],
      [node.field.slaveHosts, node.slaveHosts.hosts],
    ];
    for (const [line, hosts] of lines) {
      for (const host of hosts) {
        const key = host.text.length > MAX_HOST_LENGTH ? host.text : hostKey(host.text);
        if (!judged.has(key)) judged.set(key, suggestionFor(host.text, known, node, workspace));
        const suggestion = judged.get(key);
        if (!suggestion) continue;
        const { host: best, ambiguous, others } = suggestion;
        // `a (why) or b or c`: only the first names its evidence.
        const alternatives = others.map((other) => excerpt(other.name)).reduce((joined, name) => (joined ? t('{0} or {1}', joined, name) : name), '');
        findings.push({
          range: host.range,
          message: ambiguous && alternatives
            ? t("{0} in {1} (line {2}) is no node's hostname; did you mean {3} ({4}) or {5}?", quote(host.text), line.field.title, line.field.line, excerpt(best.name), evidence(best), alternatives)
            : t("{0} in {1} (line {2}) is no node's hostname; did you mean {3} ({4})?", quote(host.text), line.field.title, line.field.line, excerpt(best.name), evidence(best)),
          related: [best, ...others].flatMap((candidate) => relatedFor(candidate)),
          fixes: [best, ...others].map((candidate) => replaceWith(host, candidate, !ambiguous)),
        });
      }
    }
    return findings;
  },
};

function evidence(host: KnownHost): string {
  if (host.hostnameOf) return t('hostname of {0}', uriLabel(host.hostnameOf.uri));
  return t('named by {0} nodes of this cluster', host.namedBy);
}

function relatedFor(host: KnownHost): RelatedLocation[] {
  const owner = host.hostnameOf;
  if (!owner) return [];
  return [{ uri: owner.uri, range: owner.field.hostname.value.range, message: t('{0} is the hostname of {1}', excerpt(host.name), uriLabel(owner.uri)) }];
}

function replaceWith(host: Piece, candidate: KnownHost, isPreferred: boolean): FixOffer<'host-did-you-mean'> {
  return fixOffer('host-did-you-mean', isPreferred, () => ({
    title: t('Replace with {0} ({1})', excerpt(candidate.name), evidence(candidate)),
    edits: [replacePiece(host, candidate.name)],
  }));
}

/** The hosts of the node's cluster: its nodes' hostnames, and the hosts its nodes name on lines 15 and 16. */
export function knownHosts(node: NodeFile, workspace: WorkspaceFacts): Map<string, KnownHost> {
  const known = new Map<string, KnownHost>();
  const members = [node, ...workspace.peersOf(node)];
  for (const member of members) {
    const hostname = member.field.hostname.value.text;
    if (!hostname) continue;
    const key = hostKey(hostname);
    if (!known.has(key)) known.set(key, { name: hostname, hostnameOf: member, namedBy: 0 });
  }
  for (const member of members) {
    const named = new Set<string>();
    for (const host of [...member.masterHosts.hosts, ...member.slaveHosts.hosts]) {
      if (host.text.length > MAX_HOST_LENGTH) continue;
      const key = hostKey(host.text);
      if (named.has(key)) continue;
      named.add(key);
      const entry = known.get(key) ?? { name: host.text, namedBy: 0 };
      entry.namedBy++;
      known.set(key, entry);
    }
  }
  return known;
}

/**
 * The host `text` was probably meant to be, or undefined. Only hosts better known than `text`
 * count: a node's hostname, or one that more nodes of the cluster name.
 */
export function suggestionFor(text: string, known: ReadonlyMap<string, KnownHost>, node: NodeFile, workspace: WorkspaceFacts): Suggestion | undefined {
  // A DNS name has at most 253 characters: anything longer is host-invalid's, not a typo.
  if (text.length === 0 || text.length > MAX_HOST_LENGTH) return undefined;
  const key = hostKey(text);
  if (isIpAddress(key)) return undefined;
  const self = known.get(key);
  if (self?.hostnameOf || workspace.nodesSharing(node, `host:${key}`).length > 0) return undefined;
  const weight = self?.namedBy ?? 0;
  let best: { host: KnownHost; distance: number }[] = [];
  for (const [candidateKey, candidate] of known) {
    if (candidateKey === key || candidateKey.length > MAX_HOST_LENGTH || isIpAddress(candidateKey)) continue;
    if (!candidate.hostnameOf && candidate.namedBy <= weight) continue;
    const limit = Math.min(key.length, candidateKey.length) >= 12 ? 2 : 1;
    const distance = editDistance(key, candidateKey, limit);
    // Never suggest a host that is itself no valid host name.
    if (distance > limit || isSeries(key, candidateKey) || hostProblem(candidate.name)) continue;
    if (best.length === 0 || distance < best[0].distance) best = [{ host: candidate, distance }];
    else if (distance === best[0].distance) best.push({ host: candidate, distance });
  }
  if (best.length === 0) return undefined;
  // A node's hostname beats a host only named; among equals the user chooses.
  best.sort((a, b) => Number(Boolean(b.host.hostnameOf)) - Number(Boolean(a.host.hostnameOf)) || b.host.namedBy - a.host.namedBy);
  const [first, ...rest] = best;
  const ties = rest.filter((other) => Boolean(other.host.hostnameOf) === Boolean(first.host.hostnameOf) && other.host.namedBy === first.host.namedBy);
  return { host: first.host, ambiguous: ties.length > 0, others: ties.slice(0, 2).map((other) => other.host) };
}

/**
 * Hosts of one series differ in a number (`mx1`, `mx2`, `node01`) or in a short name part
 * (`mail-b`, `mail-c`, `srv-a1`): distinct servers, not typos of each other.
 */
function isSeries(a: string, b: string): boolean {
  if (a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#')) return true;
  const partsA = a.split(/[^a-z0-9]+/);
  const partsB = b.split(/[^a-z0-9]+/);
  if (partsA.length !== partsB.length) return false;
  const differing = partsA.map((part, index) => [part, partsB[index]]).filter(([left, right]) => left !== right);
  return differing.length === 1 && differing[0][0].length <= 2 && differing[0][1].length <= 2;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, adjacent
 * transpositions), or `limit + 1` as soon as it must exceed `limit`. Only a band of width
 * 2 * limit + 1 is computed, so a long value costs its length, not its square.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  // Three rows, reused: the one before the previous is needed for a transposition.
  let before = new Int32Array(b.length + 1).fill(over);
  let previous = new Int32Array(b.length + 1).fill(over);
  let current = new Int32Array(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(over);
    current[0] = i <= limit ? i : over;
    let rowBest = current[0];
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, before[j - 2] + 1);
      current[j] = Math.min(value, over);
      rowBest = Math.min(rowBest, current[j]);
    }
    if (rowBest > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], over);
}
