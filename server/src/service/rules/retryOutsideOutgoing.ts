import { folderKey, isInsideFolder } from '../values/path';
import { Rule } from './rule';

/** IceWarp's layout keeps the retry queue (line 9) in a subfolder of the outgoing queue (line 8). */
export const retryOutsideOutgoing: Rule = {
  code: 'retry-outside-outgoing',
  scope: 'file',
  check({ node }) {
    const outgoing = node.paths.get('outgoingQueue');
    const retry = node.paths.get('retryQueue');
    // A Windows path against a POSIX one is path-mixed-style's finding, not this one.
    if (!outgoing || !retry || outgoing.windows !== retry.windows) return [];
    const retryField = node.field.retryQueue.field;
    const where = `${retryField.title} (line ${retryField.line})`;
    if (folderKey(retry) === folderKey(outgoing)) {
      return [{ range: retry.range, message: `${where} is the same folder as the outgoing queue (line 8); IceWarp's layout keeps retries apart, in its "retry" subfolder.` }];
    }
    if (isInsideFolder(retry, outgoing)) return [];
    return [{ range: retry.range, message: `${where} is not inside the outgoing queue (line 8); IceWarp's layout keeps it in the outgoing queue's "retry" subfolder.` }];
  },
};
