// Diagnostics to the client: computes a file's diagnostics under its settings, converts them to
// LSP, sends them (or clears them) and remembers what was sent for the features that count or
// fix problems.
// Clear fast, flag after a pause: after a keystroke, a result that only drops problems of what
// the file shows is sent at once (a fixed error disappears as the key is pressed); one that adds
// or changes a problem waits out icewarp.validation.delay, restarted by every keystroke, so a
// half-typed value is not flagged while it is typed.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../../common/protocol';
import { tooLargeDiagnostics, validate } from '../service';
import { toLspDiagnostic } from './lspDiagnostic';
import type { Cancel, Timers } from './timers';
import type { WorkspaceIndex } from './workspaceIndex';

export class DiagnosticsPublisher {
  private readonly lastPublished = new Map<string, Diagnostic[]>();
  /** Results with a new problem, waiting for the pause in typing. */
  private readonly held = new Map<string, Cancel>();
  private readonly listeners: ((uri: string) => void)[] = [];
  private running = 0;

  /**
   * @param pauseOverride the pause for every file, whatever the settings say
   * (initializationOptions.validationDelay of the tests and the bench), or undefined.
   */
  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly index: WorkspaceIndex,
    private readonly settingsFor: (uri: string) => Promise<Settings>,
    private readonly timers: Timers,
    private readonly pauseOverride: () => number | undefined,
    /** The link of a code's page, where there is one (codeDescription.href). */
    private readonly codeHref: (code: string) => string | undefined = () => undefined,
  ) {}

  /** The diagnostics last published for `uri` (none once cleared). */
  published(uri: string): readonly Diagnostic[] {
    return this.lastPublished.get(uri) ?? [];
  }

  /** Validations under way and results held for a pause in typing (0: everything computed has been sent). */
  get pending(): number {
    return this.running + this.held.size;
  }

  /** Called after diagnostics for a file were published or cleared. */
  onDidPublish(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Validates `uri` and sends the result: at once, unless `typed` (a keystroke caused it) and it
   * adds or changes a problem, which waits for the pause.
   */
  async publish(uri: string, typed = false): Promise<void> {
    this.running++;
    try {
      await this.validateAndSend(uri, typed);
    } finally {
      this.running--;
    }
  }

  private async validateAndSend(uri: string, typed: boolean): Promise<void> {
    const settings = await this.settingsFor(uri);
    const diagnostics = settings.validate.enable ? this.diagnosticsFor(uri, settings) : [];
    const version = this.documents.get(uri)?.version;
    this.release(uri);
    const pause = typed ? (this.pauseOverride() ?? settings.validation.delay) : 0;
    if (pause <= 0 || onlyDrops(diagnostics, this.published(uri))) {
      await this.send(uri, diagnostics, version);
      return;
    }
    this.held.set(
      uri,
      this.timers.after(pause, () => {
        this.held.delete(uri);
        void this.send(uri, diagnostics, version);
      }),
    );
  }

  clear(uri: string): void {
    this.release(uri);
    this.lastPublished.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.didPublish(uri);
  }

  /** Drops the results still held (the server stops). */
  dispose(): void {
    for (const cancel of this.held.values()) cancel();
    this.held.clear();
  }

  diagnosticsFor(uri: string, settings: Settings): Diagnostic[] {
    const oversizedBytes = this.index.oversizedBytes(uri);
    if (oversizedBytes !== undefined) {
      return tooLargeDiagnostics(oversizedBytes, settings.maxFileSize, settings.diagnostics.severity).map((diagnostic) => toLspDiagnostic(diagnostic, this.codeHref));
    }
    const node = this.index.workspace.get(uri);
    if (!node) return [];
    const options = {
      severityOverrides: settings.diagnostics.severity,
      maxFileSize: settings.maxFileSize,
      onRuleError: (code: string, error: unknown) =>
        this.connection.console.error(`Rule ${code} failed: ${error instanceof Error ? error.name : 'error'} (the document text is not logged)`),
    };
    return validate(node, this.index.workspace, options).map((diagnostic) => toLspDiagnostic(diagnostic, this.codeHref));
  }

  private async send(uri: string, diagnostics: Diagnostic[], version: number | undefined): Promise<void> {
    if (diagnostics.length > 0) this.lastPublished.set(uri, diagnostics);
    else this.lastPublished.delete(uri);
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.didPublish(uri);
  }

  /** Forgets a held result: a newer one replaces it. */
  private release(uri: string): void {
    this.held.get(uri)?.();
    this.held.delete(uri);
  }

  private didPublish(uri: string): void {
    for (const listener of this.listeners) listener(uri);
  }
}

/** Whether every diagnostic of `next` is shown already, as it is (so sending `next` only removes problems). */
function onlyDrops(next: readonly Diagnostic[], shown: readonly Diagnostic[]): boolean {
  if (next.length > shown.length) return false;
  const keys = new Set(shown.map(diagnosticKey));
  return next.every((diagnostic) => keys.has(diagnosticKey(diagnostic)));
}

function diagnosticKey(diagnostic: Diagnostic): string {
  return JSON.stringify([diagnostic.code, diagnostic.severity, diagnostic.range, diagnostic.message, diagnostic.relatedInformation, diagnostic.tags]);
}
