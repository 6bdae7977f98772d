// Navigation across nodes: Go to Definition (F12) and Find All References (Shift+F12) on a host,
// its highlights in the file, and every node by hostname, Server ID and folder (Ctrl+T).
import { DocumentHighlightKind, Location, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { definition, documentHighlights, references, workspaceSymbols } from '../service';
import { Feature } from './feature';

export const navigation: Feature = {
  capabilities: { definitionProvider: true, referencesProvider: true, documentHighlightProvider: true, workspaceSymbolProvider: true },
  register({ connection, nodeFor, workspace }) {
    connection.onDefinition((params): Location[] => {
      const node = nodeFor(params.textDocument.uri);
      return node ? definition(node, params.position, workspace) : [];
    });
    connection.onReferences((params): Location[] => {
      const node = nodeFor(params.textDocument.uri);
      return node ? references(node, params.position, workspace, params.context.includeDeclaration) : [];
    });
    connection.onDocumentHighlight((params) => {
      const node = nodeFor(params.textDocument.uri);
      if (!node) return [];
      return documentHighlights(node, params.position).map((highlight) => ({
        range: highlight.range,
        kind: highlight.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    });
    connection.onWorkspaceSymbol((params): SymbolInformation[] =>
      workspaceSymbols(params.query, workspace).map((symbol) => ({
        name: symbol.name,
        kind: SymbolKind.Module,
        location: { uri: symbol.uri, range: symbol.range },
        ...(symbol.containerName ? { containerName: symbol.containerName } : {}),
      })),
    );
  },
};
