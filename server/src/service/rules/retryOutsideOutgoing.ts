import { NodeFile } from '../parse';
import { subfolder } from '../platform';
import { PathValue, folderKey, isInsideFolder } from '../values/path';
import { setValue } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Rule } from './rule';
import { excerpt } from '../mention';
import { t } from '../l10n';

/** IceWarp's layout keeps the retry queue (line 9) in a subfolder of the outgoing queue (line 8). */
export const retryOutsideOutgoing: Rule<'retry-outside-outgoing'> = {
  code: 'retry-outside-outgoing',
  scope: 'file',
  check({ node }) {
    const outgoing = node.paths.get('outgoingQueue');
    const retry = node.paths.get('retryQueue');
    // A Windows path against a POSIX one is path-mixed-style's finding, not this one.
    if (!outgoing || !retry || outgoing.windows !== retry.windows) return [];
    const retryField = node.field.retryQueue.field;
    const where = t('{0} (line {1})', retryField.title, retryField.line);
    if (folderKey(retry) === folderKey(outgoing)) {
      return [{ range: retry.range, message: t('{0} is the same folder as the outgoing queue (line 8); IceWarp\'s layout keeps retries apart, in its "retry" subfolder.', where), fixes: [underOutgoing(node, outgoing)] }];
    }
    if (isInsideFolder(retry, outgoing)) return [];
    return [{ range: retry.range, message: t('{0} is not inside the outgoing queue (line 8); IceWarp\'s layout keeps it in the outgoing queue\'s "retry" subfolder.', where), fixes: [underOutgoing(node, outgoing)] }];
  },
};

function underOutgoing(node: NodeFile, outgoing: PathValue): FixOffer<'retry-under-outgoing'> {
  return fixOffer('retry-under-outgoing', false, () => {
    const target = subfolder(outgoing, 'retry');
    if (target === node.field.retryQueue.value.text) return undefined;
    return { title: t("Use the outgoing queue's retry folder: {0}", excerpt(target)), edits: setValue(node, node.field.retryQueue, target) };
  });
}
