// Position encodings (LSP 3.17 `general.positionEncodings`): the service counts characters in
// UTF-16 code units, as VS Code does; a client that prefers UTF-8 (or UTF-32) counts in its own
// units. This is the one place that converts: installed on the connection before anything
// registers, it rewrites the positions of every message the table below knows, in both
// directions: positions and ranges in params, results, diagnostics and their related
// information, and workspace edits, for any document the server holds the text of (open, or
// indexed from disk). Features, and those still to come (definition, references, rename,
// applyEdit...), register and send as if every client spoke UTF-16.
import {
  type ClientCapabilities,
  type Connection,
  type Position,
  type Range,
  ResponseError,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isRecord } from '../../../common/isRecord';
import type { NodeFile } from '../service';

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';

const SUPPORTED: readonly string[] = ['utf-16', 'utf-8', 'utf-32'];

/** The first encoding the client lists that the server supports; UTF-16 when it lists none (LSP's default). */
export function negotiatePositionEncoding(capabilities: ClientCapabilities): PositionEncoding {
  const offered: unknown = capabilities.general?.positionEncodings;
  if (!Array.isArray(offered)) return 'utf-16';
  return (offered.find((encoding) => typeof encoding === 'string' && SUPPORTED.includes(encoding)) as PositionEncoding | undefined) ?? 'utf-16';
}

/** A document's lines, without their endings, as the server holds them. */
export interface LineSource {
  line(index: number): string | undefined;
}

export function documentLines(document: TextDocument): LineSource {
  return {
    line(index) {
      if (index < 0 || index >= document.lineCount) return undefined;
      const text = document.getText({ start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } });
      if (text.endsWith('\r\n')) return text.slice(0, -2);
      return text.endsWith('\n') || text.endsWith('\r') ? text.slice(0, -1) : text;
    },
  };
}

export function nodeFileLines(node: NodeFile): LineSource {
  return {
    line(index) {
      const line = node.lines[index];
      // The service counts a BOM on the first line as a character (column 1).
      return line && (line.column > 0 ? '\uFEFF' : '') + line.text;
    },
  };
}

/** Where the text of a document comes from; undefined for documents the server does not hold (positions pass unchanged). */
export type LinesOf = (uri: string) => LineSource | undefined;

/** One line's offsets in the client's units, at every UTF-16 offset (none for an ASCII line: the same). */
class LineUnits {
  private readonly units: Uint32Array | undefined;

  constructor(
    private readonly text: string,
    encoding: Exclude<PositionEncoding, 'utf-16'>,
  ) {
    let ascii = true;
    for (let index = 0; index < text.length && ascii; index++) ascii = text.charCodeAt(index) < 0x80;
    if (ascii) return;
    const units = new Uint32Array(text.length + 1);
    let count = 0;
    for (let index = 0; index < text.length; index++) {
      units[index] = count;
      const code = text.charCodeAt(index);
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          // One code point in two UTF-16 units; an offset between them counts as after it.
          count += encoding === 'utf-8' ? 4 : 1;
          units[++index] = count;
          continue;
        }
      }
      // A lone surrogate is sent as U+FFFD, three bytes in UTF-8.
      count += encoding === 'utf-32' ? 1 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    }
    units[text.length] = count;
    this.units = units;
  }

  /** UTF-16 offset -> client units; past the end of the line, one for one. */
  toClient(character: number): number {
    const units = this.units;
    if (!units) return character;
    const length = this.text.length;
    return character <= length ? units[character] : units[length] + (character - length);
  }

  /** Client units -> UTF-16 offset; inside a character, its start. */
  toServer(character: number): number {
    const units = this.units;
    if (!units) return character;
    const length = this.text.length;
    if (character >= units[length]) return length + (character - units[length]);
    let low = 0;
    let high = length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (units[middle] <= character) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

type Direction = 'toServer' | 'toClient';

/** Converts the positions of one message, remembering the lines it has measured. */
export class PositionConverter {
  private readonly lines = new Map<string, { source: LineSource | undefined; units: Map<number, LineUnits | undefined> }>();

  constructor(
    private readonly direction: Direction,
    private readonly encoding: Exclude<PositionEncoding, 'utf-16'>,
    private readonly linesOf: LinesOf,
  ) {}

  character(uri: string, line: number, character: number): number {
    if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return character;
    let document = this.lines.get(uri);
    if (!document) {
      document = { source: this.linesOf(uri), units: new Map() };
      this.lines.set(uri, document);
    }
    let units = document.units.get(line);
    if (!document.units.has(line)) {
      const text = document.source?.line(line);
      units = text === undefined ? undefined : new LineUnits(text, this.encoding);
      document.units.set(line, units);
    }
    if (!units) return character;
    return this.direction === 'toServer' ? units.toServer(character) : units.toClient(character);
  }

  position<T>(uri: string, position: T): T {
    if (!isPosition(position)) return position;
    return { ...position, character: this.character(uri, position.line, position.character) };
  }

  range<T>(uri: string, range: T): T {
    if (!isRecord(range) || !isPosition(range.start) || !isPosition(range.end)) return range;
    return { ...range, start: this.position(uri, range.start), end: this.position(uri, range.end) };
  }
}

// ---------------------------------------------------------------------------------------------
// Where LSP puts positions. Each function takes the value as the client or the server sent it
// (unchecked: anything else passes unchanged) and returns a converted copy; nothing is mutated,
// so what the core remembers (published diagnostics) stays in UTF-16.

type Shape = (c: PositionConverter, value: unknown, uri: string) => unknown;

const each =
  (shape: Shape): Shape =>
  (c, value, uri) =>
    Array.isArray(value) ? value.map((item) => shape(c, item, uri)) : value;

const withRange: Shape = (c, value, uri) => (isRecord(value) ? { ...value, range: c.range(uri, value.range) } : value);

const textEdit: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  // An InsertReplaceEdit (completion) has two ranges instead of one.
  if ('insert' in value && 'replace' in value) return { ...value, insert: c.range(uri, value.insert), replace: c.range(uri, value.replace) };
  return withRange(c, value, uri);
};
const textEdits = each(textEdit);

const location = (c: PositionConverter, value: unknown): unknown =>
  isRecord(value) && typeof value.uri === 'string' && 'range' in value ? { ...value, range: c.range(value.uri, value.range) } : value;

const locationLink = (c: PositionConverter, value: unknown, originUri: string): unknown => {
  if (!isRecord(value) || typeof value.targetUri !== 'string') return location(c, value);
  return {
    ...value,
    targetRange: c.range(value.targetUri, value.targetRange),
    targetSelectionRange: c.range(value.targetUri, value.targetSelectionRange),
    ...('originSelectionRange' in value ? { originSelectionRange: c.range(originUri, value.originSelectionRange) } : {}),
  };
};

const diagnostic: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  const related = value.relatedInformation;
  return {
    ...value,
    range: c.range(uri, value.range),
    ...(Array.isArray(related)
      ? { relatedInformation: related.map((info: unknown) => (isRecord(info) ? { ...info, location: location(c, info.location) } : info)) }
      : {}),
  };
};
const diagnostics = each(diagnostic);

const workspaceEdit = (c: PositionConverter, value: unknown): unknown => {
  if (!isRecord(value)) return value;
  const converted: Record<string, unknown> = { ...value };
  if (isRecord(value.changes)) {
    const changes: Record<string, unknown> = {};
    for (const [uri, edits] of Object.entries(value.changes)) changes[uri] = textEdits(c, edits, uri);
    converted.changes = changes;
  }
  if (Array.isArray(value.documentChanges)) {
    converted.documentChanges = value.documentChanges.map((change: unknown) => {
      // Create, rename and delete name no positions; a TextDocumentEdit names its document.
      if (!isRecord(change) || !isRecord(change.textDocument) || typeof change.textDocument.uri !== 'string') return change;
      return { ...change, edits: textEdits(c, change.edits, change.textDocument.uri) };
    });
  }
  return converted;
};

const looksLikeWorkspaceEdit = (value: unknown): boolean => isRecord(value) && (isRecord(value.changes) || Array.isArray(value.documentChanges));

const completionItem: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  return {
    ...value,
    ...('textEdit' in value ? { textEdit: textEdit(c, value.textEdit, uri) } : {}),
    ...('additionalTextEdits' in value ? { additionalTextEdits: textEdits(c, value.additionalTextEdits, uri) } : {}),
  };
};

const completionResult: Shape = (c, value, uri) => {
  if (Array.isArray(value)) return value.map((item) => completionItem(c, item, uri));
  if (!isRecord(value)) return value;
  const defaults = value.itemDefaults;
  const editRange = isRecord(defaults) ? defaults.editRange : undefined;
  return {
    ...value,
    items: each(completionItem)(c, value.items, uri),
    ...(isRecord(defaults) && editRange !== undefined
      ? { itemDefaults: { ...defaults, editRange: isRecord(editRange) && 'insert' in editRange ? textEdit(c, editRange, uri) : c.range(uri, editRange) } }
      : {}),
  };
};

const documentSymbol: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  // SymbolInformation (a flat outline) carries its own location.
  if ('location' in value) return { ...value, location: location(c, value.location) };
  return {
    ...value,
    range: c.range(uri, value.range),
    selectionRange: c.range(uri, value.selectionRange),
    ...('children' in value ? { children: each(documentSymbol)(c, value.children, uri) } : {}),
  };
};

const codeAction: Shape = (c, value, uri) => {
  // A bare Command (its `command` a string) carries no positions we can know.
  if (!isRecord(value) || typeof value.command === 'string') return value;
  return {
    ...value,
    ...('diagnostics' in value ? { diagnostics: diagnostics(c, value.diagnostics, uri) } : {}),
    ...('edit' in value ? { edit: workspaceEdit(c, value.edit) } : {}),
  };
};

const inlayHint: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  return {
    ...value,
    position: c.position(uri, value.position),
    ...('textEdits' in value ? { textEdits: textEdits(c, value.textEdits, uri) } : {}),
    ...(Array.isArray(value.label)
      ? { label: value.label.map((part: unknown) => (isRecord(part) && 'location' in part ? { ...part, location: location(c, part.location) } : part)) }
      : {}),
  };
};

/** Relative tokens (line delta, start delta, length, type, modifiers): each start and length re-measured on its line. */
const semanticTokens: Shape = (c, value, uri) => {
  if (!isRecord(value) || !Array.isArray(value.data)) return value;
  const data = value.data as unknown[];
  if (!data.every((item) => typeof item === 'number')) return value;
  const numbers = data as number[];
  const converted = numbers.slice();
  let line = 0;
  let start = 0;
  let previousStart = 0;
  for (let index = 0; index + 4 < numbers.length; index += 5) {
    const deltaLine = numbers[index];
    line += deltaLine;
    start = deltaLine === 0 ? start + numbers[index + 1] : numbers[index + 1];
    const from = c.character(uri, line, start);
    const to = c.character(uri, line, start + numbers[index + 2]);
    converted[index + 1] = deltaLine === 0 ? from - previousStart : from;
    converted[index + 2] = to - from;
    previousStart = from;
  }
  return { ...value, data: converted };
};

const selectionRange: Shape = (c, value, uri) =>
  isRecord(value) ? { ...value, range: c.range(uri, value.range), ...('parent' in value ? { parent: selectionRange(c, value.parent, uri) } : {}) } : value;

const foldingRange: Shape = (c, value, uri) => {
  if (!isRecord(value) || typeof value.startLine !== 'number' || typeof value.endLine !== 'number') return value;
  const { startLine, endLine, startCharacter, endCharacter } = value;
  return {
    ...value,
    ...(typeof startCharacter === 'number' ? { startCharacter: c.character(uri, startLine, startCharacter) } : {}),
    ...(typeof endCharacter === 'number' ? { endCharacter: c.character(uri, endLine, endCharacter) } : {}),
  };
};

/** A definition-like answer: a Location, Location[] or LocationLink[]. */
const locations: Shape = (c, value, uri) => (Array.isArray(value) ? value.map((item) => locationLink(c, item, uri)) : locationLink(c, value, uri));

const prepareRename: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  return 'range' in value ? withRange(c, value, uri) : c.range(uri, value);
};

// The params of a request about a position or a range of one document.
const atPosition: Shape = (c, value, uri) => (isRecord(value) ? { ...value, position: c.position(uri, value.position) } : value);
const inRange: Shape = (c, value, uri) => withRange(c, value, uri);

interface ClientRequest {
  params?: Shape;
  result?: Shape;
}

/** Requests from the client: params converted to UTF-16, results back to the client's encoding. */
const CLIENT_REQUESTS: Record<string, ClientRequest> = {
  'textDocument/hover': { params: atPosition, result: withRange },
  'textDocument/completion': { params: atPosition, result: completionResult },
  'completionItem/resolve': { params: completionItem, result: completionItem },
  'textDocument/signatureHelp': { params: atPosition },
  'textDocument/declaration': { params: atPosition, result: locations },
  'textDocument/definition': { params: atPosition, result: locations },
  'textDocument/typeDefinition': { params: atPosition, result: locations },
  'textDocument/implementation': { params: atPosition, result: locations },
  'textDocument/references': { params: atPosition, result: locations },
  'textDocument/documentHighlight': { params: atPosition, result: each(withRange) },
  'textDocument/documentSymbol': { result: each(documentSymbol) },
  'workspace/symbol': { result: each(documentSymbol) },
  'textDocument/codeAction': {
    params: (c, value, uri) => {
      const params = withRange(c, value, uri);
      if (!isRecord(params) || !isRecord(params.context)) return params;
      return { ...params, context: { ...params.context, diagnostics: diagnostics(c, params.context.diagnostics, uri) } };
    },
    result: each(codeAction),
  },
  'codeAction/resolve': { params: codeAction, result: codeAction },
  'textDocument/codeLens': { result: each(withRange) },
  'textDocument/documentLink': { result: each(withRange) },
  'textDocument/formatting': { result: textEdits },
  'textDocument/rangeFormatting': { params: inRange, result: textEdits },
  'textDocument/onTypeFormatting': { params: atPosition, result: textEdits },
  'textDocument/willSaveWaitUntil': { result: textEdits },
  'textDocument/prepareRename': { params: atPosition, result: prepareRename },
  'textDocument/rename': { params: atPosition, result: (c, value) => workspaceEdit(c, value) },
  'textDocument/linkedEditingRange': {
    params: atPosition,
    result: (c, value, uri) => (isRecord(value) ? { ...value, ranges: each((cc, range, u) => cc.range(u, range))(c, value.ranges, uri) } : value),
  },
  'textDocument/foldingRange': { result: each(foldingRange) },
  'textDocument/selectionRange': {
    params: (c, value, uri) => (isRecord(value) && Array.isArray(value.positions) ? { ...value, positions: value.positions.map((position: unknown) => c.position(uri, position)) } : value),
    result: each(selectionRange),
  },
  'textDocument/semanticTokens/full': { result: semanticTokens },
  'textDocument/semanticTokens/range': { params: inRange, result: semanticTokens },
  'textDocument/inlayHint': { params: inRange, result: each(inlayHint) },
  // A command's arguments and answer are its own: an answer that is a workspace edit, or carries
  // one as `edit` (the cluster commands, for a client that could not apply it), is converted.
  'workspace/executeCommand': {
    result: (c, value) => {
      if (looksLikeWorkspaceEdit(value)) return workspaceEdit(c, value);
      return isRecord(value) && looksLikeWorkspaceEdit(value.edit) ? { ...value, edit: workspaceEdit(c, value.edit) } : value;
    },
  },
};

/** Messages to the client: their params converted to its encoding. */
const SERVER_MESSAGES: Record<string, Shape> = {
  'textDocument/publishDiagnostics': (c, value) =>
    isRecord(value) && typeof value.uri === 'string' ? { ...value, diagnostics: diagnostics(c, value.diagnostics, value.uri) } : value,
  'workspace/applyEdit': (c, value) => (isRecord(value) ? { ...value, edit: workspaceEdit(c, value.edit) } : value),
  'window/showDocument': (c, value) =>
    isRecord(value) && typeof value.uri === 'string' && 'selection' in value ? { ...value, selection: c.range(value.uri, value.selection) } : value,
};

/** The connection's own registration methods, which bypass its onRequest/onNotification. */
const REGISTRATIONS: Record<string, string> = {
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
  onCodeAction: 'textDocument/codeAction',
  onCodeActionResolve: 'codeAction/resolve',
  onCodeLens: 'textDocument/codeLens',
  onDocumentFormatting: 'textDocument/formatting',
  onDocumentRangeFormatting: 'textDocument/rangeFormatting',
  onDocumentOnTypeFormatting: 'textDocument/onTypeFormatting',
  onWillSaveTextDocumentWaitUntil: 'textDocument/willSaveWaitUntil',
  onRenameRequest: 'textDocument/rename',
  onPrepareRename: 'textDocument/prepareRename',
  onDocumentLinks: 'textDocument/documentLink',
  onFoldingRanges: 'textDocument/foldingRange',
  onSelectionRanges: 'textDocument/selectionRange',
  onExecuteCommand: 'workspace/executeCommand',
  onDidChangeTextDocument: 'textDocument/didChange',
};

const DID_CHANGE = 'textDocument/didChange';

/** A message handler as the connection's wrappers (this one, the position guard, the URI spelling) see it. */
export type Handler = (params: unknown, ...rest: unknown[]) => unknown;
type MessageType = string | { method: string };

/**
 * Makes `connection` speak the client's encoding: wraps, in place, its handler registrations
 * and its sending methods (the library's own parts, workspace.applyEdit or
 * languages.semanticTokens, go through the same methods), so everything registered or sent
 * afterwards converts. Call it before anything registers. While the encoding is UTF-16 every
 * message passes untouched.
 */
export function installPositionEncoding(connection: Connection, encodingOf: () => PositionEncoding, linesOf: LinesOf): void {
  // The connection's methods are plain properties of a plain object; replacing them is the one
  // way to reach the calls its own parts (workspace, languages) make through it.
  const methods = connection as unknown as Record<string, unknown>;
  const patch = (name: string, wrap: (original: (...args: unknown[]) => unknown) => (...args: never[]) => unknown): void => {
    const original = methods[name];
    if (typeof original === 'function') methods[name] = wrap(original as (...args: unknown[]) => unknown);
  };

  const wrapRequest = (method: string, handler: Handler): Handler => {
    const shapes = own(CLIENT_REQUESTS, method);
    if (!shapes) return handler;
    return (params, ...rest) => {
      const encoding = encodingOf();
      if (encoding === 'utf-16') return handler(params, ...rest);
      const uri = documentUri(params);
      const converted = shapes.params ? shapes.params(new PositionConverter('toServer', encoding, linesOf), params, uri) : params;
      const result = handler(converted, ...rest);
      const resultShape = shapes.result;
      if (!resultShape) return result;
      const outgoing = (value: unknown): unknown =>
        value === null || value === undefined || value instanceof ResponseError ? value : resultShape(new PositionConverter('toClient', encoding, linesOf), value, uri);
      return isThenable(result) ? Promise.resolve(result).then(outgoing) : outgoing(result);
    };
  };

  const wrapNotification = (method: string, handler: Handler): Handler => {
    if (method !== DID_CHANGE) return handler;
    return (params, ...rest) => {
      const encoding = encodingOf();
      return handler(encoding === 'utf-16' ? params : didChangeToServer(params, encoding, linesOf), ...rest);
    };
  };

  const toClient = (method: string, params: unknown): unknown => {
    const shape = own(SERVER_MESSAGES, method);
    const encoding = encodingOf();
    return shape && encoding !== 'utf-16' ? shape(new PositionConverter('toClient', encoding, linesOf), params, '') : params;
  };

  for (const [name, method] of Object.entries(REGISTRATIONS)) {
    patch(name, (register) => (handler: Handler, ...rest: unknown[]) =>
      register(method === DID_CHANGE ? wrapNotification(method, handler) : wrapRequest(method, handler), ...rest),
    );
  }
  // A star handler (a function first) sees every method: left as it is.
  patch('onRequest', (onRequest) => (type: MessageType | Handler, handler?: Handler) =>
    typeof type === 'function' || !handler ? onRequest(type, handler) : onRequest(type, wrapRequest(methodOf(type), handler)),
  );
  patch('onNotification', (onNotification) => (type: MessageType | Handler, handler?: Handler) =>
    typeof type === 'function' || !handler ? onNotification(type, handler) : onNotification(type, wrapNotification(methodOf(type), handler)),
  );
  patch('sendRequest', (sendRequest) => (type: MessageType, ...params: unknown[]) =>
    params.length === 0 ? sendRequest(type) : sendRequest(type, toClient(methodOf(type), params[0]), ...params.slice(1)),
  );
  patch('sendNotification', (sendNotification) => (type: MessageType, params?: unknown) => sendNotification(type, toClient(methodOf(type), params)));
  patch('sendDiagnostics', (sendDiagnostics) => (params: unknown) => sendDiagnostics(toClient('textDocument/publishDiagnostics', params)));
}

/**
 * The changes of one didChange apply one after another, each range measured on the text the
 * previous ones left: converted on a scratch copy when there are several.
 */
function didChangeToServer(params: unknown, encoding: Exclude<PositionEncoding, 'utf-16'>, linesOf: LinesOf): unknown {
  const uri = documentUri(params);
  if (!isRecord(params) || !Array.isArray(params.contentChanges)) return params;
  const changes: unknown[] = params.contentChanges;
  let lines: LinesOf = linesOf;
  let scratch: TextDocument | undefined;
  const converted = changes.map((change, index) => {
    const result = isRecord(change) && 'range' in change ? withRange(new PositionConverter('toServer', encoding, lines), change, uri) : change;
    if (index < changes.length - 1 && isRecord(result) && typeof result.text === 'string') {
      if (!scratch) {
        const current = linesOf(uri);
        scratch = TextDocument.create(uri, '', 0, current ? textOf(current) : '');
      }
      const update = 'range' in result && isRange(result.range) ? { range: result.range, text: result.text } : { text: result.text };
      scratch = TextDocument.update(scratch, [update], scratch.version + 1);
      const document = scratch;
      lines = (asked) => (asked === uri ? documentLines(document) : linesOf(asked));
    }
    return result;
  });
  return { ...params, contentChanges: converted };
}

/** The whole text of a line source (only for the rare didChange with several ranged changes). */
function textOf(source: LineSource): string {
  const lines: string[] = [];
  for (let index = 0, line = source.line(0); line !== undefined; line = source.line(++index)) lines.push(line);
  // Line endings do not matter to positions; only the lines' contents do.
  return lines.join('\n');
}

function documentUri(params: unknown): string {
  if (!isRecord(params)) return '';
  const document = params.textDocument;
  return isRecord(document) && typeof document.uri === 'string' ? document.uri : '';
}

/** The table's entry for `key`, never one inherited from Object (a method named "constructor"). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function methodOf(type: MessageType): string {
  return typeof type === 'string' ? type : type.method;
}

function isPosition(value: unknown): value is Position {
  return isRecord(value) && typeof value.line === 'number' && typeof value.character === 'number';
}

function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return isRecord(value) && typeof value.then === 'function';
}
