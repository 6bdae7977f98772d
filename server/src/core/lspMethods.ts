// Every LSP method the server handles or sends, one row each: which way it goes, request or
// notification, and what the stages of the message pipeline (./messagePipeline.ts) do with it:
// where its positions are (./positionEncoding.ts), where its URIs are (./uriSpelling.ts), what
// it answers for a position outside the document (./positionGuard.ts), whether it tells the
// arrival tap of a document, and whether only the extension's own client gets it. A new method
// is one row here; the pipeline refuses to register or send a method without one
// (test/lsp/lspMethods.test.ts), so no stage can miss it.
import { ADD_NODE_REQUEST, CHECK_NEW_NODE_REQUEST, COMPARE_NODES_REQUEST, FIX_ALL_IN_CLUSTER_REQUEST, PROMOTE_TO_MASTER_REQUEST, REMOVE_NODE_REQUEST } from '../../../common/clusterRequests';
import { findNodeFilesRequest, readNodeFileRequest, statFileRequest } from '../../../common/fileRequests';
import {
  clusterChangedNotification,
  clusterRequest,
  describeFilesRequest,
  fileKindNotification,
  fileKindOverridesNotification,
  rescanWorkspaceRequest,
  serverStatusRequest,
} from '../../../common/protocol';
import type { GuardedAt } from './positionGuard';
import {
  type Shape,
  applyEditParams,
  atPosition,
  codeAction,
  codeActionParams,
  completionItem,
  completionResult,
  contentChanges,
  documentSymbol,
  each,
  executeCommandResult,
  foldingRange,
  inRange,
  inlayHint,
  linkedEditingRanges,
  locations,
  prepareRename,
  publishDiagnosticsParams,
  selectionRange,
  selectionRangeParams,
  semanticTokens,
  showDocumentParams,
  textEdits,
  withRange,
  workspaceEdit,
} from './positionEncoding';
import type { UriRule } from './uriSpelling';

export type Direction = 'client->server' | 'server->client';
export type MessageKind = 'request' | 'notification';

export interface MethodRow {
  direction: Direction;
  kind: MessageKind;
  /** Where its positions are, in the params and in a request's result; none: nothing to convert. */
  positions?: { params?: Shape; result?: Shape };
  /** Where its URIs are. */
  uris: UriRule;
  /** A request about a position or a range: where the position is, and the answer when it lies outside the document. */
  outOfRange?: { at: GuardedAt; emptyResult: () => unknown };
  /** didOpen and didChange: the arrival tap hears of the document before it is updated and parsed. */
  tapsArrival?: true;
  /** A notification only the extension's own client handles: sent to no other client (the audience stage). */
  extensionOnly?: true;
}

// The rows are written with these, so each says only what is particular to its method.
const fromClient = (kind: MessageKind, row: Partial<MethodRow> = {}): MethodRow => ({ direction: 'client->server', kind, uris: 'params', ...row });
const toClient = (kind: MessageKind, row: Partial<MethodRow> = {}): MethodRow => ({ direction: 'server->client', kind, uris: 'none', ...row });
const NO_ANSWER_AT_POSITION = { at: 'position', emptyResult: () => null } as const;
const NOTHING_AT_POSITION = { at: 'position', emptyResult: () => [] } as const;
const NOTHING_IN_RANGE = { at: 'range', emptyResult: () => [] } as const;

export const LSP_METHODS: Readonly<Record<string, MethodRow>> = {
  // The session.
  initialize: fromClient('request'),
  initialized: fromClient('notification'),
  // The connection library registers it at initialize for a client that shows progress (VS Code, Neovim).
  'window/workDoneProgress/cancel': fromClient('notification'),

  // Document sync and the workspace.
  'textDocument/didOpen': fromClient('notification', { uris: 'opens', tapsArrival: true }),
  'textDocument/didChange': fromClient('notification', { positions: { params: contentChanges }, tapsArrival: true }),
  'textDocument/didClose': fromClient('notification', { uris: 'closes' }),
  'textDocument/willSave': fromClient('notification'),
  'textDocument/willSaveWaitUntil': fromClient('request', { positions: { result: textEdits } }),
  'textDocument/didSave': fromClient('notification'),
  'workspace/didChangeConfiguration': fromClient('notification'),
  'workspace/didChangeWatchedFiles': fromClient('notification'),
  'workspace/didChangeWorkspaceFolders': fromClient('notification'),

  // The features (../features).
  'textDocument/hover': fromClient('request', { positions: { params: atPosition, result: withRange }, outOfRange: NO_ANSWER_AT_POSITION }),
  'textDocument/completion': fromClient('request', { positions: { params: atPosition, result: completionResult }, outOfRange: NOTHING_AT_POSITION }),
  'textDocument/codeAction': fromClient('request', { positions: { params: codeActionParams, result: each(codeAction) }, outOfRange: NOTHING_IN_RANGE }),
  'textDocument/inlayHint': fromClient('request', { positions: { params: inRange, result: each(inlayHint) }, outOfRange: NOTHING_IN_RANGE }),
  'textDocument/semanticTokens/full': fromClient('request', { positions: { result: semanticTokens } }),
  'textDocument/documentSymbol': fromClient('request', { positions: { result: each(documentSymbol) } }),
  'textDocument/definition': fromClient('request', { positions: { params: atPosition, result: locations }, outOfRange: NOTHING_AT_POSITION }),
  'textDocument/references': fromClient('request', { positions: { params: atPosition, result: locations }, outOfRange: NOTHING_AT_POSITION }),
  'textDocument/documentHighlight': fromClient('request', { positions: { params: atPosition, result: each(withRange) }, outOfRange: NOTHING_AT_POSITION }),
  'workspace/symbol': fromClient('request', { positions: { result: each(documentSymbol) } }),
  'textDocument/prepareRename': fromClient('request', { positions: { params: atPosition, result: prepareRename }, outOfRange: NO_ANSWER_AT_POSITION }),
  'textDocument/rename': fromClient('request', { positions: { params: atPosition, result: workspaceEdit }, outOfRange: NO_ANSWER_AT_POSITION }),
  'workspace/executeCommand': fromClient('request', { positions: { result: executeCommandResult } }),
  [clusterRequest.method]: fromClient('request'),
  [describeFilesRequest.method]: fromClient('request'),
  [serverStatusRequest.method]: fromClient('request'),
  [rescanWorkspaceRequest.method]: fromClient('request'),
  [fileKindOverridesNotification.method]: fromClient('notification'),
  [PROMOTE_TO_MASTER_REQUEST.method]: fromClient('request'),
  [ADD_NODE_REQUEST.method]: fromClient('request'),
  [CHECK_NEW_NODE_REQUEST.method]: fromClient('request'),
  [REMOVE_NODE_REQUEST.method]: fromClient('request'),
  [FIX_ALL_IN_CLUSTER_REQUEST.method]: fromClient('request'),
  [COMPARE_NODES_REQUEST.method]: fromClient('request'),

  // Standard requests no feature answers yet: their positions and empty answers are known, so a
  // feature that answers one needs no new row.
  'completionItem/resolve': fromClient('request', { positions: { params: completionItem, result: completionItem } }),
  'textDocument/signatureHelp': fromClient('request', { positions: { params: atPosition }, outOfRange: NO_ANSWER_AT_POSITION }),
  'textDocument/declaration': fromClient('request', { positions: { params: atPosition, result: locations }, outOfRange: NOTHING_AT_POSITION }),
  'textDocument/typeDefinition': fromClient('request', { positions: { params: atPosition, result: locations }, outOfRange: NOTHING_AT_POSITION }),
  'textDocument/implementation': fromClient('request', { positions: { params: atPosition, result: locations }, outOfRange: NOTHING_AT_POSITION }),
  'codeAction/resolve': fromClient('request', { positions: { params: codeAction, result: codeAction } }),
  'textDocument/codeLens': fromClient('request', { positions: { result: each(withRange) } }),
  'textDocument/documentLink': fromClient('request', { positions: { result: each(withRange) } }),
  'textDocument/formatting': fromClient('request', { positions: { result: textEdits } }),
  'textDocument/rangeFormatting': fromClient('request', { positions: { params: inRange, result: textEdits }, outOfRange: NOTHING_IN_RANGE }),
  'textDocument/onTypeFormatting': fromClient('request', { positions: { params: atPosition, result: textEdits }, outOfRange: NOTHING_AT_POSITION }),
  'textDocument/linkedEditingRange': fromClient('request', { positions: { params: atPosition, result: linkedEditingRanges } }),
  'textDocument/foldingRange': fromClient('request', { positions: { result: each(foldingRange) } }),
  'textDocument/selectionRange': fromClient('request', { positions: { params: selectionRangeParams, result: each(selectionRange) } }),
  'textDocument/semanticTokens/range': fromClient('request', { positions: { params: inRange, result: semanticTokens } }),

  // From the server: diagnostics, edits and questions, and the client's part of IceWarp's protocol.
  'textDocument/publishDiagnostics': toClient('notification', { positions: { params: publishDiagnosticsParams }, uris: 'document' }),
  'workspace/applyEdit': toClient('request', { positions: { params: applyEditParams } }),
  'workspace/configuration': toClient('request'),
  'workspace/inlayHint/refresh': toClient('request'),
  'client/registerCapability': toClient('request'),
  'window/showMessage': toClient('notification'),
  // The library's console sends it beneath the pipeline; the row says it is sent all the same.
  'window/logMessage': toClient('notification'),
  [fileKindNotification.method]: toClient('notification', { extensionOnly: true }),
  [clusterChangedNotification.method]: toClient('notification', { extensionOnly: true }),
  [findNodeFilesRequest.method]: toClient('request'),
  [readNodeFileRequest.method]: toClient('request'),
  [statFileRequest.method]: toClient('request'),
  // Sent by no feature yet.
  'window/showDocument': toClient('request', { positions: { params: showDocumentParams } }),
};

/** The row of `method`, never one inherited from Object (a method named "constructor"). */
export function methodRow(method: string): MethodRow | undefined {
  return Object.prototype.hasOwnProperty.call(LSP_METHODS, method) ? LSP_METHODS[method] : undefined;
}
