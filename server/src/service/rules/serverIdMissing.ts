import { isInCluster } from '../parse';
import { Rule } from './rule';
import { nextFreeIdFix } from './serverIdFix';
import { t } from '../l10n';

/** In a cluster every node needs its own Server ID, or message file names of nodes can collide. */
export const serverIdMissing: Rule<'server-id-missing'> = {
  code: 'server-id-missing',
  scope: 'file',
  check({ node, workspace }) {
    const { value, field } = node.field.serverId;
    if (value.text.length > 0 || !isInCluster(node)) return [];
    return [
      {
        range: value.range,
        message: t('{0} (line {1}) is empty, but this node is part of a cluster: each node needs its own ID, since it prefixes every message file the node writes into the shared folders.', field.title, field.line),
        // An empty ID in a cluster has nothing to lose: filling in a free one is safe.
        fixes: [nextFreeIdFix(node, workspace, true)],
      },
    ];
  },
};
