// Positions outside the document: a request at line -1, past the last line or at a negative or
// fractional character gets the empty answer of its kind (no hover, no items, no edit), never
// an internal error from a feature that trusted it. One guard for every feature, installed on
// the connection as the position encoding is, so a feature added later is covered too.
import type { Connection } from 'vscode-languageserver';
import { isRecord } from '../../../common/isRecord';
import type { Handler } from './positionEncoding';

/** How many lines a document the server holds has; undefined when it holds none (the feature answers for itself). */
export type LineCountOf = (uri: string) => number | undefined;

/** The registrations of requests about a position or a range, with the answer that says "nothing here". */
const GUARDED: Record<string, { where: 'position' | 'range'; empty: () => unknown }> = {
  onHover: { where: 'position', empty: () => null },
  onCompletion: { where: 'position', empty: () => [] },
  onSignatureHelp: { where: 'position', empty: () => null },
  onDeclaration: { where: 'position', empty: () => [] },
  onDefinition: { where: 'position', empty: () => [] },
  onTypeDefinition: { where: 'position', empty: () => [] },
  onImplementation: { where: 'position', empty: () => [] },
  onReferences: { where: 'position', empty: () => [] },
  onDocumentHighlight: { where: 'position', empty: () => [] },
  onPrepareRename: { where: 'position', empty: () => null },
  onRenameRequest: { where: 'position', empty: () => null },
  onDocumentOnTypeFormatting: { where: 'position', empty: () => [] },
  onCodeAction: { where: 'range', empty: () => [] },
  onDocumentRangeFormatting: { where: 'range', empty: () => [] },
};

/** Requests the library's own parts register through onRequest (languages.inlayHint.on), by method. */
const GUARDED_METHODS: Record<string, { where: 'position' | 'range'; empty: () => unknown }> = {
  'textDocument/inlayHint': { where: 'range', empty: () => [] },
};

/**
 * Wraps, in place, the registrations of `connection` listed above, so each
 * handler sees only positions inside a document the server holds or documents it does not
 * hold. Call it before the features register.
 */
export function installPositionGuard(connection: Connection, lineCountOf: LineCountOf): void {
  const methods = connection as unknown as Record<string, unknown>;
  const guard = (where: 'position' | 'range', empty: () => unknown, handler: Handler): Handler => (params, ...rest) =>
    isOutside(params, where, lineCountOf) ? empty() : handler(params, ...rest);
  for (const [name, { where, empty }] of Object.entries(GUARDED)) {
    const register = methods[name];
    if (typeof register !== 'function') continue;
    methods[name] = (handler: Handler, ...rest: unknown[]) => (register as (...args: unknown[]) => unknown)(guard(where, empty, handler), ...rest);
  }
  const onRequest = methods.onRequest as (...args: unknown[]) => unknown;
  methods.onRequest = (type: unknown, handler?: Handler, ...rest: unknown[]) => {
    const method = typeof type === 'string' ? type : isRecord(type) && typeof type.method === 'string' ? type.method : undefined;
    const guarded = method !== undefined && Object.prototype.hasOwnProperty.call(GUARDED_METHODS, method) ? GUARDED_METHODS[method] : undefined;
    return onRequest(type, guarded && handler ? guard(guarded.where, guarded.empty, handler) : handler, ...rest);
  };
}

function isOutside(params: unknown, where: 'position' | 'range', lineCountOf: LineCountOf): boolean {
  if (!isRecord(params) || !isRecord(params.textDocument) || typeof params.textDocument.uri !== 'string') return false;
  const lineCount = lineCountOf(params.textDocument.uri);
  if (where === 'position') return !isInside(params.position, lineCount);
  // A range may end past the document (a client asks for hints "to the end"); it must start inside it.
  const range = params.range;
  return !isRecord(range) || !isInside(range.start, lineCount) || !isInside(range.end, undefined) || isBefore(range.end, range.start);
}

function isBefore(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return false;
  return (a.line as number) < (b.line as number) || (a.line === b.line && (a.character as number) < (b.character as number));
}

/** A position on a line of the document (a character past the end of its line means the end, as LSP says). */
function isInside(position: unknown, lineCount: number | undefined): boolean {
  if (!isRecord(position)) return false;
  const { line, character } = position;
  if (!isCount(line) || !isCount(character)) return false;
  return lineCount === undefined || line < lineCount;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
