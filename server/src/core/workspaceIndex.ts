// The workspace index: every node file under the workspace folders, open or not. Files nobody
// opened are found and read through the host's FileAccess; an open document's text always wins
// over the file's; files of a folder that left the workspace are forgotten.
import { DEFAULT_MAX_FILE_SIZE } from '../../../common/protocol';
import { utf8ByteLength } from '../../../common/utf8';
import { Workspace, parseNodeFile } from '../service/languageService';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FileAccess, type NodeFileListing, isNodeFileUri } from '../host/fileAccess';
import { FileKinds } from './foreignFiles';

export class WorkspaceIndex {
  /** Every node file known: open documents and files on disk. */
  readonly workspace = new Workspace();
  /** Files too large to index, with their size: they get one diagnostic and nothing else. */
  private readonly oversized = new Map<string, number>();
  /** The icewarp.maxFileSize each open document was last measured with. */
  private readonly openLimits = new Map<string, number>();
  /** Other programs' files of the same names: judged as they enter, kept out (./foreignFiles.ts). */
  readonly fileKinds = new FileKinds();
  private folders: string[] = [];

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

  /** Finds every node file under the folders and reads those that are not open. */
  async discover(): Promise<NodeFileListing> {
    const listing = await this.files.findNodeFiles(this.folders);
    await Promise.all(listing.uris.filter((uri) => !this.isOpen(uri)).map((uri) => this.loadFromDisk(uri)));
    return listing;
  }

  /** Unopened files the index holds outside the folders (after a folder left the workspace). */
  filesOutsideFolders(): string[] {
    return [...this.workspace.all().map((node) => node.uri), ...this.oversized.keys()].filter((uri) => !this.isOpen(uri) && !this.isInFolders(uri));
  }

  forget(uri: string): void {
    this.workspace.delete(uri);
    this.oversized.delete(uri);
    this.fileKinds.forget(uri);
  }

  async loadFromDisk(uri: string): Promise<void> {
    const maxSize = await this.maxFileSizeFor(uri);
    const read = await this.files.readNodeFile(uri, maxSize);
    // Opened while the file was read (the index runs as the editor sends didOpen, e.g. after a
    // restart): the editor's text wins, its unsaved edits included.
    if (this.isOpen(uri)) return;
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
    if (this.isSavedFile(document.uri)) this.workspace.set(node);
    else this.workspace.setGuest(node);
  }

  /** A closed node file of the workspace falls back to its saved text; anything else is forgotten. */
  async closeDocument(uri: string): Promise<void> {
    this.openLimits.delete(uri);
    if (isNodeFileUri(uri) && this.isInFolders(uri)) await this.loadFromDisk(uri);
    else this.forget(uri);
  }

  /** On the disk, or on the file system of a workspace folder (github.dev's, a remote's in the browser). */
  private isSavedFile(uri: string): boolean {
    return uri.startsWith('file:') || this.isInFolders(uri);
  }

  /**
   * Applies a change to one file and answers every node whose diagnostics it can change: those
   * that depended on the file before the change and those that do after.
   */
  async update(uri: string, change: () => Promise<void> | void): Promise<Set<string>> {
    const before = this.workspace.dependents(uri);
    await change();
    const after = this.workspace.dependents(uri);
    return new Set([...before, ...after]);
  }
}
