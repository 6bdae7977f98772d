// Every problem explained: a diagnostic's code links to its page (docs/codes/<code>.md, shipped
// in the .vsix), and the light bulb's "Explain <code>" opens the same page, in VS Code's Markdown
// preview, offline: in VS Code's display language when the page is translated into it
// (docs/cs/codes/, docs/de/codes/; common/codePages.ts picks), else in English. The server builds
// the link from the base this client sends at initialize (`<uriScheme>://<publisher>.<name>/explain`),
// so it knows nothing of VS Code; the link comes back to this extension's URI handler.
//
// Any web page can open a `vscode://` link, so the code it carries is untrusted: only a code with
// a page of its own opens one, and anything else gets a fixed message quoting the value cut short
// and escaped (./untrustedText.ts), so it can show no link, no command and no megabyte.
import * as vscode from 'vscode';
import { pickCodePage } from '../../common/codePages';
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

/** A code's page in VS Code's display language, else in English; undefined for no code's page (only a code's name reaches the file system). */
async function codePage(extensionUri: vscode.Uri, code: string): Promise<vscode.Uri | undefined> {
  if (code.length > MAX_CODE_LENGTH) return undefined;
  const uriOf = (path: string) => vscode.Uri.joinPath(extensionUri, ...path.split('/'));
  const exists = (path: string) => Promise.resolve(vscode.workspace.fs.stat(uriOf(path))).then(() => true, () => false);
  const path = await pickCodePage(code, vscode.env.language, exists);
  return path === undefined ? undefined : uriOf(path);
}

export function registerExplain(context: vscode.ExtensionContext): vscode.Disposable[] {
  const explain = async (code: unknown): Promise<void> => {
    const page = typeof code === 'string' ? await codePage(context.extensionUri, code) : undefined;
    if (!page) {
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
