// The language server's core: the LSP adapter in front of the protocol-free service in
// ../service, for any host. A host gives it a connection and its way to reach files, then calls
// connection.listen(): the Node host (../server.ts) over stdio or IPC with the disk; tests in
// the same process over in-memory streams; a browser host over a worker's messages with the
// client's file system. Nothing here needs Node.
import {
  type ClientCapabilities,
  type Connection,
  DidChangeConfigurationNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXPLAIN_BASE_URI_OPTION, isRecord } from '../../../common/protocol';
import { FEATURES } from '../features';
import { setMessageLocale } from '../service/l10n';
import type { ProcessStatus, ServerContext } from '../features/feature';
import { type FileAccess, isNodeFileUri } from '../host/fileAccess';
import { type LineSource, type PositionEncoding, documentLines, installPositionEncoding, negotiatePositionEncoding, nodeFileLines } from './positionEncoding';
import { DiagnosticsPublisher } from './publisher';
import { SettingsStore } from './settings';
import { CONFIGURATION_TIMEOUT_MS, PulledSettings, sectionOfInitializationOptions, sectionOfPushedSettings } from './settingsSources';
import { type Timers, runtimeTimers } from './timers';
import { ValidationScheduler } from './validationScheduler';
import { WorkspaceIndex } from './workspaceIndex';

export interface ServerOptions {
  /** What icewarp/serverStatus says of the process; zeros when the host cannot tell. */
  processStatus?: () => ProcessStatus;
  /** The clock; the runtime's own timers unless a test brings one. */
  timers?: Timers;
}

export interface Server {
  /** Drops the validations not yet run; the host ends the connection. */
  dispose(): void;
}

/** Milliseconds to wait after a keystroke before validating, unless initializationOptions say otherwise. */
const DEFAULT_VALIDATION_DELAY = 150;

const UNKNOWN_PROCESS: ProcessStatus = { pid: 0, rssBytes: 0, heapUsedBytes: 0 };

/**
 * Registers every handler on `connection` (documents, settings, the workspace index,
 * diagnostics, the features). The host calls `connection.listen()` afterwards.
 */
export function createServer(connection: Connection, files: FileAccess, options: ServerOptions = {}): Server {
  const timers = options.timers ?? runtimeTimers;
  const documents = new TextDocuments(TextDocument);
  // Before anything registers: every handler and message below speaks UTF-16, whatever the client counts in.
  let positionEncoding: PositionEncoding = 'utf-16';
  installPositionEncoding(
    connection,
    () => positionEncoding,
    (uri): LineSource | undefined => {
      const document = documents.get(uri);
      if (document) return documentLines(document);
      const node = index.workspace.get(uri);
      return node && nodeFileLines(node);
    },
  );
  const isOpen = (uri: string) => documents.get(uri) !== undefined;
  // Settings apply per workspace folder; the index (made just below) knows the folders.
  const settings = new SettingsStore((message) => connection.console.warn(message), { scopeOf: (uri): string => index.folderOf(uri) ?? uri });
  const pullEvents = {
    onUnanswered: () =>
      settings.logOnce(
        `The client has not answered workspace/configuration in ${CONFIGURATION_TIMEOUT_MS / 1000} s; using the settings from initializationOptions and workspace/didChangeConfiguration, else the defaults.`,
      ),
    onLateAnswer: () => {
      settings.logOnce('The client answered workspace/configuration after all; its settings apply from now on.');
      settings.changed();
    },
  };
  const settingsFor = (uri: string) => settings.settingsFor(uri);
  const index = new WorkspaceIndex(files, isOpen, (uri) => settingsFor(uri).then((each) => each.maxFileSize));
  const publisher = new DiagnosticsPublisher(connection, documents, index, settingsFor);
  const scheduler = new ValidationScheduler((uri) => void publisher.publish(uri), timers);

  let validationDelay = DEFAULT_VALIDATION_DELAY;
  let clientCapabilities: ClientCapabilities = {};
  let canRegisterConfigurationChange = false;
  let canWatchWorkspaceFolders = false;

  /** Applies a change to one file and schedules every node whose diagnostics it can change. */
  async function updateNode(uri: string, change: () => Promise<void> | void, delay: number): Promise<void> {
    for (const affected of await index.update(uri, change)) scheduler.schedule(affected, affected === uri ? delay : 0);
  }

  function scheduleAll(): void {
    for (const node of index.workspace.all()) scheduler.schedule(node.uri, 0);
    // Untitled drafts are not nodes of the workspace, but settings apply to them too.
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
    for (const uri of index.oversizedUris()) scheduler.schedule(uri, 0);
  }

  async function indexWorkspace(): Promise<void> {
    await index.discover();
    scheduleAll();
  }

  /** After a folder leaves the workspace, its unopened files stop being nodes and lose their diagnostics. */
  async function forgetFilesOutsideFolders(): Promise<void> {
    for (const uri of index.filesOutsideFolders()) {
      await updateNode(uri, () => index.forget(uri), 0);
      publisher.clear(uri);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    // The language of every message from now on: the client's display language where a bundle has it.
    setMessageLocale(params.locale);
    positionEncoding = negotiatePositionEncoding(params.capabilities);
    const canPullConfiguration = params.capabilities.workspace?.configuration === true;
    settings.usePulled(canPullConfiguration ? new PulledSettings(connection, timers, pullEvents) : undefined);
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    const folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    index.setFolders(folders.length === 0 && params.rootUri ? [params.rootUri] : folders);
    const initializationOptions: unknown = params.initializationOptions;
    settings.setInitial(sectionOfInitializationOptions(initializationOptions));
    if (isRecord(initializationOptions) && typeof initializationOptions[EXPLAIN_BASE_URI_OPTION] === 'string') publisher.explainBaseUri = initializationOptions[EXPLAIN_BASE_URI_OPTION];
    // Tests and the bench set 0: diagnostics right after each change.
    if (isRecord(initializationOptions) && typeof initializationOptions.validationDelay === 'number' && initializationOptions.validationDelay >= 0) {
      validationDelay = initializationOptions.validationDelay;
    }
    return {
      capabilities: Object.assign(
        {
          positionEncoding,
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        ...FEATURES.map((feature) => feature.capabilities),
      ),
      serverInfo: { name: 'IceWarp Cluster Config' },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'icewarp' });
    }
    // Also with no folder open yet: the user may add the first one later.
    if (canWatchWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        index.changeFolders(
          event.added.map((folder) => folder.uri),
          event.removed.map((folder) => folder.uri),
        );
        void forgetFilesOutsideFolders().then(indexWorkspace);
      });
    }
    await indexWorkspace();
  });

  // Every file may read differently now; features that show settings refresh after this.
  settings.onDidChange(scheduleAll);
  connection.onDidChangeConfiguration((params) => {
    const push = sectionOfPushedSettings(params.settings);
    if (push.pushed) settings.setPushed(push.section);
    settings.changed();
  });

  // TextDocuments reports an open as a content change too; an open is validated at once,
  // only typing waits for the debounce.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    const delay = justOpened.delete(uri) ? 0 : validationDelay;
    void updateNode(uri, () => index.setOpenDocument(event.document), delay);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    void updateNode(uri, () => index.closeDocument(uri), 0).then(() => {
      if (!index.has(uri)) publisher.clear(uri);
    });
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      if (!isNodeFileUri(change.uri) || isOpen(change.uri)) continue;
      const deleted = change.type === FileChangeType.Deleted;
      await updateNode(change.uri, () => (deleted ? index.forget(change.uri) : index.loadFromDisk(change.uri)), 0);
      if (deleted) publisher.clear(change.uri);
    }
  });

  const context: ServerContext = {
    connection,
    documents,
    workspace: index.workspace,
    settingsFor,
    nodeFor: (uri) => index.workspace.get(uri),
    publishedDiagnostics: (uri) => publisher.published(uri),
    onSettingsChanged: (listener) => settings.onDidChange(listener),
    onDidPublish: (listener) => publisher.onDidPublish(listener),
    files,
    processStatus: options.processStatus ?? (() => UNKNOWN_PROCESS),
    clientCapabilities: () => clientCapabilities,
    canExplainCodes: () => publisher.explainBaseUri !== undefined,
  };
  for (const feature of FEATURES) feature.register(context);

  documents.listen(connection);
  return { dispose: () => scheduler.dispose() };
}
