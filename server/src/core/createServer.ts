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
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { NodeFileListing } from '../../../common/fileAccess';
import { DEFAULT_SETTINGS, EXPLAIN_BASE_URI_OPTION, isRecord } from '../../../common/protocol';
import { FEATURES } from '../features';
import { setMessageLocale } from '../service/l10n';
import type { ProcessStatus, ServerContext } from '../features/feature';
import { type FileAccess, isNodeFileUri } from '../host/files';
import { installMessagePipeline } from './messagePipeline';
import { type LineSource, type PositionEncoding, documentLines, negotiatePositionEncoding, nodeFileLines } from './positionEncoding';
import { registerFileKinds } from './fileKinds';
import { DiagnosticsPublisher } from './publisher';
import { SettingsStore } from './settings';
import { CONFIGURATION_TIMEOUT_MS, PulledSettings, sectionOfInitializationOptions, sectionOfPushedSettings } from './settingsSources';
import { type Timers, runtimeTimers } from './timers';
import { ValidationScheduler } from './validationScheduler';
import { UriSpelling, normalizeUri } from './uriSpelling';
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

const UNKNOWN_PROCESS: ProcessStatus = { pid: 0, rssBytes: 0, heapUsedBytes: 0 };

/**
 * Registers every handler on `connection` (documents, settings, the workspace index,
 * diagnostics, the features). The host calls `connection.listen()` afterwards.
 */
export function createServer(connection: Connection, files: FileAccess, options: ServerOptions = {}): Server {
  const timers = options.timers ?? runtimeTimers;
  const documents = new TextDocuments(TextDocument);
  let positionEncoding: PositionEncoding = 'utf-16';
  // Told of a didOpen or didChange as it arrives, before the document is updated and parsed
  // (icewarp/serverStatus measures change-to-publish from here).
  const arrivalListeners: ((uri: string) => void)[] = [];
  // Before anything registers: every handler and message below speaks UTF-16 and sees every URI
  // in one spelling, whatever the client counts in and however it spells them.
  installMessagePipeline(connection, {
    encodingOf: () => positionEncoding,
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
  });
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
  // initializationOptions.validationDelay (the tests, the bench) overrides icewarp.validation.delay.
  let validationDelayOverride: number | undefined;
  const publisher = new DiagnosticsPublisher(connection, documents, index, settingsFor, timers, () => validationDelayOverride);
  const scheduler = new ValidationScheduler((uri, typed) => void publisher.publish(uri, typed), timers);

  let clientCapabilities: ClientCapabilities = {};
  let canRegisterConfigurationChange = false;
  let canWatchWorkspaceFolders = false;

  /**
   * Applies a change to one file and schedules every node whose diagnostics it can change (the
   * file and its peers) for the next round; `typed`: a keystroke, whose new problems may wait.
   */
  function updateNode(uri: string, change: () => Promise<void> | void, typed = false): Promise<void> {
    return scheduler.holding(async () => {
      for (const affected of await index.update(uri, change)) scheduler.schedule(affected, typed);
    });
  }

  function scheduleAll(): void {
    for (const node of index.workspace.all()) scheduler.schedule(node.uri);
    // Untitled drafts are not nodes of the workspace, but settings apply to them too.
    for (const document of documents.all()) scheduler.schedule(document.uri);
    for (const uri of index.oversizedUris()) scheduler.schedule(uri);
  }

  function indexWorkspace(): Promise<void> {
    return scheduler.holding(async () => {
      const listing = await index.discover();
      if (listing.truncated) reportTruncatedSearch(listing.truncated);
      scheduleAll();
    });
  }

  let truncationReported = false;
  /** Once per session: a node past the search's limit is silently missing otherwise. */
  function reportTruncatedSearch(truncated: NonNullable<NodeFileListing['truncated']>): void {
    if (truncationReported) return;
    truncationReported = true;
    const message =
      `Stopped looking for path.cfg and path.dat after ${truncated.limit.toLocaleString('en-US')} ${truncated.unit} of the workspace: ` +
      'node files past them are not checked. Open the folder that holds the node files (or add it as a workspace folder) to check them all.';
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** Unopened files that stop being nodes (their folder left the workspace): their peers are revalidated, their diagnostics cleared. */
  function forgetFiles(uris: readonly string[]): Promise<void> {
    return scheduler.holding(async () => {
      for (const uri of uris) {
        await updateNode(uri, () => index.forget(uri));
        publisher.clear(uri);
      }
    });
  }

  /** Files deleted on disk: their peers are revalidated; a closed one loses its diagnostics, an open one stays a draft. */
  async function filesDeleted(uris: readonly string[]): Promise<void> {
    for (const uri of uris) {
      const document = documents.get(uri);
      await updateNode(uri, () => index.fileDeleted(uri, document));
      if (!document) publisher.clear(uri);
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
      validationDelayOverride = initializationOptions.validationDelay;
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
        void forgetFiles(index.filesOutsideFolders()).then(indexWorkspace);
      });
    }
    await indexWorkspace();
  });

  // Every file may read differently now; features that show settings refresh after this.
  settings.onDidChange(() => {
    // icewarp.maxFileSize may now admit an open document, or turn one away.
    for (const document of documents.all()) void measureAgain(document);
    scheduleAll();
  });
  connection.onDidChangeConfiguration((params) => {
    const push = sectionOfPushedSettings(params.settings);
    if (push.pushed) settings.setPushed(push.section);
    settings.changed();
  });

  // TextDocuments reports an open as a content change too; an open shows everything at once,
  // only typing may hold a new problem back.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    const typed = !justOpened.delete(uri);
    // At once, so a request after the change sees it; against the limit known now, and once
    // more when a folder's first settings come.
    const known = settings.knownSettingsFor(uri);
    void updateNode(uri, () => index.setOpenDocument(event.document, (known ?? DEFAULT_SETTINGS).maxFileSize), typed);
    if (!known) void measureAgain(event.document, DEFAULT_SETTINGS.maxFileSize);
  });
  /** Measures an open document against its folder's icewarp.maxFileSize once its settings are answered. */
  async function measureAgain(document: TextDocument, measuredWith?: number): Promise<void> {
    const { maxFileSize } = await settingsFor(document.uri);
    if (maxFileSize === measuredWith || documents.get(document.uri) !== document) return;
    await updateNode(document.uri, () => index.setOpenDocument(document, maxFileSize));
  }
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    void updateNode(uri, () => index.closeDocument(uri)).then(() => {
      if (!index.has(uri)) publisher.clear(uri);
    });
  });

  registerFileKinds(connection, documents, index, updateNode);

  connection.onDidChangeWatchedFiles((params) =>
    // One hold for the batch: files created or deleted together are validated in one round.
    scheduler.holding(async () => {
      // The client's two watchers (node files, and deletions of anything) may both report one file.
      const changes = new Map(params.changes.map((change) => [`${change.type} ${change.uri}`, change]));
      // A folder deleted arrives as one event for the folder (VS Code reports no event for what was
      // inside): every node file under it goes with it.
      const deletedFolders = [...changes.values()].filter((change) => change.type === FileChangeType.Deleted && !isNodeFileUri(change.uri));
      if (deletedFolders.length > 0) await filesDeleted(index.filesUnder(deletedFolders.map((change) => change.uri)));
      for (const change of changes.values()) {
        if (!isNodeFileUri(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) {
          await filesDeleted([change.uri]);
          continue;
        }
        const document = documents.get(change.uri);
        if (!document) await updateNode(change.uri, () => index.loadFromDisk(change.uri));
        // Back on disk (saved again, restored): the open document is a node of the workspace again.
        else if (index.fileRestored(change.uri)) await updateNode(change.uri, () => index.setOpenDocument(document, settings.knownSettingsFor(change.uri)?.maxFileSize));
      }
    }),
  );

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
    files,
    processStatus: options.processStatus ?? (() => UNKNOWN_PROCESS),
    clientCapabilities: () => clientCapabilities,
    canExplainCodes: () => publisher.explainBaseUri !== undefined,
    timers,
  };
  for (const feature of FEATURES) feature.register(context);

  documents.listen(connection);
  return {
    dispose: () => {
      scheduler.dispose();
      publisher.dispose();
    },
  };
}
