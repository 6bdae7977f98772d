// Completion per line: role flag values, known hosts, default folders, the next free Server ID;
// the whole-file snippets in an empty file, as snippets where the client supports them and as
// their plain text (every tab stop at its default) where it does not.
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { CompletionKind, completions } from '../service';
import { Feature } from './feature';

const ITEM_KIND: Record<CompletionKind, CompletionItemKind> = {
  value: CompletionItemKind.Value,
  host: CompletionItemKind.Reference,
  folder: CompletionItemKind.Folder,
  snippet: CompletionItemKind.Snippet,
};

export const completion: Feature = {
  // `;` starts the next slave host on line 16.
  capabilities: { completionProvider: { triggerCharacters: [';'], resolveProvider: false } },
  register({ connection, nodeFor, workspace, clientCapabilities }) {
    connection.onCompletion((params): CompletionItem[] => {
      const node = nodeFor(params.textDocument.uri);
      if (!node) return [];
      const snippets = clientCapabilities().textDocument?.completion?.completionItem?.snippetSupport === true;
      return completions(node, params.position, workspace).map((entry) => ({
        label: entry.label,
        kind: ITEM_KIND[entry.kind],
        detail: entry.detail,
        ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
        ...(entry.snippet !== undefined && snippets
          ? { textEdit: { range: entry.edit.range, newText: entry.snippet }, insertTextFormat: InsertTextFormat.Snippet }
          : { textEdit: entry.edit, insertTextFormat: InsertTextFormat.PlainText }),
        ...(entry.additionalEdits ? { additionalTextEdits: entry.additionalEdits } : {}),
        sortText: entry.sortText,
        ...(entry.filterText !== undefined ? { filterText: entry.filterText } : {}),
        ...(entry.preselect ? { preselect: true } : {}),
      }));
    });
  },
};
