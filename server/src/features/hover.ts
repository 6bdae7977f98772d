// Hover over any line: the field it is read as, its docs, what the value means.
import { MarkupKind } from 'vscode-languageserver';
import { hover as hoverAt } from '../service';
import { Feature } from './feature';

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, nodeFor, workspace }) {
    connection.onHover((params) => {
      const node = nodeFor(params.textDocument.uri);
      const result = node && hoverAt(node, params.position, workspace);
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range };
    });
  },
};
