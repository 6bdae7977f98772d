// One place decides who is wrong. A real cluster changes one file at a time: a new node lists
// itself before the others list it, a typo sits in one node's own hostname while every other
// node names it right. Rather than each cross-node rule counting votes on its own, the evidence
// of a cluster is gathered here once per cluster state (what each node says about itself: its
// hostname, IPs, role, master, folders; and what every other node calls it), and the rules ask
// for verdicts. docs/cluster-reasoning.md writes the rules of evidence down.
import { NodeFile, isInCluster } from '../parse';
import { shiftOf } from '../lineShift';
import { RoleReading, roleOf } from '../role';
import { Piece } from '../types';
import { HostList, hostKey, hostProblem, isIpAddress } from '../values/hosts';
import { folderKey } from '../values/path';
import type { WorkspaceFacts } from '../workspace';
import type { Cluster } from '../cluster';
import { MAX_HOST_LENGTH, editDistance, followsConventions, isSeries, isTypoOf, typoLimit } from './hostNames';
import { FieldSpec } from '../fields';
import { PathValue } from '../values/path';
import { Version, Vote, tally, voteOf } from './votes';

export type HostLine = 'masterHost' | 'slaveHosts';

/** A host as one node names it on line 15 or 16. */
export interface Mention {
  /** The node whose line names the host. */
  by: NodeFile;
  line: HostLine;
  piece: Piece;
  key: string;
}

/** What one node of the cluster says about itself. */
export interface Member {
  node: NodeFile;
  /** Line 11 as a host key; undefined when empty. */
  hostKey?: string;
  /** The addresses line 10 binds, lower case. */
  ips: ReadonlySet<string>;
  /** It names a master host or slave hosts (a cluster member in the catalog's sense). */
  inCluster: boolean;
  role: RoleReading;
  /** The first host of line 15 as a key (the one IceWarp reads); undefined when empty. */
  masterKey?: string;
  /** Line 1 as a folder key; undefined when empty. */
  configKey?: string;
}

/** Which member a host named on line 15 or 16 stands for, and how it names it. */
export interface Referent {
  member: Member;
  /** By its hostname, by an IP it binds, or by a name a typo away from its hostname that no node owns. */
  how: 'hostname' | 'ip' | 'typo';
}

/**
 * A node's own name (line 11) against a name a typo away from it that lines 15/16 give it, and
 * which side the evidence blames:
 * - `hostname`: line 11 is wrong; every other node that names the server uses the other name.
 * - `mention`: the lines giving the other name are wrong (more nodes use line 11's name).
 * - `either`: one node against one and the cluster's conventions do not tell: both are told, no fix is preferred.
 * - `disputed`: other nodes use both names; no verdict on line 11, no preferred fix.
 */
export interface NameDispute {
  member: Member;
  /** The other name, as the first node naming it writes it. */
  name: string;
  key: string;
  /** Every place (lines 15/16 of any node, this one's included) that gives the other name. */
  mentions: Mention[];
  blame: 'hostname' | 'mention' | 'either' | 'disputed';
}

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

/** A line 15 or 16 as one node holds it, for membership votes. */
export interface Listed {
  /** The host keys that count, as a set (line 16: without the cluster's master, with the members being rolled out). */
  keys: Set<string>;
  /** The line's value as the node writes it. */
  text: string;
  list: HostList;
}

/** How the cluster votes on one node's line 15 or 16 (see `membershipVote`). */
export interface MembershipVote extends Vote<Listed> {
  /** What "Use the cluster's value" writes (the majority's line, with the members being rolled out). */
  clusterValue?: string;
  /**
   * Safe without asking: a clear majority, and on line 16 a change of spelling only (a typo, an
   * IP for a hostname), never a host added or removed; on line 15 not against a node that says
   * it is the master.
   */
  preferred: boolean;
}

/** The most candidate hosts a typo is compared with, per length: a node copied 10,000 times stays linear. */
const MAX_SAME_LENGTH = 64;

export class ClusterEvidence {
  /** Every node the cluster groups (by master host or Config folder), sorted by URI. */
  readonly members: readonly Member[];
  /** The cluster's master host as a key: what most nodes name on line 15 (see `decideMaster`). */
  readonly masterKey: string | undefined;
  /** The member that host is, when it has a file. */
  readonly master: Member | undefined;
  /** The cluster's shared Config folder (line 1) as a folder key. */
  readonly configKey: string | undefined;

  private readonly byUri = new Map<string, Member>();
  private readonly mentions: Mention[] = [];
  /** Hostname and IP keys -> the member that answers to them (hostnames first). */
  private readonly owners = new Map<string, Member>();
  private readonly referents = new Map<string, Referent | null>();
  /** Per member, the members its slave list (line 16) names, by any name that stands for them. */
  private readonly listNames = new Map<Member, Set<Member>>();
  private readonly disputes = new Map<string, NameDispute>();
  private readonly disputesByMember = new Map<Member, NameDispute[]>();
  private readonly workingMembers = new Set<Member>();
  private readonly unlisted = new Set<Member>();
  private readonly standalone = new Set<Member>();
  private readonly votes = new Map<HostLine, Map<string, Version<Listed>>>();
  private readonly folderVotes = new Map<string, Map<string, Version<PathValue>>>();
  private known: Map<string, KnownHost> | undefined;
  private readonly suggestions = new Map<string, Suggestion | undefined>();

  constructor(nodes: readonly NodeFile[]) {
    const sorted = [...nodes].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    this.members = sorted.map(readMember);
    for (const member of this.members) this.byUri.set(member.node.uri, member);
    for (const member of this.members) if (member.hostKey && !this.owners.has(member.hostKey)) this.owners.set(member.hostKey, member);
    for (const member of this.members) for (const ip of member.ips) if (!this.owners.has(ip)) this.owners.set(ip, member);
    for (const member of this.members) {
      for (const [line, list] of [
        ['masterHost', member.node.masterHosts],
        ['slaveHosts', member.node.slaveHosts],
      ] as const) {
        for (const piece of list.hosts) if (piece.text.length <= MAX_HOST_LENGTH) this.mentions.push({ by: member.node, line, piece, key: hostKey(piece.text) });
      }
    }
    this.resolveReferents();
    for (const mention of this.mentions) {
      const named = mention.line === 'slaveHosts' ? this.referent(mention.key)?.member : undefined;
      if (!named) continue;
      const by = this.byUri.get(mention.by.uri) as Member;
      const set = this.listNames.get(by) ?? new Set<Member>();
      set.add(named);
      this.listNames.set(by, set);
    }
    this.weighNames();
    this.masterKey = this.decideMaster();
    this.master = this.masterKey === undefined ? undefined : this.referent(this.masterKey)?.member;
    this.configKey = this.decideConfig();
    this.judgeMembership();
    this.tallyLists();
  }

  /** Does this evidence stand for exactly these nodes (the same versions)? */
  holdsExactly(nodes: readonly NodeFile[]): boolean {
    return nodes.length === this.members.length && nodes.every((node) => this.byUri.get(node.uri)?.node === node);
  }

  member(node: NodeFile): Member | undefined {
    const member = this.byUri.get(node.uri);
    return member?.node === node ? member : undefined;
  }

  /** Which member a host named on line 15 or 16 stands for, if any. */
  referent(key: string): Referent | undefined {
    return this.referents.get(key) ?? undefined;
  }

  /** The members whose flag (line 14) says master, among those in the cluster in the catalog's sense. */
  masters(): Member[] {
    return this.members.filter((member) => member.inCluster && member.role.flag === 'master');
  }

  // -------------------------------------------------------------------------------------------
  // Verdicts

  /** The disputes over this node's own name (line 11). */
  nameDisputesOf(node: NodeFile): NameDispute[] {
    const member = this.member(node);
    return (member && this.disputesByMember.get(member)) ?? [];
  }

  /** The dispute a host named on line 15 or 16 is part of, if it is a typo-near name of a member. */
  disputeOver(key: string): NameDispute | undefined {
    return this.disputes.get(key);
  }

  /**
   * A member being rolled out (or retired) one file at a time: it names the cluster's master,
   * shares its Config folder, and lists itself as a slave (or the master lists it), while some
   * lists may not name it yet.
   */
  isWorkingMember(node: NodeFile): boolean {
    const member = this.member(node);
    return member !== undefined && this.workingMembers.has(member);
  }

  /**
   * The other members being rolled out that this node's slave list (line 16, not empty) does
   * not name yet. A node's own list that lacks it is a plain disagreement (membership vote).
   */
  notListedBy(node: NodeFile): Member[] {
    const member = this.member(node);
    if (!member?.inCluster || node.slaveHosts.hosts.length === 0) return [];
    return [...this.workingMembers].filter((working) => working !== member && !this.names(member, working));
  }

  /** Where `by`'s slave list (line 16) names `member`, by any name that stands for it. */
  slaveMentions(by: NodeFile, member: Member): Mention[] {
    return this.mentions.filter((mention) => mention.by === by && mention.line === 'slaveHosts' && this.referent(mention.key)?.member === member);
  }

  /** A slave of the cluster's master that no slave list names, not even its own. */
  isUnlistedSlave(node: NodeFile): boolean {
    const member = this.member(node);
    return member !== undefined && this.unlisted.has(member);
  }

  /** The slaves of the cluster's master that no slave list names. */
  unlistedSlaves(): Member[] {
    return [...this.unlisted];
  }

  /** A standalone server (no master host, no slaves, line 14 master) on the shared Config folder of a cluster. */
  isStandaloneOnSharedConfig(node: NodeFile): boolean {
    const member = this.member(node);
    return member !== undefined && this.standalone.has(member);
  }

  standalonesOnSharedConfig(): Member[] {
    return [...this.standalone];
  }

  /** The members in the cluster (catalog sense) whose Config folder is this one. */
  membersOnConfig(configKey: string): Member[] {
    return this.members.filter((member) => member.inCluster && member.configKey === configKey);
  }

  /**
   * How the cluster votes on this node's line 15 or 16, among the members in the cluster in the
   * catalog's sense; undefined when they agree or the node takes no part. Line 16 compares
   * without the cluster's master (master-in-slave-list tells that one) and as if every member
   * being rolled out were listed already (cluster-member-not-listed tells those).
   */
  membershipVote(node: NodeFile, line: HostLine): MembershipVote | undefined {
    const member = this.member(node);
    const versions = this.votes.get(line);
    if (!member?.inCluster || !versions) return undefined;
    const vote = voteOf(versions, this.listedOf(member, line).signature);
    if (!vote?.majority) return vote && { ...vote, preferred: false };
    const clusterValue = line === 'slaveHosts' ? this.slaveValueFrom(vote.majority) : vote.majority.value.text;
    return { ...vote, clusterValue, preferred: vote.clear && (line === 'slaveHosts' ? this.onlyCorrectsSpelling(member, clusterValue) : !this.claimsMaster(member)) };
  }

  /**
   * How the members in the cluster (catalog sense) vote on this node's common folder (line 1, 6
   * or 7); undefined when they agree or the node takes no part. Only paths of the node's style
   * compare: a Linux mount and a UNC path may be the same share, which no file tells.
   */
  folderVote(node: NodeFile, field: FieldSpec): Vote<PathValue> | undefined {
    const member = this.member(node);
    const path = node.paths.get(field.id);
    if (!member?.inCluster || !path) return undefined;
    const versionsKey = `${field.id}\u0000${path.style}`;
    let versions = this.folderVotes.get(versionsKey);
    if (!versions) {
      const inCluster = this.members.filter((each) => each.inCluster).map((each) => each.node);
      versions = tally(inCluster, (each) => {
        const folder = each.paths.get(field.id);
        return folder && folder.style === path.style ? { key: folderKey(folder), value: folder } : undefined;
      });
      this.folderVotes.set(versionsKey, versions);
    }
    return voteOf(versions, folderKey(path));
  }

  /**
   * The host `key` (named on line 15 or 16) was probably meant to be, or undefined. Only hosts
   * better known than it count: a node's hostname, or one that more nodes of the cluster name.
   */
  suggestionFor(key: string): Suggestion | undefined {
    if (!this.suggestions.has(key)) this.suggestions.set(key, this.suggest(key));
    return this.suggestions.get(key);
  }

  /** The hosts of the cluster: its nodes' hostnames, and the hosts its nodes name on lines 15 and 16. */
  knownHosts(): ReadonlyMap<string, KnownHost> {
    if (this.known) return this.known;
    const known = new Map<string, KnownHost>();
    for (const member of this.members) {
      const hostname = member.node.field.hostname.value.text;
      if (member.hostKey && !known.has(member.hostKey)) known.set(member.hostKey, { name: hostname, hostnameOf: member.node, namedBy: 0 });
    }
    const counted = new Set<string>();
    for (const mention of this.mentions) {
      const once = `${mention.by.uri}\u0000${mention.key}`;
      if (counted.has(once)) continue;
      counted.add(once);
      const entry = known.get(mention.key) ?? { name: mention.piece.text, namedBy: 0 };
      entry.namedBy++;
      known.set(mention.key, entry);
    }
    return (this.known = known);
  }

  // -------------------------------------------------------------------------------------------
  // Building

  /** Hostnames and IPs answer for their member; a name no node owns may be a typo of exactly one hostname. */
  private resolveReferents(): void {
    const byLength = new Map<number, Member[]>();
    for (const member of this.members) {
      if (!member.hostKey || this.owners.get(member.hostKey) !== member) continue;
      const list = byLength.get(member.hostKey.length) ?? [];
      if (list.length < MAX_SAME_LENGTH) list.push(member);
      byLength.set(member.hostKey.length, list);
    }
    for (const { key } of this.mentions) {
      if (this.referents.has(key)) continue;
      const owner = this.owners.get(key);
      if (owner) {
        this.referents.set(key, { member: owner, how: owner.hostKey === key ? 'hostname' : 'ip' });
        continue;
      }
      if (isIpAddress(key)) {
        this.referents.set(key, null);
        continue;
      }
      // The closest hostname, when exactly one is closest.
      let closest: Member[] = [];
      let best = Infinity;
      for (let length = key.length - 2; length <= key.length + 2; length++) {
        for (const member of byLength.get(length) ?? []) {
          const hostname = member.hostKey as string;
          if (!isTypoOf(key, hostname)) continue;
          const distance = editDistance(key, hostname, typoLimit(key, hostname));
          if (distance < best) [closest, best] = [[member], distance];
          else if (distance === best) closest.push(member);
        }
      }
      this.referents.set(key, closest.length === 1 ? { member: closest[0], how: 'typo' } : null);
    }
  }

  /** Between a member's own name and a typo-near name others give it: counts nodes, then conventions. */
  private weighNames(): void {
    const byName = new Map<string, Mention[]>();
    const namers = new Map<string, Set<NodeFile>>();
    for (const mention of this.mentions) {
      const set = namers.get(mention.key) ?? new Set<NodeFile>();
      set.add(mention.by);
      namers.set(mention.key, set);
      if (this.referent(mention.key)?.how !== 'typo') continue;
      const list = byName.get(mention.key) ?? [];
      list.push(mention);
      byName.set(mention.key, list);
    }
    for (const [key, mentions] of byName) {
      const member = (this.referent(key) as Referent).member;
      const own = member.hostKey as string;
      const forOther = new Set(mentions.map((mention) => mention.by));
      const namingOwn = namers.get(own) ?? new Set<NodeFile>();
      const othersNameOwn = [...namingOwn].some((node) => node !== member.node);
      const forOwn = new Set([...namingOwn, member.node]);
      let blame: NameDispute['blame'];
      // Only the node itself uses the other name (in its own list): its line 11 stands.
      if (![...forOther].some((node) => node !== member.node)) blame = 'mention';
      else if (forOther.size > forOwn.size) blame = othersNameOwn ? 'disputed' : 'hostname';
      else if (forOther.size < forOwn.size) blame = 'mention';
      else {
        const others = this.otherNames(own, key);
        const fits = followsConventions(own, key, others);
        blame = fits === 'first' ? 'mention' : othersNameOwn ? 'disputed' : fits === 'second' ? 'hostname' : 'either';
      }
      const dispute: NameDispute = { member, name: mentions[0].piece.text, key, mentions, blame };
      this.disputes.set(key, dispute);
      this.disputesByMember.set(member, [...(this.disputesByMember.get(member) ?? []), dispute]);
    }
    // Two other names for one server: no single name the others use, so line 11 is not blamed.
    for (const disputes of this.disputesByMember.values()) {
      if (disputes.filter((dispute) => dispute.blame === 'hostname' || dispute.blame === 'either').length < 2) continue;
      for (const dispute of disputes) if (dispute.blame === 'hostname' || dispute.blame === 'either') dispute.blame = 'disputed';
    }
  }

  /** Every host name of the cluster but these two (hostnames and named hosts, no IPs). */
  private otherNames(...except: string[]): string[] {
    const names = new Set<string>();
    for (const member of this.members) if (member.hostKey) names.add(member.hostKey);
    for (const mention of this.mentions) names.add(mention.key);
    for (const name of except) names.delete(name);
    return [...names].filter((name) => !isIpAddress(name));
  }

  /**
   * The host most members name on line 15 (more than any other, by two at least); else the only
   * one named; else the one named host whose own file says master. Undefined when that leaves a choice.
   */
  private decideMaster(): string | undefined {
    const counts = new Map<string, number>();
    for (const member of this.members) if (member.inCluster && member.masterKey) counts.set(member.masterKey, (counts.get(member.masterKey) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0) return undefined;
    if (ranked.length === 1) return ranked[0][0];
    if (ranked[0][1] > ranked[1][1] && ranked[0][1] >= 2) return ranked[0][0];
    const claimed = ranked.filter(([key]) => {
      const referent = this.referent(key);
      return referent !== undefined && referent.how !== 'typo' && referent.member.role.flag === 'master';
    });
    return claimed.length === 1 ? claimed[0][0] : undefined;
  }

  /** The Config folder most members use (more than any other); on a tie, the master's. */
  private decideConfig(): string | undefined {
    const counts = new Map<string, number>();
    for (const member of this.members) if (member.inCluster && member.configKey) counts.set(member.configKey, (counts.get(member.configKey) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0) return undefined;
    if (ranked.length === 1 || ranked[0][1] > ranked[1][1]) return ranked[0][0];
    return this.master?.inCluster ? this.master.configKey : undefined;
  }

  /** Does this member's line 15 name the cluster's master? */
  private followsMaster(member: Member): boolean {
    if (!member.masterKey || this.masterKey === undefined) return false;
    if (member.masterKey === this.masterKey) return true;
    return this.master !== undefined && this.referent(member.masterKey)?.member === this.master;
  }

  /** Does `member`'s slave list name `other`, by any name that stands for it? */
  private names(member: Member, other: Member): boolean {
    return this.listNames.get(member)?.has(other) ?? false;
  }

  private judgeMembership(): void {
    const listedAnywhere = new Set<Member>();
    for (const named of this.listNames.values()) for (const member of named) listedAnywhere.add(member);
    for (const member of this.members) {
      if (member.inCluster && member !== this.master && member.hostKey && this.followsMaster(member)) {
        const listed = this.names(member, member) || (this.master !== undefined && this.names(this.master, member));
        if (member.configKey !== undefined && member.configKey === this.configKey && listed) this.workingMembers.add(member);
        if (member.role.flag === 'slave' && !listedAnywhere.has(member)) this.unlisted.add(member);
      }
      if (!member.inCluster && member.role.flag === 'master' && member.configKey !== undefined && this.members.some((other) => other.inCluster && other.configKey === member.configKey)) {
        this.standalone.add(member);
      }
    }
  }

  /** Line 15 and 16 of every member in the cluster, grouped by what they hold. */
  private tallyLists(): void {
    const inCluster = this.members.filter((member) => member.inCluster);
    for (const line of ['masterHost', 'slaveHosts'] as const) {
      this.votes.set(
        line,
        tally(
          inCluster.map((member) => member.node),
          (node) => {
            const { signature, listed } = this.listedOf(this.byUri.get(node.uri) as Member, line);
            return { key: signature, value: listed };
          },
        ),
      );
    }
  }

  private readonly listedCache = new Map<string, { signature: string; listed: Listed }>();

  private listedOf(member: Member, line: HostLine): { signature: string; listed: Listed } {
    const cacheKey = `${line}\u0000${member.node.uri}`;
    const cached = this.listedCache.get(cacheKey);
    if (cached) return cached;
    const list = line === 'masterHost' ? member.node.masterHosts : member.node.slaveHosts;
    // A name the evidence found misspelt in its own server's line 11 counts as the name the others use.
    const keys = new Set(list.hosts.map((host) => this.rightName(hostKey(host.text))));
    if (line === 'slaveHosts') {
      for (const key of [...keys]) if (this.master && this.isOwnedBy(key, this.master)) keys.delete(key);
      for (const working of this.workingMembers) if (working !== member && !this.names(member, working)) keys.add(working.hostKey as string);
    }
    const result = { signature: [...keys].sort().join(';'), listed: { keys, text: member.node.field[line].value.text, list } };
    this.listedCache.set(cacheKey, result);
    return result;
  }

  /** The name the cluster uses for a host: the other name where a member's line 11 is the misspelt one. */
  private rightName(key: string): string {
    const referent = this.referent(key);
    if (referent?.how !== 'hostname') return key;
    const dispute = this.disputesByMember.get(referent.member)?.find((each) => each.blame === 'hostname');
    return dispute ? dispute.key : key;
  }

  /** Is the host (not a typo of it) this member's hostname or IP? */
  private isOwnedBy(key: string, member: Member): boolean {
    const referent = this.referent(key);
    return referent !== undefined && referent.how !== 'typo' && referent.member === member;
  }

  /** The majority's slave list, as its first node writes it, with the members being rolled out it lacks. */
  private slaveValueFrom(majority: Version<Listed>): string {
    const first = this.byUri.get(majority.nodes[0].uri) as Member;
    const kept = first.node.slaveHosts.hosts.filter((host) => !(this.master && this.isOwnedBy(hostKey(host.text), this.master)));
    // The node that asks may be one of them: "Use the cluster's value" never drops it from its own list.
    const added = [...this.workingMembers].filter((working) => working !== first && !this.names(first, working));
    if (kept.length === first.node.slaveHosts.hosts.length && added.length === 0) return majority.value.text;
    return [...kept.map((host) => host.text), ...added.map((working) => working.node.field.hostname.value.text)].join(';');
  }

  /**
   * Would writing `value` on this member's line 16 only correct spellings: the same servers, and
   * every name it drops one that no node answers to (a typo), never a node's own hostname or IP?
   */
  private onlyCorrectsSpelling(member: Member, value: string): boolean {
    const ownKeys = member.node.slaveHosts.hosts.map((host) => hostKey(host.text));
    const valueKeys = value.split(/[;,\s]+/).filter((host) => host.length > 0).map(hostKey);
    const servers = (keys: readonly string[]) => {
      const result = new Set<string>();
      for (const key of keys) {
        if (this.master && this.isOwnedBy(key, this.master)) continue;
        const referent = this.referent(key) ?? (this.owners.has(key) ? { member: this.owners.get(key) as Member } : undefined);
        result.add(referent ? `node:${referent.member.node.uri}` : `host:${key}`);
      }
      return result;
    };
    const own = servers(ownKeys);
    const theirs = servers(valueKeys);
    if (own.size !== theirs.size || ![...own].every((server) => theirs.has(server))) return false;
    const kept = new Set(valueKeys);
    return ownKeys.every((key) => kept.has(key) || !this.owners.has(key));
  }

  /** Does this member's line 15 name a node that says it is the master (itself included)? A promotion, not a typo. */
  private claimsMaster(member: Member): boolean {
    if (!member.masterKey) return false;
    if (member.masterKey === member.hostKey) return member.role.flag === 'master';
    const referent = this.referent(member.masterKey);
    return referent !== undefined && referent.how !== 'typo' && referent.member !== this.master && referent.member.role.flag === 'master';
  }

  private suggest(key: string): Suggestion | undefined {
    // A DNS name has at most 253 characters: anything longer is host-invalid's, not a typo.
    if (key.length === 0 || key.length > MAX_HOST_LENGTH || isIpAddress(key)) return undefined;
    const known = this.knownHosts();
    const self = known.get(key);
    if (self?.hostnameOf) return undefined;
    const weight = self?.namedBy ?? 0;
    let best: { host: KnownHost; distance: number }[] = [];
    for (const [candidateKey, candidate] of known) {
      if (candidateKey === key || candidateKey.length > MAX_HOST_LENGTH || isIpAddress(candidateKey)) continue;
      if (!candidate.hostnameOf && candidate.namedBy <= weight) continue;
      const limit = typoLimit(key, candidateKey);
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
}

const UNBOUND_IPS = new Set(['127.0.0.1', '::1', '0.0.0.0', '::']);

function readMember(node: NodeFile): Member {
  const hostname = node.field.hostname.value.text;
  const ips = new Set<string>();
  for (const half of node.ipBinding.halves) {
    for (const entry of half.entries) {
      const ip = entry.text.toLowerCase();
      if (isIpAddress(ip) && !UNBOUND_IPS.has(ip)) ips.add(ip);
    }
  }
  const master = node.masterHosts.hosts[0];
  const config = node.paths.get('configPath');
  return {
    node,
    ...(hostname ? { hostKey: hostKey(hostname) } : {}),
    ips,
    inCluster: isInCluster(node),
    role: roleOf(node),
    ...(master ? { masterKey: hostKey(master.text) } : {}),
    ...(config ? { configKey: folderKey(config) } : {}),
  };
}

/**
 * The evidence of a node's cluster: the node and every node grouped with it (by master host or
 * Config folder). Built once per cluster state and shared by every node of it, so the rules of
 * all its nodes cost the cluster's size, not its square. A draft (untitled buffer) sees the
 * cluster it would join, with itself in it; the real nodes never see it.
 */
export function clusterEvidence(node: NodeFile, workspace: WorkspaceFacts): ClusterEvidence {
  // Every rule of every node asks: a cluster kept as one object answers in constant time, where
  // gathering and comparing the peers made each question cost the cluster's size.
  const cluster = workspace.isGuest(node.uri) || shiftOf(node) ? undefined : workspace.clusterOf?.(node.uri);
  if (cluster && workspace.get(node.uri) === node) {
    const known = byCluster.get(cluster);
    if (known) return refreshed(known);
    const evidence = evidenceOf(cluster.nodes.filter((member) => !shiftOf(member)));
    byCluster.set(cluster, evidence);
    const kept = recent.get(evidence);
    if (kept) kept.cluster = cluster;
    return evidence;
  }
  // A peer whose lines are shifted (lineShift.ts) has no say: its values are read from the wrong lines.
  return evidenceOf([node, ...workspace.peersOf(node).filter((peer) => !shiftOf(peer))], !workspace.isGuest(node.uri));
}

/**
 * Keyed by each member (a NodeFile is never changed: an edit makes a new one, which misses), and
 * by the workspace's cluster object where there is one. Two per member: a quick fix is tried
 * against the cluster with the fixed node in it while the cluster as it is stays asked too, and
 * the two must not keep pushing each other out.
 */
const cache = new WeakMap<NodeFile, ClusterEvidence[]>();
const byCluster = new WeakMap<Cluster, ClusterEvidence>();
const KEPT_PER_MEMBER = 2;
/**
 * The evidences kept, the most recently asked for last. A validation round asks for one cluster's
 * evidence for each of its nodes in turn, and an edit for its own cluster's: a few hundred cover
 * both, where keeping the evidence of every cluster of 10,000 nodes held some 15 MB that only the
 * next change of each cluster would have let go (docs/performance.md, figure (j)).
 */
const KEPT_EVIDENCES = 256;
interface Kept {
  members: readonly NodeFile[];
  cluster?: Cluster;
}
const recent = new Map<ClusterEvidence, Kept>();
let built = 0;

/** How many evidences were built so far: the tests hold it to one per cluster state. */
export function evidenceBuilds(): number {
  return built;
}

/** The evidence of exactly these nodes (in any order); `share` stores it for every one of them. */
export function evidenceOf(nodes: readonly NodeFile[], share = true): ClusterEvidence {
  const cached = cache.get(nodes[0])?.find((evidence) => evidence.holdsExactly(nodes));
  if (cached) return refreshed(cached);
  const evidence = new ClusterEvidence(nodes);
  built++;
  const members = share ? nodes : nodes.slice(0, 1);
  for (const node of members) cache.set(node, [evidence, ...(cache.get(node) ?? [])].slice(0, KEPT_PER_MEMBER));
  recent.set(evidence, { members });
  if (recent.size > KEPT_EVIDENCES) forget(recent.keys().next().value as ClusterEvidence);
  return evidence;
}

/** Marks an evidence as the most recently asked for. */
function refreshed(evidence: ClusterEvidence): ClusterEvidence {
  const kept = recent.get(evidence);
  if (kept) {
    recent.delete(evidence);
    recent.set(evidence, kept);
  }
  return evidence;
}

/** Lets the least recently asked evidence go: no member or cluster refers to it any more. */
function forget(evidence: ClusterEvidence): void {
  const kept = recent.get(evidence);
  recent.delete(evidence);
  if (!kept) return;
  if (kept.cluster && byCluster.get(kept.cluster) === evidence) byCluster.delete(kept.cluster);
  for (const node of kept.members) {
    const left = cache.get(node)?.filter((each) => each !== evidence) ?? [];
    if (left.length > 0) cache.set(node, left);
    else cache.delete(node);
  }
}
