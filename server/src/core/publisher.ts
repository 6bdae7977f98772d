// Diagnostics to the client: computes a file's diagnostics under its settings, converts them to
// LSP, sends them (or clears them) and remembers what was sent for the features that count or
// fix problems.
import { type Connection, type Diagnostic, DiagnosticSeverity, DiagnosticTag, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, type Settings, explainHref } from '../../../common/protocol';
import { type ServiceDiagnostic, tooLargeDiagnostics, validate } from '../service/languageService';
import type { WorkspaceIndex } from './workspaceIndex';

export class DiagnosticsPublisher {
  private readonly lastPublished = new Map<string, Diagnostic[]>();
  private readonly listeners: ((uri: string) => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly index: WorkspaceIndex,
    private readonly settingsFor: (uri: string) => Promise<Settings>,
  ) {}

  /** Where a code's page opens, when the client can open one (initializationOptions.explainBaseUri). */
  explainBaseUri: string | undefined;

  /** The diagnostics last published for `uri` (none once cleared). */
  published(uri: string): readonly Diagnostic[] {
    return this.lastPublished.get(uri) ?? [];
  }

  /** Called after diagnostics for a file were published or cleared. */
  onDidPublish(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  async publish(uri: string): Promise<void> {
    const settings = await this.settingsFor(uri);
    const diagnostics = settings.validate.enable ? this.diagnosticsFor(uri, settings) : [];
    if (diagnostics.length > 0) this.lastPublished.set(uri, diagnostics);
    else this.lastPublished.delete(uri);
    await this.connection.sendDiagnostics({ uri, version: this.documents.get(uri)?.version, diagnostics });
    this.didPublish(uri);
  }

  clear(uri: string): void {
    this.lastPublished.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.didPublish(uri);
  }

  diagnosticsFor(uri: string, settings: Settings): Diagnostic[] {
    const oversizedBytes = this.index.oversizedBytes(uri);
    if (oversizedBytes !== undefined) {
      return tooLargeDiagnostics(oversizedBytes, settings.maxFileSize, settings.diagnostics.severity).map((diagnostic) => toLspDiagnostic(diagnostic, this.explainBaseUri));
    }
    const node = this.index.workspace.get(uri);
    if (!node) return [];
    const options = {
      severityOverrides: settings.diagnostics.severity,
      maxFileSize: settings.maxFileSize,
      onRuleError: (code: string, error: unknown) =>
        this.connection.console.error(`Rule ${code} failed: ${error instanceof Error ? error.name : 'error'} (the document text is not logged)`),
    };
    return validate(node, this.index.workspace, options).map((diagnostic) => toLspDiagnostic(diagnostic, this.explainBaseUri));
  }

  private didPublish(uri: string): void {
    for (const listener of this.listeners) listener(uri);
  }
}

const SEVERITY: Record<ServiceDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: ServiceDiagnostic, explainBaseUri?: string): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    ...(explainBaseUri ? { codeDescription: { href: explainHref(explainBaseUri, diagnostic.code) } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related ? { relatedInformation: diagnostic.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message })) } : {}),
    ...(diagnostic.tags ? { tags: diagnostic.tags.map((tag) => (tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary)) } : {}),
  };
}
