// Is the file shifted by one line? An empty line inserted (or one deleted) moves every later
// value one field off: IceWarp reads the Server ID as the Remote logon, the IP binding as the
// hostname... and each line on its own looks broken. Judged here once per node, from what each
// value looks like (the value kinds of fields.ts): when several values fit only the field one
// line up (or down), the file is shifted, and the rules speak about the shift instead of each
// line, and cross-node checks leave the shifted values out (`shiftOf`, `isShiftedField`).
//
// A file that fits its layout is never shifted: the evidence is values that do not fit their
// own line, and a correct file has none. Cheap enough for every node of a large workspace: the
// 17 values (and line 18) are tested against three fields each, with short linear patterns.
import { FIELDS, FIELD_COUNT, FieldId, FieldSpec } from './fields';
import { perNode } from './memo';
import { NodeFile } from './parse';
import { isIpAddress, isValidHost } from './values/hosts';

export interface LineShift {
  /** `down`: a line was inserted, field N is on line N+1. `up`: a line was deleted, field N is on line N-1. */
  readonly direction: 'down' | 'up';
  /**
   * 1-based. Down: the line that seems inserted (it is empty; of a run of empty lines, the last,
   * right before the first misplaced value). Up: the first line that may be the deleted one's
   * place (the misplaced value's line, or the first of the empty lines right before it: the file
   * cannot tell which of them was deleted, and an empty line inserted at any of them reads the same).
   */
  readonly line: number;
  /** 1-based: the first line whose value is misplaced (down: `line` + 1; up: `line` or after it). */
  readonly valueLine: number;
  /** 0-based, inclusive: the lines read one field off (down: through line 18; up: through line 17). */
  readonly firstIndex: number;
  readonly lastIndex: number;
  /** 1-based lines whose values fit only when read one line off: the evidence. */
  readonly evidence: readonly number[];
}

/** How many values must fit only when shifted: one or two misplaced values are typos, not a shift. */
export const MIN_SHIFT_EVIDENCE = 3;

/**
 * The node's shift, or undefined when its values fit their lines (or fit them as well as any
 * shifted reading). The same answer for the same parsed node; the cross-node code asks it to
 * leave a shifted node's values out.
 */
export function shiftOf(node: NodeFile): LineShift | undefined {
  return shiftOrNone(node) ?? undefined;
}

/** Is this field's value of the node read from the wrong line (so no other node should compare with it)? */
export function isShiftedField(node: NodeFile, id: FieldId): boolean {
  const shift = shiftOf(node);
  if (!shift) return false;
  const index = FIELDS.findIndex((field) => field.id === id);
  return index >= shift.firstIndex && index <= shift.lastIndex;
}

/** Does this 0-based line lie among the shifted ones? */
export function isShiftedLine(shift: LineShift, lineIndex: number): boolean {
  return lineIndex >= shift.firstIndex && lineIndex <= shift.lastIndex;
}

// perNode caches a value, not undefined: `null` stands for "not shifted", so a correct node is judged once.
const shiftOrNone = perNode((node: NodeFile): LineShift | null => detectShift(node));

/** Lines 1-18: the 17 fields and the line a down shift pushes field 17 onto. */
const LAST_LINE = FIELD_COUNT + 1;

function detectShift(node: NodeFile): LineShift | null {
  // values[L] is line L's trimmed value (1-based; index 0 unused).
  const values: string[] = [''];
  for (const line of node.fields) values.push(line.present ? line.value.text : '');
  const eighteenth = node.extraLines.find((line) => line.index === FIELD_COUNT);
  values.push(eighteenth ? eighteenth.text.trim() : '');

  const fitsOwn: boolean[] = [];
  let misfits = 0;
  for (let line = 1; line <= LAST_LINE; line++) {
    fitsOwn[line] = values[line] === '' || fits(values[line], FIELDS[line - 1]);
    if (!fitsOwn[line]) misfits++;
  }
  // Nearly every file: its values fit their lines, so no shift can explain anything.
  if (misfits < MIN_SHIFT_EVIDENCE) return null;

  const fitsAbove: boolean[] = [];
  const fitsBelow: boolean[] = [];
  for (let line = 1; line <= LAST_LINE; line++) {
    if (values[line] === '') continue;
    fitsAbove[line] = fits(values[line], FIELDS[line - 2]);
    fitsBelow[line] = fits(values[line], FIELDS[line]);
  }

  const candidates: LineShift[] = [];
  // Down: line s is empty (inserted); lines s+1..18 hold fields s..17.
  for (let start = 1; start <= FIELD_COUNT; start++) {
    if (values[start] !== '' || !node.fields[start - 1].present) continue;
    const candidate = judge(values, fitsOwn, fitsAbove, 'down', start, start + 1, LAST_LINE);
    if (candidate) candidates.push(candidate);
  }
  // Up: line s was deleted; lines s..17 hold fields s+1..18 (there is no field 18).
  for (let start = 1; start < FIELD_COUNT; start++) {
    const candidate = judge(values, fitsOwn, fitsBelow, 'up', start, start, FIELD_COUNT);
    if (candidate) candidates.push(candidate);
  }
  // The most evidence wins. At a tie (a run of empty lines before the first misplaced value, any
  // of which reads the same): down, the last of them, right before the value; up, the first, so
  // that no line that may be the deleted one's place is judged on its own (nor filled by a fix).
  let best: LineShift | null = null;
  for (const candidate of candidates) {
    const better = !best || candidate.evidence.length > best.evidence.length || (candidate.evidence.length === best.evidence.length && candidate.direction === best.direction && (candidate.direction === 'down' ? candidate.line > best.line : candidate.line < best.line));
    if (better) best = candidate;
  }
  return best;
}

/**
 * A shifted reading of lines first..last: it must explain at least MIN_SHIFT_EVIDENCE values
 * (they fit only shifted), contradict none (no value that fits its own line fits nothing
 * shifted) and explain at least as many of the misfits as it leaves.
 */
function judge(values: readonly string[], fitsOwn: readonly boolean[], fitsShifted: readonly boolean[], direction: LineShift['direction'], start: number, first: number, last: number): LineShift | null {
  const evidence: number[] = [];
  let unexplained = 0;
  for (let line = first; line <= last; line++) {
    if (values[line] === '') continue;
    const shifted = fitsShifted[line] === true;
    if (fitsOwn[line] && !shifted) return null;
    if (!fitsOwn[line] && shifted) evidence.push(line);
    else if (!fitsOwn[line]) unexplained++;
  }
  if (evidence.length < MIN_SHIFT_EVIDENCE || unexplained > evidence.length) return null;
  let valueLine = first;
  while (valueLine < last && values[valueLine] === '') valueLine++;
  // Down: the inserted line and every line after it; up: from the first line read one off.
  return { direction, line: start, valueLine, firstIndex: start - 1, lastIndex: last - 1, evidence };
}

// ---------------------------------------------------------------------------------------------
// What a value looks like. Strict on purpose: a value that fits loosely proves nothing.

const ROOTED_PATH = /^(?:\\\\|\/\/|[A-Za-z]:[\\/]|\/|\\)/;
const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;
const SERVER_ID = /^[A-Za-z0-9]{1,2}$/;
const SLAVE_FLAG = /^[01]$/;
const LICENSE = /\.key$|license/i;

/** A directory of one field is told from another's by IceWarp's own folder names (`_outgoing`, `retry`...). */
const FOLDER_NAMES: ReadonlyMap<FieldId, string> = new Map(
  FIELDS.filter((field) => field.kind === 'directory' && field.defaults).map((field) => [field.id, lastFolder(field.defaults?.posix ?? '')]),
);

function fits(value: string, field: FieldSpec | undefined): boolean {
  if (!field) return false;
  switch (field.kind) {
    case 'directory':
      return isDirectory(value) && !namedForAnotherField(value, field.id);
    case 'reserved':
      return false;
    case 'serverId':
      return SERVER_ID.test(value);
    case 'remoteLogon':
      return ROOTED_PATH.test(value) && value.includes(';') && !URL_START.test(value);
    case 'ipBinding': {
      const parts = value.split(/[;|]/).map((part) => part.trim()).filter((part) => part.length > 0);
      return parts.length > 0 && parts.every(isIpAddress);
    }
    case 'hostname':
      return isNamedHost(value);
    case 'host':
      return isNamedHost(value) || isIpAddress(value);
    case 'hostList': {
      const hosts = value.split(/[;,\s]+/).filter((host) => host.length > 0);
      return hosts.length > 0 && hosts.every((host) => isNamedHost(host) || isIpAddress(host));
    }
    case 'file':
      return LICENSE.test(value) && !value.includes(';') && !/[\\/]$/.test(value);
    case 'slaveFlag':
      return SLAVE_FLAG.test(value);
    case 'url':
      return /^https?:\/\/\S+$/i.test(value);
  }
}

function isDirectory(value: string): boolean {
  return ROOTED_PATH.test(value) && !URL_START.test(value) && !/[;|]/.test(value);
}

/** A DNS name with a letter in it (a number is an ID or a flag, not a host; `license.key` is the license file). */
function isNamedHost(value: string): boolean {
  return /[A-Za-z]/.test(value) && isValidHost(value) && !isIpAddress(value) && !LICENSE.test(value);
}

function namedForAnotherField(value: string, id: FieldId): boolean {
  const name = lastFolder(value);
  if (!name) return false;
  for (const [other, otherName] of FOLDER_NAMES) if (other !== id && otherName === name) return true;
  return false;
}

/** `D:\IceWarp\queues\_outgoing\` -> `outgoing`: the last folder, lower case, without a leading `_`. */
function lastFolder(path: string): string {
  const parts = path.split(/[\\/]+/).filter((part) => part.length > 0);
  return (parts[parts.length - 1] ?? '').toLowerCase().replace(/^_/, '');
}
