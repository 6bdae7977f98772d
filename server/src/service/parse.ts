// Text -> NodeFile. Never throws: every input, however broken, gives a model with exact ranges.
import { FIELDS, FIELD_COUNT, FieldId, FieldSpec } from './fields';
import { Piece, Range, lineRange } from './types';
import { HostList, parseHostList } from './values/hosts';
import { IpBinding, parseIpBinding } from './values/ipBinding';
import { PathValue, parsePath } from './values/path';
import { RemoteLogonEntry, parseRemoteLogon, pathOutsideSecrets } from './values/remoteLogon';
import { trimPiece } from './values/pieces';
import { perNode } from './memo';

export type LineEnding = '\r\n' | '\n' | '\r';

/** One physical line of the document. */
export interface TextLine {
  /** 0-based line index, as LSP counts. */
  index: number;
  /** Offset of the line's first character in the document text. */
  offset: number;
  /** The line without its ending (and without a leading BOM on the first line). */
  text: string;
  /** Column where `text` starts: 1 on a first line that carries a BOM, else 0. */
  column: number;
  /** The ending that closes this line; '' on the last line. */
  ending: LineEnding | '';
}

/** One of the 17 fields as this file holds it. */
export interface FieldLine {
  field: FieldSpec;
  /** 0-based line index (field line - 1). */
  index: number;
  /** False when the file is shorter than this line: the value is empty. */
  present: boolean;
  /** The whole line: IceWarp reads leading and trailing spaces as part of the value. */
  raw: Piece;
  /** The value without leading and trailing spaces or tabs. */
  value: Piece;
}

export interface NodeFile {
  readonly uri: string;
  readonly text: string;
  /** Split on demand (not kept for every node), the same array for the same node. */
  readonly lines: TextLine[];
  /** Exactly 17 entries, field N at index N-1, in the order of the field table. */
  fields: FieldLine[];
  /** The same lines by field id: `node.field.hostname` rather than a line number in code. */
  field: Readonly<Record<FieldId, FieldLine>>;
  hasBom: boolean;
  /** How many line endings of each kind the file uses. */
  endingCounts: Record<LineEnding, number>;
  /** The ending most lines use ('\n' for a file without any); edits write this one. */
  ending: LineEnding;
  /** Directory lines (1, 2, 6, 7, 8, 9, 13) that are set. */
  paths: Map<FieldId, PathValue>;
  remoteLogon: RemoteLogonEntry[];
  ipBinding: IpBinding;
  masterHosts: HostList;
  slaveHosts: HostList;
  /** Lines after 17 that hold anything but whitespace. */
  extraLines: TextLine[];
  /** Range of the end of the document, for findings about lines the file lacks. */
  endOfDocument: Range;
}

const BOM = '\uFEFF';

export function parseNodeFile(uri: string, text: string): NodeFile {
  const hasBom = text.startsWith(BOM);
  const lines = splitLines(text, hasBom);
  const endingCounts: Record<LineEnding, number> = { '\r\n': 0, '\n': 0, '\r': 0 };
  for (const line of lines) if (line.ending) endingCounts[line.ending]++;
  const last = lines[lines.length - 1];
  const endOfDocument = lineRange(last.index, last.column + last.text.length, last.column + last.text.length);

  const fields = FIELDS.map((field): FieldLine => {
    const index = field.line - 1;
    const line = lines[index];
    if (!line) {
      const raw = { text: '', range: endOfDocument };
      return { field, index, present: false, raw, value: raw };
    }
    if (line.text.length === 0 && line.column === 0) return emptyFieldLine(field);
    const raw = { text: line.text, range: lineRange(index, line.column, line.column + line.text.length) };
    return { field, index, present: true, raw, value: trimPiece(raw) };
  });

  const field = new FieldsById(fields) as FieldsById & Record<FieldId, FieldLine>;

  const paths = new Map<FieldId, PathValue>();
  for (const line of fields) {
    if (line.field.kind === 'directory' && line.value.text.length > 0) paths.set(line.field.id, parsePath(line.raw));
  }

  return new ParsedNodeFile(
    uri,
    text,
    fields,
    field,
    hasBom,
    endingCounts,
    dominantEnding(endingCounts),
    paths,
    parseRemoteLogon(field.remoteLogon.raw),
    parseIpBinding(field.ipBinding.raw),
    parseHostList(field.masterHost.raw),
    parseHostList(field.slaveHosts.raw),
    extraLinesOf(lines),
    endOfDocument,
  );
}

/** An empty line is the same for every file (a node leaves about half its lines empty): shared, frozen. */
const emptyFieldLines = new Map<FieldSpec, FieldLine>();

function emptyFieldLine(field: FieldSpec): FieldLine {
  let shared = emptyFieldLines.get(field);
  if (!shared) {
    const index = field.line - 1;
    const raw = Object.freeze({ text: '', range: lineRange(index, 0, 0) });
    shared = Object.freeze({ field, index, present: true, raw, value: raw });
    emptyFieldLines.set(field, shared);
  }
  return shared;
}

/**
 * `node.field.hostname`: one getter per field id on a shared prototype over the node's list,
 * rather than a 17-property object per node (about 200 bytes of each unopened node).
 */
class FieldsById {
  constructor(readonly inOrder: readonly FieldLine[]) {}
}
// The table has exactly one row per id, so every key is present.
FIELDS.forEach((spec, index) => {
  Object.defineProperty(FieldsById.prototype, spec.id, {
    get(this: FieldsById) {
      return this.inOrder[index];
    },
    enumerable: true,
  });
});

const NO_LINES: readonly TextLine[] = Object.freeze([]);

function extraLinesOf(lines: readonly TextLine[]): TextLine[] {
  const extra = lines.slice(FIELD_COUNT).filter((line) => /\S/.test(line.text));
  // Nearly every file has none: one shared empty list rather than one per node.
  return extra.length > 0 ? extra : (NO_LINES as TextLine[]);
}

/**
 * The lines of a file are split again when asked for (hover, edits, another position encoding)
 * rather than kept: the rules read the fields, and an unopened node's lines were a sixth of its
 * memory (docs/performance.md, figure (j)). Asked again, the same node answers the same array.
 */
const linesOf = perNode((node: NodeFile) => splitLines(node.text, node.hasBom));

class ParsedNodeFile implements NodeFile {
  constructor(
    readonly uri: string,
    readonly text: string,
    readonly fields: FieldLine[],
    readonly field: Readonly<Record<FieldId, FieldLine>>,
    readonly hasBom: boolean,
    readonly endingCounts: Record<LineEnding, number>,
    readonly ending: LineEnding,
    readonly paths: Map<FieldId, PathValue>,
    readonly remoteLogon: RemoteLogonEntry[],
    readonly ipBinding: IpBinding,
    readonly masterHosts: HostList,
    readonly slaveHosts: HostList,
    readonly extraLines: TextLine[],
    readonly endOfDocument: Range,
  ) {}

  get lines(): TextLine[] {
    return linesOf(this);
  }
}

/** Splits like LSP does: CRLF, LF and a lone CR each end a line. */
function splitLines(text: string, hasBom: boolean): TextLine[] {
  const lines: TextLine[] = [];
  // indexOf (native) rather than a /\r\n|\n|\r/g loop: a 10 MB file opened by mistake splits
  // about twice as fast (bench/run.ts, figure (a)).
  let offset = 0;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  while (nextLf >= 0 || nextCr >= 0) {
    let end: number;
    let ending: LineEnding;
    if (nextCr >= 0 && (nextLf < 0 || nextCr < nextLf)) {
      end = nextCr;
      ending = nextLf === nextCr + 1 ? '\r\n' : '\r';
    } else {
      end = nextLf;
      ending = '\n';
    }
    lines.push(makeLine(text, lines.length, offset, end, ending, hasBom));
    offset = end + ending.length;
    if (nextLf >= 0 && nextLf < offset) nextLf = text.indexOf('\n', offset);
    if (nextCr >= 0 && nextCr < offset) nextCr = text.indexOf('\r', offset);
  }
  lines.push(makeLine(text, lines.length, offset, text.length, '', hasBom));
  return lines;
}

function makeLine(text: string, index: number, offset: number, end: number, ending: LineEnding | '', hasBom: boolean): TextLine {
  const column = index === 0 && hasBom ? 1 : 0;
  return { index, offset, text: text.slice(offset + column, end), column, ending };
}

function dominantEnding(counts: Record<LineEnding, number>): LineEnding {
  const order: LineEnding[] = ['\n', '\r\n', '\r'];
  return order.reduce((best, ending) => (counts[ending] > counts[best] ? ending : best), order[0]);
}


/** Does the file take part in a cluster (it names a master host or slave hosts)? */
export function isInCluster(node: NodeFile): boolean {
  return node.masterHosts.hosts.length > 0 || node.slaveHosts.hosts.length > 0;
}

/**
 * Every UNC / drive / POSIX path the file names, with the line it is on. On line 5, not the "path"
 * of an entry that may be the tail of a password holding `|`: no rule reads it, no fix rewrites it.
 */
export function allPaths(node: NodeFile): { fieldId: FieldId; path: PathValue }[] {
  const result: { fieldId: FieldId; path: PathValue }[] = [];
  for (const [fieldId, path] of node.paths) result.push({ fieldId, path });
  for (const entry of node.remoteLogon) {
    const path = pathOutsideSecrets(entry);
    if (path) result.push({ fieldId: 'remoteLogon', path });
  }
  return result.sort((a, b) => a.path.range.start.line - b.path.range.start.line || a.path.range.start.character - b.path.range.start.character);
}

/**
 * What on line 5 may be a password or a piece of one (`common/logonSecrets.ts`), longest first,
 * so that anything printed or sent can be kept free of them: edits split around them.
 */
export function secretsOf(node: NodeFile): string[] {
  const secrets = new Set(node.remoteLogon.flatMap((entry) => entry.secrets.map((piece) => piece.text)));
  return [...secrets].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
}
