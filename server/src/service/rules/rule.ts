// The contract every rule file implements. Rules get the parsed model and the workspace
// facts; they never parse text themselves.
import { NodeFile } from '../parse';
import { Range, Severity } from '../types';
import type { DiagnosticCode } from './codes';
import type { WorkspaceFacts } from '../workspace';

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
