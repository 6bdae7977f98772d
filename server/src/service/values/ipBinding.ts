import { Piece } from '../types';
import { splitPiece, trimPiece } from './pieces';

export interface IpBindingHalf extends Piece {
  /** Every entry between `;`, trimmed; an empty entry is a bad entry too. */
  entries: Piece[];
}

export interface IpBinding {
  /** The server binding, then the outgoing binding; more than two halves is a mistake. */
  halves: IpBindingHalf[];
}

export function parseIpBinding(raw: Piece): IpBinding {
  const piece = trimPiece(raw);
  if (piece.text.length === 0) return { halves: [] };
  const halves = splitPiece(piece, /\|/).parts.map((half) => ({
    text: half.text,
    range: half.range,
    entries: splitPiece(half, /;/).parts.map(trimPiece),
  }));
  return { halves };
}
