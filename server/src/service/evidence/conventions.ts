// The cluster's own conventions, read from its nodes: how they number their Server IDs, their IP
// addresses and their hostnames, and where they keep their queues. A fix that proposes a value
// follows them (14 in a cluster numbered 11, 12, 13; D:\IceWarp\queues\_incoming\ beside peers
// that queue under D:\IceWarp\queues\), and a duplicate between two nodes is blamed on one of
// them only when every other node of the cluster follows a rule that this one alone breaks.
// docs/cluster-reasoning.md ("Conventions") walks through each case.
import { t } from '../l10n';
import { FIELDS, FieldId, FieldSpec } from '../fields';
import { judgeFolder, judgeProposedFolder } from '../folders';
import { perNode } from '../memo';
import { NodeFile } from '../parse';
import { defaultFor, subfolder } from '../platform';
import { PathValue, pathSegments } from '../values/path';
import { isIPv4Address, isIpAddress } from '../values/hosts';
import type { WorkspaceFacts } from '../workspace';

// ---------------------------------------------------------------------------------------------
// Server IDs: the next free one

const NUMERIC_ID = /^\d{1,2}$/;
const LETTER_ID = /^[A-Za-z]{1,2}$/;
const ALPHABET = 26;

export interface FreeServerId {
  id: string;
  /** Written in letters, as every node of the cluster writes its ID: "the next free Server ID", not "numeric". */
  letters: boolean;
}

/**
 * The next free Server ID beside `usedIds` (the other nodes' line 4): the highest + 1 in the
 * cluster's width while it fits (`14` beside 11, 12, 13; `3` beside 1, 2), else the lowest free
 * one in that width (`03` beside 01, 02, 99). Letters only when every ID is letters (`D` beside
 * A, B, C) and `numeric` is not asked for. `1` and `01` are one number; IDs compare without case.
 */
export function nextFreeServerId(usedIds: readonly string[], options: { numeric?: boolean } = {}): FreeServerId {
  const ids = usedIds.filter((id) => id.length > 0);
  const taken = new Set(ids.map((id) => id.toLowerCase()));
  if (!options.numeric && ids.length > 0 && ids.every((id) => LETTER_ID.test(id))) {
    const letters = nextLetterId(ids, taken);
    if (letters) return { id: letters, letters: true };
  }
  return { id: nextNumericId(ids, taken), letters: false };
}

/** The next free Server ID for `node`, beside the other nodes of its cluster. */
export function nextFreeServerIdOf(node: NodeFile, workspace: WorkspaceFacts, options: { numeric?: boolean } = {}): FreeServerId {
  return nextFreeServerId(
    workspace.peersOf(node).map((peer) => peer.field.serverId.value.text),
    options,
  );
}

function nextNumericId(ids: readonly string[], taken: ReadonlySet<string>): string {
  const numbers = ids.filter((id) => NUMERIC_ID.test(id));
  const used = new Set(numbers.map(Number));
  // One digit only while every numeric ID has one: `1, 02` or `1, 12` write two.
  const width = numbers.length > 0 && numbers.every((id) => id.length === 1) ? 1 : 2;
  const largest = width === 1 ? 9 : 99;
  const write = (value: number) => String(value).padStart(width, '0');
  const highest = numbers.reduce((max, id) => Math.max(max, Number(id)), 0);
  if (highest + 1 <= largest) return write(highest + 1);
  for (let candidate = 1; candidate <= largest; candidate++) if (!used.has(candidate)) return write(candidate);
  for (let candidate = 10; candidate <= 99; candidate++) if (!used.has(candidate)) return String(candidate);
  // Every number taken: a letter and a digit are valid Server IDs too.
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    for (const digit of '0123456789') if (!taken.has(`${letter}${digit}`.toLowerCase())) return `${letter}${digit}`;
  }
  // 99 numbers and 260 letter IDs in one cluster: nothing sensible is left to offer.
  return 'ZZ';
}

/** Letter IDs count as numbers in base 26 (`A` = 0, `AZ` + 1 = `BA`), in the cluster's width and case. */
function nextLetterId(ids: readonly string[], taken: ReadonlySet<string>): string | undefined {
  const width = ids.every((id) => id.length === 1) ? 1 : 2;
  const lowerCase = ids.every((id) => id === id.toLowerCase());
  const valueOf = (id: string) => [...id.toUpperCase()].reduce((sum, letter) => sum * ALPHABET + letter.charCodeAt(0) - 65, 0);
  const write = (value: number) => {
    let id = '';
    for (let place = 0; place < width; place++, value = Math.floor(value / ALPHABET)) id = String.fromCharCode(65 + (value % ALPHABET)) + id;
    return lowerCase ? id.toLowerCase() : id;
  };
  const count = ALPHABET ** width;
  const highest = ids.filter((id) => id.length === width).reduce((max, id) => Math.max(max, valueOf(id)), -1);
  if (highest + 1 < count) return write(highest + 1);
  for (let value = 0; value < count; value++) if (!taken.has(write(value).toLowerCase())) return write(value);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbering: Server ID and IP address against the number in the hostname

/** What a cluster may number after its hostnames: line 4, or the last part of the IPv4 address on line 10. */
export type NumberedValue = 'serverId' | 'ip';

/** "Server ID = the number in the hostname + offset", or "IP = network.(number + offset)". */
export interface NumberingRule {
  value: NumberedValue;
  offset: number;
  /** The first three parts of the IPv4 address every node binds (`10.0.0`); for `ip` only. */
  network?: string;
  /** How many digits the nodes write their Server IDs with; for `serverId` only. */
  width?: number;
}

interface HostNumber {
  value: number;
  /** As written (`01` in mx01): its length is the width the cluster names its hosts with. */
  digits: string;
  /** Where the digits start in the hostname. */
  at: number;
}

interface NodeNumbers {
  host?: HostNumber;
  /** Line 4 as a number; undefined when empty; NaN when it holds letters. */
  serverId?: number;
  serverIdText: string;
  /** The node's first IPv4 address on line 10 (the server binding first). */
  ip?: { text: string; network: string; last: number };
}

const UNNUMBERED_IPS = new Set(['127.0.0.1', '0.0.0.0']);

const numbersOf = perNode((node): NodeNumbers => {
  const hostname = node.field.hostname.value.text;
  const serverIdText = node.field.serverId.value.text;
  const numbers: NodeNumbers = { serverIdText };
  if (hostname && !isIpAddress(hostname)) {
    const label = hostname.split('.')[0];
    const match = /(\d+)\D*$/.exec(label);
    if (match) numbers.host = { value: Number(match[1]), digits: match[1], at: match.index };
  }
  if (serverIdText) numbers.serverId = NUMERIC_ID.test(serverIdText) ? Number(serverIdText) : Number.NaN;
  const ip = node.ipBinding.halves.flatMap((half) => half.entries).find((entry) => isIPv4Address(entry.text) && !UNNUMBERED_IPS.has(entry.text));
  if (ip) {
    const parts = ip.text.split('.');
    numbers.ip = { text: ip.text, network: parts.slice(0, 3).join('.'), last: Number(parts[3]) };
  }
  return numbers;
});

/**
 * How a node stands to a numbering of `value`: `silent` without such a value (an empty line 4,
 * no IPv4 address: no evidence either way), `unnumbered` with a value that no offset can explain
 * (no number in its hostname, letters on line 4), else the rule it follows.
 */
type Reading = { kind: 'silent' } | { kind: 'unnumbered' } | { kind: 'follows'; key: string; rule: NumberingRule };

function readingOf(node: NodeFile, value: NumberedValue): Reading {
  const numbers = numbersOf(node);
  if (value === 'serverId') {
    if (numbers.serverId === undefined) return { kind: 'silent' };
    if (!numbers.host || Number.isNaN(numbers.serverId)) return { kind: 'unnumbered' };
    const offset = numbers.serverId - numbers.host.value;
    return { kind: 'follows', key: String(offset), rule: { value, offset, width: numbers.serverIdText.length } };
  }
  if (!numbers.ip) return { kind: 'silent' };
  if (!numbers.host) return { kind: 'unnumbered' };
  const offset = numbers.ip.last - numbers.host.value;
  return { kind: 'follows', key: `${numbers.ip.network}/${offset}`, rule: { value, offset, network: numbers.ip.network } };
}

/** The readings of a whole cluster, counted: one pass, so that asking for each suspect costs nothing more. */
interface Tally {
  nodes: readonly NodeFile[];
  byKey: Map<string, { count: number; rule: NumberingRule }>;
  unnumbered: number;
}

function tally(nodes: readonly NodeFile[], value: NumberedValue): Tally {
  const byKey = new Map<string, { count: number; rule: NumberingRule }>();
  let unnumbered = 0;
  for (const node of nodes) {
    const reading = readingOf(node, value);
    if (reading.kind === 'unnumbered') unnumbered++;
    if (reading.kind !== 'follows') continue;
    const entry = byKey.get(reading.key);
    if (entry) {
      entry.count++;
      // A Server ID written with two digits anywhere says the cluster writes two.
      if (value === 'serverId') entry.rule.width = Math.max(entry.rule.width ?? 1, reading.rule.width ?? 1);
    } else byKey.set(reading.key, { count: 1, rule: { ...reading.rule } });
  }
  return { nodes, byKey, unnumbered };
}

/** The one rule every node of the tally but `suspect` follows (with a value at all), and how many follow it. */
function ruleOfOthers(cluster: Tally, suspect: NodeFile, value: NumberedValue): { rule: NumberingRule; count: number } | undefined {
  const own = readingOf(suspect, value);
  if (cluster.unnumbered - (own.kind === 'unnumbered' ? 1 : 0) > 0) return undefined;
  const others = [...cluster.byKey].map(([key, entry]) => ({ key, rule: entry.rule, count: entry.count - (own.kind === 'follows' && own.key === key ? 1 : 0) })).filter((entry) => entry.count > 0);
  return others.length === 1 ? { rule: others[0].rule, count: others[0].count } : undefined;
}

/**
 * The rule of `value` that holds against `suspect`: followed by every other node of its cluster
 * that has such a value, at least two of them. One other node alone proves no rule (one against
 * one is no majority), unless the whole cluster, `suspect` included, numbers its other value
 * with the same offset: then both nodes share the convention and the suspect's value breaks it.
 */
function establishedRule(tallyOf: (value: NumberedValue) => Tally, suspect: NodeFile, value: NumberedValue): NumberingRule | undefined {
  const found = ruleOfOthers(tallyOf(value), suspect, value);
  if (!found) return undefined;
  if (found.count >= 2) return found.rule;
  const other: NumberedValue = value === 'serverId' ? 'ip' : 'serverId';
  const shared = tallyOf(other);
  const [only, ...more] = [...shared.byKey.values()];
  const everyNode = only !== undefined && more.length === 0 && shared.unnumbered === 0 && only.count === shared.nodes.length && only.count >= 2;
  return everyNode && only.rule.offset === found.rule.offset ? found.rule : undefined;
}

function breaks(node: NodeFile, rule: NumberingRule): boolean {
  const reading = readingOf(node, rule.value);
  if (reading.kind !== 'follows') return false;
  return reading.rule.offset !== rule.offset || reading.rule.network !== rule.network;
}

/** The one node of a duplicate that breaks its cluster's numbering, and the rule it breaks. */
export interface Blame {
  node: NodeFile;
  rule: NumberingRule;
}

/** What two or more nodes share: a Server ID, a bound IP address, a hostname. */
export type DuplicateKind = 'serverId' | 'ip' | 'hostname';

/**
 * Which of two nodes that share a value they must not is wrong, when the cluster's own numbering
 * says so: exactly one of them breaks a rule every other node of its cluster follows (a Server ID
 * or an IP address against the number in the hostname; for a shared hostname, either).
 * Undefined when that does not single one out, and for three nodes or more (taking one away
 * would leave the others sharing): then each is told that one of them is wrong, and no fix is
 * preferred. Costs one pass over each node's cluster.
 */
export function blameDuplicate(kind: DuplicateKind, group: readonly NodeFile[], workspace: WorkspaceFacts): Blame | undefined {
  if (group.length !== 2) return undefined;
  const values: NumberedValue[] = kind === 'hostname' ? ['serverId', 'ip'] : [kind];
  const blamed: Blame[] = [];
  for (const member of group) {
    const cluster = [member, ...workspace.peersOf(member)];
    const tallies = new Map<NumberedValue, Tally>();
    const tallyOf = (value: NumberedValue) => {
      let counted = tallies.get(value);
      if (!counted) tallies.set(value, (counted = tally(cluster, value)));
      return counted;
    };
    for (const value of values) {
      const rule = establishedRule(tallyOf, member, value);
      if (rule && breaks(member, rule)) {
        blamed.push({ node: member, rule });
        break;
      }
    }
  }
  return blamed.length === 1 ? blamed[0] : undefined;
}

/** The rule in words, after "every other node's Server ID is": "the number in its hostname + 10". */
export function describeNumbering(rule: NumberingRule): string {
  if (rule.offset === 0) return t('the number in its hostname');
  return rule.offset > 0 ? t('the number in its hostname + {0}', rule.offset) : t('the number in its hostname − {0}', -rule.offset);
}

/** The Server ID the rule gives `node` (`13` for mx3 at + 10), as the cluster writes its IDs; undefined past two digits. */
export function numberedServerId(node: NodeFile, rule: NumberingRule): string | undefined {
  const host = numbersOf(node).host;
  if (!host || rule.value !== 'serverId') return undefined;
  const id = host.value + rule.offset;
  return id >= 0 && id <= 99 ? String(id).padStart(rule.width ?? 2, '0') : undefined;
}

/** The IP address the rule gives `node` (`10.0.0.13` for mx3 at + 10); undefined outside 1-254. */
export function numberedIp(node: NodeFile, rule: NumberingRule): string | undefined {
  const host = numbersOf(node).host;
  if (!host || rule.value !== 'ip' || !rule.network) return undefined;
  const last = host.value + rule.offset;
  return last >= 1 && last <= 254 ? `${rule.network}.${last}` : undefined;
}

/** The node's value the rule reads (its Server ID or IP address), for a message. */
export function numberedValueOf(node: NodeFile, value: NumberedValue): string {
  const numbers = numbersOf(node);
  return value === 'serverId' ? numbers.serverIdText : (numbers.ip?.text ?? '');
}

/**
 * The hostname the rule gives `node` from its Server ID or IP address, named as every other
 * node of its cluster is (`mx` + number + `.example.net`); undefined when their names differ
 * in more than the number.
 */
export function numberedHostname(node: NodeFile, rule: NumberingRule, workspace: WorkspaceFacts): string | undefined {
  const numbers = numbersOf(node);
  const value = rule.value === 'serverId' ? numbers.serverId : numbers.ip?.last;
  if (value === undefined || Number.isNaN(value)) return undefined;
  const number = value - rule.offset;
  if (number < 0) return undefined;
  let pattern: { prefix: string; suffix: string; width: number } | undefined;
  for (const peer of workspace.peersOf(node)) {
    const hostname = peer.field.hostname.value.text;
    const host = numbersOf(peer).host;
    if (!hostname) continue;
    if (!host) return undefined;
    const prefix = hostname.slice(0, host.at);
    const suffix = hostname.slice(host.at + host.digits.length);
    const width = host.digits.startsWith('0') ? host.digits.length : 1;
    if (!pattern) pattern = { prefix, suffix, width };
    else if (pattern.prefix.toLowerCase() !== prefix.toLowerCase() || pattern.suffix.toLowerCase() !== suffix.toLowerCase()) return undefined;
    else pattern.width = Math.max(pattern.width, width);
  }
  return pattern && `${pattern.prefix}${String(number).padStart(pattern.width, '0')}${pattern.suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Queues: where this cluster keeps a server's own working folders

const QUEUE_FIELDS = FIELDS.filter((field) => field.sharing === 'working');

/**
 * Each queue's folders below the queues' common root, read from the product defaults: `_outgoing`,
 * `_outgoing/retry`, `_incoming` (under C:\Program Files\IceWarp\mail\ or /opt/icewarp/mailqueues/).
 */
const QUEUE_TAILS: ReadonlyMap<FieldId, readonly string[]> = (() => {
  const segmentsOf = (field: FieldSpec) => (field.defaults?.windows ?? '').split('\\').filter((segment) => segment.length > 0);
  const all = QUEUE_FIELDS.map(segmentsOf);
  let common = 0;
  while (all.every((segments) => segments[common] !== undefined && segments[common].toLowerCase() === all[0][common].toLowerCase())) common++;
  return new Map(QUEUE_FIELDS.map((field, index) => [field.id, all[index].slice(common)]));
})();

/** Where a proposed local folder comes from, for the fix title. */
export type LocalFolderBasis = 'outgoing' | 'own' | 'peers' | 'default';

export interface LocalFolderProposal {
  text: string;
  basis: LocalFolderBasis;
}

/**
 * A local folder for this node's queue `field` (now `path`, on shared storage), following the
 * cluster's own layout before any product default: the retry queue under this node's local
 * outgoing queue; then beside this node's own other local queues (it has that disk); then the
 * layout most of its peers use locally; then IceWarp's default. Each proposal is one folders.ts
 * judges local for this node. Undefined when there is nothing to propose.
 */
export function localQueueFolder(node: NodeFile, field: FieldSpec, path: PathValue, peers: readonly NodeFile[]): LocalFolderProposal | undefined {
  const tail = QUEUE_TAILS.get(field.id);
  if (!tail) return undefined;
  const isLocalHere = (text: string) => text !== path.text && judgeProposedFolder(node, field.id, text).location === 'local';
  const outgoing = node.paths.get('outgoingQueue');
  if (field.id === 'retryQueue' && outgoing && judgeFolder(node, 'outgoingQueue')?.location === 'local') {
    const text = subfolder(outgoing, 'retry');
    if (isLocalHere(text)) return { text, basis: 'outgoing' };
  }
  for (const text of layoutCandidates(node, field, path.windows)) if (isLocalHere(text)) return { text, basis: 'own' };
  const counts = new Map<string, number>();
  for (const peer of peers) {
    // One vote per peer: its own layout, best guess first.
    const [text] = layoutCandidates(peer, field, path.windows).filter(isLocalHere);
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  if (best) return { text: best[0], basis: 'peers' };
  const fallback = defaultFor(field, path.windows ? 'windows' : 'posix');
  return fallback && fallback !== path.text ? { text: fallback, basis: 'default' } : undefined;
}

/**
 * Where `owner`'s local layout puts the queue `field`: its own such queue when local, then the
 * root of each of its other local queues (`D:\IceWarp\queues\` of `D:\IceWarp\queues\_outgoing\`)
 * with this queue's folders below it.
 */
function layoutCandidates(owner: NodeFile, field: FieldSpec, windows: boolean): string[] {
  const candidates: string[] = [];
  const localQueue = (id: FieldId) => {
    const queue = owner.paths.get(id);
    const judged = queue && judgeFolder(owner, id);
    return queue && judged?.location === 'local' && (queue.style === 'drive' || queue.style === 'posix') && queue.windows === windows ? queue : undefined;
  };
  const same = localQueue(field.id);
  if (same) candidates.push(same.text);
  for (const other of QUEUE_FIELDS) {
    if (other.id === field.id) continue;
    const queue = localQueue(other.id);
    const root = queue && queueRoot(queue, QUEUE_TAILS.get(other.id) ?? []);
    if (root) candidates.push(below(root, QUEUE_TAILS.get(field.id) ?? []));
  }
  return candidates;
}

/**
 * The folder `queue` sits in as its queue does in the default layout: `D:\q\` of `D:\q\_outgoing\`
 * or `D:\q\_outgoing\retry\`; for a queue named otherwise (`D:\q\out\`), its parent folder.
 */
function queueRoot(queue: PathValue, tail: readonly string[]): string | undefined {
  const segments = pathSegments(queue);
  const same = (a: string, b: string) => (queue.windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  const endsWithTail = tail.length < segments.length && tail.every((segment, index) => same(segments[segments.length - tail.length + index], segment));
  const levels = endsWithTail ? tail.length : tail.length === 1 ? 1 : 0;
  if (levels === 0 || segments.length <= levels) return undefined;
  let text = queue.text.replace(/[\\/]+$/, '');
  for (let level = 0; level < levels; level++) text = text.slice(0, Math.max(text.lastIndexOf('\\'), text.lastIndexOf('/')));
  const separator = queue.text[text.length];
  // A root that is only a drive (`D:`) or `/` holds no layout worth following.
  if (!separator || /^[A-Za-z]:$/.test(text) || text === '') return undefined;
  return text + separator;
}

/** `root` + the tail's folders, written with the separator the root uses. */
function below(root: string, tail: readonly string[]): string {
  const separator = root[root.length - 1];
  return root + tail.map((segment) => segment + separator).join('');
}

/** Said on each node of a duplicate that the cluster's numbering does not decide: no node is preferred. */
export function undecidedDuplicate(otherCount: number): string {
  return otherCount === 1
    ? t("One of the two is wrong, and the cluster's conventions do not tell which: check both.")
    : t("All but one of them are wrong, and the cluster's conventions do not tell which: check each.");
}
