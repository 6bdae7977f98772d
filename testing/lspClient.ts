// The LSP client of the protocol tests and the bench, kept outside test/ because the bench uses
// no test code. By default it runs the server's core in this process over in-memory streams (as
// the Node host does, minus the transport), so a test can be debugged and profiled like any other
// code; `transport: 'stdio'` or `'ipc'` spawns the bundled dist/server.js instead (run `npm run
// build` first), as editors and external tools do; `'worker'` runs the browser bundle
// dist/browser/server.js in a worker thread, as a browser would. Where the server asks the client
// for files (the browser host, a folder that is not on the disk), this client answers as VS Code
// does, from `clientFiles` (by default the disk). Waits on messages, never on timers (a generous
// timeout only ends a hung test).
import { ChildProcess, fork, spawn } from 'node:child_process';
import * as path from 'node:path';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { PassThrough, type Readable } from 'node:stream';
import {
  CancellationToken,
  AbstractMessageReader,
  AbstractMessageWriter,
  type DataCallback,
  type Disposable,
  IPCMessageReader,
  IPCMessageWriter,
  type Message,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-jsonrpc/node';
import { ResponseError } from 'vscode-jsonrpc';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, Registration } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { findNodeFilesRequest, readNodeFileRequest, statFileRequest } from '../common/fileRequests';
import { serverStatusRequest, type ServerStatus } from '../common/protocol';
import type { Server } from '../server/src/core/createServer';
import type { Timers } from '../server/src/core/timers';
import type { FileAccess } from '../server/src/host/files';

export const SERVER_PATH = path.resolve(__dirname, '../dist/server.js');
export const BROWSER_SERVER_PATH = path.resolve(__dirname, '../dist/browser/server.js');

/**
 * How the client reaches the server: the core in this process (the protocol tests), the bundle
 * spawned as `node dist/server.js --stdio` (external tools, the bench) or over Node IPC (the
 * VS Code client), or the browser bundle in a worker thread (a browser's web worker).
 */
export type Transport = 'in-process' | 'stdio' | 'ipc' | 'worker';

/**
 * In process, unless `ICEWARP_LSP_TRANSPORT=stdio` (or `ipc`) asks for the bundle spawned, which
 * compares the two (docs/performance.md); tests that hand the core its files, clock or host stay
 * in process.
 */
function defaultTransport(options: StartOptions): Transport {
  const asked = process.env.ICEWARP_LSP_TRANSPORT;
  const inProcessOnly = options.files !== undefined || options.timers !== undefined || options.host !== undefined;
  return (asked === 'stdio' || asked === 'ipc') && !inProcessOnly ? asked : 'in-process';
}

export interface StartOptions {
  transport?: Transport;
  /** Workspace folders as file system paths. */
  folders?: string[];
  /** Workspace folders as URIs, after `folders` (any scheme: vscode-vfs://, memfs:/...). */
  folderUris?: string[];
  /** The `icewarp` settings section the client answers with (per scopeUri if a function). */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
  /** initializationOptions.validationDelay: 0 (the default here) publishes right after each change; 'server-default' keeps the server's debounce. */
  validationDelay?: number | 'server-default';
  /** Node options for a spawned server, e.g. ['--cpu-prof', '--cpu-prof-dir=...'] to profile it. */
  execArgv?: string[];
  /** In process: the core reads files through this instead of the disk (as a browser host would). */
  files?: FileAccess;
  /** In process: the Node host (the disk, the client for other schemes) or the browser host (every file through the client). */
  host?: 'node' | 'browser';
  /** What this client answers the server's file requests (icewarp/findNodeFiles...) from; the disk by default. */
  clientFiles?: FileAccess;
  /** How long waitFor waits before it fails (a hung test ends; a bench on 1,000 files needs longer). */
  waitTimeoutMs?: number;
  /** The client's capabilities; VS Code's that the server uses unless given (PLAIN_CAPABILITIES: none of them). */
  capabilities?: ClientCapabilities;
  /** False sends `rootUri` only, as clients without workspace folders do. */
  sendWorkspaceFolders?: boolean;
  /** With sendWorkspaceFolders false, false sends only the deprecated `rootPath` (the first folder's path), as old clients do. */
  sendRootUri?: boolean;
  /** More initializationOptions, e.g. `{ icewarp: {...} }` (validationDelay is set by its own option). */
  initializationOptions?: Record<string, unknown>;
  /**
   * Says `vscodeExtension: true` at initialize, as the extension's own client does (IceWarp's
   * notifications, no watchers asked for); by default when the capabilities are VS Code's, i.e. not given.
   */
  vscodeExtension?: boolean;
  /** False: workspace/configuration requests are never answered (a hung client). */
  answerConfiguration?: boolean;
  /** The client's display language, sent as initialize's `locale` (VS Code sends its own, e.g. `cs`); none by default. */
  locale?: string;
  /** In process: the core's clock (a test fires its timeouts). */
  timers?: Timers;
  /** Spawned: another server script than dist/server.js (the bench's floor server, run with execArgv). */
  serverPath?: string;
  /**
   * The server's locale variables (LC_ALL, LC_MESSAGES, LANG), which it reads when the client
   * sends no `locale`; none by default, whatever the machine running the tests has.
   */
  environment?: Record<string, string>;
}

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'];

/** The environment of a spawned server: this process's, without its locale, plus the test's own. */
function serverEnvironment(options: StartOptions): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LOCALE_VARIABLES) delete environment[name];
  return { ...environment, ...options.environment };
}

/**
 * What VS Code tells the server that the server uses: settings pulled, folders, registration, file
 * watchers, inlay hint refresh, nested symbols, code links, Markdown hovers.
 */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceFolders: true,
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
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
  /** Called on every publishDiagnostics as it arrives (a test samples memory there). */
  readonly publishListeners: ((params: PublishDiagnosticsParams) => void)[] = [];
  readonly logMessages: string[] = [];
  /** Every window/showMessage (a notification the user sees), in order. */
  readonly shownMessages: { type: number; message: string }[] = [];
  /** The method of every request the server sent, in order. */
  readonly serverRequests: string[] = [];
  /** Every capability the server registered (client/registerCapability), in order. */
  readonly registrations: Registration[] = [];
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
    /** The worker thread running the browser bundle. */
    private readonly worker: Worker | undefined,
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
      for (const listener of this.publishListeners) listener(params);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logMessages.push(params.message);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
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
    connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.serverRequests.push('client/registerCapability');
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => {
      this.serverRequests.push('window/workDoneProgress/create');
      return null;
    });
    // Loaded on first use, like the server's sources: the disk answers unless the test brings files.
    const clientFiles = () => options.clientFiles ?? (require('../server/src/host/diskNodeFiles') as typeof import('../server/src/host/diskNodeFiles')).nodeFileAccess;
    connection.onRequest(findNodeFilesRequest, (params) => clientFiles().findNodeFiles(params.folderUris));
    connection.onRequest(readNodeFileRequest, (params) => clientFiles().readNodeFile(params.uri, params.maxSize));
    connection.onRequest(statFileRequest, async (params) => (await clientFiles().stat(params.uri)) ?? null);
    // Any other request: recorded, and answered as a client without it would.
    connection.onRequest((method) => {
      this.serverRequests.push(method);
      this.wake();
      return new ResponseError(-32601, `Unhandled method ${method}`);
    });
    const onExit = () => {
      this.exited = true;
      this.wake();
    };
    process?.on('exit', onExit);
    worker?.on('exit', onExit);
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const transport = options.transport ?? defaultTransport(options);
    const startedAt = performance.now();
    const client =
      transport === 'in-process' ? TestClient.inProcess(options, startedAt) : transport === 'worker' ? TestClient.inWorker(options, startedAt) : TestClient.spawned(transport, options, startedAt);
    const folders = [...(options.folders ?? []).map(fileUri), ...(options.folderUris ?? [])].map((uri) => ({ uri, name: path.posix.basename(URI.parse(uri).path) }));
    const validationDelay = options.validationDelay ?? 0;
    client.initializeResult = await client.connection.sendRequest('initialize', {
      // In process, no parent to watch: the server would poll this process's pid forever.
      processId: transport === 'stdio' || transport === 'ipc' ? process.pid : null,
      rootUri: options.sendRootUri === false ? null : (folders[0]?.uri ?? null),
      ...(options.sendRootUri === false ? { rootPath: options.folders?.[0] ?? null } : {}),
      ...(options.sendWorkspaceFolders === false ? {} : { workspaceFolders: folders.length > 0 ? folders : null }),
      capabilities: options.capabilities ?? VSCODE_CAPABILITIES,
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      initializationOptions: {
        ...((options.vscodeExtension ?? options.capabilities === undefined) ? { vscodeExtension: true } : {}),
        ...options.initializationOptions,
        ...(validationDelay === 'server-default' ? {} : { validationDelay }),
      },
    });
    client.initializedAt = performance.now();
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** The core over two in-memory pipes, started as the Node host starts it. */
  private static inProcess(options: StartOptions, startedAt: number): TestClient {
    // Loaded on first use: a test file that only spawns the bundle does not compile the server.
    const { ProposedFeatures, createConnection } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
    const { createServer } = require('../server/src/core/createServer') as typeof import('../server/src/core/createServer');
    const { createNodeServer } = require('../server/src/nodeHost') as typeof import('../server/src/nodeHost');
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server =
      options.files || options.timers
        ? createServer(serverConnection, options.files ?? (require('../server/src/host/diskNodeFiles') as typeof import('../server/src/host/diskNodeFiles')).nodeFileAccess, {
            timers: options.timers,
          })
        : options.host === 'browser'
          ? (require('../server/src/browserHost') as typeof import('../server/src/browserHost')).createBrowserServer(serverConnection)
        : createNodeServer(serverConnection, options.environment ?? {});
    serverConnection.listen();
    const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    return new TestClient(connection, toClient, undefined, server, undefined, startedAt, options);
  }

  /**
   * dist/browser/server.js in a worker thread given only what a browser's dedicated worker has:
   * postMessage / onmessage to its creator (over a MessagePort), and no Node globals in its
   * scope (process, Buffer, require, setImmediate are undefined there).
   */
  private static inWorker(options: StartOptions, startedAt: number): TestClient {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { bundle: BROWSER_SERVER_PATH, port: port2 }, transferList: [port2], execArgv: options.execArgv });
    const connection = createMessageConnection(new PortMessageReader(port1), new PortMessageWriter(port1));
    return new TestClient(connection, new PassThrough(), undefined, undefined, worker, startedAt, options);
  }

  private static spawned(transport: 'stdio' | 'ipc', options: StartOptions, startedAt: number): TestClient {
    const execArgv = options.execArgv ?? [];
    const serverPath = options.serverPath ?? SERVER_PATH;
    if (transport === 'stdio') {
      const child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: serverEnvironment(options) });
      child.stderr?.resume();
      const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      return new TestClient(connection, child.stdout!, child, undefined, undefined, startedAt, options);
    }
    // As vscode-languageclient starts it with TransportKind.ipc.
    const child = fork(serverPath, ['--node-ipc'], { execArgv, stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env: serverEnvironment(options) });
    child.stderr?.resume();
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    return new TestClient(connection, child.stdout!, child, undefined, undefined, startedAt, options);
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

  /**
   * Resolves once the server has nothing left to publish unasked (no file marked, no validation
   * under way, no result held for a pause), asking icewarp/serverStatus until it says so.
   */
  /** Milliseconds from `initialized` to the last of the first publishes of `files` different files (an index and its diagnostics). */
  async timeToDiagnosticsOfAll(files: number): Promise<number> {
    const published = new Set<string>();
    let seen = 0;
    await this.waitFor(() => {
      for (; seen < this.publishes.length; seen++) published.add(this.publishes[seen].uri);
      return published.size >= files;
    }, `diagnostics for all ${files} files`);
    return Math.max(...this.publishes.map((publish) => publish.at)) - this.initializedAt;
  }

  async idle(): Promise<ServerStatus> {
    for (;;) {
      const status = await this.status();
      if (status.pendingValidations === 0) return status;
    }
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
    if (this.worker) {
      // A browser server ignores `exit` (a page, not the server, ends a worker): end it here.
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      this.connection.dispose();
      await this.worker.terminate();
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

/** The worker's start: a dedicated worker's global scope around the port, then the bundle with Node's names hidden. */
const WORKER_BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const port = workerData.port;
Object.assign(globalThis, {
  postMessage: (message) => port.postMessage(message),
  addEventListener: (type, listener) => port.addEventListener(type, listener),
  removeEventListener: (type, listener) => port.removeEventListener(type, listener),
});
Object.defineProperty(globalThis, 'onmessage', { get: () => port.onmessage, set: (handler) => { port.onmessage = handler; } });
const hidden = ['process', 'Buffer', 'require', 'module', 'exports', 'setImmediate', 'clearImmediate', 'global', '__filename', '__dirname'];
new Function(...hidden, readFileSync(workerData.bundle, 'utf8'))();
`;

/** Messages from a worker_threads MessagePort (vscode-jsonrpc's own reader for ports is browser-only). */
class PortMessageReader extends AbstractMessageReader {
  constructor(private readonly port: MessagePort) {
    super();
  }
  listen(callback: DataCallback): Disposable {
    const listener = (message: Message) => callback(message);
    this.port.on('message', listener);
    return { dispose: () => this.port.off('message', listener) };
  }
}

class PortMessageWriter extends AbstractMessageWriter {
  constructor(private readonly port: MessagePort) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.port.postMessage(message);
  }
  end(): void {
    this.port.close();
  }
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function codes(diagnostics: readonly Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).map((diagnostic) => String(diagnostic.code)).sort();
}
