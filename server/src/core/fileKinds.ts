// Other programs' path.dat and path.cfg: the same names, other contents. Every file is judged by
// the service's classifier as it enters the index, once per content change (the classifier reads
// the first 64 lines, so this costs next to nothing); a foreign file stays out of the index, and
// so gets no diagnostics, no cross-node finding against it, no place in the cluster view and no
// answer from any feature (they all ask the index for the node). The client hears the verdict on
// an open document and tells which files the user treats as IceWarp settings files whatever
// their content.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FileKindName, type FileKindOverridesParams, fileKindNotification, fileKindOverridesNotification } from '../../../common/protocol';
import { isNodeFileUri } from '../host/files';
import { type Classification, classifyNodeFile } from '../service';

export class FileKinds {
  /** Files the user treats as IceWarp settings files (the client's remembered choices). */
  private treatedAsIceWarp = new Set<string>();
  /** The files judged foreign now, with why. */
  private readonly foreign = new Map<string, Classification>();
  private readonly listeners: ((uri: string, verdict: Classification) => void)[] = [];

  /** Judges the text of `uri`; true when it is an IceWarp file, which may enter the index. */
  admits(uri: string, text: string): boolean {
    // An untitled buffer has no name to be mistaken by: the user gave it this language.
    const chosen = this.treatedAsIceWarp.has(uri) || uri.startsWith('untitled:');
    const verdict = classifyNodeFile(text, chosen ? { override: 'icewarp' } : {});
    if (verdict.kind === 'foreign') this.foreign.set(uri, verdict);
    else this.foreign.delete(uri);
    for (const listener of this.listeners) listener(uri, verdict);
    return verdict.kind === 'icewarp';
  }

  forget(uri: string): void {
    this.foreign.delete(uri);
  }

  isForeign(uri: string): boolean {
    return this.foreign.has(uri);
  }

  /** Saved files judged foreign (an untitled buffer is no file of the workspace). */
  foreignFileCount(): number {
    let count = 0;
    for (const uri of this.foreign.keys()) if (!uri.startsWith('untitled:')) count++;
    return count;
  }

  /** Called after every verdict. */
  onDidJudge(listener: (uri: string, verdict: Classification) => void): void {
    this.listeners.push(listener);
  }

  /** Replaces the user's choices; answers the files whose choice changed (to be judged again). */
  setTreatedAsIceWarp(uris: readonly string[]): string[] {
    const next = new Set(uris);
    const changed = [...[...next].filter((uri) => !this.treatedAsIceWarp.has(uri)), ...[...this.treatedAsIceWarp].filter((uri) => !next.has(uri))];
    this.treatedAsIceWarp = next;
    return changed;
  }
}

/** What the wiring needs of the index (./workspaceIndex.ts). */
interface JudgedIndex {
  readonly fileKinds: FileKinds;
  isInFolders(uri: string): boolean;
  setOpenDocument(document: TextDocument): void;
  loadFromDisk(uri: string): Promise<void>;
}

/**
 * Tells the client the verdict on its open documents (when one is first judged foreign, and when
 * that changes), and applies the user's choices: a file whose choice changed is judged again
 * through `updateNode`, so it and every node that depends on it are validated anew.
 */
export function registerFileKinds(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  index: JudgedIndex,
  updateNode: (uri: string, change: () => Promise<void> | void) => Promise<void>,
): void {
  // What the client was last told of each open document; an untold document is IceWarp's.
  const told = new Map<string, FileKindName>();
  index.fileKinds.onDidJudge((uri, verdict) => {
    if (!documents.get(uri) || (told.get(uri) ?? 'icewarp') === verdict.kind) return;
    told.set(uri, verdict.kind);
    void connection.sendNotification(fileKindNotification, { uri, kind: verdict.kind, reasons: verdict.reasons, overridden: verdict.overridden });
  });
  documents.onDidClose((event) => told.delete(event.document.uri));

  connection.onNotification(fileKindOverridesNotification, async (params: FileKindOverridesParams | undefined) => {
    const uris = Array.isArray(params?.icewarp) ? params.icewarp.filter((uri): uri is string => typeof uri === 'string') : [];
    for (const uri of index.fileKinds.setTreatedAsIceWarp(uris)) {
      const document = documents.get(uri);
      if (document) await updateNode(uri, () => index.setOpenDocument(document));
      else if (isNodeFileUri(uri) && index.isInFolders(uri)) await updateNode(uri, () => index.loadFromDisk(uri));
    }
  });
}
