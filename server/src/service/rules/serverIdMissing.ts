import { isInCluster } from '../parse';
import { Rule } from './rule';

/** In a cluster every node needs its own Server ID, or message file names of nodes can collide. */
export const serverIdMissing: Rule = {
  code: 'server-id-missing',
  scope: 'file',
  check({ node }) {
    const { value, field } = node.field.serverId;
    if (value.text.length > 0 || !isInCluster(node)) return [];
    return [
      {
        range: value.range,
        message: `${field.title} (line ${field.line}) is empty, but this node is part of a cluster: each node needs its own ID, since it prefixes every message file the node writes into the shared folders.`,
      },
    ];
  },
};
