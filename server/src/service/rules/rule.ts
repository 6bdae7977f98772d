// The contract every rule file implements. Rules get the parsed model and the workspace
// facts; they never parse text themselves.
import { NodeFile } from '../parse';
import { Range, Severity } from '../types';
import type { DiagnosticCode } from './codes';
import type { WorkspaceFacts } from '../workspace';

/**
 * The most findings one rule reports for one file (the engine keeps the first ones). A real
 * path.cfg has a handful; a pasted megabyte of junk gets a sample instead of a flood that would
 * swamp the editor.
 */
export const MAX_FINDINGS_PER_RULE = 50;

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  range: Range;
  message: string;
  /** Only where a rule raises its code's default, as two nodes sharing a temp folder do. */
  severity?: Severity;
  related?: RelatedLocation[];
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface RuleContext {
  node: NodeFile;
  workspace: WorkspaceFacts;
}

export interface Rule {
  code: DiagnosticCode;
  /** `file` rules read one node; `workspace` rules compare it with other nodes. */
  scope: 'file' | 'workspace';
  check(context: RuleContext): Finding[];
}
