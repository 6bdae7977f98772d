// Document sync: keeps the workspace index in step with the editor and the disk. Documents opened,
// typed in and closed, files created, changed and deleted on disk, folders created on disk or
// leaving the workspace, the cluster view's Refresh and new settings each change the index and
// mark every node whose diagnostics they can change for the scheduler's next round
// (./validationScheduler.ts).
import { type Connection, FileChangeType, type FileEvent, MessageType, ShowMessageNotification, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type RescanResult, rescanWorkspaceRequest } from '../../../common/protocol';
import { type NodeFileListing, type UnlistedFolder, isNodeFileUri } from '../host/files';
import { formatCount, t } from '../service';
import type { DiagnosticsPublisher } from './publisher';
import type { SettingsStore } from './settings';
import type { ValidationScheduler } from './validationScheduler';
import type { WorkspaceIndex } from './workspaceIndex';

export interface SyncParts {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  index: WorkspaceIndex;
  settings: SettingsStore;
  scheduler: ValidationScheduler;
  publisher: DiagnosticsPublisher;
}

/** What the rest of the server asks of document sync. */
export interface DocumentSync {
  /**
   * Applies a change to one file and schedules every node whose diagnostics it can change (the
   * file and its peers) for the next round; `typed`: a keystroke, whose new problems may wait.
   */
  updateNode(uri: string, change: () => Promise<void> | void, typed?: boolean): Promise<void>;
  /** Finds and reads the node files under the workspace folders, then validates everything. */
  indexWorkspace(): Promise<void>;
  /** Workspace folders added and removed: files outside them are forgotten, and the workspace indexed again. */
  changeFolders(added: readonly string[], removed: readonly string[]): void;
  /** Refresh: the folders walked again; new node files indexed, vanished ones forgotten. */
  rescan(): Promise<RescanResult>;
  /** Files created, changed or deleted on disk: the index follows, and every node they affect is validated again. */
  filesChanged(changes: readonly FileEvent[]): Promise<void>;
}

/** Folders not searched that the log names one by one; the warning names fewer. */
const MAX_UNLISTED_LOGGED = 100;
const MAX_UNLISTED_NAMED = 3;

/** Registers the document, file and settings events; answers what initialize and the file kinds need of it. */
export function registerDocumentSync({ connection, documents, index, settings, scheduler, publisher }: SyncParts): DocumentSync {
  const settingsFor = (uri: string) => settings.settingsFor(uri);

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
      if (listing.unlisted) reportUnlisted(listing.unlisted);
      scheduleAll();
      // Every node is validated anyway: what the files read renamed needs no round of its own.
      index.workspace.takeRenamed();
    });
  }

  function rescan(): Promise<RescanResult> {
    return scheduler.holding(async () => {
      const { listing, vanished } = await index.rescan();
      if (listing.truncated) reportTruncatedSearch(listing.truncated);
      await filesDeleted(vanished);
      scheduleAll();
      index.workspace.takeRenamed();
      return { nodeFiles: listing.uris.length };
    });
  }

  /**
   * Paths created on disk that are no node files: each one that turns out to be a folder under a
   * workspace folder is walked, and the node files in it are indexed (the client may send any
   * created path; what lies in node_modules and the like is never looked at). A path inside
   * another created one of the same batch is covered by that one's walk.
   */
  async function pathsCreated(uris: readonly string[]): Promise<void> {
    // Shortest first, so a folder comes before anything inside it.
    const outermost = new Set<string>();
    for (const uri of [...new Set(uris)].sort((a, b) => a.length - b.length)) if (!hasAncestorIn(uri, outermost)) outermost.add(uri);
    for (const uri of outermost) {
      for (const file of (await index.nodeFilesInCreatedFolder(uri)) ?? []) {
        if (!documents.get(file)) await updateNode(file, () => index.loadFromDisk(file));
      }
    }
  }

  let truncationReported = false;
  /** Once per session: a node past the search's limit is silently missing otherwise. */
  function reportTruncatedSearch(truncated: NonNullable<NodeFileListing['truncated']>): void {
    if (truncationReported) return;
    truncationReported = true;
    const limit = truncated.limit.toLocaleString('en-US');
    // The log stays English; the notification speaks the user's language.
    connection.console.warn(
      `Stopped looking for path.cfg and path.dat after ${limit} ${truncated.unit} of the workspace: ` +
        'node files past them are not checked. Open the folder that holds the node files (or add it as a workspace folder) to check them all.',
    );
    const message =
      truncated.unit === 'folders'
        ? t('Stopped looking for path.cfg and path.dat after {0} folders of the workspace: node files past them are not checked. Open the folder that holds the node files (or add it as a workspace folder) to check them all.', formatCount(truncated.limit))
        : t('Stopped looking for path.cfg and path.dat after {0} files of the workspace: node files past them are not checked. Open the folder that holds the node files (or add it as a workspace folder) to check them all.', formatCount(truncated.limit));
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  const unlistedReported = new Set<string>();
  /**
   * Folders the search could not look into (permissions; a name that is not UTF-8, which VS Code
   * cannot open): each named in the log with why, and one warning per search that finds new ones,
   * so no node file goes unchecked without a word.
   */
  function reportUnlisted(unlisted: readonly UnlistedFolder[]): void {
    const fresh = unlisted.filter((folder) => !unlistedReported.has(folder.name));
    if (fresh.length === 0) return;
    for (const folder of fresh) unlistedReported.add(folder.name);
    for (const folder of fresh.slice(0, MAX_UNLISTED_LOGGED)) connection.console.warn(`Not searched for path.cfg and path.dat: ${folder.name} (${folder.reason}).`);
    if (fresh.length > MAX_UNLISTED_LOGGED) connection.console.warn(`... and ${fresh.length - MAX_UNLISTED_LOGGED} more folders not searched.`);
    const names = fresh.slice(0, MAX_UNLISTED_NAMED).map((folder) => folder.name).join(', ') + (fresh.length > MAX_UNLISTED_NAMED ? ', …' : '');
    const message =
      fresh.length === 1
        ? t('{0} could not be searched for path.cfg and path.dat, so the node files in it are not checked; the log says why.', names)
        : t('{0} folders could not be searched for path.cfg and path.dat, so the node files in them are not checked: {1}. The log says why.', fresh.length, names);
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

  // Every file may read differently now; features that show settings refresh after this.
  settings.onDidChange(() => {
    // icewarp.maxFileSize may now admit an open document, or turn one away.
    for (const document of documents.all()) void measureAgain(document);
    scheduleAll();
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

  /** Files created, changed or deleted on disk, as the client's watchers or the server's own (./fileWatching.ts) report them. */
  function filesChanged(reported: readonly FileEvent[]): Promise<void> {
    // One hold for the batch: files created or deleted together are validated in one round.
    return scheduler.holding(async () => {
      // The client's two watchers (node files, and deletions of anything) may both report one file.
      const changes = new Map(reported.map((change) => [`${change.type} ${change.uri}`, change]));
      // A folder deleted arrives as one event for the folder (VS Code reports no event for what was
      // inside): every node file under it goes with it.
      const deletedFolders = [...changes.values()].filter((change) => change.type === FileChangeType.Deleted && !isNodeFileUri(change.uri));
      if (deletedFolders.length > 0) await filesDeleted(index.filesUnder(deletedFolders.map((change) => change.uri)));
      const createdPaths = [...changes.values()].filter((change) => change.type === FileChangeType.Created && !isNodeFileUri(change.uri));
      if (createdPaths.length > 0) await pathsCreated(createdPaths.map((change) => change.uri));
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
    });
  }
  connection.onDidChangeWatchedFiles((params) => filesChanged(params.changes));

  connection.onRequest(rescanWorkspaceRequest, () => rescan());

  return {
    updateNode,
    indexWorkspace,
    rescan,
    filesChanged,
    changeFolders(added, removed) {
      index.changeFolders(added, removed);
      void forgetFiles(index.filesOutsideFolders()).then(indexWorkspace);
    },
  };
}

function hasAncestorIn(uri: string, folders: ReadonlySet<string>): boolean {
  for (let slash = uri.lastIndexOf('/'); slash > 0; slash = uri.lastIndexOf('/', slash - 1)) if (folders.has(uri.slice(0, slash))) return true;
  return false;
}
