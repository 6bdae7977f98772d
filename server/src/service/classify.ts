// Is this `path.dat` / `path.cfg` an IceWarp node file, or another program's file of the same name
// (robot waypoints, numeric output, `key=value` and INI configs, YAML, JSON, scripts)? Judged from
// the text alone, with a clear bias to accept: a broken, half-written, empty or new IceWarp file is
// IceWarp, and only positive evidence of another format, outweighing everything that reads as
// IceWarp, makes a file foreign. Protocol-free; the server and the client decide what a foreign
// file gets (no diagnostics, no index, plain text).
//
// Cheap enough for every file of a 10,000-file workspace: it reads the first 64 lines of a file,
// 256 characters of each, with linear patterns only.
import { FIELDS, FIELD_COUNT, ValueKind } from './fields';
import { isIpAddress, isValidHost } from './values/hosts';
import { t } from './l10n';

export type FileKind = 'icewarp' | 'foreign';

export interface Classification {
  kind: FileKind;
  /**
   * Why, most telling first, in words for a status item's tooltip or the command line's report
   * (in the current language). Names shapes and line numbers, never a value (line 5 holds passwords).
   */
  reasons: string[];
  /** The user decided for this file ("Treat as IceWarp settings file"); the text was not judged. */
  overridden: boolean;
  /** Lines that read as IceWarp (a value fitting its field; a line naming IceWarp counts twice) and lines of another format's shapes. */
  evidence: { iceWarp: number; foreign: number };
}

export interface ClassifyOptions {
  /** The user's choice for this file, remembered by the client: it wins over the text. */
  override?: FileKind;
}

/** How many lines the classifier reads: IceWarp reads 17, so this is plenty. */
export const SAMPLE_LINES = 64;
/** How much of one line a shape is judged on; a real value is shorter. */
const LINE_PREFIX = 256;
/** A file whose only sign of another format is one line needs that line this long: `a=` is a typo, `count=20` is not. */
const LONE_LINE_LENGTH = 8;

/** A shape of another program's file, as a reason names it. */
export type ForeignShape = 'key=value' | '[section]' | 'key: value' | 'list item' | 'JSON' | 'code' | 'comment' | 'markup' | 'columns of numbers' | 'a number' | 'a quoted string';

/** Shapes no IceWarp value takes, even mistyped; the others count only beside one of these. */
const STRONG_SHAPES: ReadonlySet<ForeignShape> = new Set(['key=value', '[section]', 'key: value', 'JSON', 'comment', 'markup', 'columns of numbers']);

export function classifyNodeFile(text: string, options: ClassifyOptions = {}): Classification {
  if (options.override) {
    const reason = options.override === 'icewarp' ? t('marked by the user as an IceWarp settings file') : t('marked by the user as not an IceWarp settings file');
    return { kind: options.override, reasons: [reason], overridden: true, evidence: { iceWarp: 0, foreign: 0 } };
  }
  let sample = sampleLines(text);
  const reasons: string[] = [];
  // A file saved as UTF-16 reads as text with a NUL after every character: judge its characters.
  if (nulShare(sample) >= 0.25) {
    sample = sample.map((line) => line.split('\u0000').join(''));
    reasons.push(t('it reads as UTF-16 text (a NUL after every character)'));
  }
  const icewarp = (why: string[], evidence = { iceWarp: 0, foreign: 0 }): Classification => ({ kind: 'icewarp', reasons: [...why, ...reasons], overridden: false, evidence });
  const nonEmpty = sample.map((line, index) => ({ line: index + 1, text: line.trim() })).filter((line) => line.text.length > 0);
  if (nonEmpty.length === 0) return icewarp([t('it is empty or blank: a new file')]);
  if (isBinary(sample)) {
    return { kind: 'foreign', reasons: [t('it holds binary data (control characters), not text'), ...reasons], overridden: false, evidence: { iceWarp: 0, foreign: nonEmpty.length } };
  }

  const fits: { line: number; what: string }[] = [];
  const namesIceWarp: number[] = [];
  const foreign: { line: number; shape: ForeignShape }[] = [];
  for (const { line, text: value } of nonEmpty) {
    if (ICEWARP_WORDS.test(value)) namesIceWarp.push(line);
    const fit = line <= FIELD_COUNT ? fitOf(FIELDS[line - 1].kind, value) : undefined;
    if (fit) {
      fits.push({ line, what: fit });
      continue;
    }
    const shape = foreignShape(value, line);
    if (shape) foreign.push({ line, shape });
  }

  const evidence = { iceWarp: fits.length + 2 * namesIceWarp.length, foreign: foreign.length };
  const fitExamples = examples(fits.map((fit) => t('line {0} {1}', fit.line, fit.what)));
  const iceWarpReasons = [
    ...(fits.length === 1 ? [t('{0} line fits its field ({1})', 1, fitExamples)] : fits.length > 1 ? [t('{0} lines fit their field ({1})', fits.length, fitExamples)] : []),
    ...(namesIceWarp.length === 1
      ? [t("{0} line names IceWarp's folders or files (line {1})", 1, lineList(namesIceWarp))]
      : namesIceWarp.length > 1
        ? [t("{0} lines name IceWarp's folders or files (lines {1})", namesIceWarp.length, lineList(namesIceWarp))]
        : []),
  ];
  const foreignReason =
    foreign.length === 1
      ? t("{0} line of {1} read as another program's format ({2})", 1, nonEmpty.length, shapeSummary(foreign))
      : t("{0} lines of {1} read as another program's format ({2})", foreign.length, nonEmpty.length, shapeSummary(foreign));
  // Only positive evidence makes a file foreign: it must outweigh what reads as IceWarp, hold at
  // least one unmistakable shape (a stray bracket or a lone number is a typo as often as not), and
  // be two lines at least, or the one line of a file that has nothing else, long enough not to be
  // a typo.
  const strong = foreign.filter(({ shape }) => STRONG_SHAPES.has(shape));
  const isForeign =
    foreign.length > evidence.iceWarp &&
    strong.length > 0 &&
    (foreign.length >= 2 || (nonEmpty.length === 1 && nonEmpty[0].text.length >= LONE_LINE_LENGTH));
  if (isForeign) {
    const against = iceWarpReasons.length > 0 ? iceWarpReasons.map((reason) => t('only {0}', reason)) : [t('no line reads as an IceWarp value')];
    return { kind: 'foreign', reasons: [foreignReason, ...against, ...reasons], overridden: false, evidence };
  }
  const why = iceWarpReasons.length > 0 ? iceWarpReasons : [t("nothing in it reads as another program's format")];
  return icewarp(foreign.length > 0 ? [...why, t('{0}, which does not outweigh that', foreignReason)] : why, evidence);
}

// ---------------------------------------------------------------------------------------------
// The sample

/** The first lines of the text (without the BOM and line endings), each cut to its first 256 characters. */
function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Line ends are found by indexOf (a native scan), so a megabyte-long line costs next to nothing.
  let nextLf = text.indexOf('\n', start);
  let nextCr = text.indexOf('\r', start);
  while (lines.length < SAMPLE_LINES) {
    const end = nextCr >= 0 && (nextLf < 0 || nextCr < nextLf) ? nextCr : nextLf;
    lines.push(text.slice(start, Math.min(end < 0 ? text.length : end, start + LINE_PREFIX)));
    if (end < 0) break;
    start = end + (end === nextCr && nextLf === end + 1 ? 2 : 1);
    if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
  }
  return lines;
}

function nulShare(lines: readonly string[]): number {
  let nul = 0;
  let total = 0;
  for (const line of lines) {
    total += line.length;
    for (let index = 0; index < line.length; index++) if (line.charCodeAt(index) === 0) nul++;
  }
  return total === 0 ? 0 : nul / total;
}

/** Control characters (other than tab and form feed) or undecodable bytes: one in ten, and at least eight. */
function isBinary(lines: readonly string[]): boolean {
  let odd = 0;
  let total = 0;
  for (const line of lines) {
    total += line.length;
    for (let index = 0; index < line.length; index++) {
      const code = line.charCodeAt(index);
      if ((code < 0x20 && code !== 0x09 && code !== 0x0c) || code === 0x7f || code === 0xfffd) odd++;
    }
  }
  return odd >= 8 && odd >= total / 10;
}

// ---------------------------------------------------------------------------------------------
// What reads as IceWarp

/** Words of IceWarp's own folders and files (`C:\Program Files\IceWarp\`, `/opt/icewarp/`, `_outgoing`, `license.key`...). */
const ICEWARP_WORDS = /icewarp|merak|mailqueues|_incoming|_outgoing|teamchat|license\.key/i;

const ROOTED_PATH = /^(?:[\\/]|[A-Za-z]:[\\/])/;

/** What a value fitting its line is, for a reason ("a path"), or undefined when it does not fit. */
function fitOf(kind: ValueKind, value: string): string | undefined {
  switch (kind) {
    case 'directory':
      return ROOTED_PATH.test(value) ? t('a path') : undefined;
    case 'serverId':
      return /^[A-Za-z0-9]{1,3}$/.test(value) ? t('a Server ID') : undefined;
    case 'remoteLogon':
      return ROOTED_PATH.test(value) && value.includes(';') ? t('a remote logon') : undefined;
    case 'ipBinding': {
      const parts = value.split(/[;|]/).map((part) => part.trim()).filter((part) => part.length > 0);
      return parts.length > 0 && parts.every(isIpAddress) ? t('an IP binding') : undefined;
    }
    case 'hostname':
    case 'host':
      return isNamedHost(value) ? t('a host') : undefined;
    case 'hostList': {
      const hosts = value.split(/[;,\s]+/).filter((host) => host.length > 0);
      return hosts.length > 0 && hosts.every(isNamedHost) ? t('hosts') : undefined;
    }
    case 'file':
      return /\.key$|license/i.test(value) ? t('a license file') : undefined;
    case 'slaveFlag':
      // `0` and `1`, and the words people write instead (a quick fix turns them into a digit).
      return /^(?:[01]|true|false|yes|no|on|off|master|slave)$/i.test(value) ? t('a slave flag') : undefined;
    case 'url':
      return /^https?:\/\/\S+$/i.test(value) ? t('a URL') : undefined;
    case 'reserved':
      return undefined;
  }
}

/** A host another server could reach by that name: an IP, or a DNS name with a dot (a lone word is anything). */
function isNamedHost(value: string): boolean {
  // `6.28318000E-01` is a valid DNS name too, but it is a number.
  return isIpAddress(value) || (value.includes('.') && isValidHost(value) && !/^[\d.]+$/.test(value) && !NUMBER.test(value));
}

// ---------------------------------------------------------------------------------------------
// What reads as another program's format

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eEdD][-+]?\d+)?$/;
const NOT_A_NUMBER = /^[-+]?(?:nan|inf|infinity)$/i;
/** A key: a name of letters, digits, `_`, `-`, `.` and inner spaces, no path separator. */
const KEY = /^(?:export\s+|set\s+)?[A-Za-z_][\w.\- ]{0,62}$/;

/** The shape of another format the (trimmed, non-empty) line has, if any. */
function foreignShape(value: string, line = 0): ForeignShape | undefined {
  const first = value[0];
  if (/^(?:#|\/\/\s|--\s|REM\s|<!--|\/\*|\*\/)/i.test(value)) return 'comment';
  if (first === '<' && /^<(?:\?xml|!--|!doctype|\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>)/i.test(value)) return 'markup';
  if (first === '[') {
    if (/^\[[A-Za-z_][\w .-]*\]$/.test(value)) return '[section]';
    if (/^\[["']/.test(value)) return 'code';
  }
  if (/^"[^"]{0,80}"\s*:/.test(value)) return 'JSON';
  if (/^[{}[\]()]+[,;]?$/.test(value) || /[{[(]$/.test(value)) return 'code';
  const equals = value.indexOf('=');
  if (equals > 0 && equals <= 64 && KEY.test(value.slice(0, equals).trim())) return 'key=value';
  const colon = value.indexOf(':');
  if (colon >= 2 && colon <= 64 && (colon + 1 === value.length || value[colon + 1] === ' ' || value[colon + 1] === '\t')) {
    const key = value.slice(0, colon).replace(/^-\s+/, '').trim();
    if (key.length >= 2 && KEY.test(key)) return 'key: value';
  }
  if (/^-\s+\S/.test(value)) return 'list item';
  if ((first === '"' && value.endsWith('"') && value.length >= 2) || (first === "'" && value.endsWith("'") && value.length >= 2)) return 'a quoted string';
  return numbersShape(value, line);
}

/**
 * `4.32 4.15`, `0.1234567E+02  -0.2E-01`: two or more numbers on a line; or one number that is
 * not a small whole number (a Server ID on line 4 and the flag on line 14 are those).
 */
function numbersShape(value: string, line: number): ForeignShape | undefined {
  const tokens = value.split(/[\s,;]+/).filter((token) => token.length > 0);
  if (tokens.length === 0 || !tokens.every((token) => NUMBER.test(token) || NOT_A_NUMBER.test(token))) return undefined;
  if (tokens.length >= 2) return 'columns of numbers';
  const token = tokens[0];
  if (/^\d+$/.test(token) && (token.length <= 3 || line === 4 || line === 14)) return undefined;
  return 'a number';
}

// ---------------------------------------------------------------------------------------------
// Words

function examples(items: readonly string[], max = 3): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}...` : items.join(', ');
}

/** `1-3, 7, 9-11` */
function lineList(lines: readonly number[]): string {
  const ranges: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const start = lines[index];
    while (index + 1 < lines.length && lines[index + 1] === lines[index] + 1) index++;
    ranges.push(start === lines[index] ? String(start) : `${start}-${lines[index]}`);
  }
  return examples(ranges, 4);
}

function shapeSummary(foreign: readonly { line: number; shape: ForeignShape }[]): string {
  const byShape = new Map<ForeignShape, number[]>();
  for (const { line, shape } of foreign) byShape.set(shape, [...(byShape.get(shape) ?? []), line]);
  const parts = [...byShape.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([shape, lines]) => (lines.length === 1 ? t('{0} on line {1}', shapeName(shape), lineList(lines)) : t('{0} on lines {1}', shapeName(shape), lineList(lines))));
  return examples(parts, 3);
}

/** A shape in the current language; the literal shapes (`key=value`, `[section]`, `key: value`, JSON) stay as written. */
function shapeName(shape: ForeignShape): string {
  switch (shape) {
    case 'key=value':
    case '[section]':
    case 'key: value':
    case 'JSON':
      return shape;
    case 'list item':
      return t('list item');
    case 'code':
      return t('code');
    case 'comment':
      return t('comment');
    case 'markup':
      return t('markup');
    case 'columns of numbers':
      return t('columns of numbers');
    case 'a number':
      return t('a number');
    case 'a quoted string':
      return t('a quoted string');
  }
}
