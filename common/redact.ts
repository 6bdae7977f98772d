// Removes line-5 passwords (`\\server\share;user;password` entries joined by `|`) from text that
// is about to be printed: trace output, log lines, messages. Pure and dependency-free, so the
// client's output channel and the unit tests use the very same code.
//
// The trace is the hard case: the language client prints every message as JSON, so a document's
// text arrives JSON-escaped (`\\\\fs01\\share;user;secret\r\n...`), sometimes escaped twice, and
// an incremental edit on line 5 carries only the characters typed. Two layers handle that:
// - `redactTraceMessage` parses the JSON a trace line carries and redacts by structure (the
//   document text's line 5, any edit that touches line 5), then prints it as the client did;
// - `redactSecrets` finds logon entries in any text at escape levels 0, 1 and 2 and replaces
//   each password with `***`, erring towards hiding too much, never too little.

import { LOGON_LINE_INDEX, Span, logonEntries } from './logonSecrets';

export const REDACTED = '***';

/** How many times a text may have been JSON-escaped for the scanner to still see entries. */
const MAX_ESCAPE_LEVEL = 2;

/**
 * A logon entry's start: a UNC prefix of one to three backslashes (a real one has two; one or
 * three are the malformed shapes people type) or `//`, where a value can start (line start,
 * space, quote, `|`, `=`...: inside a path, `\\` is an escaped separator), or a drive letter
 * with one separator. A quote after the backslashes makes them an escaped quote, not a UNC
 * prefix. Runs of four or more backslashes are an escaped UNC prefix and are matched at the
 * escape level where they shrink to two. An entry is such a start with two `;` after it before
 * the next `|` (`holdsLogonEntry`); the pattern itself has no unbounded repetition, so it is
 * linear over any line.
 */
const ENTRY_START = /(?:(?<=^|[\s"'|=(<[{,;>])(?:\\{1,3}(?![\\"])|\/\/)|\b[A-Za-z]:(?:\\(?!\\)|\/))/g;


/** The text with every password of a logon entry it contains replaced by `***`. */
export function redactSecrets(text: string): string {
  if (!text.includes(';')) return text;
  const spans: Span[] = [];
  let view: EscapedView = { text, toOriginal: identity };
  for (let level = 0; level <= MAX_ESCAPE_LEVEL; level++) {
    if (level > 0) {
      // Without an escape or a `"` there is nothing to decode: the next level would be this one again.
      if (!/\\[\\"/bfnrtu]|"/.test(view.text)) break;
      view = unescapeJson(view);
      if (!view.text.includes(';')) break;
    }
    for (const [start, end] of passwordSpansInLines(view.text, false)) spans.push([view.toOriginal(start), view.toOriginal(end)]);
  }
  return replaceSpans(text, spans);
}

/**
 * A node file's text with line 5's passwords replaced, whatever line 5 looks like (entries need
 * no UNC prefix here: the position says it is the logon line), then any other entry anywhere.
 */
export function redactNodeFileText(text: string): string {
  const spans: Span[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let lineStart = 0;
  let index = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    if (index === LOGON_LINE_INDEX) {
      for (const [start, end] of passwordSpansInLine(text.slice(lineStart, lineEnd), true)) spans.push([lineStart + start, lineStart + end]);
      break;
    }
    if (!match) break;
    lineStart = match.index + match[0].length;
    index++;
  }
  return redactSecrets(replaceSpans(text, spans));
}

/**
 * One chunk the language client writes to its trace channel. `Params: {...}` / `Result: {...}`
 * chunks (and whole JSON messages, the trace's JSON format) are redacted by structure and printed
 * again with the client's indentation; anything else goes through `redactSecrets`.
 */
export function redactTraceMessage(chunk: string): string {
  // The trailing whitespace is cut off by hand: a lazy body before `\s*$` is quadratic in a long
  // run of spaces (a document of them, printed in a trace).
  let bodyEnd = chunk.length;
  while (bodyEnd > 0 && /\s/.test(chunk[bodyEnd - 1])) bodyEnd--;
  const body = chunk.slice(0, bodyEnd);
  const suffix = chunk.slice(bodyEnd);
  const structured = /^(\s*(?:Params|Result|Error data): )([[{][\s\S]*)$/.exec(body) ?? /^(\s*)([[{][\s\S]*)$/.exec(body);
  if (structured) {
    const [, prefix, json] = structured;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return redactSecrets(chunk);
    }
    const indent = /^[[{]\r?\n( +)/.exec(json)?.[1].length ?? 0;
    // Every string inside went through redactSecrets already, decoded; scanning the printed JSON
    // again would only add false alarms (an escaped `\r` after a space looks like `\server`).
    return prefix + JSON.stringify(redactStructure(parsed), null, indent || undefined) + suffix;
  }
  return redactSecrets(chunk);
}

/**
 * Redacts a JSON value by what its parts mean in LSP messages:
 * - a `text` without a `range` is a whole document (didOpen, a full didChange): line 5 goes;
 * - an edit (`text` / `newText` with a `range`) that touches line 5, or that starts above it and
 *   inserts a line break (pushing its text down to line 5), loses its text entirely, since a
 *   keystroke in a password is a piece of the password;
 * - every other string goes through `redactSecrets`.
 */
export function redactStructure(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactStructure);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const range = lineSpan(record.range);
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) {
    if ((key === 'text' || key === 'newText') && typeof field === 'string') {
      if (range === undefined && key === 'text') result[key] = redactNodeFileText(field);
      else if (range !== undefined && editReachesLogonLine(range, field)) result[key] = field.length > 0 ? REDACTED : field;
      else result[key] = redactSecrets(field);
    } else {
      result[key] = redactStructure(field);
    }
  }
  return result;
}

function editReachesLogonLine(range: { start: number; end: number }, text: string): boolean {
  if (range.start > LOGON_LINE_INDEX) return false;
  return range.end >= LOGON_LINE_INDEX || /[\r\n]/.test(text);
}

function lineSpan(range: unknown): { start: number; end: number } | undefined {
  if (typeof range !== 'object' || range === null) return undefined;
  const { start, end } = range as { start?: { line?: unknown }; end?: { line?: unknown } };
  if (typeof start?.line !== 'number' || typeof end?.line !== 'number') return undefined;
  return { start: start.line, end: end.line };
}

// ---------------------------------------------------------------------------------------------
// Scanning

/** Password spans of every line of `text` that holds a logon entry. */
function passwordSpansInLines(text: string, positional: boolean): Span[] {
  const spans: Span[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let lineStart = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    if (lineEnd > lineStart) {
      for (const [start, end] of passwordSpansInLine(text.slice(lineStart, lineEnd), positional)) spans.push([lineStart + start, lineStart + end]);
    }
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  return spans;
}

/**
 * On line 5 (by position), what `common/logonSecrets.ts` masks: every password, and every entry
 * not in the form `UNC path;user;password`, whole. In any other line that holds a logon entry,
 * every `|`-separated entry with two `;` loses what follows its second `;` (the password keeps
 * any further `;`); one `;` alone is too common there to mean anything.
 */
function passwordSpansInLine(line: string, positional: boolean): Span[] {
  if (positional) return logonEntries(line).flatMap((entry) => (entry.masked ? [entry.masked] : []));
  if (!holdsLogonEntry(line)) return [];
  const spans: Span[] = [];
  let entryStart = 0;
  while (entryStart <= line.length) {
    const bar = line.indexOf('|', entryStart);
    const entryEnd = bar < 0 ? line.length : bar;
    const first = line.indexOf(';', entryStart);
    const second = first >= 0 && first < entryEnd ? line.indexOf(';', first + 1) : -1;
    if (second >= 0 && second < entryEnd) {
      // Spaces before `|` belong to the separator (the parser trims entries), not the password.
      let secretEnd = entryEnd;
      while (secretEnd > second + 1 && (line[secretEnd - 1] === ' ' || line[secretEnd - 1] === '\t')) secretEnd--;
      if (second + 1 < secretEnd) spans.push([second + 1, secretEnd]);
    }
    if (bar < 0) break;
    entryStart = bar + 1;
  }
  return spans;
}

/**
 * Does the line hold an entry: an entry start (see `ENTRY_START`) followed by two `;` before
 * the next `|` or line break? One pass with a bounded pattern at each candidate position, so
 * a 1 MB line costs one scan, not one scan per candidate.
 */
function holdsLogonEntry(line: string): boolean {
  // semicolonsAfter[i]: how many `;` (up to 2) follow position i before the next `|` or break.
  let semicolons = 0;
  const semicolonsAfter = new Uint8Array(line.length + 1);
  for (let index = line.length - 1; index >= 0; index--) {
    const code = line.charCodeAt(index);
    if (code === 0x7c /* | */ || code === 0x0d || code === 0x0a) semicolons = 0;
    else if (code === 0x3b /* ; */ && semicolons < 2) semicolons++;
    semicolonsAfter[index] = semicolons;
  }
  // Only where two `;` still follow can an entry start: the search skips to such a place.
  const nextCandidate = (from: number) => {
    while (from < line.length && semicolonsAfter[from] < 2) from++;
    return from;
  };
  ENTRY_START.lastIndex = nextCandidate(0);
  while (ENTRY_START.lastIndex < line.length) {
    const match = ENTRY_START.exec(line);
    if (!match) return false;
    const end = match.index + match[0].length;
    if (semicolonsAfter[end] >= 2) return true;
    ENTRY_START.lastIndex = nextCandidate(end);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// JSON unescaping with a map back to the original offsets

interface EscapedView {
  text: string;
  /** Offset in this view -> offset in the original text (also for the view's end). */
  toOriginal(offset: number): number;
}

function identity(offset: number): number {
  return offset;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;

/** The code unit a JSON escape `\<char>` stands for, or -1 when `<char>` starts no simple escape. */
function simpleEscape(code: number): number {
  switch (code) {
    case 0x22: // "
    case 0x5c: // \
    case 0x2f: // /
      return code;
    case 0x62: // b
      return 0x08;
    case 0x66: // f
      return 0x0c;
    case 0x6e: // n
      return 0x0a;
    case 0x72: // r
      return 0x0d;
    case 0x74: // t
      return 0x09;
    default:
      return -1;
  }
}

/**
 * Reads the view as the inside of JSON strings: escapes are decoded, and an unescaped `"` (where
 * one string ends and the next begins) becomes a line break, so no entry runs across strings.
 * One pass over code units into typed arrays: a 1 MB trace chunk of escapes is a few milliseconds.
 */
function unescapeJson(view: EscapedView): EscapedView {
  const source = view.text;
  const length = source.length;
  const units = new Uint16Array(length);
  const offsets = new Int32Array(length + 1);
  let decoded = 0;
  let index = 0;
  while (index < length) {
    const code = source.charCodeAt(index);
    offsets[decoded] = index;
    if (code === QUOTE) {
      units[decoded++] = 0x0a;
      index++;
      continue;
    }
    if (code === BACKSLASH && index + 1 < length) {
      const simple = simpleEscape(source.charCodeAt(index + 1));
      if (simple >= 0) {
        units[decoded++] = simple;
        index += 2;
        continue;
      }
      if (source.charCodeAt(index + 1) === 0x75 /* u */ && /^[0-9a-fA-F]{4}$/.test(source.slice(index + 2, index + 6))) {
        units[decoded++] = parseInt(source.slice(index + 2, index + 6), 16);
        index += 6;
        continue;
      }
    }
    units[decoded++] = code;
    index++;
  }
  offsets[decoded] = length;
  return { text: fromCodeUnits(units.subarray(0, decoded)), toOriginal: (offset) => view.toOriginal(offsets[offset]) };
}

function fromCodeUnits(units: Uint16Array): string {
  const chunks: string[] = [];
  // In chunks: one call with a million arguments would overflow the stack.
  for (let start = 0; start < units.length; start += 8192) chunks.push(String.fromCharCode(...units.subarray(start, start + 8192)));
  return chunks.join('');
}

/** Replaces the union of the spans with `***`, each maximal run once. */
function replaceSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  const sorted = spans.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  let result = '';
  let cursor = 0;
  let index = 0;
  while (index < sorted.length) {
    let [start, end] = sorted[index++];
    while (index < sorted.length && sorted[index][0] <= end) end = Math.max(end, sorted[index++][1]);
    if (start < cursor) start = cursor;
    result += text.slice(cursor, start) + REDACTED;
    cursor = end;
  }
  return result + text.slice(cursor);
}
