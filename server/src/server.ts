// The LSP adapter: connection, documents, settings and the workspace index in front of the
// protocol-free service in ./service. Started as `node dist/server.js --stdio` (or over IPC
// by the client).
import {
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, DIAGNOSTIC_SOURCE, Settings, isRecord, parseSettings } from '../../common/protocol';
import { ServiceDiagnostic, Workspace, parseNodeFile, tooLargeDiagnostics, validate } from './service/languageService';
import { NodeFile } from './service/parse';
import { findNodeFiles, isNodeFileUri, readNodeFile } from './nodeFiles';
import { FEATURES } from './features';
import { ServerContext } from './features/feature';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();

/** Files on disk that are too large to index: they get one diagnostic and nothing else. */
const oversized = new Map<string, number>();
let workspaceFolders: string[] = [];
let canPullConfiguration = false;
let canRegisterConfigurationChange = false;
let canWatchWorkspaceFolders = false;
/** Milliseconds to wait after a keystroke before validating; tests and the bench set 0. */
let validationDelay = 150;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canWatchWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
  const options: unknown = params.initializationOptions;
  if (isRecord(options) && typeof options.validationDelay === 'number' && options.validationDelay >= 0) {
    validationDelay = options.validationDelay;
  }
  return {
    capabilities: Object.assign(
      {
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
      const removed = new Set(event.removed.map((folder) => folder.uri));
      workspaceFolders = workspaceFolders.filter((uri) => !removed.has(uri)).concat(event.added.map((folder) => folder.uri));
      void forgetFilesOutsideFolders().then(indexWorkspace);
    });
  }
  await indexWorkspace();
});

// ---------------------------------------------------------------------------------------------
// Settings: read per resource, validated with zod, each problem reported once.

const settingsCache = new Map<string, Promise<Settings>>();
const reportedSettingProblems = new Set<string>();

function settingsFor(uri: string): Promise<Settings> {
  if (!canPullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = requestConfiguration(uri).then(
      (raw: unknown) => {
        const { settings: parsed, problems } = parseSettings(raw);
        for (const problem of problems) {
          const key = `${problem.setting}: ${problem.message}`;
          if (reportedSettingProblems.has(key)) continue;
          reportedSettingProblems.add(key);
          connection.console.warn(`Invalid setting ${problem.setting} (${problem.message}); using its default.`);
        }
        return parsed;
      },
      () => DEFAULT_SETTINGS,
    );
    settingsCache.set(uri, settings);
  }
  return settings;
}

interface PendingConfiguration {
  uri: string;
  resolve: (raw: unknown) => void;
  reject: (error: unknown) => void;
}
let configurationBatch: PendingConfiguration[] | undefined;

/**
 * The `icewarp` section for a resource. Requests made in the same turn go out as one
 * workspace/configuration request with an item each: indexing 1,000 files asks once, not 1,000
 * times (bench/run.ts, figure (d)).
 */
function requestConfiguration(uri: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!configurationBatch) {
      const batch: PendingConfiguration[] = [];
      configurationBatch = batch;
      setImmediate(() => {
        configurationBatch = undefined;
        connection.workspace.getConfiguration(batch.map((item) => ({ scopeUri: item.uri, section: 'icewarp' }))).then(
          (values: unknown[]) => batch.forEach((item, index) => item.resolve(values[index])),
          (error: unknown) => batch.forEach((item) => item.reject(error)),
        );
      });
    }
    configurationBatch.push({ uri, resolve, reject });
  });
}

/** Features that must act when settings change (inlay hints ask the editor to refetch). */
const settingsListeners: (() => void)[] = [];

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  scheduleAll();
  for (const listener of settingsListeners) listener();
});

// ---------------------------------------------------------------------------------------------
// The workspace index: every node file under the folders, open or not. Open documents win.

async function indexWorkspace(): Promise<void> {
  const uris = await findNodeFiles(workspaceFolders);
  await Promise.all(uris.filter((uri) => !documents.get(uri)).map((uri) => loadFromDisk(uri)));
  scheduleAll();
}

function isInWorkspaceFolders(uri: string): boolean {
  return workspaceFolders.some((folder) => uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
}

/** After a folder leaves the workspace, its unopened files stop being nodes and lose their diagnostics. */
async function forgetFilesOutsideFolders(): Promise<void> {
  const stale = [...workspace.all().map((node) => node.uri), ...oversized.keys()].filter((uri) => !documents.get(uri) && !isInWorkspaceFolders(uri));
  for (const uri of stale) {
    oversized.delete(uri);
    await updateNode(uri, () => void workspace.delete(uri), 0);
    clearDiagnostics(uri);
  }
}

async function loadFromDisk(uri: string): Promise<void> {
  const settings = await settingsFor(uri);
  const read = await readNodeFile(uri, settings.maxFileSize);
  // Opened while the disk was read (the index runs as the editor sends didOpen, e.g. after a
  // restart): the editor's text wins, its unsaved edits included.
  if (documents.get(uri)) return;
  if (read.kind === 'text') {
    oversized.delete(uri);
    workspace.set(parseNodeFile(uri, read.text));
  } else if (read.kind === 'too-large') {
    workspace.delete(uri);
    oversized.set(uri, read.size);
  } else {
    workspace.delete(uri);
    oversized.delete(uri);
  }
}

/** Applies a change to one node and schedules every node whose diagnostics it can change. */
async function updateNode(uri: string, change: () => Promise<void> | void, delay: number): Promise<void> {
  const before = workspace.dependents(uri);
  await change();
  const after = workspace.dependents(uri);
  for (const affected of new Set([...before, ...after])) schedule(affected, affected === uri ? delay : 0);
}

function setOpenDocument(document: TextDocument): void {
  const node = parseNodeFile(document.uri, document.getText());
  // Saved files are nodes of the workspace; an untitled draft only looks at them.
  if (document.uri.startsWith('file:')) workspace.set(node);
  else workspace.setGuest(node);
}

// TextDocuments reports an open as a content change too; an open is validated at once,
// only typing waits for the debounce.
const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  const delay = justOpened.delete(uri) ? 0 : validationDelay;
  void updateNode(uri, () => setOpenDocument(event.document), delay);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  void updateNode(
    uri,
    async () => {
      // A node file of the workspace falls back to its saved text; anything else is forgotten.
      if (isNodeFileUri(uri) && uri.startsWith('file:') && isInWorkspaceFolders(uri)) await loadFromDisk(uri);
      else workspace.delete(uri);
    },
    0,
  ).then(() => {
    if (!workspace.has(uri) && !oversized.has(uri)) clearDiagnostics(uri);
  });
});

connection.onDidChangeWatchedFiles(async (params) => {
  for (const change of params.changes) {
    if (!isNodeFileUri(change.uri) || documents.get(change.uri)) continue;
    await updateNode(change.uri, () => (change.type === FileChangeType.Deleted ? void workspace.delete(change.uri) : loadFromDisk(change.uri)), 0);
    if (change.type === FileChangeType.Deleted) {
      oversized.delete(change.uri);
      clearDiagnostics(change.uri);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Validation: debounced per document, published for open and unopened node files alike.

/** Cancels a scheduled validation. */
const pending = new Map<string, () => void>();

function schedule(uri: string, delay: number): void {
  pending.get(uri)?.();
  const run = () => {
    pending.delete(uri);
    void publish(uri);
  };
  // No delay means the next turn of the event loop: a 0 ms setTimeout waits at least 1 ms, a
  // fifth of the keystroke budget (bench/run.ts, figure (c)).
  if (delay <= 0) {
    const immediate = setImmediate(run);
    pending.set(uri, () => clearImmediate(immediate));
  } else {
    const timer = setTimeout(run, delay);
    pending.set(uri, () => clearTimeout(timer));
  }
}

function scheduleAll(): void {
  for (const node of workspace.all()) schedule(node.uri, 0);
  // Untitled drafts are not nodes of the workspace, but settings apply to them too.
  for (const document of documents.all()) schedule(document.uri, 0);
  for (const uri of oversized.keys()) schedule(uri, 0);
}

const lastPublished = new Map<string, Diagnostic[]>();
const publishListeners: ((uri: string) => void)[] = [];

function clearDiagnostics(uri: string): void {
  lastPublished.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  for (const listener of publishListeners) listener(uri);
}

async function publish(uri: string): Promise<void> {
  const settings = await settingsFor(uri);
  const diagnostics = settings.validate.enable ? diagnosticsFor(uri, settings) : [];
  if (diagnostics.length > 0) lastPublished.set(uri, diagnostics);
  else lastPublished.delete(uri);
  await connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
  for (const listener of publishListeners) listener(uri);
}

function diagnosticsFor(uri: string, settings: Settings): Diagnostic[] {
  const options = {
    severityOverrides: settings.diagnostics.severity,
    maxFileSize: settings.maxFileSize,
    onRuleError: (code: string, error: unknown) =>
      connection.console.error(`Rule ${code} failed: ${error instanceof Error ? error.name : 'error'} (the document text is not logged)`),
  };
  const oversizedBytes = oversized.get(uri);
  if (oversizedBytes !== undefined) {
    return tooLargeDiagnostics(oversizedBytes, settings.maxFileSize, settings.diagnostics.severity).map(toLspDiagnostic);
  }
  const node: NodeFile | undefined = workspace.get(uri);
  if (!node) return [];
  return validate(node, workspace, options).map(toLspDiagnostic);
}

const SEVERITY: Record<ServiceDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toLspDiagnostic(diagnostic: ServiceDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related ? { relatedInformation: diagnostic.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message })) } : {}),
    ...(diagnostic.tags ? { tags: diagnostic.tags.map((tag) => (tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary)) } : {}),
  };
}

const context: ServerContext = {
  connection,
  documents,
  workspace,
  settingsFor,
  nodeFor: (uri) => workspace.get(uri),
  publishedDiagnostics: (uri) => lastPublished.get(uri) ?? [],
  onSettingsChanged: (listener) => void settingsListeners.push(listener),
  onDidPublish: (listener) => void publishListeners.push(listener),
};
for (const feature of FEATURES) feature.register(context);

documents.listen(connection);
connection.listen();
