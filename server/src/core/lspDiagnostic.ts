// A service diagnostic as LSP's `Diagnostic`: for the language server's publishes and the command
// line's `--format json` alike, so both say the same thing in the same shape. Protocol types only
// (erased at build): the command line does not bundle the protocol library for this.
import type { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../../../common/protocol';
import type { ServiceDiagnostic } from '../service';

/** LSP's DiagnosticSeverity and DiagnosticTag numbers. */
const SEVERITY: Record<ServiceDiagnostic['severity'], DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };
const TAG: Record<NonNullable<ServiceDiagnostic['tags']>[number], DiagnosticTag> = { unnecessary: 1, deprecated: 2 };

/** `codeHref`: the link of a code's page (VS Code's explain link, or the page on disk); none, no link. */
export function toLspDiagnostic(diagnostic: ServiceDiagnostic, codeHref?: (code: string) => string | undefined): Diagnostic {
  const href = codeHref?.(diagnostic.code);
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related ? { relatedInformation: diagnostic.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message })) } : {}),
    ...(diagnostic.tags ? { tags: diagnostic.tags.map((tag) => TAG[tag]) } : {}),
  };
}
