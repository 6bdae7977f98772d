// Full-document semantic tokens by field; the legend comes from the service.
import { SemanticTokensBuilder } from 'vscode-languageserver';
import { TOKEN_MODIFIERS, TOKEN_TYPES, semanticTokens as tokensOf } from '../service';
import { Feature } from './feature';

export const semanticTokens: Feature = {
  capabilities: {
    semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true, range: false },
  },
  register({ connection, nodeFor }) {
    connection.languages.semanticTokens.on((params) => {
      const builder = new SemanticTokensBuilder();
      const node = nodeFor(params.textDocument.uri);
      if (!node) return builder.build();
      for (const token of tokensOf(node)) {
        const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
        builder.push(token.line, token.character, token.length, TOKEN_TYPES.indexOf(token.type), modifiers);
      }
      return builder.build();
    });
  },
};
