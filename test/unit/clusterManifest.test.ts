// The cluster commands and the tree's contextValues as the code has them (client/src/cluster/clusterIds.ts)
// against package.json: every command is contributed, every menu selects rows that exist, each
// kind of row gets the menu the issue lists, and commands that need a node hide without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLUSTER_COMMANDS, CONTEXT_VALUES } from '../../client/src/cluster/clusterIds';
import { localizedManifest } from './manifestFiles';
import { OPEN_WALKTHROUGH_COMMAND, PASSWORD_COMMANDS } from '../../client/src/commandIds';
import { LIVE_COMMANDS } from '../../client/src/live/liveIds';

const ROOT = path.resolve(__dirname, '../..');
interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}
const manifest = localizedManifest() as {
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, MenuEntry[]> };
};
const contributed = manifest.contributes.commands.map((command) => command.command);
const menus = manifest.contributes.menus;
const openSettingsFile = /OPEN_SETTINGS_FILE_COMMAND = '([^']+)'/.exec(readFileSync(path.join(ROOT, 'client/src/commandIds.ts'), 'utf8'))?.[1];
const treatAsSettingsFile = /TREAT_AS_SETTINGS_FILE_COMMAND = '([^']+)'/.exec(readFileSync(path.join(ROOT, 'client/src/commandIds.ts'), 'utf8'))?.[1];

/** The contextValues a `when` clause of view/item/context selects (`viewItem == x`, `viewItem =~ /re/`). */
function rowsSelected(when: string): string[] {
  const values = Object.values(CONTEXT_VALUES);
  const equal = /viewItem == ([\w.]+)/.exec(when);
  if (equal) return values.filter((value) => value === equal[1]);
  const pattern = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(when);
  if (pattern) return values.filter((value) => new RegExp(pattern[1]).test(value));
  return [];
}

const rowMenu = (row: string) =>
  menus['view/item/context']
    .filter((entry) => rowsSelected(entry.when ?? '').includes(row) && entry.group !== 'inline')
    .map((entry) => entry.command)
    .sort();

test('every command the code registers is contributed with a title, and every contributed command is registered', () => {
  const registered = [...Object.values(CLUSTER_COMMANDS), openSettingsFile, treatAsSettingsFile, ...Object.values(PASSWORD_COMMANDS), OPEN_WALKTHROUGH_COMMAND, ...Object.values(LIVE_COMMANDS)];
  assert.deepEqual([...contributed].sort(), [...registered].sort());
  for (const command of manifest.contributes.commands) assert.ok(command.title.length > 0, `${command.command} has a title`);
});

test('every menu entry names a contributed command, and every tree menu selects rows that exist', () => {
  for (const [menu, entries] of Object.entries(menus)) {
    for (const entry of entries) {
      assert.ok(contributed.includes(entry.command), `${menu}: ${entry.command} is not contributed`);
      if (menu === 'view/item/context') assert.ok(rowsSelected(entry.when ?? '').length > 0, `${entry.command}: "${entry.when}" selects no row of the tree`);
    }
  }
});

test('each kind of row gets the context menu the cluster operations need', () => {
  const { openFile, revealInExplorer, copyHostname, compareWithMaster, compareNodes, promoteToMaster, removeNode, addNode, addNodeForHost, fixAllInCluster } = CLUSTER_COMMANDS;
  assert.deepEqual(rowMenu(CONTEXT_VALUES.slave), [openFile, revealInExplorer, compareWithMaster, compareNodes, promoteToMaster, removeNode, copyHostname].sort());
  assert.deepEqual(rowMenu(CONTEXT_VALUES.master), [openFile, revealInExplorer, compareNodes, copyHostname].sort(), 'the master is neither promoted nor removed');
  assert.deepEqual(rowMenu(CONTEXT_VALUES.unknownRole), [openFile, revealInExplorer, compareWithMaster, compareNodes, removeNode, copyHostname].sort());
  assert.deepEqual(rowMenu(CONTEXT_VALUES.missing), [addNodeForHost, copyHostname].sort());
  assert.deepEqual(rowMenu(CONTEXT_VALUES.cluster), [addNode, fixAllInCluster].sort());
  assert.deepEqual(rowMenu(CONTEXT_VALUES.detail), []);
});

test('commands that need a node are in the editor menu of a node file and hidden from the palette without one', () => {
  const needNode = [CLUSTER_COMMANDS.promoteToMaster, CLUSTER_COMMANDS.addNode, CLUSTER_COMMANDS.removeNode, CLUSTER_COMMANDS.compareWithMaster, CLUSTER_COMMANDS.fixAllInCluster];
  for (const command of needNode) {
    const palette = menus.commandPalette.find((entry) => entry.command === command);
    assert.match(palette?.when ?? '', /editorLangId == icewarp-pathcfg/, `${command} hides without a node file`);
    assert.ok(menus['editor/context'].some((entry) => entry.command === command && /editorLangId == icewarp-pathcfg/.test(entry.when ?? '')), `${command} in the editor's context menu`);
  }
  const treeOnly = [CLUSTER_COMMANDS.openFile, CLUSTER_COMMANDS.copyHostname, CLUSTER_COMMANDS.revealInExplorer, CLUSTER_COMMANDS.addNodeForHost];
  for (const command of treeOnly) assert.equal(menus.commandPalette.find((entry) => entry.command === command)?.when, 'false', `${command} needs a tree row`);
});
