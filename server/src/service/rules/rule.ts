// The contract every rule file implements. Rules get the parsed model and the workspace
// facts; they never parse text themselves. A rule's findings carry the fixes it implies, and
// the type ties them to the rule's code: a rule can attach only fixes its code declares.
import { NodeFile } from '../parse';
import { Range, Severity } from '../types';
import type { DiagnosticCode, FixIdOf } from './codes';
import type { FixOffer } from './fix';
import type { WorkspaceFacts } from '../workspace';

/**
 * The most findings one rule reports for one file (validation.ts keeps the first ones). A real
 * path.cfg has a handful; a pasted megabyte of junk gets a sample instead of a flood that would
 * swamp the editor.
 */
export const MAX_FINDINGS_PER_RULE = 50;

/**
 * The most diagnostics one file gets, all rules together (errors are kept first). Thirty-odd
 * rules at 50 each could still give a junk file a thousand; the Problems panel stays readable.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/**
 * The most related locations one diagnostic lists (validation.ts cuts the rest and counts them in
 * the message): a node copied 300 times must not list 299 peers in each of its diagnostics,
 * republished with every change of the cluster.
 */
export const MAX_RELATED = 10;

/**
 * The related locations of a finding, built for the first MAX_RELATED items only and the rest
 * counted: a node copied 300 times names 299 peers, and naming every one of them in every node's
 * findings made one keystroke quadratic in the size of the cluster.
 */
export function relatedFor<T>(items: readonly T[], locate: (item: T) => RelatedLocation): { related: RelatedLocation[]; relatedCount: number } {
  return { related: items.slice(0, MAX_RELATED).map(locate), relatedCount: items.length };
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding<C extends DiagnosticCode = DiagnosticCode> {
  range: Range;
  message: string;
  /** Only where a rule raises its code's default, as two nodes sharing a temp folder do. */
  severity?: Severity;
  related?: RelatedLocation[];
  /**
   * How many related locations there are when `related` lists only the first MAX_RELATED of
   * them (see `relatedFor`); validation says how many more are not shown.
   */
  relatedCount?: number;
  tags?: ('unnecessary' | 'deprecated')[];
  /** The quick fixes this finding implies, best first. */
  fixes?: FixOffer<FixIdOf<C>>[];
}

export interface RuleContext {
  node: NodeFile;
  workspace: WorkspaceFacts;
}

export interface Rule<C extends DiagnosticCode> {
  code: C;
  /** `file` rules read one node; `workspace` rules compare it with other nodes. */
  scope: 'file' | 'workspace';
  check(context: RuleContext): Finding<C>[];
}

/** A rule of any code, as the registry lists them. */
export type AnyRule = { [C in DiagnosticCode]: Rule<C> }[DiagnosticCode];
