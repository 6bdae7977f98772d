// Quick fixes and `source.fixAll.icewarp`, which applies every preferred fix at once (also on
// save with editor.codeActionsOnSave). The request's range decides which fixes: those of every
// diagnostic of the document that the range touches, or, where it touches none, of the range's
// lines (vim-lsp asks at the cursor and eglot for the sexp at point, which may lie before the
// problem on its line, and ALE sends its diagnostics back without `source`). A fix is found by the diagnostic's code and
// range, never by its message or source; a diagnostic the client sends back is matched to the
// server's by range and code, or, without a code, by its message (whitespace collapsed: ALE joins
// lines), and the action names the client's own. Both kinds give way to other messages between
// steps, so `$/cancelRequest` (a newer edit, a save that moved on) stops them instead of waiting
// for a fix-all of a pasted megabyte.
import { CancellationToken, CodeAction, CodeActionKind, CodeActionParams, Diagnostic, LSPErrorCodes, Range, ResponseError, TextEdit } from 'vscode-languageserver';
import { isRecord } from '../../../common/isRecord';
import { EXPLAIN_CODE_COMMAND } from '../../../common/protocol';
import { fixAllSteps, fixesFor, isDiagnosticCode, t } from '../service';
import type { Timers } from '../core/timers';
import { Feature } from './feature';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.icewarp`;

/** Is `kind` asked for by `only` (a kind is covered by itself and by each of its prefixes)? */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

/** A diagnostic whose fixes are asked for: the code and range that find them, and the diagnostic the action names. */
interface Asked {
  code: string;
  range: Range;
  diagnostic: Diagnostic;
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const touches = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);
const sameRange = (a: Range, b: Range) => !before(a.start, b.start) && !before(b.start, a.start) && !before(a.end, b.end) && !before(b.end, a.end);
const collapsed = (message: string) => message.replace(/\s+/g, ' ').trim();
const codeOf = (diagnostic: Diagnostic) => (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);

/**
 * The diagnostics whose fixes a request asks for: those the client sent back, in its order (VS
 * Code sends what is under the cursor), then the server's own that `range` touches (when it
 * touches none, those on its lines: the cursor's line for an empty range), in the document's
 * order; each once, named as the client sent it where it did.
 */
export function askedDiagnostics(published: readonly Diagnostic[], range: Range, sentBack: readonly Diagnostic[]): Asked[] {
  // The range's own problems; where it touches none (a cursor, or the word under it: eglot 1.9
  // sends the sexp at point, ALE the word), those of its lines.
  const onItsLines = (diagnostic: Diagnostic) => diagnostic.range.start.line <= range.end.line && range.start.line <= diagnostic.range.end.line;
  const inRange = published.some((diagnostic) => touches(diagnostic.range, range)) ? (diagnostic: Diagnostic) => touches(diagnostic.range, range) : onItsLines;
  const asked: Asked[] = [];
  const covered = new Set<Diagnostic>();
  for (const sent of sentBack) {
    // A client's diagnostic is its own JSON: one without a range names nothing.
    if (!isRecord(sent) || !isRecord(sent.range) || !isRecord(sent.range.start) || !isRecord(sent.range.end)) continue;
    const code = codeOf(sent);
    const own = published.find((diagnostic) =>
      code !== undefined
        ? codeOf(diagnostic) === code && sameRange(diagnostic.range, sent.range)
        : diagnostic.range.start.line === sent.range.start.line && collapsed(diagnostic.message) === collapsed(String(sent.message)),
    );
    const ownCode = own && codeOf(own);
    if (own && ownCode !== undefined) {
      if (covered.has(own)) continue;
      covered.add(own);
      asked.push({ code: ownCode, range: own.range, diagnostic: sent });
    }
    // Ours by its code, at a range the server no longer publishes (an edit moved it): found by code and range as before.
    else if (code !== undefined && isDiagnosticCode(code)) asked.push({ code, range: sent.range, diagnostic: sent });
  }
  for (const diagnostic of published) {
    const code = codeOf(diagnostic);
    if (code !== undefined && !covered.has(diagnostic) && inRange(diagnostic)) asked.push({ code, range: diagnostic.range, diagnostic });
  }
  return asked;
}

/** Lets the connection read pending messages (a cancellation among them) before going on. */
function giveWay(timers: Timers): Promise<void> {
  return new Promise((resolve) => timers.nextTurn(resolve));
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The code action request was cancelled.');

export const codeActions: Feature = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  },
  register({ connection, workspace, nodeFor, settingsFor, publishedDiagnostics, canExplainCodes, timers }) {
    connection.onCodeAction(async (params: CodeActionParams, token: CancellationToken): Promise<CodeAction[] | ResponseError<void>> => {
      const uri = params.textDocument.uri;
      const node = nodeFor(uri);
      if (!node) return [];
      const settings = await settingsFor(uri);
      if (token.isCancellationRequested) return cancelled();
      const actions: CodeAction[] = [];
      const only = params.context.only;
      if (wanted(CodeActionKind.QuickFix, only)) {
        const asked = askedDiagnostics(publishedDiagnostics(uri), params.range, params.context.diagnostics ?? []);
        // Two diagnostics with the same fix (two findings on one line): one action naming both.
        const byEdit = new Map<string, CodeAction & { diagnostics: Diagnostic[] }>();
        for (const { code, range, diagnostic } of asked) {
          for (const fix of fixesFor(node, { code, range }, workspace, { severityOverrides: settings.diagnostics.severity })) {
            const edits: TextEdit[] = fix.edits;
            if (edits.length === 0) continue;
            const key = JSON.stringify([fix.title, edits]);
            const same = byEdit.get(key);
            if (same) {
              if (!same.diagnostics.includes(diagnostic)) same.diagnostics.push(diagnostic);
              continue;
            }
            const action = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: { changes: { [uri]: edits } } };
            byEdit.set(key, action);
            actions.push(action);
          }
          await giveWay(timers);
          if (token.isCancellationRequested) return cancelled();
        }
        // After the fixes: what the code means, on its page (where the client can open it).
        if (canExplainCodes()) {
          for (const code of new Set(asked.map((entry) => entry.code))) {
            const title = t('Explain {0}', code);
            const diagnostics = asked.filter((entry) => entry.code === code).map((entry) => entry.diagnostic);
            actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: EXPLAIN_CODE_COMMAND, arguments: [code] } });
          }
        }
      }
      // Fix-all only when asked for by kind (on save, or the Source Action menu), not in every light bulb.
      if (only && wanted(FIX_ALL_KIND, only) && settings.validate.enable) {
        const steps = fixAllSteps(node, workspace, { severityOverrides: settings.diagnostics.severity, maxFileSize: settings.maxFileSize });
        let step = steps.next();
        while (!step.done) {
          await giveWay(timers);
          if (token.isCancellationRequested) return cancelled();
          step = steps.next();
        }
        const edits = step.value;
        if (edits.length > 0) actions.push({ title: t('Fix all auto-fixable IceWarp problems'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
      }
      return actions;
    });
  },
};
