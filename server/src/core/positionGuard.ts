// Positions outside the document: a request at line -1, past the last line or at a negative or
// fractional character gets the empty answer of its kind (no hover, no items, no edit), never
// an internal error from a feature that trusted it. A stage of the message pipeline
// (./messagePipeline.ts): the row of each request about a position or a range (./lspMethods.ts)
// says where the position is and what the empty answer is, so a feature added later is covered
// by its row.
import { isRecord } from '../../../common/isRecord';

/** How many lines a document the server holds has; undefined when it holds none (the feature answers for itself). */
export type LineCountOf = (uri: string) => number | undefined;

/** Where a request's position is: `params.position`, or the start of `params.range`. */
export type GuardedAt = 'position' | 'range';

/** Whether the position of `params` (a request about a document) lies outside the document. */
export function isOutside(params: unknown, where: GuardedAt, lineCountOf: LineCountOf): boolean {
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
