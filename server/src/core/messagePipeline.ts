// The message pipeline: every message between the client and the server's handlers passes the
// same stages, in one order, as the method's row in ./lspMethods.ts says. From the wire inward:
//
//   client -> positions -> URI spelling -> position guard -> arrival tap -> handler
//   client <- positions <-------------------------------------------- result
//   client <- positions <- URI spelling <------------------------------- sent by the server
//
//   positions (./positionEncoding.ts)  the client's units <-> UTF-16, measured on the lines of
//                                      the documents as the client names them
//   URI spelling (./uriSpelling.ts)    the server's one spelling of every URI on the way in; an
//                                      open document's own spelling on the way out
//   position guard (./positionGuard.ts) a position outside its document answers the row's empty
//                                      result, and the handler never sees it
//   arrival tap                        told of a didOpen or didChange before the document is
//                                      updated (icewarp/serverStatus measures from there)
//   audience                           a notification only the extension's own client handles
//                                      (its row says `extensionOnly`) goes to that client alone
//
// Installed once, before anything registers: it replaces, in place, the connection's
// registrations (onRequest, onNotification and its named ones, onHover...) and its sending
// methods, the one way to reach what the library's own parts (workspace.applyEdit,
// languages.inlayHint.on) do through them. A method without a row, or used in the direction or
// kind its row does not say, throws as it is registered or sent.
import { type Connection, ResponseError } from 'vscode-languageserver';
import { isRecord } from '../../../common/isRecord';
import { type Direction, type MessageKind, type MethodRow, methodRow } from './lspMethods';
import { type LinesOf, type PositionEncoding, PositionConverter } from './positionEncoding';
import { type LineCountOf, isOutside } from './positionGuard';
import type { UriSpelling } from './uriSpelling';

export interface PipelineStages {
  /** The encoding the client counts positions in (UTF-16, LSP's default, until initialize says otherwise). */
  encodingOf(): PositionEncoding;
  /** The lines positions are measured on, by the client's spelling of a document's URI. */
  linesOf: LinesOf;
  /** The URI stage; without it URIs pass as they come. */
  uris?: UriSpelling;
  /** The position guard's line counts, by the server's spelling; without it no request is guarded. */
  lineCountOf?: LineCountOf;
  /** The arrival tap, told the URI of each didOpen and didChange; without it nobody is. */
  onArrival?(uri: string): void;
  /**
   * Whether the client is the extension's own (initializationOptions.vscodeExtension): the
   * audience stage drops the notifications only it handles for any other client. Without it,
   * every notification is sent.
   */
  isExtensionClient?(): boolean;
}

/** A handler as the connection calls it: the params, then the library's extras (a cancellation token...). */
export type Handler = (params: unknown, ...rest: unknown[]) => unknown;
type MessageType = string | { method: string };

/** The connection's own registrations, which bypass its onRequest and onNotification, by the method each registers. */
export const REGISTRATION_METHODS: Readonly<Record<string, string>> = {
  onInitialize: 'initialize',
  onInitialized: 'initialized',
  onShutdown: 'shutdown',
  onExit: 'exit',
  onDidChangeConfiguration: 'workspace/didChangeConfiguration',
  onDidChangeWatchedFiles: 'workspace/didChangeWatchedFiles',
  onDidOpenTextDocument: 'textDocument/didOpen',
  onDidChangeTextDocument: 'textDocument/didChange',
  onDidCloseTextDocument: 'textDocument/didClose',
  onWillSaveTextDocument: 'textDocument/willSave',
  onWillSaveTextDocumentWaitUntil: 'textDocument/willSaveWaitUntil',
  onDidSaveTextDocument: 'textDocument/didSave',
  onHover: 'textDocument/hover',
  onCompletion: 'textDocument/completion',
  onCompletionResolve: 'completionItem/resolve',
  onSignatureHelp: 'textDocument/signatureHelp',
  onDeclaration: 'textDocument/declaration',
  onDefinition: 'textDocument/definition',
  onTypeDefinition: 'textDocument/typeDefinition',
  onImplementation: 'textDocument/implementation',
  onReferences: 'textDocument/references',
  onDocumentHighlight: 'textDocument/documentHighlight',
  onDocumentSymbol: 'textDocument/documentSymbol',
  onWorkspaceSymbol: 'workspace/symbol',
  onWorkspaceSymbolResolve: 'workspaceSymbol/resolve',
  onCodeAction: 'textDocument/codeAction',
  onCodeActionResolve: 'codeAction/resolve',
  onCodeLens: 'textDocument/codeLens',
  onCodeLensResolve: 'codeLens/resolve',
  onDocumentFormatting: 'textDocument/formatting',
  onDocumentRangeFormatting: 'textDocument/rangeFormatting',
  onDocumentOnTypeFormatting: 'textDocument/onTypeFormatting',
  onRenameRequest: 'textDocument/rename',
  onPrepareRename: 'textDocument/prepareRename',
  onDocumentLinks: 'textDocument/documentLink',
  onDocumentLinkResolve: 'documentLink/resolve',
  onDocumentColor: 'textDocument/documentColor',
  onColorPresentation: 'textDocument/colorPresentation',
  onFoldingRanges: 'textDocument/foldingRange',
  onSelectionRanges: 'textDocument/selectionRange',
  onExecuteCommand: 'workspace/executeCommand',
};

/** Puts the pipeline on `connection`, in place. Call it before anything registers. */
export function installMessagePipeline(connection: Connection, stages: PipelineStages): void {
  const { encodingOf, linesOf, uris, lineCountOf, onArrival, isExtensionClient } = stages;

  /** `handler` behind the stages, for a message from the client. */
  const incoming = (row: MethodRow, handler: Handler): Handler => {
    const { positions, outOfRange } = row;
    return (params, ...rest) => {
      const encoding = encodingOf();
      // Positions are measured on the documents as the client names them.
      const clientUri = documentUri(params);
      const converted = encoding !== 'utf-16' && positions?.params ? positions.params(new PositionConverter('toServer', encoding, linesOf), params, clientUri) : params;
      const spelled = uris ? uris.toServer(row.uris, converted) : converted;
      let result: unknown;
      if (outOfRange && lineCountOf && isOutside(spelled, outOfRange.at, lineCountOf)) {
        result = outOfRange.emptyResult();
      } else {
        // A didOpen or didChange names its document (one that names none fails here as in the documents' own handler).
        if (row.tapsArrival && onArrival) onArrival((spelled as { textDocument: { uri: string } }).textDocument.uri);
        result = handler(spelled, ...rest);
      }
      const resultShape = positions?.result;
      if (encoding === 'utf-16' || !resultShape) return result;
      const toClient = (value: unknown): unknown =>
        value === null || value === undefined || value instanceof ResponseError ? value : resultShape(new PositionConverter('toClient', encoding, linesOf), value, clientUri);
      return isThenable(result) ? Promise.resolve(result).then(toClient) : toClient(result);
    };
  };

  /** `params` of a message from the server, through the stages. */
  const outgoing = (row: MethodRow, params: unknown): unknown => {
    const spelled = uris ? uris.toClient(row.uris, params) : params;
    const encoding = encodingOf();
    const shape = row.positions?.params;
    return shape && encoding !== 'utf-16' ? shape(new PositionConverter('toClient', encoding, linesOf), spelled, '') : spelled;
  };

  // The connection's methods are plain properties of a plain object; replacing them is the one
  // way to reach the calls its own parts (workspace, languages) make through it.
  const methods = connection as unknown as Record<string, unknown>;
  const replace = (name: string, wrap: (original: (...args: unknown[]) => unknown) => (...args: never[]) => unknown): void => {
    const original = Object.getOwnPropertyDescriptor(methods, name)?.value;
    if (typeof original === 'function') methods[name] = wrap(original as (...args: unknown[]) => unknown);
  };

  for (const name of Object.keys(methods)) {
    if (!/^on[A-Z]/.test(name)) continue;
    if (name === 'onRequest' || name === 'onNotification') {
      const kind: MessageKind = name === 'onRequest' ? 'request' : 'notification';
      replace(name, (register) => (type: MessageType | Handler, handler: Handler, ...rest: unknown[]) => {
        if (typeof type === 'function') throw new Error(`A ${kind} handler for every method has no row in lspMethods.ts: register each method on its own.`);
        return register(type, incoming(rowOf(methodOf(type), 'client->server', kind), handler), ...rest);
      });
    } else if (Object.prototype.hasOwnProperty.call(REGISTRATION_METHODS, name)) {
      const method = REGISTRATION_METHODS[name];
      replace(name, (register) => (handler: Handler, ...rest: unknown[]) => register(incoming(rowOf(method, 'client->server'), handler), ...rest));
    } else {
      replace(name, () => () => {
        throw new Error(`connection.${name} registers a method the message pipeline does not know: add it to REGISTRATION_METHODS and its row to lspMethods.ts.`);
      });
    }
  }
  replace('sendRequest', (send) => (type: MessageType, ...params: unknown[]) => {
    const row = rowOf(methodOf(type), 'server->client', 'request');
    return params.length === 0 ? send(type) : send(type, outgoing(row, params[0]), ...params.slice(1));
  });
  replace('sendNotification', (send) => (type: MessageType, params?: unknown) => {
    const row = rowOf(methodOf(type), 'server->client', 'notification');
    // Another client would warn of an unknown notification (lsp-mode opens a window for each).
    if (row.extensionOnly && isExtensionClient && !isExtensionClient()) return Promise.resolve();
    return send(type, outgoing(row, params));
  });
  replace('sendDiagnostics', (send) => (params: unknown) => send(outgoing(rowOf('textDocument/publishDiagnostics', 'server->client', 'notification'), params)));
  replace('sendProgress', (send) => (...args: unknown[]) => {
    rowOf('$/progress', 'server->client', 'notification');
    return send(...args);
  });
}

/**
 * The pipeline with the position stage alone: a handler registered on `connection` sees UTF-16
 * positions and answers in UTF-16, whatever the client counts in.
 */
export function installPositionEncoding(connection: Connection, encodingOf: () => PositionEncoding, linesOf: LinesOf): void {
  installMessagePipeline(connection, { encodingOf, linesOf });
}

/** The row of `method`, checked against how it is used; a method without one, or used otherwise, throws. */
function rowOf(method: string, direction: Direction, kind?: MessageKind): MethodRow {
  const row = methodRow(method);
  if (!row) throw new Error(`${method} has no row in server/src/core/lspMethods.ts: add one (its direction, kind, positions, URIs and empty result).`);
  if (row.direction !== direction || (kind !== undefined && row.kind !== kind)) {
    throw new Error(`${method} is a ${row.direction} ${row.kind} in lspMethods.ts, and is used as a ${direction} ${kind ?? row.kind}.`);
  }
  return row;
}

function methodOf(type: MessageType): string {
  return typeof type === 'string' ? type : type.method;
}

/** The document a message is about (params.textDocument.uri), or '' for none. */
function documentUri(params: unknown): string {
  if (!isRecord(params)) return '';
  const document = params.textDocument;
  return isRecord(document) && typeof document.uri === 'string' ? document.uri : '';
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isRecord(value) && typeof value.then === 'function';
}
