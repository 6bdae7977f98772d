// Quick fixes and fix-all. The fixes themselves are written by the rules (each finding carries
// the ones it implies, see rules/fix.ts); here they are looked up by diagnostic code (never by
// message text), tried before they are offered (fixTrial.ts), and applied all at once.
import { ValidationOptions, findingsOf, validate } from './languageService';
import { WorkspaceOverlay } from './overlay';
import { NodeFile, parseNodeFile } from './parse';
import { FixId, isDiagnosticCode } from './rules/codes';
import type { FixOffer } from './rules/fix';
import type { Finding } from './rules/rule';
import { FixTrial } from './fixTrial';
import { Range, TextEdit, comparePositions, rangesIntersect } from './types';
import { applyEdits, diffEdits, editsOverlap } from './textEdits';
import { WorkspaceFacts } from './workspace';

/** What a fix needs to know about the diagnostic it answers: its code and where it is. */
export interface DiagnosticRef {
  code: string;
  range: Range;
}

export interface Fix {
  /** Stable name of the kind of fix (e.g. `server-id-next-free`); tests check each one. */
  id: FixId;
  /** Shown in the light-bulb menu. Never holds a password. */
  title: string;
  /** Safe without a human choice: offered as the preferred fix and applied by fix-all. */
  isPreferred: boolean;
  /** Each touches only its own line and writes the file's own line ending. */
  edits: TextEdit[];
}

/**
 * The fixes for one diagnostic of this node (none for codes without fixes or from other
 * sources): the fixes its finding carries, each tried before it is offered (fixTrial.ts).
 * `options` are the user's severities, so "adds an error" means one the user would see.
 */
export function fixesFor(node: NodeFile, diagnostic: DiagnosticRef, workspace: WorkspaceFacts, options: ValidationOptions = {}): Fix[] {
  if (!isDiagnosticCode(diagnostic.code)) return [];
  const asked = findingsAt(findingsOf(node, workspace, diagnostic.code), diagnostic.range);
  const fixes = writeFixes(asked.flatMap((finding) => finding.fixes ?? []));
  if (fixes.length === 0) return [];
  const trial = new FixTrial(node, workspace, options);
  return fixes.filter((fix) => trial.isSafe(fix.edits));
}

/**
 * The findings a diagnostic stands for: the one at exactly its range (what an editor sends
 * back), else those its range overlaps, else those on its line (a range gone stale).
 */
function findingsAt(findings: readonly Finding[], range: Range): Finding[] {
  const same = findings.filter((finding) => comparePositions(finding.range.start, range.start) === 0 && comparePositions(finding.range.end, range.end) === 0);
  if (same.length > 0) return same;
  const overlapping = findings.filter((finding) => rangesIntersect(finding.range, range));
  if (overlapping.length > 0) return overlapping;
  return findings.filter((finding) => finding.range.start.line === range.start.line);
}

/**
 * Offers -> fixes. Offers of one id that fix parts (one edge, one host) join into one fix over
 * all their parts, per line; other offers are written one by one, identical ones once.
 */
export function writeFixes(offers: readonly FixOffer[]): Fix[] {
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  const joined = new Map<string, FixOffer[]>();
  const order: (FixOffer | string)[] = [];
  for (const offer of offers) {
    if (offer.parts.length === 0) {
      order.push(offer);
      continue;
    }
    const key = `${offer.id}@${offer.parts[0].range.start.line}`;
    const group = joined.get(key);
    if (group) group.push(offer);
    else {
      joined.set(key, [offer]);
      order.push(key);
    }
  }
  for (const entry of order) {
    const offer = typeof entry === 'string' ? (joined.get(entry) as FixOffer[])[0] : entry;
    const parts = typeof entry === 'string' ? uniqueParts(joined.get(entry) as FixOffer[]) : offer.parts;
    const draft = offer.write(parts);
    if (!draft || draft.edits.length === 0) continue;
    const identity = `${offer.id}\u0000${draft.title}\u0000${JSON.stringify(draft.edits)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    fixes.push({ id: offer.id, title: draft.title, isPreferred: offer.isPreferred, edits: draft.edits });
  }
  return fixes;
}

function uniqueParts(offers: readonly FixOffer[]): FixOffer['parts'] {
  const byRange = new Map<string, FixOffer['parts'][number]>();
  for (const offer of offers) {
    for (const part of offer.parts) {
      const key = `${part.range.start.line}:${part.range.start.character}-${part.range.end.line}:${part.range.end.character}`;
      if (!byRange.has(key)) byRange.set(key, part);
    }
  }
  return [...byRange.values()].sort((a, b) => comparePositions(a.range.start, b.range.start));
}

// ---------------------------------------------------------------------------------------------
// Fix-all

/** Fix-all stops after this many rounds even if a (broken) fix keeps finding work. */
const MAX_ROUNDS = 8;

/**
 * Every preferred fix of the file, as one set of edits. Fixes whose edits would overlap an
 * earlier one wait for the next round; rounds repeat on the fixed text until no preferred fix
 * is left, so a second fix-all finds nothing.
 */
export function fixAll(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions = {}): TextEdit[] {
  let current = node;
  let facts: WorkspaceFacts = workspace.get(node.uri) === node ? workspace : new WorkspaceOverlay(workspace, node);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = preferredEdits(current, facts, options);
    if (edits.length === 0) break;
    const text = applyEdits(current.text, edits);
    if (text === current.text) break;
    current = parseNodeFile(node.uri, text);
    facts = new WorkspaceOverlay(workspace, current);
  }
  return diffEdits(node.text, current.text);
}

/** One round: the preferred fixes of the current diagnostics that do not overlap each other. */
function preferredEdits(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions): TextEdit[] {
  const accepted: TextEdit[] = [];
  for (const diagnostic of validate(node, workspace, options)) {
    for (const fix of fixesFor(node, diagnostic, workspace)) {
      if (!fix.isPreferred) continue;
      if (fix.edits.some((edit) => accepted.some((other) => editsOverlap(edit.range, other.range)))) continue;
      accepted.push(...fix.edits);
      break; // one fix per diagnostic
    }
  }
  return accepted;
}
