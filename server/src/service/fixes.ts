// Quick fixes, found by diagnostic code (never by message text). Each fix is a pure function
// model -> TextEdit[] that touches only its own line and writes the file's own line ending.
// `isPreferred` marks fixes that are safe without a human choice; fix-all applies only those.
import { fieldAtLine } from './fields';
import { FieldLine, NodeFile, allPaths, parseNodeFile } from './parse';
import { DiagnosticCode, isDiagnosticCode } from './rules/codes';
import { Piece, Range, TextEdit, comparePositions, rangesIntersect } from './types';
import { HostList, hostKey, isIpAddress } from './values/hosts';
import { IpBindingHalf } from './values/ipBinding';
import { PathValue } from './values/path';
import { WorkspaceFacts, Workspace } from './workspace';
import { defaultFor, subfolder } from './platform';
import { applyEdits, diffEdits, editsOverlap } from './textEdits';
import { ValidationOptions, validate } from './languageService';

/** What a fix needs to know about the diagnostic it answers: its code and where it is. */
export interface DiagnosticRef {
  code: string;
  range: Range;
}

export interface Fix {
  /** Stable name of the kind of fix (e.g. `server-id-next-free`); tests check each one. */
  id: string;
  /** Shown in the light-bulb menu. Never holds a password. */
  title: string;
  /** Safe without a human choice: offered as the preferred fix and applied by fix-all. */
  isPreferred: boolean;
  edits(node: NodeFile): TextEdit[];
}

export type FixProvider = (node: NodeFile, diagnostic: DiagnosticRef, workspace: WorkspaceFacts) => Fix[];

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Replaces a field's value (its trimmed text), creating the line if the file is too short. */
function setValue(node: NodeFile, line: FieldLine, text: string): TextEdit[] {
  if (line.present) return [{ range: line.value.range, newText: text }];
  const lastIndex = node.lines.length - 1;
  return [{ range: node.endOfDocument, newText: node.ending.repeat(line.index - lastIndex) + text }];
}

function deleteRange(range: Range): TextEdit {
  return { range, newText: '' };
}


/** The field on the diagnostic's line, if it is one of lines 1-17. */
function fieldOf(node: NodeFile, diagnostic: DiagnosticRef): FieldLine | undefined {
  return node.fields[diagnostic.range.start.line];
}

/** The pieces the diagnostic points at, or all of them when it points at none in particular. */
function targeted<T extends Piece>(pieces: readonly T[], diagnostic: DiagnosticRef): T[] {
  const hit = pieces.filter((piece) => rangesIntersect(piece.range, diagnostic.range));
  return hit.length > 0 ? hit : [...pieces];
}

/**
 * Removes hosts from a host list together with one separator each (the one before, or after
 * for the first), so `a;b;c` minus `b` is `a;c`. Deletions of neighbours merge.
 */
function removeHosts(list: HostList, remove: readonly Piece[]): TextEdit[] {
  const tokens = [...list.hosts.map((piece) => ({ piece, host: true })), ...list.separators.map((piece) => ({ piece, host: false }))].sort(
    (a, b) => comparePositions(a.piece.range.start, b.piece.range.start),
  );
  const removed = new Set<number>();
  tokens.forEach((token, index) => {
    if (!token.host || !remove.includes(token.piece)) return;
    removed.add(index);
    if (index > 0 && !tokens[index - 1].host) removed.add(index - 1);
    else if (index + 1 < tokens.length && !tokens[index + 1].host) removed.add(index + 1);
  });
  // Every host gone: the separators go too.
  if (tokens.every((token, index) => !token.host || removed.has(index))) tokens.forEach((_, index) => removed.add(index));
  return mergeDeletions([...removed].sort((a, b) => a - b).map((index) => tokens[index].piece.range));
}

/** Adjacent deletions become one edit, so fix-all never sees two edits touching at a point. */
function mergeDeletions(ranges: readonly Range[]): TextEdit[] {
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && comparePositions(last.end, range.start) >= 0) {
      if (comparePositions(range.end, last.end) > 0) last.end = range.end;
    } else merged.push({ start: { ...range.start }, end: { ...range.end } });
  }
  return merged.map(deleteRange);
}

function rangeBetween(start: Piece, end: Piece, fromEndOfStart: boolean, toStartOfEnd: boolean): Range {
  return { start: fromEndOfStart ? start.range.end : start.range.start, end: toStartOfEnd ? end.range.start : end.range.end };
}

/** The paths (with their field) the diagnostic points at. */
function pathsAt(node: NodeFile, diagnostic: DiagnosticRef): PathValue[] {
  return targeted(
    allPaths(node).map(({ path }) => path),
    diagnostic,
  ).filter((path) => path.range.start.line === diagnostic.range.start.line);
}

// ---------------------------------------------------------------------------------------------
// Fixes by kind

function nextFreeServerId(node: NodeFile, workspace: WorkspaceFacts, isPreferred: boolean): Fix[] {
  const id = workspace.nextFreeServerId();
  if (node.field.serverId.value.text === id) return [];
  return [{ id: 'server-id-next-free', title: `Use the next free numeric Server ID: ${id}`, isPreferred, edits: (model) => setValue(model, model.field.serverId, id) }];
}

function keepFirstTwo(node: NodeFile): Fix[] {
  const kept = node.field.serverId.value.text.slice(0, 2);
  if (!/^[A-Za-z0-9]{2}$/.test(kept)) return [];
  return [{ id: 'server-id-keep-first-two', title: `Keep the first two characters: ${kept}`, isPreferred: false, edits: (model) => setValue(model, model.field.serverId, kept) }];
}

function setSlaveFlag(flag: '0' | '1', isPreferred: boolean, title?: string): Fix {
  const meaning = fieldAtLine(14)?.values?.find((entry) => entry.value === flag)?.meaning ?? '';
  return {
    id: `slave-flag-${flag}`,
    title: title ?? `Set the slave flag to ${flag}: ${meaning}`,
    isPreferred,
    edits: (model) => setValue(model, model.field.slaveFlag, flag),
  };
}

/** `\\\server\share` and `\server\share` mean `\\server\share`; only offered when server and share are both there. */
function repairUncPrefix(node: NodeFile, diagnostic: DiagnosticRef): Fix[] {
  return pathsAt(node, diagnostic)
    .filter((path) => path.style === 'unc' && path.unc?.server && path.unc.share && !/^(\\\\|\/\/)$/.test(path.unc.prefix.text))
    .map((path) => {
      const prefix = path.unc?.prefix as Piece;
      const repaired = /^\/+$/.test(prefix.text) ? '//' : '\\\\';
      return {
        id: 'unc-repair-prefix',
        title: `Start the UNC path with ${repaired}`,
        isPreferred: true,
        edits: () => [{ range: prefix.range, newText: repaired }],
      };
    });
}

function backslashes(node: NodeFile, diagnostic: DiagnosticRef): Fix[] {
  const paths = pathsAt(node, diagnostic).filter((path) => path.windows && path.text.includes('/'));
  if (paths.length === 0) return [];
  return [
    {
      id: 'unc-backslashes',
      title: 'Convert / to \\ in this Windows path',
      isPreferred: true,
      edits: () => paths.map((path) => ({ range: path.range, newText: path.text.replace(/\//g, '\\') })),
    },
  ];
}

/** A working folder on a share goes back to this server's local default (or under line 8 for the retry queue). */
function localWorkingFolder(node: NodeFile, diagnostic: DiagnosticRef): Fix[] {
  const line = fieldOf(node, diagnostic);
  if (!line || line.field.sharing !== 'working') return [];
  const path = node.paths.get(line.field.id);
  if (!path) return [];
  const outgoing = node.paths.get('outgoingQueue');
  let target: string | undefined;
  let what = "this server's local default";
  if (line.field.id === 'retryQueue' && outgoing && outgoing.style !== 'unc') {
    target = subfolder(outgoing, 'retry');
    what = 'the local outgoing queue + retry';
  } else {
    // A share is a Windows notion; a POSIX file would not have a UNC path in the first place.
    target = defaultFor(line.field, path.windows ? 'windows' : 'posix');
  }
  if (!target || target === path.text) return [];
  const newText = target;
  return [{ id: 'working-folder-local-default', title: `Use ${what}: ${newText}`, isPreferred: false, edits: () => [{ range: path.range, newText }] }];
}

function trimWhitespace(node: NodeFile, diagnostic: DiagnosticRef): Fix[] {
  const line = fieldOf(node, diagnostic);
  if (!line || line.raw.text === line.value.text) return [];
  const edges: Range[] = [];
  if (line.value.text.length === 0) edges.push(line.raw.range);
  else {
    if (comparePositions(line.raw.range.start, line.value.range.start) < 0) edges.push({ start: line.raw.range.start, end: line.value.range.start });
    if (comparePositions(line.value.range.end, line.raw.range.end) < 0) edges.push({ start: line.value.range.end, end: line.raw.range.end });
  }
  const hit = edges.filter((edge) => rangesIntersect(edge, diagnostic.range));
  const chosen = hit.length > 0 ? hit : edges;
  // A trailing space on line 5 may belong to the last password: trim it only when asked.
  const isPreferred = line.field.id !== 'remoteLogon';
  return [{ id: 'whitespace-trim', title: `Trim whitespace from ${line.field.title} (line ${line.field.line})`, isPreferred, edits: () => chosen.map(deleteRange) }];
}

function roleInvalid(node: NodeFile): Fix[] {
  const value = node.field.slaveFlag.value.text;
  // Words whose intent is unmistakable get a preferred fix; anything else is the user's call.
  const meansSlave = /^(true|yes|on|slave)$/i.test(value);
  const meansMaster = /^(false|no|off|master)$/i.test(value);
  return [setSlaveFlag('0', meansMaster), setSlaveFlag('1', meansSlave)];
}

function keepOneMaster(node: NodeFile): Fix[] {
  const hosts = node.masterHosts.hosts;
  if (hosts.length < 2) return [];
  return hosts.map((host, index) => ({
    id: index === 0 ? 'master-host-keep-first' : 'master-host-keep-other',
    title: `Keep only ${host.text} as the master host`,
    isPreferred: false,
    edits: (model: NodeFile) => setValue(model, model.field.masterHost, host.text),
  }));
}

function semicolons(node: NodeFile): Fix[] {
  const list = node.slaveHosts;
  const tokens = [...list.hosts, ...list.separators].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const edits: TextEdit[] = [];
  tokens.forEach((token, index) => {
    if (list.hosts.includes(token)) return;
    const between = index > 0 && index < tokens.length - 1;
    // A separator between two hosts becomes `;`; one before the first or after the last host goes.
    if (!between) edits.push(deleteRange(token.range));
    else if (token.text !== ';') edits.push({ range: token.range, newText: ';' });
  });
  if (edits.length === 0) return [];
  return [{ id: 'slave-list-semicolons', title: 'Separate the slave hosts with ;', isPreferred: true, edits: () => edits }];
}

function removeRepeats(node: NodeFile, diagnostic: DiagnosticRef): Fix[] {
  const seen = new Set<string>();
  const repeats: Piece[] = [];
  for (const host of node.slaveHosts.hosts) {
    const key = hostKey(host.text);
    if (seen.has(key)) repeats.push(host);
    seen.add(key);
  }
  if (repeats.length === 0) return [];
  const chosen = targeted(repeats, diagnostic);
  const names = [...new Set(chosen.map((host) => host.text))].join(', ');
  return [{ id: 'slave-remove-repeat', title: `Remove the repeated ${names} from the slave hosts`, isPreferred: true, edits: () => removeHosts(node.slaveHosts, chosen) }];
}

function removeMasterFromSlaves(node: NodeFile): Fix[] {
  const masters = new Set(node.masterHosts.hosts.map((host) => hostKey(host.text)));
  const listed = node.slaveHosts.hosts.filter((host) => masters.has(hostKey(host.text)));
  if (listed.length === 0) return [];
  return [
    {
      id: 'slave-remove-master',
      title: `Remove the master host ${listed[0].text} from the slave hosts`,
      isPreferred: true,
      edits: () => removeHosts(node.slaveHosts, listed),
    },
  ];
}

function matchRole(node: NodeFile): Fix[] {
  const own = node.field.hostname.value.text;
  if (!own) return [];
  const key = hostKey(own);
  const isMaster = node.masterHosts.hosts.some((host) => hostKey(host.text) === key);
  const isSlave = node.slaveHosts.hosts.some((host) => hostKey(host.text) === key);
  const flag = node.field.slaveFlag.value.text;
  if (isMaster && flag !== '0' && flag !== '') return [setSlaveFlag('0', false, `Set the slave flag to 0: ${own} is the master host (line 15)`)];
  if (!isMaster && isSlave && flag !== '1') return [setSlaveFlag('1', false, `Set the slave flag to 1: ${own} is listed as a slave (line 16)`)];
  return [];
}

/** Removes the IP binding entries the diagnostic points at (bad IPs, empty entries, a third half). */
function removeBadBindings(node: NodeFile, diagnostic: DiagnosticRef): Fix[] {
  const halves = node.ipBinding.halves;
  const bad: { half: number; entry: Piece }[] = [];
  halves.forEach((half, index) => {
    for (const entry of half.entries) if (index >= 2 || !isIpAddress(entry.text)) bad.push({ half: index, entry });
  });
  if (bad.length === 0) return [];
  const hit = bad.filter(({ entry }) => rangesIntersect(entry.range, diagnostic.range));
  const chosen = new Set((hit.length > 0 ? hit : bad).map(({ entry }) => entry));
  const ranges: Range[] = [];
  const halfGone: boolean[] = halves.map((half) => half.entries.every((entry) => chosen.has(entry)));
  halves.forEach((half, index) => {
    if (!halfGone[index]) ranges.push(...entryDeletions(half, chosen));
  });
  // Whole halves go with their `|`: the one before them, or the one after for the first half.
  halves.forEach((half, index) => {
    if (!halfGone[index]) return;
    const previousKept = halves.slice(0, index).reverse().find((_, back) => !halfGone[index - 1 - back]);
    const nextKept = halves.slice(index + 1).find((_, forward) => !halfGone[index + 1 + forward]);
    if (previousKept) ranges.push(rangeBetween(previousKept, half, true, false));
    else if (nextKept) ranges.push(rangeBetween(half, nextKept, false, true));
    else ranges.push(node.field.ipBinding.value.range);
  });
  const edits = mergeDeletions(ranges.sort((a, b) => comparePositions(a.start, b.start)));
  const count = chosen.size;
  return [{ id: 'ip-binding-remove-bad', title: count === 1 ? 'Remove the invalid IP binding entry' : `Remove the ${count} invalid IP binding entries`, isPreferred: false, edits: () => edits }];
}

/** Deletes chosen entries inside a half that keeps at least one entry, each with one `;`. */
function entryDeletions(half: IpBindingHalf, chosen: ReadonlySet<Piece>): Range[] {
  const entries = half.entries;
  const ranges: Range[] = [];
  let index = 0;
  while (index < entries.length) {
    if (!chosen.has(entries[index])) {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < entries.length && chosen.has(entries[last + 1])) last++;
    if (index > 0) ranges.push(rangeBetween(entries[index - 1], entries[last], true, false));
    else ranges.push(rangeBetween(entries[index], entries[last + 1], false, true));
    index = last + 1;
  }
  return ranges;
}

function clearReserved(node: NodeFile): Fix[] {
  const line = node.field.reserved;
  if (!line.present || line.raw.text.length === 0) return [];
  return [{ id: 'reserved-clear', title: 'Clear the reserved line 3', isPreferred: false, edits: () => [deleteRange(line.raw.range)] }];
}

function retryUnderOutgoing(node: NodeFile): Fix[] {
  const outgoing = node.paths.get('outgoingQueue');
  const retry = node.field.retryQueue;
  if (!outgoing) return [];
  const target = subfolder(outgoing, 'retry');
  if (target === retry.value.text) return [];
  return [{ id: 'retry-under-outgoing', title: `Use the outgoing queue's retry folder: ${target}`, isPreferred: false, edits: (model) => setValue(model, model.field.retryQueue, target) }];
}

function normaliseEndings(node: NodeFile): Fix[] {
  const ending = node.ending;
  const name = ending === '\r\n' ? 'CRLF' : ending === '\n' ? 'LF' : 'CR';
  const edits: TextEdit[] = node.lines
    .filter((line) => line.ending !== '' && line.ending !== ending)
    .map((line) => ({
      range: { start: { line: line.index, character: line.column + line.text.length }, end: { line: line.index + 1, character: 0 } },
      newText: ending,
    }));
  if (edits.length === 0) return [];
  return [{ id: 'line-endings-normalise', title: `Use ${name} line endings throughout (as most lines do)`, isPreferred: true, edits: () => edits }];
}

// ---------------------------------------------------------------------------------------------
// The registry: code -> fixes. The fix column of ../../../shared/diagnostics.md, one row each.

export const FIX_PROVIDERS: Partial<Record<DiagnosticCode, FixProvider>> = {
  'server-id-too-long': (node, _diagnostic, workspace) => [...keepFirstTwo(node), ...nextFreeServerId(node, workspace, false)],
  'server-id-invalid-char': (node, _diagnostic, workspace) => nextFreeServerId(node, workspace, false),
  'server-id-not-numeric': (node, _diagnostic, workspace) => nextFreeServerId(node, workspace, false),
  // An empty ID in a cluster has nothing to lose: filling in a free one is safe.
  'server-id-missing': (node, _diagnostic, workspace) => nextFreeServerId(node, workspace, true),
  'server-id-duplicate': (node, _diagnostic, workspace) => nextFreeServerId(node, workspace, false),
  'unc-malformed': repairUncPrefix,
  'unc-forward-slashes': backslashes,
  'shared-temp-folder': localWorkingFolder,
  whitespace: trimWhitespace,
  'role-invalid': roleInvalid,
  'master-host-multiple': keepOneMaster,
  'slave-list-separator': semicolons,
  'slave-duplicate': removeRepeats,
  'master-in-slave-list': removeMasterFromSlaves,
  'role-mismatch': matchRole,
  'ip-binding-invalid': removeBadBindings,
  'reserved-line': clearReserved,
  'retry-outside-outgoing': retryUnderOutgoing,
  'mixed-line-endings': normaliseEndings,
};

/**
 * The fixes for one diagnostic of this node (none for codes without fixes or from other
 * sources). Each fix is tried before it is offered: one that would add an error anywhere in
 * its cluster, move lines up a field, or turn a character into a BOM is left out, so no
 * offered fix can make a file worse, whatever the file holds.
 */
export function fixesFor(node: NodeFile, diagnostic: DiagnosticRef, workspace: WorkspaceFacts): Fix[] {
  if (!isDiagnosticCode(diagnostic.code)) return [];
  const provider = FIX_PROVIDERS[diagnostic.code];
  if (!provider) return [];
  const trial = new FixTrial(node, workspace);
  return provider(node, diagnostic, workspace).filter((fix) => trial.isSafe(fix));
}

/** Applies fixes to a copy of the workspace and compares the errors before and after. */
class FixTrial {
  private errorsBefore: Map<string, number> | undefined;
  private readonly before: WorkspaceFacts;

  constructor(
    private readonly node: NodeFile,
    private readonly workspace: WorkspaceFacts,
  ) {
    // The workspace as it is, unless it holds another version of this node.
    this.before = workspace.get(node.uri) === node ? workspace : this.copyWith(node);
  }

  isSafe(fix: Fix): boolean {
    const text = applyEdits(this.node.text, fix.edits(this.node));
    if (text === this.node.text) return true;
    const fixed = parseNodeFile(this.node.uri, text);
    // Fewer lines (a lone CR and an LF meeting as one CRLF) shift every later field.
    if (fixed.lines.length < this.node.lines.length) return false;
    if (fixed.hasBom && !this.node.hasBom) return false;
    const after = this.copyWith(fixed);
    const affected = new Set([...this.before.dependents(this.node.uri), ...after.dependents(this.node.uri)]);
    this.errorsBefore ??= errorCounts(this.before, affected);
    const errorsAfter = errorCounts(after, affected);
    return [...errorsAfter].every(([code, count]) => count <= (this.errorsBefore?.get(code) ?? 0));
  }

  private copyWith(replacement: NodeFile): Workspace {
    const copy = new Workspace();
    for (const other of this.workspace.all()) if (other.uri !== replacement.uri) copy.set(other);
    copy.set(replacement);
    return copy;
  }
}

function errorCounts(workspace: WorkspaceFacts, uris: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const uri of uris) {
    const node = workspace.get(uri);
    if (!node) continue;
    for (const diagnostic of validate(node, workspace)) {
      if (diagnostic.severity === 'error') counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Fix-all

/** Fix-all stops after this many rounds even if a (broken) fix keeps finding work. */
const MAX_ROUNDS = 8;

/**
 * Every preferred fix of the file, as one set of edits. Fixes whose edits would overlap an
 * earlier one wait for the next round; rounds repeat on the fixed text until no preferred fix
 * is left, so a second fix-all finds nothing.
 */
export function fixAll(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions = {}): TextEdit[] {
  const overlay = new Workspace();
  for (const other of workspace.all()) overlay.set(other);
  let current = node;
  overlay.set(current);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = preferredEdits(current, overlay, options);
    if (edits.length === 0) break;
    const text = applyEdits(current.text, edits);
    if (text === current.text) break;
    current = parseNodeFile(node.uri, text);
    overlay.set(current);
  }
  return diffEdits(node.text, current.text);
}

/** One round: the preferred fixes of the current diagnostics that do not overlap each other. */
function preferredEdits(node: NodeFile, workspace: WorkspaceFacts, options: ValidationOptions): TextEdit[] {
  const accepted: TextEdit[] = [];
  for (const diagnostic of validate(node, workspace, options)) {
    for (const fix of fixesFor(node, diagnostic, workspace)) {
      if (!fix.isPreferred) continue;
      const edits = fix.edits(node);
      if (edits.some((edit) => accepted.some((other) => editsOverlap(edit.range, other.range)))) continue;
      accepted.push(...edits);
      break; // one fix per diagnostic
    }
  }
  return accepted;
}
