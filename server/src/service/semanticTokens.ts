// Semantic tokens by field, which a TextMate grammar cannot do (it cannot count lines): the
// same "12" is a Server ID on line 4 and nothing on line 3. The password has a token type of
// its own so a theme can dim it. The legend order is the protocol's: append, never reorder.
import { FIELD_COUNT } from './fields';
import { NodeFile } from './parse';
import { Piece } from './types';
import { isIpAddress } from './values/hosts';
import { PathValue } from './values/path';
import { slicePiece } from './values/pieces';
import { MAX_TOKENS_PER_LINE, MAX_UNREAD_LINES } from './bounds';

export const TOKEN_TYPES = ['serverId', 'roleFlag', 'host', 'ipAddress', 'path', 'uncServer', 'uncShare', 'user', 'password', 'url', 'unreadLine'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export const TOKEN_MODIFIERS = ['deprecated'] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

/** Every token of the file, sorted by position, none overlapping, each on one line. */
export function semanticTokens(node: NodeFile): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  const perLine = new Map<number, number>();
  const add = (piece: Piece | undefined, type: TokenType, modifiers: TokenModifier[] = []) => {
    if (!piece || piece.text.length === 0) return;
    // Line 10 alone can split into 256 halves of 256 entries: past a bound, the rest of a line is plain.
    const count = perLine.get(piece.range.start.line) ?? 0;
    if (count >= MAX_TOKENS_PER_LINE) return;
    perLine.set(piece.range.start.line, count + 1);
    tokens.push({ line: piece.range.start.line, character: piece.range.start.character, length: piece.text.length, type, modifiers });
  };
  const addHost = (piece: Piece) => add(piece, isIpAddress(piece.text) ? 'ipAddress' : 'host');

  for (const line of node.fields) {
    if (!line.present || line.value.text.length === 0) continue;
    const modifiers: TokenModifier[] = line.field.deprecated ? ['deprecated'] : [];
    switch (line.field.kind) {
      case 'directory': {
        const path = node.paths.get(line.field.id);
        if (path) addPath(path, modifiers, add);
        break;
      }
      case 'file':
        add(line.value, 'path', modifiers);
        break;
      case 'serverId':
        add(line.value, 'serverId');
        break;
      case 'remoteLogon':
        for (const entry of node.remoteLogon) {
          // An entry not in the form `UNC path;user;password` may be a password, whole: dim it like one.
          if (!entry.wellFormed) {
            add(entry.masked, 'password');
            continue;
          }
          if (entry.path) addPath(entry.path, [], add);
          add(entry.user, 'user');
          add(entry.password, 'password');
        }
        break;
      case 'ipBinding':
        for (const half of node.ipBinding.halves) for (const entry of half.entries) add(entry, 'ipAddress');
        break;
      case 'hostname':
        addHost(line.value);
        break;
      case 'slaveFlag':
        add(line.value, 'roleFlag');
        break;
      case 'host':
        node.masterHosts.hosts.forEach(addHost);
        break;
      case 'hostList':
        node.slaveHosts.hosts.forEach(addHost);
        break;
      case 'url':
        add(line.value, 'url');
        break;
      case 'reserved':
        break;
    }
  }
  // A log opened as path.cfg: its first lines past 17 are marked, not all 200,000.
  for (const line of node.extraLines.slice(0, MAX_UNREAD_LINES)) {
    if (line.index < FIELD_COUNT) continue;
    add({ text: line.text, range: { start: { line: line.index, character: line.column }, end: { line: line.index, character: line.column + line.text.length } } }, 'unreadLine');
  }
  return tokens.sort((a, b) => a.line - b.line || a.character - b.character);
}

/** A path is one token, except that a UNC path's server and share are tokens of their own. */
function addPath(path: PathValue, modifiers: TokenModifier[], add: (piece: Piece | undefined, type: TokenType, modifiers?: TokenModifier[]) => void): void {
  const server = path.unc?.server;
  const share = path.unc?.share;
  if (!server) {
    add(path, 'path', modifiers);
    return;
  }
  const base = path.range.start.character;
  const at = (piece: Piece) => piece.range.start.character - base;
  const end = (piece: Piece) => piece.range.end.character - base;
  add(slicePiece(path, 0, at(server)), 'path', modifiers);
  add(server, 'uncServer', modifiers);
  if (share) {
    add(slicePiece(path, end(server), at(share)), 'path', modifiers);
    add(share, 'uncShare', modifiers);
    add(slicePiece(path, end(share)), 'path', modifiers);
  } else {
    add(slicePiece(path, end(server)), 'path', modifiers);
  }
}
