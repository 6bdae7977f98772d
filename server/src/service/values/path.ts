import { Piece } from '../types';
import { slicePiece, trimPiece, withoutTrailing } from './pieces';

/** How a path is rooted. `unc` covers every path that begins with two or more separators, well formed or not. */
export type PathStyle = 'unc' | 'drive' | 'posix' | 'relative';

export interface UncParts {
  /** The leading separators as written (`\\`, `//`, `\\\`, or a single `\`). */
  prefix: Piece;
  server?: Piece;
  share?: Piece;
}

export interface PathValue extends Piece {
  style: PathStyle;
  /** A Windows path (UNC, drive letter, or relative with backslashes) rather than POSIX. */
  windows: boolean;
  unc?: UncParts;
}

const SEPARATOR = /[\\/]/;

/** Reads a path value (the piece is trimmed first; whitespace is another rule's business). */
export function parsePath(raw: Piece): PathValue {
  const piece = trimPiece(raw);
  const text = piece.text;
  const leading = /^[\\/]*/.exec(text)?.[0] ?? '';
  // Two or more separators, or a lone backslash before a name, are meant as UNC.
  // Written out rather than `{ ...piece }`: V8 gave each spread copy a hidden class of its own
  // (some 150 bytes per path of every node, docs/performance.md, figure (j)).
  if (leading.length >= 2 || (leading === '\\' && text.length > 1)) {
    return { text, range: piece.range, style: 'unc', windows: true, unc: parseUnc(piece, leading.length) };
  }
  if (/^[A-Za-z]:/.test(text)) return { text, range: piece.range, style: 'drive', windows: true };
  if (leading === '/') return { text, range: piece.range, style: 'posix', windows: false };
  return { text, range: piece.range, style: 'relative', windows: text.includes('\\') };
}

function parseUnc(piece: Piece, prefixLength: number): UncParts {
  const prefix = slicePiece(piece, 0, prefixLength);
  const rest = piece.text.slice(prefixLength);
  const serverEnd = indexOfSeparator(rest);
  if (serverEnd === 0) return { prefix };
  const serverLength = serverEnd < 0 ? rest.length : serverEnd;
  const server = slicePiece(piece, prefixLength, prefixLength + serverLength);
  if (serverEnd < 0) return { prefix, server };
  const shareStart = prefixLength + serverLength + 1;
  const afterServer = piece.text.slice(shareStart);
  const shareEnd = indexOfSeparator(afterServer);
  const shareLength = shareEnd < 0 ? afterServer.length : shareEnd;
  if (shareLength === 0) return { prefix, server };
  return { prefix, server, share: slicePiece(piece, shareStart, shareStart + shareLength) };
}

function indexOfSeparator(text: string): number {
  const match = SEPARATOR.exec(text);
  return match ? match.index : -1;
}

/** Is this a Windows-style path (as opposed to POSIX)? Only meaningful for rooted paths. */
export function isWindowsStyle(path: PathValue): boolean {
  return path.windows;
}

/**
 * The longest path either platform can open (Windows' `\\?\` paths; Linux stops at 4,096): a
 * longer value is no folder of any server, so its key is its text as written, not normalised.
 */
const LONGEST_PATH = 32_767;
/** Keys of paths longer than this are kept once derived; a real folder's key costs less to derive again than to keep for every node. */
const KEPT_KEY_LENGTH = 256;
const longPathKeys = new WeakMap<PathValue, string>();

/**
 * A comparable key for "is this the same folder": Windows paths compare case-insensitively
 * with either slash; a trailing separator does not matter. A long path's key is derived once
 * per parse: a megabyte of `/` on a queue line is asked for by the index and by several rules,
 * and normalising it cost a tenth of a second or more each time.
 */
export function folderKey(path: PathValue): string {
  if (path.text.length <= KEPT_KEY_LENGTH) return deriveFolderKey(path);
  let key = longPathKeys.get(path);
  if (key === undefined) {
    key = path.text.length > LONGEST_PATH ? `${path.style}:${path.text}` : deriveFolderKey(path);
    longPathKeys.set(path, key);
  }
  return key;
}

function deriveFolderKey(path: PathValue): string {
  // split/join rather than a global regular expression: the same result, several times faster on a long value.
  if (path.windows) return withoutTrailing(path.text.split('/').join('\\'), '\\').toLowerCase();
  return withoutTrailing(path.text, '/');
}

/** `\\server\share` in a comparable form, for UNC paths with both parts. */
export function shareKey(path: PathValue): string | undefined {
  if (!path.unc?.server || !path.unc.share) return undefined;
  return `\\\\${path.unc.server.text}\\${path.unc.share.text}`.toLowerCase();
}

/** Is `inner` the folder `outer` or inside it? */
export function isInsideFolder(inner: PathValue, outer: PathValue): boolean {
  const innerKey = folderKey(inner);
  const outerKey = folderKey(outer);
  const separator = outer.windows ? '\\' : '/';
  return innerKey === outerKey || innerKey.startsWith(outerKey + separator);
}

/** The folder names of the path, in order. */
export function pathSegments(path: PathValue): string[] {
  return path.text.split(/[\\/]+/).filter((segment) => segment.length > 0);
}
