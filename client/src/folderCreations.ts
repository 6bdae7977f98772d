// Folders created (or moved in) under a workspace folder, forwarded to the server as Created
// events, which walks each one that is a folder for node files: `git pull` or a fetch of a new
// host's tree makes a folder and its path.dat at once, and the node-file watcher can miss a file
// made before the new folder was watched. The watcher sees every creation, so this stays cheap:
// what lies in node_modules, .git and the other folders the server never walks is dropped by its
// path alone (an `npm install` forwards nothing), node files are left to their own watcher, and
// paths created together are sent as their outermost folders, once per batch.
import * as vscode from 'vscode';
import { type BaseLanguageClient, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageclient';
import { SKIPPED_FOLDERS } from '../../common/fileRequests';
import { NODE_FILE_NAMES } from '../../common/protocolNames';

const SKIPPED = new Set(SKIPPED_FOLDERS);

export class FolderCreations implements vscode.Disposable {
  /** Paths sent to the server so far (the tests read it: an npm install sends none). */
  forwarded = 0;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
  private pending = new Set<string>();
  private flushing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.watcher.onDidCreate((uri) => this.created(uri));
  }

  private created(uri: vscode.Uri): void {
    if (!mayHoldNodeFiles(uri)) return;
    this.pending.add(uri.toString());
    // The watcher reports a batch synchronously: sent once it has all been heard.
    this.flushing ??= setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    this.flushing = undefined;
    const paths = outermost(this.pending);
    this.pending = new Set();
    this.forwarded += paths.length;
    const changes = paths.map((uri) => ({ uri: this.client.code2ProtocolConverter.asUri(vscode.Uri.parse(uri)), type: FileChangeType.Created }));
    // A server that is not running (yet, or any more) indexes the whole workspace when it starts.
    void this.ready.then(() => this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes })).catch(() => undefined);
  }

  dispose(): void {
    if (this.flushing) clearTimeout(this.flushing);
    this.watcher.dispose();
  }
}

/**
 * Whether a created path may be a folder with node files in it: under a workspace folder, not
 * itself a node file (its own watcher reports those), and in none of the folders the server's
 * walk skips.
 */
export function mayHoldNodeFiles(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const relative = uri.path.slice(folder.uri.path.length).split('/').filter((segment) => segment.length > 0);
  if (relative.length === 0) return false;
  if ((NODE_FILE_NAMES as readonly string[]).includes(relative[relative.length - 1].toLowerCase())) return false;
  return !relative.some((segment) => SKIPPED.has(segment));
}

/** The paths that lie inside no other path of the set (a new folder stands for what was made in it). */
export function outermost(uris: Iterable<string>): string[] {
  const kept = new Set<string>();
  for (const uri of [...new Set(uris)].sort((a, b) => a.length - b.length)) {
    let inside = false;
    for (let slash = uri.lastIndexOf('/'); slash > 0 && !inside; slash = uri.lastIndexOf('/', slash - 1)) inside = kept.has(uri.slice(0, slash));
    if (!inside) kept.add(uri);
  }
  return [...kept];
}
