// How close two host names are: the typo distance and the series test that host-possible-typo
// and the cluster evidence both judge names by, and the naming conventions (domain suffix, the
// shape of the first label) that settle a dispute between two names when counting cannot.

/** The longest DNS name, with a trailing dot. */
export const MAX_HOST_LENGTH = 254;

/** How many edits still count as one typo: one, or two for names of 12 characters or more. */
export function typoLimit(a: string, b: string): number {
  return Math.min(a.length, b.length) >= 12 ? 2 : 1;
}

/**
 * Is `a` a typo away from `b` (two host keys) for the cluster evidence: close enough, not two
 * servers of one series, and with the same numbers (`mx4.example.net` is no typo of
 * `mx5.exmaple.net`: its number names another server, whatever else differs).
 */
export function isTypoOf(a: string, b: string): boolean {
  if (a === b || a.length > MAX_HOST_LENGTH || b.length > MAX_HOST_LENGTH) return false;
  const limit = typoLimit(a, b);
  return editDistance(a, b, limit) <= limit && !isSeries(a, b) && numbersOf(a) === numbersOf(b);
}

function numbersOf(key: string): string {
  return (key.match(/\d+/g) ?? []).join('.');
}

/**
 * Hosts of one series differ in a number (`mx1`, `mx2`, `node01`) or in a short name part
 * (`mail-b`, `mail-c`, `srv-a1`): distinct servers, not typos of each other.
 */
export function isSeries(a: string, b: string): boolean {
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

/** Everything after the first label (`corp.example.com` of `mail-a.corp.example.com`); '' for a single label. */
export function domainSuffix(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? '' : key.slice(dot + 1);
}

/** The first label with its numbers as `#` (`mx#` for `mx12.example.net`): the shape of a series. */
export function labelShape(key: string): string {
  const dot = key.indexOf('.');
  return (dot < 0 ? key : key.slice(0, dot)).replace(/\d+/g, '#');
}

/**
 * Which of two names for one server follows what every other host name of the cluster shares
 * (one domain suffix; else one shape of the first label): `first`, `second`, or undefined when
 * the other names share nothing that tells them apart. For one node against one, where counting
 * gives no majority.
 */
export function followsConventions(first: string, second: string, others: readonly string[]): 'first' | 'second' | undefined {
  for (const trait of [domainSuffix, labelShape]) {
    const shared = new Set(others.map(trait));
    if (shared.size !== 1) continue;
    const [common] = shared;
    const firstFits = trait(first) === common;
    const secondFits = trait(second) === common;
    if (firstFits !== secondFits) return firstFits ? 'first' : 'second';
  }
  return undefined;
}
