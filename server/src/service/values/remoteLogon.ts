import { LogonEntryShape, Span, logonEntries } from '../../../../common/logonSecrets';
import { Piece } from '../types';
import { PathValue, parsePath } from './path';
import { slicePiece, trimPiece } from './pieces';

export interface RemoteLogonEntry extends Piece {
  /** How many `;`-separated parts the entry has (3 when well formed). */
  partCount: number;
  path?: PathValue;
  user?: Piece;
  /** Secret: never print its text anywhere. */
  password?: Piece;
  /**
   * `UNC path;user;password` as `common/logonSecrets.ts` defines it: its path and user may be
   * shown. Any other entry is shown masked, whole (it may be a password, or the tail of one).
   */
  wellFormed: boolean;
  /** What hover, outline and tokens hide: the password, or the whole entry when not well formed. */
  masked?: Piece;
  /** What may be a password or a piece of one: no edit may carry it (see `secretsOf`). */
  secrets: Piece[];
}

/** Line 5: `\\server\share;user;password` entries joined by `|` (spaces around `|` occur). */
export function parseRemoteLogon(raw: Piece): RemoteLogonEntry[] {
  if (trimPiece(raw).text.length === 0) return [];
  const piece = (span: Span) => slicePiece(raw, span[0], span[1]);
  return logonEntries(raw.text).map((shape): RemoteLogonEntry => {
    const entry = piece([shape.start, shape.end]);
    const { path, user, password, partCount } = partsOf(raw, shape);
    return {
      ...entry,
      partCount,
      path: path && path.text.trim().length > 0 ? parsePath(path) : undefined,
      user: user ? trimPiece(user) : undefined,
      // The password keeps any further `;`: it is the rest of the entry.
      password,
      wellFormed: shape.wellFormed,
      masked: shape.masked && piece(shape.masked),
      secrets: shape.secrets.map(piece),
    };
  });
}

function partsOf(raw: Piece, shape: LogonEntryShape): { path: Piece; user?: Piece; password?: Piece; partCount: number } {
  const { start, end, firstSemicolon: first, secondSemicolon: second } = shape;
  if (first < 0) return { path: slicePiece(raw, start, end), partCount: 1 };
  if (second < 0) return { path: slicePiece(raw, start, first), user: slicePiece(raw, first + 1, end), partCount: 2 };
  return { path: slicePiece(raw, start, first), user: slicePiece(raw, first + 1, second), password: slicePiece(raw, second + 1, end), partCount: 3 };
}

/** The user of an entry as it may be shown; undefined when it is empty or the entry is shown masked. */
export function shownUserOf(entry: RemoteLogonEntry): string | undefined {
  return entry.wellFormed && entry.user && entry.user.text.length > 0 ? entry.user.text : undefined;
}

/**
 * The entry's path, unless it may be a piece of a password (an entry after a `|` that is not
 * `UNC path;user;password` may be the tail of a password holding `|`): what rules may read as a path.
 */
export function pathOutsideSecrets(entry: RemoteLogonEntry): PathValue | undefined {
  const path = entry.path;
  if (!path) return undefined;
  const start = path.range.start.character;
  return entry.secrets.some((secret) => secret.range.start.character <= start && start < secret.range.end.character) ? undefined : path;
}
