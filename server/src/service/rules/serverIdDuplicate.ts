import { Finding, Rule } from './rule';
import { nodeName, otherNodesNamed, quote } from '../mention';
import { nextFreeIdFix } from './serverIdFix';
import { t } from '../l10n';

/** Nodes of one cluster write message files into shared folders, prefixed with their Server ID. */
export const serverIdDuplicate: Rule<'server-id-duplicate'> = {
  code: 'server-id-duplicate',
  scope: 'workspace',
  check({ node, workspace }) {
    const id = node.field.serverId.value;
    if (id.text.length === 0) return [];
    const clashes = workspace.peersOf(node).filter((peer) => peer.field.serverId.value.text.toLowerCase() === id.text.toLowerCase());
    if (clashes.length === 0) return [];
    const finding: Finding<'server-id-duplicate'> = {
      range: id.range,
      message: t('Server ID {0} is also used by {1}; their message files would collide.', quote(id.text), otherNodesNamed(clashes, 'cluster')),
      related: clashes.map((peer) => ({ uri: peer.uri, range: peer.field.serverId.value.range, message: t('{0} uses Server ID {1} too', nodeName(peer), quote(id.text)) })),
      fixes: [nextFreeIdFix(node, workspace, false)],
    };
    return [finding];
  },
};
