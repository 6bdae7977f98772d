// Every problem explained: a diagnostic's code links to its page (docs/codes/<code>.md, shipped
// in the .vsix), and the light bulb's "Explain <code>" opens the same page, in VS Code's Markdown
// preview, offline. The server builds the link from the base this client sends at initialize
// (`<uriScheme>://<publisher>.<name>/explain`), so it knows nothing of VS Code; the link comes
// back to this extension's URI handler.
import * as vscode from 'vscode';
import { EXPLAIN_CODE_COMMAND } from '../../common/protocolNames';

const EXPLAIN_PATH = '/explain';

/** The base of every code's link: the query `?code=<code>` is added by the server. */
export function explainBaseUri(context: vscode.ExtensionContext): string {
  return `${vscode.env.uriScheme}://${context.extension.id}${EXPLAIN_PATH}`;
}

/** A code's page; codes are lowercase words joined by hyphens, so nothing else reaches the file system. */
function codePage(extensionUri: vscode.Uri, code: string): vscode.Uri | undefined {
  return /^[a-z][a-z0-9-]*$/.test(code) ? vscode.Uri.joinPath(extensionUri, 'docs', 'codes', `${code}.md`) : undefined;
}

export function registerExplain(context: vscode.ExtensionContext): vscode.Disposable[] {
  const explain = async (code: unknown): Promise<void> => {
    const page = typeof code === 'string' ? codePage(context.extensionUri, code) : undefined;
    const exists = page ? await vscode.workspace.fs.stat(page).then(() => true, () => false) : false;
    if (!page || !exists) {
      void vscode.window.showWarningMessage(vscode.l10n.t('There is no page for the code {0}.', String(code)));
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  };
  return [
    vscode.commands.registerCommand(EXPLAIN_CODE_COMMAND, explain),
    vscode.window.registerUriHandler({
      handleUri(uri: vscode.Uri) {
        if (uri.path === EXPLAIN_PATH) void explain(new URLSearchParams(uri.query).get('code') ?? '');
      },
    }),
  ];
}
