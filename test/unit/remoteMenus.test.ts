// The cluster commands in the Command Palette and the editor's context menu are shown for a node
// file by `resourceScheme in icewarp.nodeFileSchemes`. In a remote window (Remote-SSH, WSL, a
// container, code-server) the extension host sees the file as `file:` while the workbench judges
// the editor's resource as `vscode-remote:`, so that scheme joins the list there; a `git:` view of
// a node file never does. The `when` clauses are evaluated here as VS Code evaluates these forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLUSTER_COMMANDS, CONTEXT_KEYS } from '../../client/src/cluster/clusterIds';
import { nodeFileSchemes } from '../../client/src/extensionHosts/clientHost';
import { localizedManifest } from './manifestFiles';

interface MenuEntry {
  command: string;
  when?: string;
}
const menus = (localizedManifest() as { contributes: { menus: Record<string, MenuEntry[]> } }).contributes.menus;

/** `a == b`, `a != b`, `a in key` and `false`, joined by `&&`: the forms these clauses use. */
function holds(when: string, context: Record<string, unknown>): boolean {
  return when.split('&&').every((part) => {
    const clause = part.trim();
    if (clause === 'false') return false;
    const equal = /^([\w.]+) (==|!=) (.+)$/.exec(clause);
    if (equal) return (String(context[equal[1]]) === equal[3]) === (equal[2] === '==');
    const member = /^([\w.]+) in ([\w.]+)$/.exec(clause);
    if (member) return ((context[member[2]] as string[] | undefined) ?? []).includes(String(context[member[1]]));
    throw new Error(`a clause this test does not know: ${clause}`);
  });
}

const NEED_A_NODE = [CLUSTER_COMMANDS.promoteToMaster, CLUSTER_COMMANDS.addNode, CLUSTER_COMMANDS.removeNode, CLUSTER_COMMANDS.compareWithMaster, CLUSTER_COMMANDS.fixAllInCluster];

function shown(menu: string, scheme: string, schemes: string[]): string[] {
  const context = { editorLangId: 'icewarp-pathcfg', resourceScheme: scheme, [CONTEXT_KEYS.nodeFileSchemes]: schemes };
  return menus[menu].filter((entry) => NEED_A_NODE.includes(entry.command as (typeof NEED_A_NODE)[number]) && holds(entry.when ?? '', context)).map((entry) => entry.command).sort();
}

test('in a remote window vscode-remote is a node file scheme; locally and for git views it is not', () => {
  assert.deepEqual(nodeFileSchemes(['file'], 'ssh-remote+mail-admin'), ['file', 'vscode-remote']);
  assert.deepEqual(nodeFileSchemes(['file'], undefined), ['file']);
  assert.deepEqual(nodeFileSchemes(['vscode-vfs'], undefined), ['file', 'vscode-vfs']);
  assert.ok(!nodeFileSchemes(['file'], 'wsl+Ubuntu').includes('git'));
});

test('the palette and the editor menu list the five cluster commands on a node file of a remote window, and none on its git view', () => {
  const remote = nodeFileSchemes(['file'], 'localhost:8080');
  for (const menu of ['commandPalette', 'editor/context']) {
    assert.deepEqual(shown(menu, 'vscode-remote', remote), [...NEED_A_NODE].sort(), `${menu} in a remote window`);
    assert.deepEqual(shown(menu, 'file', nodeFileSchemes(['file'], undefined)), [...NEED_A_NODE].sort(), `${menu} locally`);
    assert.deepEqual(shown(menu, 'git', remote), [], `${menu} on a git: view`);
    assert.deepEqual(shown(menu, 'icewarp-preview', remote), [], `${menu} on the change's preview copy`);
  }
});
