// `--format json`: one object per node file, its diagnostics shaped as the LSP `Diagnostic`s the
// server publishes (0-based ranges, numeric severity, related information with file URIs), so a
// tool can share code with an LSP client.
import type { CheckReport } from '../check';
import { DIAGNOSTIC_SOURCE, ServiceDiagnostic, Severity } from '../engine';

/** LSP's DiagnosticSeverity and DiagnosticTag numbers (the protocol library is not bundled here). */
const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };
const LSP_TAG = { unnecessary: 1, deprecated: 2 } as const;

export function toLspDiagnostic(diagnostic: ServiceDiagnostic) {
  return {
    range: diagnostic.range,
    severity: LSP_SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related ? { relatedInformation: diagnostic.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message })) } : {}),
    ...(diagnostic.tags ? { tags: diagnostic.tags.map((tag) => LSP_TAG[tag]) } : {}),
  };
}

export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => ({
    file: file.display,
    diagnostics: file.diagnostics.map(toLspDiagnostic),
    ...(file.notChecked ? { error: file.notChecked } : {}),
  }));
  return JSON.stringify(files, null, 2) + '\n';
}
