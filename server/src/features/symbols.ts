// The outline: the 17 fields with their values (passwords masked).
import { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { FieldSymbol, FieldSymbolKind, documentSymbols } from '../service';
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

/** The outline, flat, for a client without hierarchical symbols: each child names its field as container. */
function toSymbolInformation(uri: string, symbol: FieldSymbol, containerName?: string): SymbolInformation[] {
  const own: SymbolInformation = {
    name: symbol.name,
    kind: SYMBOL_KIND[symbol.kind],
    location: { uri, range: symbol.range },
    ...(containerName !== undefined ? { containerName } : {}),
  };
  return [own, ...symbol.children.flatMap((child) => toSymbolInformation(uri, child, symbol.name))];
}

export const symbols: Feature = {
  capabilities: { documentSymbolProvider: { label: 'IceWarp fields' } },
  register({ connection, nodeFor, clientCapabilities }) {
    connection.onDocumentSymbol((params) => {
      const node = nodeFor(params.textDocument.uri);
      if (!node) return [];
      const fields = documentSymbols(node);
      if (clientCapabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport !== true) {
        return fields.flatMap((symbol) => toSymbolInformation(node.uri, symbol));
      }
      return fields.map(toDocumentSymbol);
    });
  },
};
