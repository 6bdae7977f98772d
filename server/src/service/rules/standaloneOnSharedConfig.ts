import { t } from '../l10n';
import { ClusterEvidence, clusterEvidence } from '../evidence/evidence';
import { nodeName, nodeNames, quote } from '../mention';
import { NodeFile } from '../parse';
import { PathValue } from '../values/path';
import { Finding, Rule, relatedFor } from './rule';

/**
 * A standalone server (line 14 says master, no master host, no slaves) whose Config path (line
 * 1) is the shared Config folder of a cluster: what Remove Node leaves when the file is kept.
 * Started, it writes that configuration as a second master, an outage for both. Told on its
 * line 1 and on the cluster master's line 1. No quick fix: an empty line 1 makes the server fall
 * back to an empty local configuration (no domains, no accounts); the folder must be copied to
 * local storage and line 1 pointed at the copy, which only the admin can do.
 */
export const standaloneOnSharedConfig: Rule<'standalone-on-shared-config'> = {
  code: 'standalone-on-shared-config',
  scope: 'workspace',
  check({ node, workspace }) {
    const config = node.paths.get('configPath');
    if (!config || workspace.peersOf(node).length === 0) return [];
    const evidence = clusterEvidence(node, workspace);
    const findings: Finding<'standalone-on-shared-config'>[] = [];
    const own = evidence.member(node);
    if (own?.configKey !== undefined && evidence.isStandaloneOnSharedConfig(node)) {
      const members = evidence.membersOnConfig(own.configKey).map((member) => member.node);
      findings.push({
        range: config.range,
        message: t("This server is standalone (no master host, no slaves), but {0} (line 1) is the shared Config folder of the cluster of {1}: started, it writes that configuration as a second master. Before starting it, copy the folder to local storage and point line 1 at the copy; an empty line 1 means an empty local configuration.", node.field.configPath.field.title, quote(clusterName(evidence, members))),
        ...relatedFor(members, (member) => ({ uri: member.uri, range: configRange(member), message: t('{0} uses this Config folder', nodeName(member)) })),
      });
    }
    if (evidence.master?.node === node && own?.configKey !== undefined) {
      const standalones = evidence.standalonesOnSharedConfig().filter((member) => member.configKey === own.configKey).map((member) => member.node);
      if (standalones.length > 0) {
        findings.push({
          range: config.range,
          message:
            standalones.length === 1
              ? t("{0}, a standalone server (no master host, no slaves), uses this cluster's shared Config folder too: started, it writes the cluster's configuration as a second master.", nodeName(standalones[0]))
              : t("{0} standalone servers (no master host, no slaves), {1}, use this cluster's shared Config folder too: started, they write the cluster's configuration as more masters.", standalones.length, nodeNames(standalones)),
          ...relatedFor(standalones, (standalone) => ({ uri: standalone.uri, range: configRange(standalone), message: t('{0} is standalone on this Config folder', nodeName(standalone)) })),
        });
      }
    }
    return findings;
  },
};

function configRange(node: NodeFile) {
  return (node.paths.get('configPath') as PathValue).range;
}

/** The cluster as the admin knows it: its master's hostname, else the host its nodes name as master, else a member. */
function clusterName(evidence: ClusterEvidence, members: readonly NodeFile[]): string {
  return evidence.master?.node.field.hostname.value.text || evidence.masterKey || members[0]?.field.hostname.value.text || '';
}
