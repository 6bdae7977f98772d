// The outline: the 17 fields with their values (passwords masked).
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { FieldSymbol, FieldSymbolKind, documentSymbols } from '../service/symbols';
import { Feature } from './feature';

const SYMBOL_KIND: Record<FieldSymbolKind, SymbolKind> = {
  folder: SymbolKind.Package,
  file: SymbolKind.File,
  number: SymbolKind.Number,
  key: SymbolKind.Key,
  address: SymbolKind.Constant,
  host: SymbolKind.String,
  flag: SymbolKind.Boolean,
  url: SymbolKind.String,
  reserved: SymbolKind.Null,
  entry: SymbolKind.Object,
  unread: SymbolKind.Null,
};

function toDocumentSymbol(symbol: FieldSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    ...(symbol.children.length > 0 ? { children: symbol.children.map(toDocumentSymbol) } : {}),
  };
}

export const symbols: Feature = {
  capabilities: { documentSymbolProvider: { label: 'IceWarp fields' } },
  register({ connection, nodeFor }) {
    connection.onDocumentSymbol((params) => {
      const node = nodeFor(params.textDocument.uri);
      return node ? documentSymbols(node).map(toDocumentSymbol) : [];
    });
  },
};
