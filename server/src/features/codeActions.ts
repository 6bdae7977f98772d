// Quick fixes keyed on `diagnostic.code` (never on message text), and `source.fixAll.icewarp`,
// which applies every preferred fix at once (also on save with editor.codeActionsOnSave).
// Both give way to other messages between steps, so `$/cancelRequest` (a newer edit, a save
// that moved on) stops them instead of waiting for a fix-all of a pasted megabyte.
import { CancellationToken, CodeAction, CodeActionKind, CodeActionParams, Diagnostic, LSPErrorCodes, ResponseError, TextEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, EXPLAIN_CODE_COMMAND } from '../../../common/protocol';
import { fixAllSteps, fixesFor, t } from '../service';
import type { Timers } from '../core/timers';
import { Feature } from './feature';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.icewarp`;

/** Is `kind` asked for by `only` (a kind is covered by itself and by each of its prefixes)? */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

function ourCode(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  return typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
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
  register({ connection, workspace, nodeFor, settingsFor, canExplainCodes, timers }) {
    connection.onCodeAction(async (params: CodeActionParams, token: CancellationToken): Promise<CodeAction[] | ResponseError<void>> => {
      const uri = params.textDocument.uri;
      const node = nodeFor(uri);
      if (!node) return [];
      const settings = await settingsFor(uri);
      if (token.isCancellationRequested) return cancelled();
      const actions: CodeAction[] = [];
      const only = params.context.only;
      if (wanted(CodeActionKind.QuickFix, only)) {
        for (const diagnostic of params.context.diagnostics) {
          const code = ourCode(diagnostic);
          if (!code) continue;
          for (const fix of fixesFor(node, { code, range: diagnostic.range }, workspace, { severityOverrides: settings.diagnostics.severity })) {
            const edits: TextEdit[] = fix.edits;
            if (edits.length === 0) continue;
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.isPreferred,
              edit: { changes: { [uri]: edits } },
            });
          }
          await giveWay(timers);
          if (token.isCancellationRequested) return cancelled();
        }
        // After the fixes: what the code means, on its page (where the client can open it).
        if (canExplainCodes()) {
          for (const code of new Set(params.context.diagnostics.map(ourCode))) {
            if (!code) continue;
            const title = t('Explain {0}', code);
            const diagnostics = params.context.diagnostics.filter((diagnostic) => ourCode(diagnostic) === code);
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
        if (edits.length > 0) actions.push({ title: 'Fix all auto-fixable IceWarp problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
      }
      return actions;
    });
  },
};
