// The fix every Server ID code offers: the next free Server ID of the node's cluster, as the
// cluster numbers its nodes (evidence/conventions.ts).
import { NodeFile } from '../parse';
import type { WorkspaceFacts } from '../workspace';
import { nextFreeServerIdOf } from '../evidence/conventions';
import { setValue } from './edits';
import { FixOffer, fixOffer } from './fix';
import { t } from '../l10n';

/**
 * "Use the next free numeric Server ID" of the node's cluster ("next free Server ID" when the
 * cluster writes letters); nothing when the node already has it. `numeric` asks for a number
 * whatever the cluster writes (the fix of an ID that is not numeric); `besides` is an ID another
 * fix of the finding proposes already.
 */
export function nextFreeIdFix(node: NodeFile, workspace: WorkspaceFacts, isPreferred: boolean, options: { numeric?: boolean; besides?: string } = {}): FixOffer<'server-id-next-free'> {
  return fixOffer('server-id-next-free', isPreferred, () => {
    const { id, letters } = nextFreeServerIdOf(node, workspace, options);
    if (node.field.serverId.value.text === id || options.besides === id) return undefined;
    return { title: letters ? t('Use the next free Server ID: {0}', id) : t('Use the next free numeric Server ID: {0}', id), edits: setValue(node, node.field.serverId, id) };
  });
}
