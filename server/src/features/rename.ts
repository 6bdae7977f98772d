// Rename (F2) a host on line 11, 15 or 16 across every node file that names it. A refusal is an
// LSP error whose message says why, which VS Code shows where the rename box would be.
import { LSPErrorCodes, ResponseError, WorkspaceEdit } from 'vscode-languageserver';
import { prepareRename, rename as renameHost } from '../service';
import { toWorkspaceEdit } from './lspWorkspaceEdit';
import { Feature } from './feature';

export const rename: Feature = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register({ connection, nodeFor, workspace, documents }) {
    connection.onPrepareRename((params) => {
      const node = nodeFor(params.textDocument.uri);
      if (!node) return null;
      const prepared = prepareRename(node, params.position);
      if (!prepared.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.reason);
      return { range: prepared.range, placeholder: prepared.placeholder };
    });
    connection.onRenameRequest((params): WorkspaceEdit | null => {
      const node = nodeFor(params.textDocument.uri);
      if (!node) return null;
      const result = renameHost(node, params.position, params.newName, workspace);
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
      // F2 has its own preview (Shift+Enter); the annotations only label each node in it.
      return toWorkspaceEdit(result.change, documents, { needsConfirmation: false });
    });
  },
};
