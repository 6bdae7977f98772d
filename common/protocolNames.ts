// The protocol's names that need no schema: the language, the node files, the severities, the
// explain command.
// The client's activation imports these from here, so its bundle holds no zod (./protocol.ts,
// which re-exports them, builds zod schemas as it loads).

export const LANGUAGE_ID = 'icewarp-pathcfg';
export const DIAGNOSTIC_SOURCE = 'icewarp';
/** A diagnostic's severities, worst first; `icewarp.diagnostics.severity` also takes `off`. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
/**
 * The client command that opens a code's page (docs/codes/<code>.md), with the code as its
 * argument; the light bulb's "Explain <code>" runs it. A client that can open the pages says so
 * by sending `explainBaseUri` in initializationOptions: each diagnostic's code then links to
 * `<explainBaseUri>?code=<code>` (codeDescription.href), and the light bulb offers the command.
 */
export const EXPLAIN_CODE_COMMAND = 'icewarp.explainCode';
export const EXPLAIN_BASE_URI_OPTION = 'explainBaseUri';
/**
 * The extension's own client says `vscodeExtension: true` in initializationOptions: it handles
 * IceWarp's notifications (icewarp/clusterChanged, icewarp/fileKind) and watches the node files
 * itself. Other clients get neither notification (lsp-mode warns of each one it does not know),
 * and the server asks them to watch the files, or watches for them.
 */
export const VSCODE_EXTENSION_OPTION = 'vscodeExtension';
/**
 * The messages of the client's display language (its l10n bundle, which holds the server's
 * messages too), in initializationOptions: the browser's server has no disk to read them from,
 * and the Node server is spared the read. A server without them reads its own l10n folder.
 */
export const MESSAGES_OPTION = 'messages';

/**
 * The link of a code's page under a client's explain base: `vscode://publisher.name/explain?code=whitespace`.
 * Built with the URL API, so a base with a query of its own (`...?lang=cs`) or a fragment gets
 * `&code=` in its query, not a second `?`.
 */
export function explainHref(base: string, code: string): string {
  try {
    const href = new URL(base);
    href.searchParams.set('code', code);
    return href.toString();
  } catch {
    // No URL (a client's own scheme the URL API cannot read): joined by hand, as carefully.
    const [beforeFragment, fragment] = splitOnce(base, '#');
    const joined = `${beforeFragment}${beforeFragment.includes('?') ? '&' : '?'}code=${encodeURIComponent(code)}`;
    return fragment === undefined ? joined : `${joined}#${fragment}`;
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
/** File names that are this language (real installs name it path.dat, the console says path.cfg). */
export const NODE_FILE_NAMES = ['path.cfg', 'path.dat'] as const;
export const NODE_FILE_GLOB = '**/{path.cfg,path.dat}';
