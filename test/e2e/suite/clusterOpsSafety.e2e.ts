// The cluster operations, safe and found everywhere, in a real VS Code (code-server: the same
// remote extension host as Remote-SSH, WSL and containers): the Command Palette lists them on an
// open slave (read from the workbench as the user sees it); an operation shows every node's change
// in one diff and asks once, applies all of it or none, and leaves the files unsaved with a button
// that saves exactly those; a change that auto save would write to a live path.dat is refused
// naming the setting, also for F2 across nodes; Remove Node, Keep the File says what the kept file
// still points at and offers deleting it instead; Add Node leaves line 5's password to the admin.
// A cluster of three of its own (safe1 master, safe2 and safe3 slaves, CRLF, a password on line 5)
// is written into the second workspace folder and removed at the end.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import type { ChangeQuestion } from '../../../client/src/cluster/clusterCommands';
import type { ClusterModel as ClusterResponse } from '../../../common/protocol';
import { DIAGNOSTIC_CODES } from '../../../server/src/service';
import { activatedApi, codeOf, fileIn, waitForDiagnostics, waitForEvent } from './helpers';
import { commandsListed } from './palette';
import { undoAndWait } from './clusterOpsHelpers';

const PASSWORD = 'Safe-Ops-Pa55';
/** The diagnostic of an entry with a user and no password comes with the cluster reasoning's codes. */
const PASSWORD_EMPTY = 'remote-logon-password-empty';
const PASSWORD_EMPTY_KNOWN = PASSWORD_EMPTY in DIAGNOSTIC_CODES;

function safeNode(k: number): string {
  return [
    '\\\\safefs\\icewarp\\config\\',
    '',
    '',
    `4${k}`,
    `\\\\safefs\\icewarp;SAFE\\svc-mail;${PASSWORD}`,
    '',
    '',
    'C:\\IceWarp\\queues\\_outgoing\\',
    'C:\\IceWarp\\queues\\_outgoing\\retry\\',
    `192.168.66.${k}|192.168.66.${k}`,
    `safe${k}.example.test`,
    'license.key',
    'C:\\IceWarp\\queues\\_incoming\\',
    k === 1 ? '0' : '1',
    'safe1.example.test',
    'safe2.example.test;safe3.example.test',
  ].join('\r\n') + '\r\n';
}

const safeUri = (k: number) => fileIn('standalone', 'safe', `safe${k}`, 'path.dat');
const SAFE = [1, 2, 3];

function safeCluster(model: ClusterResponse) {
  return model.clusters.find((cluster) => cluster.nodes.some((node) => node.uri === safeUri(1).toString()));
}

function waitForSafe(api: IceWarpExtensionApi, predicate: (cluster: ReturnType<typeof safeCluster>) => boolean, description: string): Promise<ClusterResponse> {
  return waitForEvent(api.clusterTree.onDidRefresh, (model) => predicate(safeCluster(model)), {
    description: `the safe cluster ${description}`,
    current: () => api.clusterTree.current,
    seen: () => JSON.stringify(safeCluster(api.clusterTree.current)?.nodes.map((node) => `${node.label} ${node.role}`)),
  });
}

const documentOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
const diskText = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const activeTabLabel = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label;

/**
 * Sets a workspace setting and resolves once this extension host reads the new value (`undefined`
 * takes the workspace's value away).
 */
async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  const reads = () => vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue === value;
  const changed = waitForEvent(vscode.workspace.onDidChangeConfiguration, reads, { description: `${section}.${key} set to ${JSON.stringify(value)}`, current: () => undefined as unknown as vscode.ConfigurationChangeEvent });
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

/**
 * Answers the question with `button` (`apply`: its first), remembering what was asked and what
 * the editor showed meanwhile: the active tab, and the diff's copies once they are loaded.
 */
function answering(button: 'apply' | 'cancel' | string) {
  const seen: { question?: ChangeQuestion; tab?: string; previews: string[] } = { previews: [] };
  const previews = () => vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'icewarp-preview');
  const confirm = async (question: ChangeQuestion) => {
    seen.question = question;
    seen.tab = activeTabLabel();
    await waitForEvent(vscode.workspace.onDidOpenTextDocument, () => previews().length > 0, { description: "the diff's copies of the nodes", current: () => undefined as unknown as vscode.TextDocument });
    seen.previews = previews().map((document) => document.getText());
    return button === 'apply' ? question.buttons[0] : button === 'cancel' ? undefined : button;
  };
  return { seen, confirm };
}

suite('Cluster operations, safe and found everywhere', () => {
  let api: IceWarpExtensionApi;
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    api = await activatedApi();
    // code-server, as a web build of VS Code, saves after a delay by default: these tests look at
    // what stays unsaved, so auto save is off unless a test turns it on.
    await setSetting('files', 'autoSave', 'off');
    for (const k of SAFE) {
      await vscode.workspace.fs.writeFile(safeUri(k), new TextEncoder().encode(safeNode(k)));
      originals.set(safeUri(k).toString(), safeNode(k));
    }
    // Opened, so the server has them at once; closed editors keep no dirty state between tests.
    for (const k of SAFE) await vscode.workspace.openTextDocument(safeUri(k));
    await waitForSafe(api, (cluster) => cluster?.nodes.filter((node) => node.kind === 'file').length === 3, 'indexed');
  });

  teardown(async () => {
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const k of SAFE) if ((await diskText(safeUri(k)).catch(() => '')) !== safeNode(k)) await vscode.workspace.fs.writeFile(safeUri(k), new TextEncoder().encode(safeNode(k)));
  });

  suiteTeardown(async () => {
    await setSetting('files', 'autoSave', undefined);
    await vscode.workspace.fs.delete(fileIn('standalone', 'safe'), { recursive: true, useTrash: false });
  });

  test('the Command Palette lists the cluster commands on an open slave, as typed with the keyboard', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(safeUri(2)));
    const listed = await commandsListed('IceWarp:', fileIn('standalone'));
    for (const title of ['Promote to Master', 'Add Node to Cluster', 'Remove Node from Cluster', 'Compare with Master', 'Fix All in Cluster']) {
      assert.ok(listed.includes(`IceWarp: ${title}`), `"IceWarp: ${title}" is listed; the palette shows: ${listed.join(' | ')}`);
    }
    assert.ok(!listed.includes('IceWarp: Open Node File'), 'a command of the tree rows stays out of the palette');
  });

  test('Promote to Master shows every node\'s change in one diff, asks once, applies all three and saves none until asked', async () => {
    const { seen, confirm } = answering('apply');
    let answered: readonly string[] = [];
    const result = await api.clusterCommands.promoteToMaster(safeUri(2), {
      confirm,
      respond: async (_message, buttons) => {
        answered = buttons;
        return buttons[0];
      },
    });
    assert.equal(result.outcome, 'applied', result.message);
    assert.equal(seen.question?.message, 'Promote safe2.example.test to master: apply it to 3 node files at once?');
    assert.deepEqual(seen.question?.buttons, ['Apply to 3 Nodes']);
    assert.match(seen.question?.detail ?? '', /safe1\.example\.test \(safe1\/path\.dat\): .*line 14/);
    assert.equal(seen.tab, 'Promote safe2.example.test to master (3 files)', 'the diff of every node is open while the question is asked');
    assert.ok(seen.previews.length > 0 && seen.previews.every((text) => !text.includes(PASSWORD)), 'the diff shows no password');
    assert.ok(!vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label.startsWith('Promote safe2'))), 'the diff is closed once answered');
    // Changed in the editor, not on the disk.
    for (const k of SAFE) assert.ok(documentOf(safeUri(k))?.isDirty, `safe${k} is left unsaved`);
    assert.equal(await diskText(safeUri(1)), safeNode(1), 'nothing written to the disk yet');
    assert.match(result.message ?? '', /3 node files changed\. Not saved yet, for you to review: safe1\.example\.test \(safe1\/path\.dat\); safe2/);
    assert.deepEqual(answered, ['Save These 3 Files']);
    await result.followUp;
    for (const k of SAFE) assert.ok(!documentOf(safeUri(k))?.isDirty, `safe${k} saved by the button`);
    assert.equal((await diskText(safeUri(1))).split('\r\n')[13], '1', 'the old master is a slave on disk');
    assert.equal((await diskText(safeUri(2))).split('\r\n')[13], '0', 'the new master on disk');
    await undoAndWait(safeUri(2), originals);
  });

  test('Cancel in the question changes nothing and leaves nothing unsaved', async () => {
    const { seen, confirm } = answering('cancel');
    const result = await api.clusterCommands.promoteToMaster(safeUri(3), { confirm });
    assert.equal(result.outcome, 'cancelled');
    assert.ok(seen.question);
    for (const k of SAFE) {
      assert.ok(!documentOf(safeUri(k))?.isDirty, `safe${k} untouched`);
      assert.equal(documentOf(safeUri(k))?.getText() ?? (await diskText(safeUri(k))), safeNode(k));
    }
  });

  test('a change that does not come out whole is undone whole: no cluster left with two masters', async () => {
    const result = await api.clusterCommands.promoteToMaster(safeUri(2), {
      preview: false,
      // Another edit lands on safe3 between applying and the check, as a half-applied change would.
      afterApply: async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(safeUri(3), new vscode.Range(3, 0, 3, 2), '99');
        assert.ok(await vscode.workspace.applyEdit(edit));
      },
    });
    assert.equal(result.outcome, 'undone', result.message);
    assert.match(result.message ?? '', /^Promote safe2\.example\.test to master did not come out as computed in safe3\.example\.test \(safe3\/path\.dat\), so all of it was undone/);
    for (const k of SAFE) {
      assert.equal(documentOf(safeUri(k))?.getText(), safeNode(k), `safe${k} is as it was`);
      assert.ok(!documentOf(safeUri(k))?.isDirty, `safe${k} is not left unsaved`);
      assert.equal(await diskText(safeUri(k)), safeNode(k));
    }
  });

  test('a live node with auto save on refuses the operation naming the setting; F2 across nodes is refused under files.refactoring.autoSave and allowed without it', async () => {
    // safe1 is the settings file of an install folder: icewarp.installPath names its folder.
    await setSetting('icewarp', 'installPath', vscode.Uri.joinPath(safeUri(1), '..').fsPath);
    try {
      await setSetting('files', 'autoSave', 'afterDelay');
      const refused = await api.clusterCommands.promoteToMaster(safeUri(2), { preview: false });
      assert.equal(refused.outcome, 'refused');
      assert.match(refused.message ?? '', /^safe1\.example\.test \(safe1\/path\.dat\) is the settings file a running IceWarp reads .*\(files\.autoSave: afterDelay\)\. Nothing was changed/);
      for (const k of SAFE) assert.ok(!documentOf(safeUri(k))?.isDirty);
      await setSetting('files', 'autoSave', 'off');

      await vscode.workspace.openTextDocument(safeUri(1));
      const rename = () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', safeUri(1), new vscode.Position(15, 1), 'safe2b.example.test');
      // files.refactoring.autoSave is on by default: VS Code would save all three files of the rename.
      await assert.rejects(Promise.resolve(rename()), /\(files\.refactoring\.autoSave\)\. Nothing was changed/);
      await setSetting('files', 'refactoring.autoSave', false);
      const edit = await rename();
      assert.equal(edit.entries().length, 3, 'the rename is offered once VS Code would not save it by itself');
    } finally {
      await setSetting('files', 'autoSave', 'off');
      await setSetting('files', 'refactoring.autoSave', undefined);
      await setSetting('icewarp', 'installPath', undefined);
    }
  });

  test('Remove Node, Keep the File: the question and the summary say the kept file still points at the shared Config folder, offer deleting it instead, and explain', async () => {
    const { seen, confirm } = answering('apply');
    let told: { message: string; buttons: readonly string[] } | undefined;
    const kept = await api.clusterCommands.removeNode(safeUri(3), {
      deleteFile: false,
      confirm,
      respond: async (message, buttons) => {
        told = { message, buttons };
        return undefined;
      },
    });
    assert.equal(kept.outcome, 'applied', kept.message);
    const warning = /The kept file still points line 1 at the cluster's shared Config folder/;
    assert.match(seen.question?.detail ?? '', warning, 'the question says it before anything changes');
    assert.deepEqual(seen.question?.buttons, ['Apply to 3 Nodes', 'Delete the File Instead']);
    assert.match(told?.message ?? '', warning, 'the summary says it');
    assert.deepEqual(told?.buttons, ['Save These 3 Files', 'Explain']);
    await undoAndWait(safeUri(3), originals);

    const instead = answering('Delete the File Instead');
    const deleted = await api.clusterCommands.removeNode(safeUri(3), { deleteFile: false, confirm: instead.confirm, respond: async () => undefined });
    assert.equal(deleted.outcome, 'cancelled', 'the second question (for the deletion) was not answered with Apply');
    assert.deepEqual(instead.seen.question?.buttons, ['Apply to 3 Nodes'], 'the deletion is shown and asked for on its own');
    assert.ok(deleted.files?.some((file) => file.kind === 'delete' && file.uri === safeUri(3).toString()));
  });

  async function addSafe4(): Promise<vscode.Uri> {
    const result = await api.clusterCommands.addNode(safeUri(1), { preview: false, hostname: 'safe4.example.test', ip: '192.168.66.4' });
    assert.equal(result.outcome, 'applied', result.message);
    assert.ok(!(result.message ?? '').includes(PASSWORD));
    return safeUri(4);
  }

  async function undoAdding(created: vscode.Uri): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fileIn('standalone', 'safe'), 'safe4/path.dat'));
    try {
      const gone = waitForEvent(watcher.onDidDelete, (uri) => uri.toString() === created.toString(), { description: 'the new file deleted by undo' });
      await undoAndWait(created, originals);
      await gone;
    } finally {
      watcher.dispose();
    }
  }

  test("Add Node: the new node gets its peers' line 5 with the password left to type, the cursor where it goes", async () => {
    const created = await addSafe4();
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), created.toString());
    assert.equal(editor?.document.lineAt(4).text, '\\\\safefs\\icewarp;SAFE\\svc-mail;');
    assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [4, '\\\\safefs\\icewarp;SAFE\\svc-mail;'.length]);
    await undoAdding(created);
  });

  // The diagnostic comes with the cluster reasoning's codes; skipped, by name, only while it is not in the catalog.
  (PASSWORD_EMPTY_KNOWN ? test : test.skip)(`Add Node: the new node has ${PASSWORD_EMPTY} on line 5 until the password is typed`, async () => {
    const created = await addSafe4();
    await waitForDiagnostics(created, (each) => each.some((diagnostic) => codeOf(diagnostic) === PASSWORD_EMPTY && diagnostic.range.start.line === 4), `${PASSWORD_EMPTY} on line 5 of the new node`);
    await undoAdding(created);
  });
});
