// `--format json`: one object per node file, its diagnostics shaped as the LSP `Diagnostic`s the
// server publishes (0-based ranges, numeric severity, related information with file URIs), so a
// tool can share code with an LSP client.
import type { CheckReport } from '../check';
import { toLspDiagnostic } from '../../../server/src/core/lspDiagnostic';
import { showPath } from '../../../server/src/host/diskNodeFiles';

export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => ({
    // JSON holds no bytes: a name that is no UTF-8 as `\xNN`, as printed.
    file: showPath(file.display),
    diagnostics: file.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic)),
    ...(file.notChecked ? { error: file.notChecked } : {}),
  }));
  return JSON.stringify(files, null, 2) + '\n';
}
