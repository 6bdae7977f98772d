// Node files changed on disk while no editor has them open: a node edited by another program (git
// pull, a deploy, IceWarp's console) changes its peers' diagnostics. Who watches depends on the
// client:
//   - the extension's own client watches with VS Code's watchers and reports every change
//     (workspace/didChangeWatchedFiles); a second watcher here would double every event;
//   - a client that allows dynamic registration (eglot, lsp-mode, YouCompleteMe, Neovim 0.10) is
//     asked to watch two string globs, which every such client takes (eglot 1.9 and ycmd take
//     no RelativePattern); if it refuses, the server watches for itself;
//   - a client without it (ALE, Neovim 0.7-0.9, vim-lsp) sends no file events at all: the server
//     watches for itself, as LSP 3.17 allows, by polling (DiskPoller below), at a cost the bench
//     measures (bench/run.ts, "the server's own watching").
// Either way a change goes through the same path as a client's events (DocumentSync.filesChanged).
import { type ClientCapabilities, type Connection, DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { FileAccess, FileStat, NodeFileListing } from '../host/files';
import type { Cancel, Timers } from './timers';
import { normalizeUri } from './uriSpelling';

/** The globs a client is asked to watch: plain strings, one per file name (not every client expands braces). */
export const WATCHED_GLOBS = ['**/path.cfg', '**/path.dat'] as const;
/** How often the server looks at the modification time of each node file it indexed and nobody has open. */
export const STAT_INTERVAL_MS = 2_000;
/** How often it walks the workspace folders for node files created since (within the walk's limits). */
export const WALK_INTERVAL_MS = 30_000;
/** How many stats are in flight at once (as many as the index's reads at discovery). */
const STATS_IN_FLIGHT = 32;

export type WatchMode = 'extension' | 'client' | 'server';

/** Who watches the disk for this client (see the top of this file). */
export function watchModeOf(capabilities: ClientCapabilities, vscodeExtension: boolean): WatchMode {
  if (vscodeExtension) return 'extension';
  return capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true ? 'client' : 'server';
}

/** What watching needs of the workspace index (./workspaceIndex.ts). */
export interface WatchedIndex {
  /** The workspace folders, as URIs. */
  folders(): readonly string[];
  /** Node files the index read from disk (nodes and files too large), open documents excluded: their editor's text wins. */
  unopenedFiles(): string[];
  /** Whether the index holds `uri` or the editor has it open. */
  knows(uri: string): boolean;
}

export class FileWatching {
  private poller: DiskPoller | undefined;
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly files: FileAccess,
    private readonly timers: Timers,
    private readonly index: WatchedIndex,
    private readonly report: (changes: FileEvent[]) => Promise<void>,
  ) {}

  /**
   * Asks the client to watch (at once), or watches (once the workspace is indexed: the files'
   * state then is where changes are counted from). Answers when watching has started.
   */
  async start(mode: WatchMode, indexed: Promise<void>): Promise<void> {
    if (mode === 'extension') return indexed;
    if (mode === 'client') {
      try {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
        return indexed;
      } catch {
        this.connection.console.info('The client did not take the file watchers the server asked for: the server watches the node files itself.');
      }
    }
    await indexed;
    if (this.disposed) return;
    this.poller = new DiskPoller(this.files, this.timers, this.index, this.report, (message) => this.connection.console.error(message));
    await this.poller.start();
  }

  /** Stops the server's own watching (the server stops). */
  dispose(): void {
    this.disposed = true;
    this.poller?.dispose();
  }
}

/** What identifies a version of a file on disk: its size and modification time. */
function fingerprint(stat: FileStat): string {
  return `${stat.size}:${stat.mtime ?? ''}`;
}

/**
 * The server's own watching: every STAT_INTERVAL_MS, a stat of each node file the index read from
 * disk (a changed size or modification time: changed; gone: deleted); every WALK_INTERVAL_MS, a
 * walk of the workspace folders for files created. A round starts only after the last one ended,
 * so a slow disk gets fewer rounds, never piled-up ones.
 */
export class DiskPoller {
  private readonly seen = new Map<string, string>();
  /** Files the walk reported as created that the index did not take (another program's path.cfg): not reported again. */
  private readonly declined = new Set<string>();
  private pending: Cancel | undefined;
  private rounds = 0;
  private stopped = false;

  constructor(
    private readonly files: FileAccess,
    private readonly timers: Timers,
    private readonly index: WatchedIndex,
    private readonly report: (changes: FileEvent[]) => Promise<void>,
    private readonly logError: (message: string) => void = () => undefined,
  ) {}

  /** Takes the files' current state as the starting point, then polls. */
  async start(): Promise<void> {
    await this.statRound();
    this.next();
  }

  dispose(): void {
    this.stopped = true;
    this.pending?.();
  }

  /** Stats every unopened indexed file; answers what changed or went away since the last round. */
  async statRound(): Promise<FileEvent[]> {
    const uris = this.index.unopenedFiles();
    const changes: FileEvent[] = [];
    let next = 0;
    const statOne = async (): Promise<void> => {
      while (next < uris.length) {
        const uri = uris[next++];
        const stat = await this.files.stat(uri);
        const before = this.seen.get(uri);
        if (!stat || stat.type !== 'file') {
          this.seen.delete(uri);
          changes.push({ uri, type: FileChangeType.Deleted });
          continue;
        }
        const now = fingerprint(stat);
        this.seen.set(uri, now);
        if (before !== undefined && before !== now) changes.push({ uri, type: FileChangeType.Changed });
      }
    };
    await Promise.all(Array.from({ length: Math.min(STATS_IN_FLIGHT, uris.length) }, statOne));
    // Files the index no longer holds (deleted, opened) start afresh if they come back.
    if (this.seen.size > uris.length) {
      const current = new Set(uris);
      for (const uri of this.seen.keys()) if (!current.has(uri)) this.seen.delete(uri);
    }
    return changes;
  }

  /** Walks the workspace folders; answers the node files that appeared since. */
  async walkRound(): Promise<FileEvent[]> {
    const listing: NodeFileListing = await this.files.findNodeFiles(this.index.folders());
    const listed = new Set(listing.uris.map(normalizeUri));
    // A declined file that is gone may come back as a node file.
    for (const uri of this.declined) if (!listed.has(uri)) this.declined.delete(uri);
    const changes: FileEvent[] = [];
    for (const uri of listed) {
      if (!this.index.knows(uri) && !this.declined.has(uri)) changes.push({ uri, type: FileChangeType.Created });
    }
    return changes;
  }

  /** Reports a round's changes; a created file the index did not take is not reported again while it stays. */
  private async reportChanges(changes: FileEvent[]): Promise<void> {
    await this.report(changes);
    for (const change of changes) if (change.type === FileChangeType.Created && !this.index.knows(change.uri)) this.declined.add(change.uri);
  }

  private next(): void {
    if (this.stopped) return;
    this.pending = this.timers.after(STAT_INTERVAL_MS, () => void this.round());
  }

  private async round(): Promise<void> {
    this.rounds++;
    try {
      const changes = await this.statRound();
      if (this.rounds % (WALK_INTERVAL_MS / STAT_INTERVAL_MS) === 0) changes.push(...(await this.walkRound()));
      if (changes.length > 0 && !this.stopped) await this.reportChanges(changes);
    } catch (error) {
      // The next round tries again.
      this.logError(`Watching the node files failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.next();
    }
  }
}
