// The LSP client of the protocol tests and the bench. By default it runs the server's core in
// this process over in-memory streams (as the Node host does, minus the transport), so a test
// can be debugged and profiled like any other code; `transport: 'stdio'` or `'ipc'` spawns the
// bundled dist/server.js instead (run `npm run build` first), as editors and external tools do.
// Waits on messages, never on timers (a generous timeout only ends a hung test).
import { ChildProcess, fork, spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough, type Readable } from 'node:stream';
import {
  CancellationToken,
  IPCMessageReader,
  IPCMessageWriter,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-jsonrpc/node';
import { ResponseError } from 'vscode-jsonrpc';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { serverStatusRequest, type ServerStatus } from '../../common/protocol';
import type { Server } from '../../server/src/core/createServer';
import type { Timers } from '../../server/src/core/timers';
import type { FileAccess } from '../../server/src/host/fileAccess';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

/**
 * How the client reaches the server: the core in this process (the protocol tests), or the
 * bundle spawned as `node dist/server.js --stdio` (external tools, the bench) or over Node IPC
 * (the VS Code client).
 */
export type Transport = 'in-process' | 'stdio' | 'ipc';

export interface StartOptions {
  transport?: Transport;
  /** Workspace folders as file system paths. */
  folders?: string[];
  /** The `icewarp` settings section the client answers with (per scopeUri if a function). */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
  /** initializationOptions.validationDelay: 0 (the default here) publishes right after each change; 'server-default' keeps the server's debounce. */
  validationDelay?: number | 'server-default';
  /** Node options for a spawned server, e.g. ['--cpu-prof', '--cpu-prof-dir=...'] to profile it. */
  execArgv?: string[];
  /** In process: the core reads files through this instead of the disk (as a browser host would). */
  files?: FileAccess;
  /** How long waitFor waits before it fails (a hung test ends; a bench on 1,000 files needs longer). */
  waitTimeoutMs?: number;
  /** The client's capabilities; VS Code's that the server uses unless given (PLAIN_CAPABILITIES: none of them). */
  capabilities?: ClientCapabilities;
  /** False sends `rootUri` only, as clients without workspace folders do. */
  sendWorkspaceFolders?: boolean;
  /** More initializationOptions, e.g. `{ icewarp: {...} }` (validationDelay is set by its own option). */
  initializationOptions?: Record<string, unknown>;
  /** False: workspace/configuration requests are never answered (a hung client). */
  answerConfiguration?: boolean;
  /** In process: the core's clock (a test fires its timeouts). */
  timers?: Timers;
}

/** What VS Code tells the server that the server uses: settings pulled, folders, registration, inlay hint refresh, nested symbols. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

/** A client that advertises none of VS Code's optional capabilities. */
export const PLAIN_CAPABILITIES: ClientCapabilities = {};

/** One publishDiagnostics as it arrived. */
export interface Publish {
  uri: string;
  /** performance.now() on arrival. */
  at: number;
  diagnostics: number;
}

export class TestClient {
  /** Every publishDiagnostics, newest last, by URI. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** Every publishDiagnostics in arrival order, time-stamped. */
  readonly publishes: Publish[] = [];
  readonly logMessages: string[] = [];
  /** The method of every request the server sent, in order. */
  readonly serverRequests: string[] = [];
  /** The scopeUri of every workspace/configuration item asked for, in order. */
  readonly configurationScopes: (string | undefined)[] = [];
  /** With answerConfiguration false: the workspace/configuration requests not answered yet. */
  private heldConfigurationRequests: (() => void)[] = [];
  /** The server's answer to `initialize` (capabilities, legends). */
  initializeResult: InitializeResult | undefined;
  /** performance.now() when the `initialized` notification went out. */
  initializedAt = 0;
  settings: StartOptions['settings'];
  /** False: workspace/configuration requests are held until answerHeldConfigurationRequests. */
  answerConfiguration: boolean;
  private readonly waitTimeoutMs: number;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  private exited = false;

  private constructor(
    readonly connection: MessageConnection,
    /** Every byte the server writes to the client (its stdout when spawned). */
    readonly fromServer: Readable,
    /** The spawned server; undefined in process. */
    readonly process: ChildProcess | undefined,
    /** The core running in this process; undefined when spawned. */
    private readonly server: Server | undefined,
    /** performance.now() when the server was started (spawned or created). */
    readonly startedAt: number,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.answerConfiguration = options.answerConfiguration ?? true;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 10_000;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishes.push({ uri: params.uri, at: performance.now(), diagnostics: params.diagnostics.length });
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logMessages.push(params.message);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.serverRequests.push('workspace/configuration');
      this.configurationScopes.push(...params.items.map((item) => item.scopeUri));
      this.wake();
      const answer = () => params.items.map((item) => (typeof this.settings === 'function' ? this.settings(item.scopeUri) : this.settings));
      if (!this.answerConfiguration) return new Promise((resolve) => this.heldConfigurationRequests.push(() => resolve(answer())));
      return answer();
    });
    connection.onRequest('client/registerCapability', () => {
      this.serverRequests.push('client/registerCapability');
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => {
      this.serverRequests.push('window/workDoneProgress/create');
      return null;
    });
    // Any other request: recorded, and answered as a client without it would.
    connection.onRequest((method) => {
      this.serverRequests.push(method);
      this.wake();
      return new ResponseError(-32601, `Unhandled method ${method}`);
    });
    process?.on('exit', () => {
      this.exited = true;
      this.wake();
    });
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const transport = options.transport ?? 'in-process';
    const startedAt = performance.now();
    const client = transport === 'in-process' ? TestClient.inProcess(options, startedAt) : TestClient.spawned(transport, options, startedAt);
    const folders = (options.folders ?? []).map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) }));
    const validationDelay = options.validationDelay ?? 0;
    client.initializeResult = await client.connection.sendRequest('initialize', {
      // In process, no parent to watch: the server would poll this process's pid forever.
      processId: transport === 'in-process' ? null : process.pid,
      rootUri: folders[0]?.uri ?? null,
      ...(options.sendWorkspaceFolders === false ? {} : { workspaceFolders: folders.length > 0 ? folders : null }),
      capabilities: options.capabilities ?? VSCODE_CAPABILITIES,
      initializationOptions: { ...options.initializationOptions, ...(validationDelay === 'server-default' ? {} : { validationDelay }) },
    });
    client.initializedAt = performance.now();
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** The core over two in-memory pipes, started as the Node host starts it. */
  private static inProcess(options: StartOptions, startedAt: number): TestClient {
    // Loaded on first use: a test file that only spawns the bundle does not compile the server.
    const { ProposedFeatures, createConnection } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
    const { createServer } = require('../../server/src/core/createServer') as typeof import('../../server/src/core/createServer');
    const { createNodeServer } = require('../../server/src/nodeHost') as typeof import('../../server/src/nodeHost');
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server =
      options.files || options.timers
        ? createServer(serverConnection, options.files ?? (require('../../server/src/nodeFiles') as typeof import('../../server/src/nodeFiles')).nodeFileAccess, {
            timers: options.timers,
          })
        : createNodeServer(serverConnection);
    serverConnection.listen();
    const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    return new TestClient(connection, toClient, undefined, server, startedAt, options);
  }

  private static spawned(transport: 'stdio' | 'ipc', options: StartOptions, startedAt: number): TestClient {
    const execArgv = options.execArgv ?? [];
    if (transport === 'stdio') {
      const child = spawn(process.execPath, [...execArgv, SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      child.stderr?.resume();
      const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      return new TestClient(connection, child.stdout!, child, undefined, startedAt, options);
    }
    // As vscode-languageclient starts it with TransportKind.ipc.
    const child = fork(SERVER_PATH, ['--node-ipc'], { execArgv, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    child.stderr?.resume();
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    return new TestClient(connection, child.stdout!, child, undefined, startedAt, options);
  }

  /** Answers, late, every workspace/configuration request held so far (answerConfiguration false). */
  answerHeldConfigurationRequests(): void {
    const held = this.heldConfigurationRequests;
    this.heldConfigurationRequests = [];
    for (const answer of held) answer();
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

  /** One line replaced, as a keystroke-sized incremental change. */
  replaceLine(uri: string, version: number, line: number, oldLength: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: oldLength } }, rangeLength: oldLength, text }],
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** A request; cancelling `token` sends `$/cancelRequest` (the answer still comes, as an error then). */
  request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    return (token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  /** icewarp/serverStatus; answered after every publish the server has already sent. */
  status(resetLatencies = false): Promise<ServerStatus> {
    return this.connection.sendRequest(serverStatusRequest, { resetLatencies });
  }

  /** publishDiagnostics received for `uri`, or for every file. */
  publishCount(uri?: string): number {
    return uri === undefined ? this.publishes.length : (this.published.get(uri)?.length ?? 0);
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
  waitFor(predicate: () => boolean, what: string, timeoutMs = this.waitTimeoutMs): Promise<void> {
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
    if (this.server) {
      // `exit` would end this process: the core in process stops at shutdown.
      await this.connection.sendRequest('shutdown');
      this.server.dispose();
      this.connection.dispose();
      return;
    }
    const child = this.process;
    if (child && !this.exited) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // already gone
      }
      // Let it exit on its own (a --cpu-prof profile is written at exit); kill it if it hangs.
      if (!this.exited) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill();
            resolve();
          }, 5_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
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
