// Words the client shows in several places, in VS Code's display language: a node's role (the
// cluster view, Compare Nodes, the settings file pick) and where a folder lies.
import * as vscode from 'vscode';
import type { NodeRole } from '../../common/protocol';

/** `master`, `slave` or `role unknown`, as IceWarp's console names the roles. */
export function roleName(role: NodeRole): string {
  switch (role) {
    case 'master':
      return vscode.l10n.t('master');
    case 'slave':
      return vscode.l10n.t('slave');
    case 'unknown':
      return vscode.l10n.t('role unknown');
  }
}

/** `local` or `shared`: where the cluster view says a folder lies. */
export function locationName(location: 'local' | 'shared'): string {
  return location === 'local' ? vscode.l10n.t('local') : vscode.l10n.t('shared');
}
