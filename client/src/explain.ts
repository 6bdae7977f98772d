// Every problem explained: a diagnostic's code links to its page (docs/codes/<code>.md, shipped
// in the .vsix), and the light bulb's "Explain <code>" opens the same page, in VS Code's Markdown
// preview, offline. The server builds the link from the base this client sends at initialize
// (`<uriScheme>://<publisher>.<name>/explain`), so it knows nothing of VS Code; the link comes
// back to this extension's URI handler.
//
// Any web page can open a `vscode://` link, so the code it carries is untrusted: only a code with
// a page of its own opens one, and anything else gets a fixed message quoting the value cut short
// and escaped (./untrustedText.ts), so it can show no link, no command and no megabyte.
import * as vscode from 'vscode';
import { EXPLAIN_CODE_COMMAND } from '../../common/protocolNames';
import { quoteUntrusted } from './untrustedText';

const EXPLAIN_PATH = '/explain';
/** Longer than any code of the catalog; a longer value is no code. */
const MAX_CODE_LENGTH = 64;

/** The base of every code's link, built with the URL API: the server adds `code=<code>` to its query. */
export function explainBaseUri(context: vscode.ExtensionContext): string {
  const base = new URL(`${vscode.env.uriScheme}://${context.extension.id}`);
  base.pathname = EXPLAIN_PATH;
  return base.toString();
}

/** A code's page; codes are lowercase words joined by hyphens, so nothing else reaches the file system. */
function codePage(extensionUri: vscode.Uri, code: string): vscode.Uri | undefined {
  return code.length <= MAX_CODE_LENGTH && /^[a-z][a-z0-9-]*$/.test(code) ? vscode.Uri.joinPath(extensionUri, 'docs', 'codes', `${code}.md`) : undefined;
}

export function registerExplain(context: vscode.ExtensionContext): vscode.Disposable[] {
  const explain = async (code: unknown): Promise<void> => {
    const page = typeof code === 'string' ? codePage(context.extensionUri, code) : undefined;
    const exists = page ? await vscode.workspace.fs.stat(page).then(() => true, () => false) : false;
    if (!page || !exists) {
      void vscode.window.showWarningMessage(vscode.l10n.t('There is no page for the code {0}.', quoteUntrusted(code)));
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
