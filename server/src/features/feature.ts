// A language feature's protocol glue. Each feature lives in its own file, declares the
// capabilities it serves and registers its handlers; the handshake (../core/initialize.ts) merges
// the capabilities into the server's, and every method it handles or sends has its row in
// ../core/lspMethods.ts.
import type { ClientCapabilities, Connection, Diagnostic, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerStatus, Settings } from '../../../common/protocol';
import type { Timers } from '../core/timers';
import type { FileAccess } from '../host/files';
import type { NodeFile, Workspace } from '../service';

/** What the host process can tell about itself (a browser worker has no pid: zeros). */
export type ProcessStatus = Pick<ServerStatus, 'pid' | 'rssBytes' | 'heapUsedBytes'>;

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** Every node file known: open documents and files on disk. */
  workspace: Workspace;
  settingsFor(uri: string): Promise<Settings>;
  /** The parsed model of an open document or indexed file (one parse per version). */
  nodeFor(uri: string): NodeFile | undefined;
  /** Files named like node files that belong to other programs: left out of the workspace (../core/fileKinds.ts). */
  foreignFileCount(): number;
  /** The diagnostics last published for a node (for problem counts and code actions). */
  publishedDiagnostics(uri: string): readonly Diagnostic[];
  /** Called after the client reports changed settings (settingsFor already answers anew). */
  onSettingsChanged(listener: () => void): void;
  /** Called when a didOpen or didChange arrives, before the document is updated and parsed. */
  onDocumentArrival(listener: (uri: string) => void): void;
  /** Validations marked, under way or held for a pause: 0 when nothing more will be published unasked. */
  pendingValidations(): number;
  /** Folders walked since the first discovery (created folders, Refresh), for icewarp/serverStatus. */
  folderWalks(): number;
  /** Called after diagnostics for `uri` were published or cleared (the cluster view refreshes on it). */
  onDidPublish(listener: (uri: string) => void): void;
  /** Files the editor has not sent (the disk in Node, the client's file system in a browser). */
  files: FileAccess;
  /** The host process's id and memory. */
  processStatus(): ProcessStatus;
  /** What the client said it supports at initialize (empty before): answer in shapes it knows, ask only what it can answer. */
  clientCapabilities(): ClientCapabilities;
  /** Whether the client opens a code's page (it sent initializationOptions.explainBaseUri). */
  canExplainCodes(): boolean;
  /** The `file:` URL of a code's page shipped with the server, for a client that cannot open the explain links; undefined where none is. */
  codePageUri(code: string): string | undefined;
  /** The server's clock: the runtime's, or the one a test brought (ServerOptions.timers). */
  timers: Timers;
}

export interface Feature {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
}
