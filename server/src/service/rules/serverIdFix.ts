// The fix every Server ID code offers: the next free numeric ID.
import { NodeFile } from '../parse';
import type { WorkspaceFacts } from '../workspace';
import { nextFreeServerId } from '../serverId';
import { setValue } from './edits';
import { FixOffer, fixOffer } from './fix';
import { t } from '../l10n';

/** "Use the next free numeric Server ID" of the node's cluster; nothing when the node already has it. */
export function nextFreeIdFix(node: NodeFile, workspace: WorkspaceFacts, isPreferred: boolean): FixOffer<'server-id-next-free'> {
  return fixOffer('server-id-next-free', isPreferred, () => {
    const id = nextFreeServerId(node, workspace);
    if (node.field.serverId.value.text === id) return undefined;
    return { title: t('Use the next free numeric Server ID: {0}', id), edits: setValue(node, node.field.serverId, id) };
  });
}
