// Completion per line: role flag values, known hosts, default folders, the next free Server ID.
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { CompletionKind, completions } from '../service/completion';
import { Feature } from './feature';

const ITEM_KIND: Record<CompletionKind, CompletionItemKind> = {
  value: CompletionItemKind.Value,
  host: CompletionItemKind.Reference,
  folder: CompletionItemKind.Folder,
};

export const completion: Feature = {
  // `;` starts the next slave host on line 16.
  capabilities: { completionProvider: { triggerCharacters: [';'], resolveProvider: false } },
  register({ connection, nodeFor, workspace }) {
    connection.onCompletion((params): CompletionItem[] => {
      const node = nodeFor(params.textDocument.uri);
      if (!node) return [];
      return completions(node, params.position, workspace).map((entry) => ({
        label: entry.label,
        kind: ITEM_KIND[entry.kind],
        detail: entry.detail,
        ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
        textEdit: entry.edit,
        insertTextFormat: InsertTextFormat.PlainText,
        sortText: entry.sortText,
        ...(entry.filterText !== undefined ? { filterText: entry.filterText } : {}),
        ...(entry.preselect ? { preselect: true } : {}),
      }));
    });
  },
};
