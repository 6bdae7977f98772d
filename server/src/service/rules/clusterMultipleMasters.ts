import { roleOf } from '../role';
import { t } from '../l10n';
import { Rule, relatedFor } from './rule';
import { clusterEvidence } from '../evidence/evidence';
import { nodeName, nodeNames } from '../mention';

/**
 * A cluster has exactly one master; line 14 `0` or empty says master. The cluster evidence says
 * which nodes are in the cluster: a standalone server that only shares the Config folder is not
 * (standalone-on-shared-config tells that one).
 */
export const clusterMultipleMasters: Rule<'cluster-multiple-masters'> = {
  code: 'cluster-multiple-masters',
  scope: 'workspace',
  check({ node, workspace }) {
    if (roleOf(node).flag !== 'master' || workspace.peersOf(node).length === 0) return [];
    const evidence = clusterEvidence(node, workspace);
    if (!evidence.member(node)?.inCluster) return [];
    const masters = evidence
      .masters()
      .map((member) => member.node)
      .filter((other) => other !== node);
    if (masters.length === 0) return [];
    const flag = node.field.slaveFlag;
    const empty = flag.value.text === '';
    const title = flag.field.title;
    const at = flag.field.line;
    const consequence = t('a cluster has exactly one master, and two would both run master-only work (watchdog, backups, AD sync). Set 1 on every slave.');
    let message: string;
    if (masters.length === 1) message = empty ? t('{0} (line {1}) is empty, which means master, and another node of this cluster, {2}, also says master; {3}', title, at, nodeName(masters[0]), consequence) : t('{0} (line {1}) is 0 (master), and another node of this cluster, {2}, also says master; {3}', title, at, nodeName(masters[0]), consequence);
    else message = empty ? t('{0} (line {1}) is empty, which means master, and {2} other nodes of this cluster also say master ({3}); {4}', title, at, masters.length, nodeNames(masters), consequence) : t('{0} (line {1}) is 0 (master), and {2} other nodes of this cluster also say master ({3}); {4}', title, at, masters.length, nodeNames(masters), consequence);
    return [
      {
        range: flag.value.range,
        message,
        ...relatedFor(masters, (peer) => ({
          uri: peer.uri,
          range: peer.field.slaveFlag.value.range,
          message: t('{0} says master too', nodeName(peer)),
        })),
      },
    ];
  },
};
