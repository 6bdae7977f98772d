// Quick fixes and fix-all. The fixes themselves are written by the rules (each finding carries
// the ones it implies, see rules/fix.ts); here they are looked up by diagnostic code (never by
// message text), tried before they are offered (fixTrial.ts), and applied all at once.
import { DiagnosticWithFixes, ValidationOptions, diagnose, findingsOf } from './validation';
import { WorkspaceOverlay } from './overlay';
import { NodeFile } from './parse';
import { FixId, isDiagnosticCode } from './rules/codes';
import type { FixOffer } from './rules/fix';
import type { Finding } from './rules/rule';
import { ErrorCounts, FixTrial, LINE_MOVING_FIXES } from './fixTrial';
import { Range, TextEdit, comparePositions, rangesIntersect } from './types';
import { diffEdits, editsOverlap } from './textEdits';
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
  const asked = findingsAt(findingsOf(node, workspace, diagnostic.code, options), diagnostic.range);
  const fixes = writeFixes(asked.flatMap((finding) => finding.fixes ?? []));
  if (fixes.length === 0) return [];
  const trial = new FixTrial(node, workspace, options);
  return fixes.filter((fix) => (LINE_MOVING_FIXES.has(fix.id) ? new FixTrial(node, workspace, { ...options, ignoreShift: true }).isSafe(fix.edits, true) : trial.isSafe(fix.edits)));
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

export interface FixAllOptions extends ValidationOptions {
  /** Asked between steps; once it answers true, fix-all stops and returns no edits. */
  isCancelled?: () => boolean;
}

/**
 * Every preferred fix of the file, as one set of line-wise edits (see `fixAllSteps`). Costs a
 * small multiple of one validation of the file and its cluster.
 */
export function fixAll(node: NodeFile, workspace: WorkspaceFacts, options: FixAllOptions = {}): TextEdit[] {
  const steps = fixAllSteps(node, workspace, options);
  for (;;) {
    if (options.isCancelled?.()) return [];
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Fix-all as a sequence of steps, each at most one validation of the file and its cluster, so
 * a caller can yield to other work (and notice a cancellation) in between.
 *
 * Each round takes the first preferred fix of every diagnostic whose edits overlap no earlier
 * one and tries them together (one trial). When the whole set would add an error, halves of it
 * are tried until the fixes at fault are left out. Rounds repeat on the fixed text until no
 * preferred fix is left, so a second fix-all finds nothing (a slave list with `,` and a
 * repeated host needs two rounds).
 */
export function* fixAllSteps(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions = {}): Generator<void, TextEdit[], void> {
  let current = node;
  let facts: WorkspaceFacts = workspace.get(node.uri) === node ? workspace : new WorkspaceOverlay(workspace, node);
  let diagnostics = diagnose(current, facts, options);
  let errors: ReadonlyMap<string, ErrorCounts> | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const candidates = preferredFixes(diagnostics);
    if (candidates.length === 0) break;
    yield;
    const trial = new FixTrial(current, workspace, options, { before: facts, nodeDiagnostics: diagnostics, errors });
    yield* tryTogether(trial, candidates);
    const passed = trial.passed;
    if (!passed || passed.node.text === current.text) break;
    // The trial validated the fixed node and its cluster already: the next round starts there.
    ({ node: current, workspace: facts, diagnostics, errors } = passed);
    yield;
  }
  return diffEdits(node.text, current.text);
}

/** One round's candidates: the first preferred fix of each diagnostic that overlaps no earlier one. */
function preferredFixes(diagnostics: readonly DiagnosticWithFixes[]): Fix[] {
  const accepted: Fix[] = [];
  const written = new Map<FixOffer, Fix[]>();
  for (const diagnostic of diagnostics) {
    for (const offer of diagnostic.fixes) {
      if (!offer.isPreferred) continue;
      let fixes = written.get(offer);
      if (!fixes) {
        fixes = writeFixes([offer]);
        written.set(offer, fixes);
      }
      const [fix] = fixes;
      if (!fix) continue;
      if (fix.edits.some((edit) => accepted.some((other) => other.edits.some((taken) => editsOverlap(edit.range, taken.range))))) continue;
      accepted.push(fix);
      break; // one fix per diagnostic
    }
  }
  return accepted;
}

/** The most trials one round spends on finding which fixes to leave out; the rest wait for the light bulb. */
const MAX_TRIALS_PER_ROUND = 16;

/**
 * Tries as many candidates together as can pass without adding an error (the trial keeps the
 * last set that passed): all of them when they pass as one; else each kind of fix in turn (the
 * fixes at fault tend to be of one kind), halving a kind that fails, so a few bad fixes cost a
 * few trials rather than one per fix. A round gives up on the rest after MAX_TRIALS_PER_ROUND.
 */
function* tryTogether(trial: FixTrial, candidates: readonly Fix[]): Generator<void, void, void> {
  let accepted: Fix[] = [];
  const attempt = (group: readonly Fix[]) => {
    const passed = trial.tryEdits([...accepted, ...group].flatMap((fix) => fix.edits)) !== undefined;
    if (passed) accepted = [...accepted, ...group];
    return passed;
  };
  if (attempt(candidates)) return;
  const byKind = new Map<string, Fix[]>();
  for (const fix of candidates) byKind.set(fix.id, [...(byKind.get(fix.id) ?? []), fix]);
  const pending: Fix[][] = byKind.size > 1 ? [...byKind.values()] : halves(candidates);
  let trials = 1;
  while (pending.length > 0 && trials < MAX_TRIALS_PER_ROUND) {
    yield;
    const group = pending.shift() as Fix[];
    trials++;
    if (!attempt(group) && group.length > 1) pending.unshift(...halves(group));
  }
}

function halves(group: readonly Fix[]): Fix[][] {
  const middle = Math.ceil(group.length / 2);
  return [group.slice(0, middle), group.slice(middle)];
}
