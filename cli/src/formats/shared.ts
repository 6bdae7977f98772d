// What every output format needs from a report: counts, 1-based positions, related locations
// as printed paths.
import type { CheckReport, FileReport } from '../check';
import { ServiceDiagnostic, Severity } from '../../../server/src/service';
import { uriToPath } from '../engine';
import { displayPath } from '../inputs';

export type Counts = Record<Severity, number> & { problems: number; filesWithProblems: number; files: number; foreign: number };

export function countProblems(report: CheckReport): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0, problems: 0, filesWithProblems: 0, files: report.files.length, foreign: report.foreign.length };
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) counts[diagnostic.severity]++;
    counts.problems += file.diagnostics.length;
    if (file.diagnostics.length > 0) counts.filesWithProblems++;
  }
  return counts;
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/**
 * `3 problems (1 error, 2 warnings) in 2 of 12 files`; infos and hints only when there are some;
 * `; 1 file of another program skipped` when some path.cfg / path.dat were not IceWarp's.
 */
export function summaryLine(counts: Counts): string {
  const skipped = counts.foreign > 0 ? `; ${plural(counts.foreign, 'file')} of another program skipped` : '';
  if (counts.problems === 0) return `No problems in ${plural(counts.files, 'file')}${skipped}`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information > 0) parts.push(plural(counts.information, 'info', 'infos'));
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `${plural(counts.problems, 'problem')} (${parts.join(', ')}) in ${counts.filesWithProblems} of ${plural(counts.files, 'file')}${skipped}`;
}

export interface PrintedRelated {
  display: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** Related locations with the path printed as the file's own (relative, `/`). */
export function relatedOf(diagnostic: ServiceDiagnostic, report: CheckReport): PrintedRelated[] {
  return (diagnostic.related ?? []).map((related) => ({
    display: displayOf(related.uri, report),
    line: related.range.start.line + 1,
    column: related.range.start.character + 1,
    endLine: related.range.end.line + 1,
    endColumn: related.range.end.character + 1,
    message: related.message,
  }));
}

/** Printed path by URI, built once per report: a fleet has thousands of related locations. */
const displayByUri = new WeakMap<CheckReport, Map<string, string>>();

function displayOf(uri: string, report: CheckReport): string {
  let byUri = displayByUri.get(report);
  if (!byUri) {
    byUri = new Map(report.files.map((file: FileReport) => [file.uri, file.display]));
    displayByUri.set(report, byUri);
  }
  return byUri.get(uri) ?? displayPath(uriToPath(uri));
}
