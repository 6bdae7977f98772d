// Document sync: keeps the workspace index in step with the editor and the disk. Documents opened,
// typed in and closed, files created, changed and deleted on disk, folders that leave the
// workspace and new settings each change the index and mark every node whose diagnostics they
// can change for the scheduler's next round (./validationScheduler.ts).
import { type Connection, FileChangeType, type FileEvent, MessageType, ShowMessageNotification, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NodeFileListing } from '../../../common/fileRequests';
import { DEFAULT_SETTINGS } from '../../../common/protocol';
import { isNodeFileUri } from '../host/files';
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
  /** Files created, changed or deleted on disk: the index follows, and every node they affect is validated again. */
  filesChanged(changes: readonly FileEvent[]): Promise<void>;
}

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

  return {
    updateNode,
    indexWorkspace,
    filesChanged,
    changeFolders(added, removed) {
      index.changeFolders(added, removed);
      void forgetFiles(index.filesOutsideFolders()).then(indexWorkspace);
    },
  };
}
