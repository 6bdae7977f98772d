// `--format github`: GitHub Actions workflow commands, one annotation per problem on its file
// and line, related locations appended to the message; then the summary line for the log.
import type { CheckReport } from '../check';
import type { Severity } from '../../../server/src/service';
import { escapeControls } from '../output';
import { countProblems, relatedOf, summaryLine } from './shared';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * The escaping of the Actions toolkit: data escapes `%`, CR, LF; properties also `:` and `,`.
 * The log shows the text on a terminal emulator of its own, so control characters a file holds
 * are escaped first (line breaks of our own are added after).
 */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) {
      const { start, end } = diagnostic.range;
      const properties = [
        `file=${escapeProperty(escapeControls(file.display))}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(diagnostic.code)}`,
      ];
      const related = relatedOf(diagnostic, report).map((each) => `\n${escapeControls(each.display)}:${each.line}:${each.column}: ${escapeControls(each.message)}`);
      lines.push(`::${COMMAND[diagnostic.severity]} ${properties.join(',')}::${escapeData(escapeControls(diagnostic.message) + related.join(''))}`);
    }
  }
  lines.push(summaryLine(countProblems(report)));
  return lines.join('\n') + '\n';
}
