// Hover over any line: the field it is read as, its docs, what the value means. In the format the
// client asks for first (ALE and eglot without markdown-mode ask for plain text, and showed the
// Markdown's asterisks and backticks). A client that shows no code links (eglot 1.9 says
// codeDescriptionSupport: false, ALE ignores them) reads, at the end of the hover of a line with
// problems, each code and the `file:` URL of its page.
import { type ClientCapabilities, type Diagnostic, type Hover, MarkupKind } from 'vscode-languageserver';
import { hover as hoverAt } from '../service';
import { Feature } from './feature';

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, nodeFor, workspace, clientCapabilities, publishedDiagnostics, codePageUri }) {
    connection.onHover((params): Hover | null => {
      const uri = params.textDocument.uri;
      const node = nodeFor(uri);
      const result = node && hoverAt(node, params.position, workspace);
      if (!result) return null;
      const capabilities = clientCapabilities();
      const links = showsCodeLinks(capabilities) ? [] : codePages(publishedDiagnostics(uri), params.position.line, codePageUri);
      const markdown = links.length === 0 ? result.markdown : `${result.markdown}\n\n---\n\n${links.map(({ code, page }) => `\`${code}\`: ${page}`).join('\n\n')}`;
      const contents = prefersPlainText(capabilities) ? { kind: MarkupKind.PlainText, value: plainText(markdown) } : { kind: MarkupKind.Markdown, value: markdown };
      return { contents, range: result.range };
    });
  },
};

function showsCodeLinks(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true;
}

/** Plain text when the client lists it first, or lists formats without Markdown; Markdown otherwise (also when it says nothing). */
function prefersPlainText(capabilities: ClientCapabilities): boolean {
  const formats = capabilities.textDocument?.hover?.contentFormat;
  if (!Array.isArray(formats) || formats.length === 0) return false;
  return formats[0] === MarkupKind.PlainText || !formats.includes(MarkupKind.Markdown);
}

/** Each code of the problems on `line`, once, with its page where one is shipped. */
function codePages(diagnostics: readonly Diagnostic[], line: number, pageOf: (code: string) => string | undefined): { code: string; page: string }[] {
  const links = new Map<string, string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.range.start.line > line || diagnostic.range.end.line < line || typeof diagnostic.code !== 'string' || links.has(diagnostic.code)) continue;
    const page = pageOf(diagnostic.code);
    if (page) links.set(diagnostic.code, page);
  }
  return [...links].map(([code, page]) => ({ code, page }));
}

/**
 * The hover's Markdown as plain text: code spans as their text, emphasis marks and backslash
 * escapes dropped. The hovers use nothing else (their values are quoted by `code` and
 * `escapeMarkdown` in ../service/bounds.ts and describe.ts).
 */
export function plainText(markdown: string): string {
  return markdown.replace(/(`+)( ?)([\s\S]*?)\2\1(?!`)|\\([\\`*_[\]<>])|\*\*|\*/g, (_match, _fence: string | undefined, _pad, inCode: string | undefined, escaped: string | undefined) =>
    inCode !== undefined ? inCode : escaped !== undefined ? escaped : '',
  );
}
