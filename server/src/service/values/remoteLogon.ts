import { Piece } from '../types';
import { PathValue, parsePath } from './path';
import { splitPiece, trimPiece } from './pieces';

export interface RemoteLogonEntry extends Piece {
  /** How many `;`-separated parts the entry has (3 when well formed). */
  partCount: number;
  path?: PathValue;
  user?: Piece;
  /** Secret: never print its text anywhere. */
  password?: Piece;
}

/** Line 5: `\\server\share;user;password` entries joined by `|` (spaces around `|` occur). */
export function parseRemoteLogon(raw: Piece): RemoteLogonEntry[] {
  const piece = trimPiece(raw);
  if (piece.text.length === 0) return [];
  return splitPiece(piece, /\|/).parts.map((part) => {
    const entry = trimPiece(part);
    // The password keeps any further `;`: it is the rest of the entry.
    const { parts } = splitPiece(entry, /;/, 3);
    const [path, user, password] = parts;
    return {
      ...entry,
      partCount: parts.length,
      path: path && path.text.trim().length > 0 ? parsePath(path) : undefined,
      user: user ? trimPiece(user) : undefined,
      password,
    };
  });
}
