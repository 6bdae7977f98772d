import { NodeFile } from '../parse';
import { t } from '../l10n';
import { Piece } from '../types';
import { hostKey } from '../values/hosts';
import { identityKeys } from '../workspace';
import { Finding, Rule, relatedFor } from './rule';
import { nodeName, otherNodesNamed, quote } from '../mention';
import { FixOffer, fixOffer } from './fix';
import { replacePiece, setValue } from './edits';
import type { WorkspaceFacts } from '../workspace';
import { Blame, blameDuplicate, describeNumbering, numberedHostname, numberedIp, numberedValueOf, undecidedDuplicate } from '../evidence/conventions';

/**
 * Each node uses its own hostname (line 11), its own IP addresses (line 10; loopback and
 * "any" excluded by identityKeys) and its own TeamChat URL (line 17). Looked up through the
 * identity index (nodesSharing), never by scanning every node. A shared hostname or IP address
 * is blamed on one node only when it alone breaks its cluster's numbering (every other node's
 * IP or Server ID is the number in its hostname + one offset: evidence/conventions.ts); else
 * each node is told that one of them is wrong.
 */
export const duplicateIdentity: Rule<'duplicate-identity'> = {
  code: 'duplicate-identity',
  scope: 'workspace',
  check({ node, workspace }) {
    const findings: Finding<'duplicate-identity'>[] = [];
    for (const key of identityKeys(node)) {
      const kind = key.slice(0, key.indexOf(':'));
      if (kind !== 'host' && kind !== 'ip' && kind !== 'url') continue;
      const others = workspace.nodesSharing(node, key);
      if (others.length === 0) continue;
      // The numbering blames one of two nodes only (blameDuplicate); a value shared by more is
      // nobody's alone, and looking at every one of 300 copies for each of them was quadratic.
      const group = others.length === 1 ? [node, others[0]] : undefined;
      // The numbering reads each node's first IPv4 address: it judges a shared address only when that is the one shared.
      const isNumbered = group !== undefined && (kind === 'host' || (kind === 'ip' && group.every((member) => `ip:${numberedValueOf(member, 'ip')}` === key)));
      const blame = group && isNumbered ? blameDuplicate(kind === 'host' ? 'hostname' : 'ip', group, workspace) : undefined;
      // Another node of the duplicate breaks its cluster's numbering: it alone is told.
      if (blame && blame.node !== node) continue;
      const verdict = kind === 'url' ? '' : ` ${blame ? blamedSentence(node, kind, blame) : undecidedDuplicate(others.length)}`;
      const fixes = blame && kind !== 'url' ? numberingFixes(node, kind, key, blame, workspace) : [];
      // Every node sharing the key holds a value that gives it (identityKeys), so each names one place.
      const related = relatedFor(others, (other) => {
        const piece = partsFor(other, key)[0] ?? other.field.hostname.value;
        return { uri: other.uri, range: piece.range, message: t('{0} uses {1} too', nodeName(other), quote(piece.text)) };
      });
      for (const piece of partsFor(node, key)) {
        findings.push({
          range: piece.range,
          message: duplicateMessage(kind, piece, otherNodesNamed(others, 'workspace')) + verdict,
          ...related,
          ...(fixes.length > 0 ? { fixes } : {}),
        });
      }
    }
    return findings;
  },
};

/** Why this node, of the nodes sharing the value, is the one that is wrong. */
function blamedSentence(node: NodeFile, kind: 'host' | 'ip', blame: Blame): string {
  const rule = describeNumbering(blame.rule);
  const network = blame.rule.network ?? '';
  if (kind === 'ip') return t("This node breaks the cluster's numbering: every other node binds {0}.n, where n is {1}.", network, rule);
  const own = quote(numberedValueOf(node, blame.rule.value));
  return blame.rule.value === 'serverId'
    ? t("This node's Server ID {0} does not fit its hostname by the cluster's numbering: every other node's Server ID is {1}.", own, rule)
    : t("This node's IP address {0} does not fit its hostname by the cluster's numbering: every other node binds {1}.n, where n is {2}.", own, network, rule);
}

/**
 * The value the cluster's numbering gives the blamed node, when no node has it yet. The IP
 * address is preferred (the numbering of every other node leaves no choice); a hostname is not:
 * renaming a server reaches past this file (DNS, certificates), so the admin decides.
 */
function numberingFixes(node: NodeFile, kind: 'host' | 'ip', key: string, blame: Blame, workspace: WorkspaceFacts): FixOffer<'ip-binding-by-numbering' | 'hostname-by-numbering'>[] {
  const isTaken = (identity: string) => workspace.nodesSharing(node, identity).length > 0 || identityKeys(node).includes(identity);
  if (kind === 'ip') {
    const ip = numberedIp(node, blame.rule);
    if (!ip || isTaken(`ip:${ip}`)) return [];
    // One offer for every place the address is bound, shared by their findings: fix-all writes it once.
    const pieces = partsFor(node, key);
    return [fixOffer('ip-binding-by-numbering', true, () => ({ title: t("Use the cluster's numbering: bind {0}", ip), edits: pieces.map((piece) => replacePiece(piece, ip)) }))];
  }
  const hostname = numberedHostname(node, blame.rule, workspace);
  if (!hostname || isTaken(`host:${hostKey(hostname)}`)) return [];
  return [fixOffer('hostname-by-numbering', false, () => ({ title: t("Use the cluster's numbering: hostname {0}", hostname), edits: setValue(node, node.field.hostname, hostname) }))];
}

function duplicateMessage(kind: 'host' | 'ip' | 'url', piece: Piece & { where?: string }, others: string): string {
  const value = quote(piece.text);
  if (kind === 'host') return t('The hostname {0} is also used by {1}; servers find each other by hostname, so each needs its own.', value, others);
  if (kind === 'url') return t('The TeamChat URL {0} is also used by {1}; each node publishes its own TeamChat API.', value, others);
  return piece.where ? t('The IP address {0} ({1}) is also used by {2}; two servers cannot bind the same address.', value, piece.where, others) : t('The IP address {0} is also used by {1}; two servers cannot bind the same address.', value, others);
}

/** The pieces of a node that produce an identity key (an IP may stand in both halves of line 10). */
function partsFor(node: NodeFile, key: string): (Piece & { where?: string })[] {
  if (key.startsWith('host:')) {
    const hostname = node.field.hostname.value;
    return `host:${hostKey(hostname.text)}` === key ? [hostname] : [];
  }
  if (key.startsWith('ip:')) {
    const ip = key.slice('ip:'.length);
    return node.ipBinding.halves.flatMap((half, index) =>
      half.entries
        .filter((entry) => entry.text.toLowerCase() === ip)
        .map((entry) => ({ ...entry, where: index === 0 ? t('line 10, server binding') : t('line 10, outgoing binding') })),
    );
  }
  if (key.startsWith('url:')) return [node.field.teamChatUrl.value];
  return [];
}
