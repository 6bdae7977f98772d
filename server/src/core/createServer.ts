// The language server's core: the LSP adapter in front of the protocol-free service in
// ../service, for any host. A host gives it a connection and its way to reach files, then calls
// connection.listen(): the Node host (../server.ts) over stdio or IPC with the disk; tests in
// the same process over in-memory streams; a browser host over a worker's messages with the
// client's file system. Nothing here needs Node.
import { type Connection, TextDocuments } from 'vscode-languageserver';
import { explainHref } from '../../../common/protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FEATURES } from '../features';
import type { ProcessStatus, ServerContext } from '../features/feature';
import type { FileAccess } from '../host/files';
import { registerDocumentSync } from './documentSync';
import { registerFileKinds } from './fileKinds';
import { FileWatching } from './fileWatching';
import { ClientSession, registerInitialize } from './initialize';
import { installMessagePipeline } from './messagePipeline';
import { type LineSource, documentLines, nodeFileLines } from './positionEncoding';
import { DiagnosticsPublisher } from './publisher';
import { SettingsStore } from './settings';
import { type Timers, runtimeTimers } from './timers';
import { UriSpelling, normalizeUri } from './uriSpelling';
import { ValidationScheduler } from './validationScheduler';
import { WorkspaceIndex } from './workspaceIndex';

export interface ServerOptions {
  /** What icewarp/serverStatus says of the process; zeros when the host cannot tell. */
  processStatus?: () => ProcessStatus;
  /** The clock; the runtime's own timers unless a test brings one. */
  timers?: Timers;
  /**
   * The `file:` URL of a code's page in a language (else English), where the host ships the
   * pages (../host/codePages.ts); without it, codes link to pages only for a client that sent
   * initializationOptions.explainBaseUri.
   */
  codePageUri?: (code: string, language: string) => string | undefined;
  /**
   * The language of the process's environment (LC_ALL / LC_MESSAGES / LANG in Node), for a client
   * whose initialize sends no `locale` (eglot, ALE); none in the browser, where VS Code always sends one.
   */
  environmentLocale?: string;
}

export interface Server {
  /** Drops the validations not yet run; the host ends the connection. */
  dispose(): void;
}

const UNKNOWN_PROCESS: ProcessStatus = { pid: 0, rssBytes: 0, heapUsedBytes: 0 };

/**
 * Wires the server on `connection`: the message pipeline before anything registers, then the
 * settings, the workspace index and the diagnostics, document sync (./documentSync.ts), the file
 * kinds, the handshake (./initialize.ts) and the features. The host calls `connection.listen()`
 * afterwards.
 */
export function createServer(connection: Connection, files: FileAccess, options: ServerOptions = {}): Server {
  const timers = options.timers ?? runtimeTimers;
  const documents = new TextDocuments(TextDocument);
  const session = new ClientSession();
  // Told of a didOpen or didChange as it arrives, before the document is updated and parsed
  // (icewarp/serverStatus measures change-to-publish from here).
  const arrivalListeners: ((uri: string) => void)[] = [];
  // Before anything registers: every handler and message below speaks UTF-16 and sees every URI
  // in one spelling, whatever the client counts in and however it spells them.
  installMessagePipeline(connection, {
    encodingOf: () => session.positionEncoding,
    linesOf: (clientUri): LineSource | undefined => {
      const uri = normalizeUri(clientUri);
      const document = documents.get(uri);
      if (document) return documentLines(document);
      const node = index.workspace.get(uri);
      return node && nodeFileLines(node);
    },
    uris: new UriSpelling(),
    lineCountOf: (uri) => documents.get(uri)?.lineCount ?? index.workspace.get(uri)?.lines.length,
    onArrival: (uri) => {
      for (const listener of arrivalListeners) listener(uri);
    },
    isExtensionClient: () => session.vscodeExtension,
  });

  const isOpen = (uri: string) => documents.get(uri) !== undefined;
  // Settings apply per workspace folder; the index (made just below) knows the folders.
  const settings = new SettingsStore((message) => connection.console.warn(message), { scopeOf: (uri): string => index.folderOf(uri) ?? uri });
  const settingsFor = (uri: string) => settings.settingsFor(uri);
  const index = new WorkspaceIndex(files, isOpen, (uri) => settingsFor(uri).then((each) => each.maxFileSize));
  // A code's page: where the client opens it (VS Code's explain link), else the page on disk.
  const codeHref = (code: string): string | undefined =>
    session.explainBaseUri !== undefined ? explainHref(session.explainBaseUri, code) : options.codePageUri?.(code, session.messageLanguage);
  const publisher = new DiagnosticsPublisher(connection, documents, index, settingsFor, timers, () => session.validationDelayOverride, codeHref);
  const scheduler = new ValidationScheduler((uri, typed) => void publisher.publish(uri, typed), timers);

  // Document sync first: its listeners run before the features' (settings, closes).
  const sync = registerDocumentSync({ connection, documents, index, settings, scheduler, publisher });
  registerFileKinds(connection, documents, index, sync.updateNode);
  const watching = new FileWatching(
    connection,
    files,
    timers,
    { folders: () => index.folderUris(), unopenedFiles: () => index.unopenedFiles(), knows: (uri) => index.has(uri) || isOpen(uri) },
    (changes) => sync.filesChanged(changes),
  );
  registerInitialize(session, { connection, settings, index, sync, timers, featureCapabilities: FEATURES.map((feature) => feature.capabilities), watching, environmentLocale: options.environmentLocale });

  const context: ServerContext = {
    connection,
    documents,
    workspace: index.workspace,
    settingsFor,
    nodeFor: (uri) => index.workspace.get(uri),
    foreignFileCount: () => index.fileKinds.foreignFileCount(),
    publishedDiagnostics: (uri) => publisher.published(uri),
    onSettingsChanged: (listener) => settings.onDidChange(listener),
    onDidPublish: (listener) => publisher.onDidPublish(listener),
    onDocumentArrival: (listener) => arrivalListeners.push(listener),
    pendingValidations: () => scheduler.pending + publisher.pending,
    folderWalks: () => index.folderWalks,
    files,
    processStatus: options.processStatus ?? (() => UNKNOWN_PROCESS),
    clientCapabilities: () => session.capabilities,
    canExplainCodes: () => session.explainBaseUri !== undefined,
    codePageUri: (code) => (session.explainBaseUri === undefined ? options.codePageUri?.(code, session.messageLanguage) : undefined),
    timers,
  };
  for (const feature of FEATURES) feature.register(context);

  documents.listen(connection);
  return {
    dispose: () => {
      watching.dispose();
      scheduler.dispose();
      publisher.dispose();
    },
  };
}
