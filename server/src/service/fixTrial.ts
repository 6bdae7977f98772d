// The safety trial: a quick fix is tried before it is offered. One that would add an error
// anywhere in its cluster (or to a node sharing an identity with it), move lines to another
// field (a lone CR meeting an LF as one CRLF), or turn a character into a BOM is left out, so no
// offered fix can make a file worse, whatever the file holds. The one named exception to "no fix
// moves lines" is the fix of a file shifted by one line (`lines-shifted`), which moves them back.
import { DiagnosticWithFixes, ServiceDiagnostic, ValidationOptions, diagnose, validate } from './validation';
import { WorkspaceOverlay } from './overlay';
import { NodeFile, parseNodeFile } from './parse';
import { TextEdit } from './types';
import type { FixId } from './rules/codes';
import { applyEdits } from './textEdits';
import { WorkspaceFacts } from './workspace';

export type ErrorCounts = ReadonlyMap<string, number>;

/**
 * The only fixes that may change the number of lines: removing the line inserted into a shifted
 * file, or inserting the one deleted from it. Each moves the lines by exactly one. They are tried
 * with `ignoreShift`, so the baseline is every error the shifted file has as IceWarp reads it, and
 * by the number of errors rather than per code (a value moved back is judged by its own field's rule).
 */
export const LINE_MOVING_FIXES: ReadonlySet<FixId> = new Set<FixId>(['lines-shifted-remove-line', 'lines-shifted-insert-line']);

export interface TrialBasis {
  /** The workspace with `node` in it, when the caller has it already (fix-all's current round). */
  before?: WorkspaceFacts;
  /** The node's diagnostics in that workspace, when the caller has them already. */
  nodeDiagnostics?: readonly ServiceDiagnostic[];
  /** Error counts of other nodes in that workspace, when a previous trial has them. */
  errors?: ReadonlyMap<string, ErrorCounts>;
}

/** The outcome of the last edits that passed: what the next round of fix-all starts from. */
export interface TrialOutcome {
  node: NodeFile;
  workspace: WorkspaceFacts;
  diagnostics: DiagnosticWithFixes[];
  errors: ReadonlyMap<string, ErrorCounts>;
}

export class FixTrial {
  private readonly before: WorkspaceFacts;
  private readonly errorsBefore = new Map<string, ErrorCounts>();
  private readonly options: ValidationOptions;
  /** Set by every `tryEdits` that passes. */
  passed: TrialOutcome | undefined;

  /**
   * @param workspace the workspace the fixed node is tried in (the node's own entry is shadowed)
   * @param options the user's severities: an error is what the user sees as one
   */
  constructor(
    private readonly node: NodeFile,
    private readonly workspace: WorkspaceFacts,
    options: ValidationOptions = {},
    basis: TrialBasis = {},
  ) {
    this.options = options;
    this.before = basis.before ?? (workspace.get(node.uri) === node ? workspace : new WorkspaceOverlay(workspace, node));
    for (const [uri, counts] of basis.errors ?? []) this.errorsBefore.set(uri, counts);
    if (basis.nodeDiagnostics) this.errorsBefore.set(node.uri, errorCounts(basis.nodeDiagnostics));
  }

  /** @param movesLines the edits are a line-moving fix (LINE_MOVING_FIXES): one line more or less is allowed */
  isSafe(edits: readonly TextEdit[], movesLines = false): boolean {
    return this.tryEdits(edits, movesLines) !== undefined;
  }

  /** The node with the edits applied when they leave every affected node no worse; else undefined. */
  tryEdits(edits: readonly TextEdit[], movesLines = false): NodeFile | undefined {
    let text: string;
    try {
      text = applyEdits(this.node.text, edits);
    } catch {
      // Overlapping edits: not a fix anyone can apply.
      return undefined;
    }
    if (text === this.node.text) return this.node;
    const fixed = parseNodeFile(this.node.uri, text);
    // A line more or less (a lone CR and an LF meeting as one CRLF) shifts every later field;
    // only a line-moving fix may, by one line.
    const moved = Math.abs(fixed.lines.length - this.node.lines.length);
    if (moved > (movesLines ? 1 : 0)) return undefined;
    if (fixed.hasBom && !this.node.hasBom) return undefined;
    const after = new WorkspaceOverlay(this.workspace, fixed);
    const affected = new Set([...this.before.dependents(this.node.uri), ...after.dependents(this.node.uri)]);
    const before = new Map<string, number>();
    const afterCounts = new Map<string, number>();
    const errors = new Map<string, ErrorCounts>();
    let diagnostics: DiagnosticWithFixes[] = [];
    for (const uri of affected) {
      addCounts(before, this.errorsOf(uri));
      const node = after.get(uri);
      if (!node) continue;
      // The fixed node's diagnostics (with their fixes) are where fix-all's next round starts.
      const found = uri === fixed.uri ? (diagnostics = diagnose(node, after, this.options)) : validate(node, after, this.options);
      const counts = errorCounts(found);
      errors.set(uri, counts);
      addCounts(afterCounts, counts);
    }
    if (movesLines) {
      // Moved back to their fields, values are judged by other rules (the Server ID's, not the
      // Remote logon's): no more errors in all, against every error the shifted file has.
      if (total(afterCounts) > total(before)) return undefined;
    } else {
      for (const [code, count] of afterCounts) if (count > (before.get(code) ?? 0)) return undefined;
    }
    this.passed = { node: fixed, workspace: after, diagnostics, errors };
    return fixed;
  }

  private errorsOf(uri: string): ErrorCounts {
    let counts = this.errorsBefore.get(uri);
    if (!counts) {
      const node = this.before.get(uri);
      counts = node ? errorCounts(validate(node, this.before, this.options)) : new Map();
      this.errorsBefore.set(uri, counts);
    }
    return counts;
  }
}

function errorCounts(diagnostics: readonly ServiceDiagnostic[]): ErrorCounts {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return counts;
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

function addCounts(total: Map<string, number>, counts: ErrorCounts): void {
  for (const [code, count] of counts) total.set(code, (total.get(code) ?? 0) + count);
}
