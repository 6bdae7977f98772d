// The default format: one line per problem, `file:line:col  severity  message  code` (the
// problem matcher `$icewarp-pathcfg` in package.json reads it), related locations indented
// below, files apart, then the summary. Colour only when asked (a TTY without NO_COLOR). Paths
// and messages quote the files' own values: their control characters are escaped, so a hostname
// holding ESC ] cannot retitle or clear the terminal.
import type { CheckReport } from '../check';
import type { Severity } from '../../../server/src/service';
import { escapeControls } from '../output';
import { countProblems, relatedOf, summaryLine } from './shared';

/** The severity words a VS Code problem matcher understands (`information` is not one). */
export const SEVERITY_WORDS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const WIDTH = Math.max(...Object.values(SEVERITY_WORDS).map((word) => word.length));

const ANSI = { red: '31', yellow: '33', blue: '34', green: '32', dim: '2', bold: '1' } as const;

export function formatText(report: CheckReport, color: boolean): string {
  const paint = (style: keyof typeof ANSI, text: string) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const severityStyle: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };
  const blocks: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    const lines: string[] = [];
    for (const diagnostic of file.diagnostics) {
      const { line, character } = diagnostic.range.start;
      const word = SEVERITY_WORDS[diagnostic.severity];
      lines.push(
        `${escapeControls(file.display)}:${line + 1}:${character + 1}  ${paint(severityStyle[diagnostic.severity], word)}${' '.repeat(WIDTH - word.length)}  ${escapeControls(diagnostic.message)}  ${paint('dim', diagnostic.code)}`,
      );
      for (const related of relatedOf(diagnostic, report)) {
        lines.push(paint('dim', `    ${escapeControls(related.display)}:${related.line}:${related.column}  ${escapeControls(related.message)}`));
      }
    }
    blocks.push(lines.join('\n'));
  }
  const counts = countProblems(report);
  const summary = summaryLine(counts);
  const style = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : counts.problems > 0 ? 'blue' : 'green';
  blocks.push(paint('bold', paint(style, summary)));
  return blocks.join('\n\n') + '\n';
}
