import { NodeFile } from '../parse';
import { t } from '../l10n';
import { Piece } from '../types';
import { hostKey } from '../values/hosts';
import { identityKeys } from '../workspace';
import { Finding, Rule } from './rule';
import { nodeName, otherNodesNamed, quote } from '../mention';

/**
 * Each node uses its own hostname (line 11), its own IP addresses (line 10; loopback and
 * "any" excluded by identityKeys) and its own TeamChat URL (line 17). Looked up through the
 * identity index (nodesSharing), never by scanning every node.
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
      const related = others.flatMap((other) => {
        const piece = partsFor(other, key)[0];
        return piece ? [{ uri: other.uri, range: piece.range, message: t('{0} uses {1} too', nodeName(other), quote(piece.text)) }] : [];
      });
      for (const piece of partsFor(node, key)) {
        findings.push({
          range: piece.range,
          message: duplicateMessage(kind, piece, otherNodesNamed(others, 'workspace')),
          related,
        });
      }
    }
    return findings;
  },
};

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
