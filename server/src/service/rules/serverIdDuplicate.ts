import { Finding, Rule, relatedFor } from './rule';
import { nodeName, otherNodesNamed, quote } from '../mention';
import { nextFreeIdFix } from './serverIdFix';
import { FixOffer, fixOffer } from './fix';
import { setValue } from './edits';
import { blameDuplicate, describeNumbering, numberedServerId, undecidedDuplicate } from '../evidence/conventions';
import { t } from '../l10n';
import { isShiftedField } from '../lineShift';

/**
 * Nodes of one cluster write message files into shared folders, prefixed with their Server ID.
 * Which of two nodes is wrong is the cluster's numbering to say (evidence/conventions.ts): when
 * every other node's ID is the number in its hostname + one offset and this one's is not, only
 * this one is told, with the ID the numbering gives it; otherwise each is told that one of them
 * is wrong, and no fix is preferred.
 */
export const serverIdDuplicate: Rule<'server-id-duplicate'> = {
  code: 'server-id-duplicate',
  scope: 'workspace',
  check({ node, workspace }) {
    const id = node.field.serverId.value;
    if (id.text.length === 0) return [];
    const peers = workspace.peersOf(node);
    const own = id.text.toLowerCase();
    // A shifted peer's line 4 is another field's value (lineShift.ts), not its Server ID.
    const clashes = peers.filter((peer) => !isShiftedField(peer, 'serverId') && peer.field.serverId.value.text.toLowerCase() === own);
    if (clashes.length === 0) return [];
    const blame = blameDuplicate('serverId', [node, ...clashes], workspace);
    // Another node of the duplicate breaks the numbering: it alone is told.
    if (blame && blame.node !== node) return [];
    const collision = t('Server ID {0} is also used by {1}; their message files would collide.', quote(id.text), otherNodesNamed(clashes, 'cluster'));
    const related = relatedFor(clashes, (peer) => ({ uri: peer.uri, range: peer.field.serverId.value.range, message: t('{0} uses Server ID {1} too', nodeName(peer), quote(id.text)) }));
    if (!blame) return [{ range: id.range, message: `${collision} ${undecidedDuplicate(clashes.length)}`, ...related, fixes: [nextFreeIdFix(node, workspace, false)] }];

    const fixes: FixOffer<'server-id-by-numbering' | 'server-id-next-free'>[] = [];
    const numbered = numberedServerId(node, blame.rule);
    const isFree = numbered !== undefined && !peers.some((peer) => peer.field.serverId.value.text.toLowerCase() === numbered.toLowerCase());
    if (numbered !== undefined && isFree) {
      // Every other node of the cluster agrees on the rule, and the ID it gives is free: no choice is left.
      fixes.push(fixOffer('server-id-by-numbering', true, () => ({ title: t("Use the cluster's numbering: Server ID {0}", numbered), edits: setValue(node, node.field.serverId, numbered) })));
    }
    fixes.push(nextFreeIdFix(node, workspace, false, isFree ? { besides: numbered } : {}));
    const finding: Finding<'server-id-duplicate'> = {
      range: id.range,
      message: `${collision} ${t("This node breaks the cluster's numbering: every other node's Server ID is {0}.", describeNumbering(blame.rule))}`,
      ...related,
      fixes,
    };
    return [finding];
  },
};
