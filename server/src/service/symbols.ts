// The outline: the 17 fields with their values (passwords masked), plus any lines IceWarp
// does not read. Lines 5 and 16 list their entries as children.
import { ValueKind } from './fields';
import { NodeFile } from './parse';
import { Range, lineRange } from './types';
import { PASSWORD_MASK, displayValue } from './describe';
import { MAX_UNREAD_SYMBOLS, excerpt } from './bounds';
import { shownUserOf } from './values/remoteLogon';
import { t } from './l10n';

/** Protocol-free symbol kinds; the LSP glue maps them to SymbolKind. */
export type FieldSymbolKind = 'folder' | 'file' | 'number' | 'key' | 'address' | 'host' | 'flag' | 'url' | 'reserved' | 'entry' | 'unread';

export interface FieldSymbol {
  name: string;
  /** The value as it may be shown; `(empty)` for an empty line. Never a password. */
  detail: string;
  kind: FieldSymbolKind;
  range: Range;
  selectionRange: Range;
  children: FieldSymbol[];
}

const KIND_OF: Record<ValueKind, FieldSymbolKind> = {
  directory: 'folder',
  reserved: 'reserved',
  serverId: 'number',
  remoteLogon: 'key',
  ipBinding: 'address',
  hostname: 'host',
  file: 'file',
  slaveFlag: 'flag',
  host: 'host',
  hostList: 'host',
  url: 'url',
};

export function documentSymbols(node: NodeFile): FieldSymbol[] {
  const symbols = node.fields.map((line): FieldSymbol => {
    const range = line.present ? lineRange(line.index, line.raw.range.start.character, line.raw.range.end.character) : node.endOfDocument;
    const value = displayValue(node, line);
    const symbol: FieldSymbol = {
      name: `${line.field.line} ${line.field.title}`,
      detail: value.length > 0 ? excerpt(value) : t('(empty)'),
      kind: KIND_OF[line.field.kind],
      range,
      selectionRange: line.present ? line.value.range : range,
      children: [],
    };
    if (line.field.id === 'remoteLogon') {
      // An entry not in the form `UNC path;user;password` is shown masked, whole: no part of it names the child.
      symbol.children = node.remoteLogon.map((entry, index) => ({
        name: entry.wellFormed && entry.path ? excerpt(entry.path.text) : t('entry {0}', index + 1),
        detail: entry.wellFormed ? [excerpt(shownUserOf(entry) ?? ''), entry.masked ? PASSWORD_MASK : ''].filter(Boolean).join(' · ') : entry.masked ? PASSWORD_MASK : t('(empty)'),
        kind: 'entry',
        range: entry.range,
        selectionRange: entry.path?.range ?? entry.range,
        children: [],
      }));
    } else if (line.field.id === 'slaveHosts') {
      symbol.children = node.slaveHosts.hosts.map((host) => ({ name: excerpt(host.text), detail: '', kind: 'host', range: host.range, selectionRange: host.range, children: [] }));
    }
    return symbol;
  });
  // Not shown: IceWarp's templates keep example blocks here, credentials included.
  for (const line of node.extraLines.slice(0, MAX_UNREAD_SYMBOLS)) {
    const range = lineRange(line.index, line.column, line.column + line.text.length);
    symbols.push({ name: `${line.index + 1} ${t('(not read)')}`, detail: t('IceWarp does not read lines after {0}', 17), kind: 'unread', range, selectionRange: range, children: [] });
  }
  // Past that, one entry for the rest: a log opened as path.cfg is not 200,000 outline entries.
  const rest = node.extraLines.slice(MAX_UNREAD_SYMBOLS);
  if (rest.length > 0) {
    const first = rest[0];
    const last = rest[rest.length - 1];
    const range = { start: { line: first.index, character: first.column }, end: { line: last.index, character: last.column + last.text.length } };
    const selectionRange = lineRange(first.index, first.column, first.column + first.text.length);
    symbols.push({ name: `${first.index + 1}-${last.index + 1} ${t('(not read)')}`, detail: t('{0} more lines IceWarp does not read', rest.length), kind: 'unread', range, selectionRange, children: [] });
  }
  return symbols;
}
