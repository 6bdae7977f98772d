// A bare LSP session for the benchmark: spawns `node dist/server.js --stdio`, answers the few
// requests the server makes, and time-stamps every publishDiagnostics on arrival.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { SERVER_STATUS_REQUEST, type ServerStatus } from '../common/protocol';

export const SERVER_PATH = path.resolve(__dirname, '../dist/server.js');

export interface Publish {
  uri: string;
  at: number;
  diagnostics: number;
}

export interface SessionOptions {
  folders?: string[];
  /** initializationOptions.validationDelay; undefined keeps the server's default debounce. */
  validationDelay?: number;
  /** Node options for the server process, e.g. ['--cpu-prof', '--cpu-prof-dir=...'] to profile it. */
  execArgv?: string[];
}

export class LspSession {
  readonly publishes: Publish[] = [];
  private waiters: { done: () => boolean; resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout }[] = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    readonly spawnedAt: number,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishes.push({ uri: params.uri, at: performance.now(), diagnostics: params.diagnostics.length });
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('icewarp/clusterChanged', () => undefined);
    process.on('exit', () => this.wake());
    connection.listen();
  }

  /** Spawns and initializes; `initializedAt` is when the `initialized` notification went out. */
  static async start(options: SessionOptions = {}): Promise<{ session: LspSession; initializedAt: number }> {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr?.resume();
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection, spawnedAt);
    const folders = (options.folders ?? []).map((folder) => ({ uri: URI.file(folder).toString(), name: path.basename(folder) }));
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? folders : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
      initializationOptions: options.validationDelay === undefined ? {} : { validationDelay: options.validationDelay },
    });
    const initializedAt = performance.now();
    await connection.sendNotification('initialized', {});
    return { session, initializedAt };
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icewarp-pathcfg', version, text } });
  }

  /** One line replaced, as a keystroke-sized incremental change. */
  replaceLine(uri: string, version: number, line: number, oldLength: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: oldLength } }, rangeLength: oldLength, text }],
    });
  }

  status(resetLatencies = false): Promise<ServerStatus> {
    return this.connection.sendRequest(SERVER_STATUS_REQUEST, { resetLatencies });
  }

  publishCount(uri?: string): number {
    return uri === undefined ? this.publishes.length : this.publishes.filter((publish) => publish.uri === uri).length;
  }

  /** Resolves when `done()` holds, checked after every message. */
  until(done: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({ done, resolve, reject, timer });
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    // Let it exit on its own (a --cpu-prof profile is written at exit); kill it if it hangs.
    if (this.process.exitCode === null && this.process.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.process.kill();
          resolve();
        }, 5_000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.connection.dispose();
  }

  private wake(): void {
    const exited = this.process.exitCode !== null || this.process.signalCode !== null;
    for (const waiter of [...this.waiters]) {
      if (!waiter.done() && !exited) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      clearTimeout(waiter.timer);
      if (waiter.done()) waiter.resolve();
      else waiter.reject(new Error('bench: the server exited'));
    }
  }
}
