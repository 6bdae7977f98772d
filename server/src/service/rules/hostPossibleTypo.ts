import { t } from '../l10n';
import { FieldLine, NodeFile } from '../parse';
import { Piece } from '../types';
import { hostKey } from '../values/hosts';
import type { WorkspaceFacts } from '../workspace';
import { excerpt, fileLabel, quote } from '../mention';
import { ClusterEvidence, KnownHost, Suggestion, clusterEvidence } from '../evidence/evidence';
import { MAX_HOST_LENGTH } from '../evidence/hostNames';
import { replacePiece } from './edits';
import { FixOffer, fixOffer } from './fix';
import { Finding, RelatedLocation, Rule } from './rule';

/** What host-possible-typo says of one host on line 15 or 16: the host meant, and whether that is safe to take. */
export interface TypoVerdict extends Suggestion {
  isPreferred: boolean;
}

/**
 * A host on line 15 or 16 that is no node's hostname but within a small edit distance of one
 * (or of a host more nodes of the cluster name) is probably a typo: `mail-c.corp.exmaple.com`
 * for `mail-c.corp.example.com`. Numbered or lettered series (`mx1`/`mx2`, `mail-b`/`mail-c`)
 * are different servers, not typos, and a host no better known than the suspect is no evidence.
 * The cluster evidence decides which side of a name is wrong: when every other node calls a
 * server by a name its own line 11 misspells, that name is right (hostname-contradicted tells
 * the server), and when it cannot tell, the fix is offered but not preferred.
 */
export const hostPossibleTypo: Rule<'host-possible-typo'> = {
  code: 'host-possible-typo',
  scope: 'workspace',
  check({ node, workspace }) {
    const evidence = clusterEvidence(node, workspace);
    const findings: Finding<'host-possible-typo'>[] = [];
    // A host listed twice is judged once.
    const judged = new Map<string, TypoVerdict | undefined>();
    const lines: [FieldLine, readonly Piece[]][] = [
      [node.field.masterHost, node.masterHosts.hosts],
      [node.field.slaveHosts, node.slaveHosts.hosts],
    ];
    for (const [line, hosts] of lines) {
      for (const host of hosts) {
        const key = host.text.length > MAX_HOST_LENGTH ? host.text : hostKey(host.text);
        if (!judged.has(key)) judged.set(key, verdictFor(key, node, workspace, evidence));
        const verdict = judged.get(key);
        if (!verdict) continue;
        const { host: best, ambiguous, others } = verdict;
        // `a (why) or b or c`: only the first names its evidence.
        const alternatives = others.map((other) => excerpt(other.name)).reduce((joined, name) => (joined ? t('{0} or {1}', joined, name) : name), '');
        findings.push({
          range: host.range,
          message: ambiguous && alternatives
            ? t("{0} in {1} (line {2}) is no node's hostname; did you mean {3} ({4}) or {5}?", quote(host.text), line.field.title, line.field.line, excerpt(best.name), whyKnown(best), alternatives)
            : t("{0} in {1} (line {2}) is no node's hostname; did you mean {3} ({4})?", quote(host.text), line.field.title, line.field.line, excerpt(best.name), whyKnown(best)),
          related: [best, ...others].flatMap((candidate) => relatedFor(candidate)),
          fixes: [best, ...others].map((candidate) => replaceWith(host, candidate, verdict.isPreferred)),
        });
      }
    }
    return findings;
  },
};

/**
 * The host `text` (on line 15 or 16 of `node`) was probably meant to be, or undefined: no typo,
 * another node's own hostname, or the name every other node gives a server whose line 11 is wrong.
 */
export function typoVerdict(text: string, node: NodeFile, workspace: WorkspaceFacts): TypoVerdict | undefined {
  return verdictFor(text.length > MAX_HOST_LENGTH ? text : hostKey(text), node, workspace, clusterEvidence(node, workspace));
}

function verdictFor(key: string, node: NodeFile, workspace: WorkspaceFacts, evidence: ClusterEvidence): TypoVerdict | undefined {
  if (key.length === 0 || key.length > MAX_HOST_LENGTH || workspace.nodesSharing(node, `host:${key}`).length > 0) return undefined;
  const dispute = evidence.disputeOver(key);
  if (dispute?.blame === 'hostname') return undefined;
  const suggestion = evidence.suggestionFor(key);
  if (!suggestion) return undefined;
  // One node against one, or other nodes using both names: the user decides.
  return { ...suggestion, isPreferred: !suggestion.ambiguous && (dispute === undefined || dispute.blame === 'mention') };
}

function whyKnown(host: KnownHost): string {
  if (host.hostnameOf) return t('hostname of {0}', fileLabel(host.hostnameOf));
  return t('named by {0} nodes of this cluster', host.namedBy);
}

function relatedFor(host: KnownHost): RelatedLocation[] {
  const owner = host.hostnameOf;
  if (!owner) return [];
  return [{ uri: owner.uri, range: owner.field.hostname.value.range, message: t('{0} is the hostname of {1}', excerpt(host.name), fileLabel(owner)) }];
}

function replaceWith(host: Piece, candidate: KnownHost, isPreferred: boolean): FixOffer<'host-did-you-mean'> {
  return fixOffer('host-did-you-mean', isPreferred, () => ({
    title: t('Replace with {0} ({1})', excerpt(candidate.name), whyKnown(candidate)),
    edits: [replacePiece(host, candidate.name)],
  }));
}
