// The workspace index: every node file under the workspace folders, open or not. Files nobody
// opened are found and read through the host's FileAccess; an open document's text always wins
// over the file's; files of a folder that left the workspace, or deleted, are forgotten, and a
// read that ends after that is dropped (no ghost nodes).
import { MAX_READABLE_FILE_SIZE, SKIPPED_FOLDERS } from '../../../common/fileRequests';
import { DEFAULT_MAX_FILE_SIZE } from '../../../common/protocol';
import { utf8ByteLength } from '../../../common/utf8';
import { Workspace, parseNodeFile } from '../service';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FileAccess, type NodeFileListing, isNodeFileUri } from '../host/files';
import { FileKinds } from './fileKinds';
import { normalizeUri } from './uriSpelling';

/** How many files the index reads at once when it discovers the workspace. */
const DISCOVERY_READS_IN_FLIGHT = 32;

export class WorkspaceIndex {
  /** Every node file known: open documents and files on disk. */
  readonly workspace = new Workspace();
  /** Files too large to index, with their size: they get one diagnostic and nothing else. */
  private readonly oversized = new Map<string, number>();
  /** The icewarp.maxFileSize each open document was last measured with. */
  private readonly openLimits = new Map<string, number>();
  /** Other programs' files of the same names: judged as they enter, kept out (./fileKinds.ts). */
  readonly fileKinds = new FileKinds();
  private folders: string[] = [];
  /** Bumped each time a file is read or forgotten: a read applies only if nothing happened to its file meanwhile. */
  private readonly generations = new Map<string, number>();
  /** Open documents whose file was deleted on disk: the editor still shows them, but they are no node of the workspace until the file is back. */
  private readonly deletedOnDisk = new Set<string>();
  private walks = 0;

  /**
   * @param isOpen whether the editor has the document open (then its text is the node).
   * @param maxFileSizeFor the size limit that applies to a file (a per-folder setting).
   */
  constructor(
    private readonly files: FileAccess,
    private readonly isOpen: (uri: string) => boolean,
    private readonly maxFileSizeFor: (uri: string) => Promise<number>,
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = [...uris];
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed);
    this.folders = this.folders.filter((uri) => !gone.has(uri)).concat(added);
  }

  isInFolders(uri: string): boolean {
    return this.folderOf(uri) !== undefined;
  }

  /** The innermost workspace folder holding `uri`, if any. */
  folderOf(uri: string): string | undefined {
    let innermost: string | undefined;
    for (const folder of this.folders) {
      if (uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`) && (!innermost || folder.length > innermost.length)) innermost = folder;
    }
    return innermost;
  }

  /** The size of a file too large to index, if it is one. */
  oversizedBytes(uri: string): number | undefined {
    return this.oversized.get(uri);
  }

  oversizedUris(): IterableIterator<string> {
    return this.oversized.keys();
  }

  /** Whether the index has anything to say about `uri` (a node, or a file too large). */
  has(uri: string): boolean {
    return this.workspace.has(uri) || this.oversized.has(uri);
  }

  /** The workspace folders, as URIs. */
  folderUris(): readonly string[] {
    return this.folders;
  }

  /** The files the index read from disk and nobody has open (nodes and files too large): what changes on disk unseen. */
  unopenedFiles(): string[] {
    return [...this.workspace.all().map((node) => node.uri), ...this.oversized.keys()].filter((uri) => !this.isOpen(uri));
  }

  /** Finds every node file under the folders and reads those that are not open. */
  async discover(): Promise<NodeFileListing> {
    const found = await this.files.findNodeFiles(this.folders);
    // A client's search answers in its own spelling; the index keys by the server's.
    const listing = { ...found, uris: found.uris.map(normalizeUri) };
    const unopened = listing.uris.filter((uri) => !this.isOpen(uri));
    // A few reads at a time rather than all at once: 10,000 reads in flight held every buffer
    // and promise together, and the heap the server grew for them stayed as its RSS.
    let next = 0;
    const reader = async () => {
      while (next < unopened.length) await this.loadFromDisk(unopened[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(DISCOVERY_READS_IN_FLIGHT, unopened.length) }, reader));
    return listing;
  }

  /** Folders walked since the first discovery: created folders, rescans (icewarp/serverStatus). */
  get folderWalks(): number {
    return this.walks;
  }

  /**
   * Refresh: the folders walked again, every unopened node file found read again, and the
   * unopened files of the index that the walk no longer finds (deleted or moved with no event
   * heard) answered, to be forgotten. Past a truncated walk's limit nothing is forgotten.
   */
  async rescan(): Promise<{ listing: NodeFileListing; vanished: string[] }> {
    this.walks++;
    const listing = await this.discover();
    if (listing.truncated) return { listing, vanished: [] };
    const found = new Set(listing.uris);
    const indexed = [...this.workspace.all().map((node) => node.uri), ...this.oversized.keys()];
    return { listing, vanished: indexed.filter((uri) => !found.has(uri) && !this.isOpen(uri) && this.isInFolders(uri)) };
  }

  /**
   * The node files under a path created (or moved in) on disk, if it is a folder of the
   * workspace: `git pull` or a fetch of a new host's tree makes a folder, and a watcher that
   * hears of the folder may miss the files made inside it before it watched. The same walk as
   * discovery (its folder limit, its skipped folders). Undefined for anything else; a path
   * inside a skipped folder (`node_modules`, `.git`...) is not even looked at, so an `npm
   * install` costs nothing here.
   */
  async nodeFilesInCreatedFolder(uri: string): Promise<string[] | undefined> {
    const folder = this.folderOf(uri);
    if (folder === undefined || uri === folder || isInSkippedFolder(uri.slice(folder.length))) return undefined;
    if ((await this.files.stat(uri))?.type !== 'directory') return undefined;
    this.walks++;
    const listing = await this.files.findNodeFiles([uri]);
    return listing.uris.map(normalizeUri).filter((file) => this.isInFolders(file));
  }

  /** Unopened files the index holds outside the folders (after a folder left the workspace). */
  filesOutsideFolders(): string[] {
    return [...this.workspace.all().map((node) => node.uri), ...this.oversized.keys()].filter((uri) => !this.isOpen(uri) && !this.isInFolders(uri));
  }

  /**
   * Files the index holds under any of `folderUris` (folders deleted on disk): one pass
   * over the index however many deletions a batch reports (a branch switch deletes thousands).
   */
  filesUnder(folderUris: readonly string[]): string[] {
    const folders = new Set(folderUris.map((uri) => (uri.endsWith('/') ? uri.slice(0, -1) : uri)));
    const isUnderOne = (uri: string): boolean => {
      for (let slash = uri.lastIndexOf('/'); slash > 0; slash = uri.lastIndexOf('/', slash - 1)) {
        if (folders.has(uri.slice(0, slash))) return true;
      }
      return false;
    };
    return [...this.workspace.all().map((node) => node.uri), ...this.oversized.keys()].filter(isUnderOne);
  }

  /**
   * A file deleted on disk: forgotten, or, while the editor still has it open, only looked at
   * like an untitled draft (its peers stop seeing it; the view forgets it) until it is back.
   */
  fileDeleted(uri: string, openDocument: TextDocument | undefined): void {
    if (!openDocument) return this.forget(uri);
    this.nextGeneration(uri);
    this.deletedOnDisk.add(uri);
    this.setOpenDocument(openDocument);
  }

  /** The file of an open document is on disk again (saved, restored): whether it had been deleted. */
  fileRestored(uri: string): boolean {
    return this.deletedOnDisk.delete(uri);
  }

  forget(uri: string): void {
    this.nextGeneration(uri);
    this.workspace.delete(uri);
    this.oversized.delete(uri);
    this.fileKinds.forget(uri);
  }

  async loadFromDisk(uri: string): Promise<void> {
    const generation = this.nextGeneration(uri);
    // Never more than can be read: a larger limit would make a huge file silently nothing.
    const maxSize = Math.min(await this.maxFileSizeFor(uri), MAX_READABLE_FILE_SIZE);
    const read = await this.files.readNodeFile(uri, maxSize);
    // Opened while the file was read (the index runs as the editor sends didOpen, e.g. after a
    // restart): the editor's text wins, its unsaved edits included.
    if (this.isOpen(uri)) return;
    // Deleted, read again or its folder removed from the workspace while it was read: this read
    // is stale, and a node made of it would be a ghost nobody clears.
    if (generation !== this.generations.get(uri) || !this.isInFolders(uri)) return;
    if (read.kind === 'text') {
      this.oversized.delete(uri);
      if (this.fileKinds.admits(uri, read.text)) this.workspace.set(parseNodeFile(uri, read.text));
      else this.workspace.delete(uri);
    } else if (read.kind === 'too-large') {
      this.workspace.delete(uri);
      this.oversized.set(uri, read.size);
    } else {
      this.forget(uri);
    }
  }

  /**
   * The editor's text of an open document becomes its node; above icewarp.maxFileSize it is not
   * parsed and stays out of the workspace, as a file on disk that large does: every feature
   * answers nothing for it and it gets one file-too-large diagnostic. Without `maxSize`, the
   * limit it was last measured with.
   */
  setOpenDocument(document: TextDocument, maxSize = this.openLimits.get(document.uri) ?? DEFAULT_MAX_FILE_SIZE): void {
    this.openLimits.set(document.uri, maxSize);
    const text = document.getText();
    const size = utf8ByteLength(text);
    if (size > maxSize) {
      this.workspace.delete(document.uri);
      this.oversized.set(document.uri, size);
      return;
    }
    this.oversized.delete(document.uri);
    if (!this.fileKinds.admits(document.uri, text)) {
      this.workspace.delete(document.uri);
      return;
    }
    const node = parseNodeFile(document.uri, text);
    // Saved files are nodes of the workspace; an untitled draft only looks at them.
    if (this.isSavedFile(document.uri) && !this.deletedOnDisk.has(document.uri)) this.workspace.set(node);
    else this.workspace.setGuest(node);
  }

  /** A closed node file of the workspace falls back to its saved text; anything else is forgotten. */
  async closeDocument(uri: string): Promise<void> {
    this.deletedOnDisk.delete(uri);
    this.openLimits.delete(uri);
    if (isNodeFileUri(uri) && this.isInFolders(uri)) await this.loadFromDisk(uri);
    else this.forget(uri);
  }

  private nextGeneration(uri: string): number {
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    return generation;
  }

  /** On the disk, or on the file system of a workspace folder (github.dev's, a remote's in the browser). */
  private isSavedFile(uri: string): boolean {
    return uri.startsWith('file:') || this.isInFolders(uri);
  }

  /**
   * Applies a change to one file and answers every node whose diagnostics it can change: those
   * that depended on the file before the change and those that do after, and those that name a
   * file the change renamed (a new `a/mx1/path.dat` makes `mx1/path.dat` ambiguous).
   */
  async update(uri: string, change: () => Promise<void> | void): Promise<Set<string>> {
    const before = this.workspace.dependents(uri);
    await change();
    const affected = new Set([...before, ...this.workspace.dependents(uri)]);
    for (const renamed of this.workspace.takeRenamed()) for (const dependent of this.workspace.dependents(renamed)) affected.add(dependent);
    return affected;
  }
}

const SKIPPED = new Set(SKIPPED_FOLDERS);

/** Whether a path (below a workspace folder) lies in or is a folder the walk skips. */
function isInSkippedFolder(relativePath: string): boolean {
  return relativePath.split('/').some((segment) => {
    if (!segment) return false;
    try {
      return SKIPPED.has(decodeURIComponent(segment));
    } catch {
      return SKIPPED.has(segment);
    }
  });
}
