// Position encodings (LSP 3.17 `general.positionEncodings`): the service counts characters in
// UTF-16 code units, as VS Code does; a client that prefers UTF-8 (or UTF-32) counts in its own
// units. This is the one place that converts, a stage of the message pipeline
// (./messagePipeline.ts): the row of each method in ./lspMethods.ts names the shapes below that
// say where its positions are (params, results, diagnostics and their related information,
// workspace edits), and the pipeline converts them in both directions for any document the
// server holds the text of (open, or indexed from disk). Features register and send as if every
// client spoke UTF-16.
import type { ClientCapabilities, Position, Range } from 'vscode-languageserver';
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
    readonly linesOf: LinesOf,
  ) {}

  /** A converter of the same direction and encoding that measures on other lines (a scratch copy of a document). */
  over(linesOf: LinesOf): PositionConverter {
    return new PositionConverter(this.direction, this.encoding, linesOf);
  }

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
// Where LSP puts positions: the shapes the rows of ./lspMethods.ts name. Each function takes the
// value as the client or the server sent it (unchecked: anything else passes unchanged) and
// returns a converted copy; nothing is mutated, so what the core remembers (published
// diagnostics) stays in UTF-16. `uri`: the document the message is about (its
// params.textDocument.uri), for positions that do not name their own.

export type Shape = (c: PositionConverter, value: unknown, uri: string) => unknown;

export const each =
  (shape: Shape): Shape =>
  (c, value, uri) =>
    Array.isArray(value) ? value.map((item) => shape(c, item, uri)) : value;

export const withRange: Shape = (c, value, uri) => (isRecord(value) ? { ...value, range: c.range(uri, value.range) } : value);

const textEdit: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  // An InsertReplaceEdit (completion) has two ranges instead of one.
  if ('insert' in value && 'replace' in value) return { ...value, insert: c.range(uri, value.insert), replace: c.range(uri, value.replace) };
  return withRange(c, value, uri);
};
export const textEdits = each(textEdit);

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

export const workspaceEdit = (c: PositionConverter, value: unknown): unknown => {
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

export const completionItem: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  return {
    ...value,
    ...('textEdit' in value ? { textEdit: textEdit(c, value.textEdit, uri) } : {}),
    ...('additionalTextEdits' in value ? { additionalTextEdits: textEdits(c, value.additionalTextEdits, uri) } : {}),
  };
};

export const completionResult: Shape = (c, value, uri) => {
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

export const documentSymbol: Shape = (c, value, uri) => {
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

export const codeAction: Shape = (c, value, uri) => {
  // A bare Command (its `command` a string) carries no positions we can know.
  if (!isRecord(value) || typeof value.command === 'string') return value;
  return {
    ...value,
    ...('diagnostics' in value ? { diagnostics: diagnostics(c, value.diagnostics, uri) } : {}),
    ...('edit' in value ? { edit: workspaceEdit(c, value.edit) } : {}),
  };
};

export const inlayHint: Shape = (c, value, uri) => {
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
export const semanticTokens: Shape = (c, value, uri) => {
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

export const selectionRange: Shape = (c, value, uri) =>
  isRecord(value) ? { ...value, range: c.range(uri, value.range), ...('parent' in value ? { parent: selectionRange(c, value.parent, uri) } : {}) } : value;

export const foldingRange: Shape = (c, value, uri) => {
  if (!isRecord(value) || typeof value.startLine !== 'number' || typeof value.endLine !== 'number') return value;
  const { startLine, endLine, startCharacter, endCharacter } = value;
  return {
    ...value,
    ...(typeof startCharacter === 'number' ? { startCharacter: c.character(uri, startLine, startCharacter) } : {}),
    ...(typeof endCharacter === 'number' ? { endCharacter: c.character(uri, endLine, endCharacter) } : {}),
  };
};

/** A definition-like answer: a Location, Location[] or LocationLink[]. */
export const locations: Shape = (c, value, uri) => (Array.isArray(value) ? value.map((item) => locationLink(c, item, uri)) : locationLink(c, value, uri));

export const prepareRename: Shape = (c, value, uri) => {
  if (!isRecord(value)) return value;
  return 'range' in value ? withRange(c, value, uri) : c.range(uri, value);
};

// The params of a request about a position or a range of one document.
export const atPosition: Shape = (c, value, uri) => (isRecord(value) ? { ...value, position: c.position(uri, value.position) } : value);
export const inRange: Shape = (c, value, uri) => withRange(c, value, uri);

/** codeAction's params: the range, and the diagnostics of its context. */
export const codeActionParams: Shape = (c, value, uri) => {
  const params = withRange(c, value, uri);
  if (!isRecord(params) || !isRecord(params.context)) return params;
  return { ...params, context: { ...params.context, diagnostics: diagnostics(c, params.context.diagnostics, uri) } };
};

export const linkedEditingRanges: Shape = (c, value, uri) =>
  isRecord(value) ? { ...value, ranges: each((cc, range, u) => cc.range(u, range))(c, value.ranges, uri) } : value;

export const selectionRangeParams: Shape = (c, value, uri) =>
  isRecord(value) && Array.isArray(value.positions) ? { ...value, positions: value.positions.map((position: unknown) => c.position(uri, position)) } : value;

/**
 * A command's arguments and answer are its own: an answer that is a workspace edit, or carries
 * one as `edit` (the cluster commands, for a client that could not apply it), is converted.
 */
export const executeCommandResult: Shape = (c, value) => {
  if (looksLikeWorkspaceEdit(value)) return workspaceEdit(c, value);
  return isRecord(value) && looksLikeWorkspaceEdit(value.edit) ? { ...value, edit: workspaceEdit(c, value.edit) } : value;
};

/** publishDiagnostics names its document itself. */
export const publishDiagnosticsParams: Shape = (c, value) =>
  isRecord(value) && typeof value.uri === 'string' ? { ...value, diagnostics: diagnostics(c, value.diagnostics, value.uri) } : value;

export const applyEditParams: Shape = (c, value) => (isRecord(value) ? { ...value, edit: workspaceEdit(c, value.edit) } : value);

export const showDocumentParams: Shape = (c, value) =>
  isRecord(value) && typeof value.uri === 'string' && 'selection' in value ? { ...value, selection: c.range(value.uri, value.selection) } : value;

/**
 * didChange's changes apply one after another, each range measured on the text the previous
 * ones left: converted on a scratch copy when there are several.
 */
export const contentChanges: Shape = (c, value, uri) => {
  if (!isRecord(value) || !Array.isArray(value.contentChanges)) return value;
  const changes: unknown[] = value.contentChanges;
  let lines: LinesOf = c.linesOf;
  let scratch: TextDocument | undefined;
  const converted = changes.map((change, index) => {
    const result = isRecord(change) && 'range' in change ? withRange(c.over(lines), change, uri) : change;
    if (index < changes.length - 1 && isRecord(result) && typeof result.text === 'string') {
      if (!scratch) {
        const current = c.linesOf(uri);
        scratch = TextDocument.create(uri, '', 0, current ? textOf(current) : '');
      }
      const update = 'range' in result && isRange(result.range) ? { range: result.range, text: result.text } : { text: result.text };
      scratch = TextDocument.update(scratch, [update], scratch.version + 1);
      const document = scratch;
      lines = (asked) => (asked === uri ? documentLines(document) : c.linesOf(asked));
    }
    return result;
  });
  return { ...value, contentChanges: converted };
};

/** The whole text of a line source (only for the rare didChange with several ranged changes). */
function textOf(source: LineSource): string {
  const lines: string[] = [];
  for (let index = 0, line = source.line(0); line !== undefined; line = source.line(++index)) lines.push(line);
  // Line endings do not matter to positions; only the lines' contents do.
  return lines.join('\n');
}


function isPosition(value: unknown): value is Position {
  return isRecord(value) && typeof value.line === 'number' && typeof value.character === 'number';
}

function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}
