import { roleOf } from '../role';
import { Rule } from './rule';
import { clusterPeers } from './clusterPeers';
import { nodeName, nodeNames } from '../mention';

/** A cluster has exactly one master; line 14 `0` or empty says master. */
export const clusterMultipleMasters: Rule<'cluster-multiple-masters'> = {
  code: 'cluster-multiple-masters',
  scope: 'workspace',
  check({ node, workspace }) {
    if (roleOf(node).flag !== 'master') return [];
    const peers = clusterPeers(node, workspace);
    if (peers.length === 0) return [];
    const masters = peers.filter((peer) => roleOf(peer).flag === 'master');
    if (masters.length === 0) return [];
    const flag = node.field.slaveFlag;
    const said = flag.value.text === '' ? 'is empty, which means master' : 'is 0 (master)';
    return [
      {
        range: flag.value.range,
        message: `${flag.field.title} (line ${flag.field.line}) ${said}, and ${masters.length === 1 ? `another node of this cluster, ${nodeName(masters[0])}, also says master` : `${masters.length} other nodes of this cluster also say master (${nodeNames(masters)})`}; a cluster has exactly one master, and two would both run master-only work (watchdog, backups, AD sync). Set 1 on every slave.`,
        related: masters.map((peer) => ({
          uri: peer.uri,
          range: peer.field.slaveFlag.value.range,
          message: `${nodeName(peer)} says master too`,
        })),
      },
    ];
  },
};
