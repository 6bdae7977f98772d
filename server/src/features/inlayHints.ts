// The field name after every line 1-17 (icewarp.inlayHints.enable turns them off).
import { InlayHint, MarkupKind } from 'vscode-languageserver';
import { inlayHints as hintsFor } from '../service';
import { Feature } from './feature';

export const inlayHints: Feature = {
  capabilities: { inlayHintProvider: { resolveProvider: false } },
  register({ connection, nodeFor, settingsFor, onSettingsChanged, clientCapabilities }) {
    connection.languages.inlayHint.on(async (params): Promise<InlayHint[]> => {
      const node = nodeFor(params.textDocument.uri);
      if (!node) return [];
      const settings = await settingsFor(params.textDocument.uri);
      if (!settings.inlayHints.enable) return [];
      return hintsFor(node, params.range).map((hint) => ({
        position: hint.position,
        label: hint.label,
        paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
      }));
    });
    // The setting may have changed: ask the editor to fetch the hints again, if it can be asked.
    onSettingsChanged(() => {
      if (clientCapabilities().workspace?.inlayHint?.refreshSupport !== true) return;
      connection.languages.inlayHint.refresh().catch(() => undefined);
    });
  },
};
