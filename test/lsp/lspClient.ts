// A minimal LSP client for protocol tests: spawns the bundled server over stdio and speaks
// JSON-RPC to it. Waits on messages, never on timers (a generous timeout only ends a hung test).
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { CancellationToken, createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** Workspace folders as file system paths. */
  folders?: string[];
  /** The `icewarp` settings section the client answers with (per scopeUri if a function). */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
  /** Defaults to 0 so tests see diagnostics right after each change. */
  validationDelay?: number;
}

export class TestClient {
  readonly connection: MessageConnection;
  /** Every publishDiagnostics, newest last, by URI. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logMessages: string[] = [];
  /** The server's answer to `initialize` (capabilities, legends). */
  initializeResult: InitializeResult | undefined;
  settings: StartOptions['settings'];
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  private exited = false;

  private constructor(readonly process: ChildProcess, options: StartOptions) {
    this.settings = options.settings ?? {};
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logMessages.push(params.message);
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => (typeof this.settings === 'function' ? this.settings(item.scopeUri) : this.settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    process.on('exit', () => {
      this.exited = true;
      this.wake();
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr?.resume();
    const client = new TestClient(child, options);
    const folders = (options.folders ?? []).map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) }));
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? folders : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } } },
      },
      initializationOptions: { validationDelay: options.validationDelay ?? 0 },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  get isAlive(): boolean {
    return !this.exited;
  }

  open(uri: string, text: string, languageId = 'icewarp-pathcfg', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (full sync is valid against an incremental server). */
  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** A request; cancelling `token` sends `$/cancelRequest` (the answer still comes, as an error then). */
  request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    return (token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  publishCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  latestDiagnostics(uri: string): Diagnostic[] | undefined {
    const list = this.published.get(uri);
    return list?.[list.length - 1]?.diagnostics;
  }

  /** Resolves once the server publishes for `uri` after `afterCount` publishes and `accept` holds. */
  async diagnosticsAfter(uri: string, afterCount: number, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    await this.waitFor(() => {
      const list = this.published.get(uri) ?? [];
      return list.length > afterCount && accept(list[list.length - 1].diagnostics);
    }, `diagnostics for ${uri}`);
    return this.latestDiagnostics(uri) ?? [];
  }

  /** Waits until `predicate` holds after some message arrives. */
  waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({
        predicate: () => predicate() || this.exited,
        resolve: () => {
          clearTimeout(timer);
          if (this.exited && !predicate()) reject(new Error(`server exited while waiting for ${what}`));
          else resolve();
        },
      });
    });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // already gone
      }
      if (!this.exited) this.process.kill();
    }
    this.connection.dispose();
  }

  private wake(): void {
    const ready = this.waiters.filter((waiter) => waiter.predicate());
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function codes(diagnostics: readonly Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).map((diagnostic) => String(diagnostic.code)).sort();
}
