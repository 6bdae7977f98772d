// A new admin's first hour, in a real VS Code: line-5 passwords masked in the editor until the
// cursor is on line 5 or "IceWarp: Show Passwords"; the notice that auto save would write
// IceWarp's live settings file mid-edit, and what its buttons change; the walkthrough.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import type { LiveFileCheckOptions } from '../../../client/src/settingsFiles/liveFileNotice';
import { EXTENSION_ID, activatedApi, suiteIn, waitForEvent } from './helpers';

const LANGUAGE_ID = 'icewarp-pathcfg';
const FIRST_PASSWORD = 'Mask;Me"First';
const SECOND_PASSWORD = 'Kappa-Hunter-42';
const LOGON_LINE = `\\\\fs07\\icewarp;ICEWARP\\svc-mail;${FIRST_PASSWORD} | \\\\fs08\\spam;svc;${SECOND_PASSWORD} `;
const NODE = ['\\\\fs07\\icewarp\\config\\', '', '', '71', LOGON_LINE, '', '', 'D:\\IceWarp\\queues\\_outgoing\\', '', '', 'mx71.example.org'].join('\r\n') + '\r\n';

/** The ranges of line 5 that hold the passwords, found in the text itself. */
function passwordRanges(): vscode.Range[] {
  return [FIRST_PASSWORD, SECOND_PASSWORD].map((password) => {
    const start = LOGON_LINE.indexOf(password);
    return new vscode.Range(4, start, 4, start + password.length);
  });
}

const describe = (ranges: readonly vscode.Range[]) => JSON.stringify(ranges.map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]));

suite('Passwords off the screen', () => {
  let api: IceWarpExtensionApi;
  let editor: vscode.TextEditor;

  /** Resolves once the mask of `editor` covers exactly `expected`. */
  async function maskBecomes(expected: readonly vscode.Range[], description: string): Promise<void> {
    const matches = (ranges: readonly vscode.Range[]) => describe(ranges) === describe(expected);
    await waitForEvent(api.passwordMask.onDidApply, (applied) => applied.editor === editor && matches(applied.ranges), {
      description,
      current: () => ({ editor, ranges: api.passwordMask.maskedRanges(editor) }),
      seen: () => `the mask covers ${describe(api.passwordMask.maskedRanges(editor))}`,
    });
  }

  function moveCursorTo(line: number): void {
    editor.selection = new vscode.Selection(line, 0, line, 0);
  }

  suiteSetup(async () => {
    api = await activatedApi();
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: NODE });
    editor = await vscode.window.showTextDocument(document);
    moveCursorTo(0);
  });

  suiteTeardown(async () => {
    if (api.passwordMask.passwordsShown) await api.passwordMask.toggle();
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the mask covers exactly the passwords of line 5, and the text stays as it was', async () => {
    await maskBecomes(passwordRanges(), 'the two passwords masked');
    assert.equal(editor.document.getText(), NODE);
  });

  test('the passwords show while the cursor is on line 5, and hide again when it leaves', async () => {
    await maskBecomes(passwordRanges(), 'the passwords masked');
    moveCursorTo(4);
    await maskBecomes([], 'no mask with the cursor on line 5');
    moveCursorTo(10);
    await maskBecomes(passwordRanges(), 'the mask back with the cursor on line 11');
  });

  test('IceWarp: Show Passwords shows them, again hides them; Hide Passwords hides them', async () => {
    await maskBecomes(passwordRanges(), 'the passwords masked');
    await vscode.commands.executeCommand('icewarp.showPasswords');
    await maskBecomes([], 'no mask after Show Passwords');
    assert.equal(api.passwordMask.passwordsShown, true);
    await vscode.commands.executeCommand('icewarp.showPasswords');
    await maskBecomes(passwordRanges(), 'the mask back after toggling again');
    await vscode.commands.executeCommand('icewarp.showPasswords');
    await maskBecomes([], 'no mask');
    await vscode.commands.executeCommand('icewarp.hidePasswords');
    await maskBecomes(passwordRanges(), 'the mask back after Hide Passwords');
  });

  test('an edit of line 5 made elsewhere (the cursor on another line) moves the mask with the password', async () => {
    await maskBecomes(passwordRanges(), 'the passwords masked');
    const edit = new vscode.WorkspaceEdit();
    const start = LOGON_LINE.indexOf(SECOND_PASSWORD);
    edit.replace(editor.document.uri, new vscode.Range(4, start, 4, start + SECOND_PASSWORD.length), 'short');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await maskBecomes([passwordRanges()[0], new vscode.Range(4, start, 4, start + 'short'.length)], 'the mask over the new, shorter password');
    await vscode.commands.executeCommand('undo');
    await maskBecomes(passwordRanges(), 'the mask over the old password after undo');
  });

  test('icewarp.maskPasswords: false turns the mask off', async () => {
    const settings = vscode.workspace.getConfiguration('icewarp');
    await settings.update('maskPasswords', false, vscode.ConfigurationTarget.Global);
    try {
      await maskBecomes([], 'no mask with the setting off');
    } finally {
      await settings.update('maskPasswords', undefined, vscode.ConfigurationTarget.Global);
    }
    await maskBecomes(passwordRanges(), 'the mask back with the setting on');
  });
});

const liveWhy = "a live file lies in this machine's install folder (file:), which the browser host has none of";
suiteIn('node', liveWhy, 'Live files and auto save', () => {
  let api: IceWarpExtensionApi;
  let scratch: string;
  // Loaded where the suite runs: the web worker build of the suite has no Node built-ins.
  let fs: typeof import('node:fs');
  let os: typeof import('node:os');
  let path: typeof import('node:path');
  const asked: { message: string; buttons: string[] }[] = [];
  /** Presses `button` (undefined: closes the notification) and records what was shown. */
  const answer = (button: string | undefined): LiveFileCheckOptions['ask'] => async (message, ...buttons) => {
    asked.push({ message, buttons });
    return button;
  };
  const languageFiles = (uri: vscode.Uri) => vscode.workspace.getConfiguration('files', { uri, languageId: LANGUAGE_ID });

  /** A node file in a new folder of the temp dir (outside the workspace), with `beside` files next to it. */
  async function nodeFileIn(folderName: string, beside: string[] = []): Promise<vscode.TextDocument> {
    const folder = path.join(scratch, folderName);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'path.dat'), NODE);
    for (const name of beside) fs.writeFileSync(path.join(folder, name), '#!/bin/sh\n');
    return vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'path.dat')));
  }

  suiteSetup(async () => {
    [fs, os, path] = await Promise.all([import('node:fs'), import('node:os'), import('node:path')]);
    api = await activatedApi();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-live-'));
    // onWindowChange: it counts, and unlike afterDelay it writes nothing while the suite runs.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'onWindowChange', vscode.ConfigurationTarget.Workspace);
  });

  setup(() => {
    asked.length = 0;
  });

  suiteTeardown(async () => {
    const files = vscode.workspace.getConfiguration('files', { languageId: LANGUAGE_ID });
    await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('icewarp').update('installPath', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('a node file in an install folder with auto save on: said once; the button turns auto save off for path.cfg / path.dat only', async () => {
    const document = await nodeFileIn('install-a');
    const installFolder = path.dirname(document.uri.fsPath);
    const result = await api.liveFileNotice.check(document, { ask: answer('Turn Off Auto Save for path.cfg / path.dat'), defaultFolders: [installFolder] });
    assert.equal(result.outcome, 'turned-off');
    assert.equal(asked.length, 1);
    assert.match(asked[0].message, /settings file IceWarp reads/);
    assert.ok(asked[0].message.includes(installFolder), asked[0].message);
    assert.ok(asked[0].message.includes('onWindowChange'), asked[0].message);
    assert.deepEqual(asked[0].buttons, ['Turn Off Auto Save for path.cfg / path.dat', 'Keep Auto Save']);
    // Written where auto save was set (the workspace), for the language only.
    assert.equal(languageFiles(document.uri).get('autoSave'), 'off');
    assert.equal(languageFiles(document.uri).inspect('autoSave')?.workspaceLanguageValue, 'off');
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'onWindowChange', 'other languages keep auto save');
    assert.equal(languageFiles(document.uri).inspect('autoSave')?.globalLanguageValue, undefined, 'user settings untouched');

    const again = await api.liveFileNotice.check(document, { ask: answer(undefined), defaultFolders: [installFolder] });
    assert.equal(again.outcome, 'already-told');
    assert.equal(asked.length, 1, 'said once');
    await languageFiles(document.uri).update('autoSave', undefined, vscode.ConfigurationTarget.Workspace, true);
  });

  test("IceWarp's own files beside a node file make it live; Keep Auto Save and closing the message change no setting", async () => {
    const kept = await nodeFileIn('install-b', ['icewarpd.sh', 'tool.sh']);
    assert.equal((await api.liveFileNotice.check(kept, { ask: answer('Keep Auto Save'), defaultFolders: [] })).outcome, 'kept');
    const closed = await nodeFileIn('install-c', ['tool.exe']);
    assert.equal((await api.liveFileNotice.check(closed, { ask: answer(undefined), defaultFolders: [] })).outcome, 'dismissed');
    assert.equal(asked.length, 2);
    for (const document of [kept, closed]) {
      const where = languageFiles(document.uri).inspect('autoSave');
      assert.equal(where?.workspaceLanguageValue, undefined);
      assert.equal(where?.globalLanguageValue, undefined);
      assert.equal(languageFiles(document.uri).get('autoSave'), 'onWindowChange');
    }
  });

  test('icewarp.installPath names a live folder', async () => {
    const document = await nodeFileIn('custom-install');
    await vscode.workspace.getConfiguration('icewarp').update('installPath', path.dirname(document.uri.fsPath), vscode.ConfigurationTarget.Workspace);
    assert.equal((await api.liveFileNotice.check(document, { ask: answer(undefined), defaultFolders: [] })).outcome, 'dismissed');
    assert.equal(asked.length, 1);
  });

  test('a node file elsewhere, or auto save off, says nothing', async () => {
    const elsewhere = await nodeFileIn('not-an-install');
    assert.equal((await api.liveFileNotice.check(elsewhere, { ask: answer(undefined), defaultFolders: [] })).outcome, 'not-live');
    const live = await nodeFileIn('install-d');
    await languageFiles(live.uri).update('autoSave', 'off', vscode.ConfigurationTarget.Workspace, true);
    try {
      assert.equal((await api.liveFileNotice.check(live, { ask: answer(undefined), defaultFolders: [path.dirname(live.uri.fsPath)] })).outcome, 'no-auto-save');
    } finally {
      await languageFiles(live.uri).update('autoSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
    assert.equal(asked.length, 0);
  });
});

suite('The walkthrough', () => {
  test('is contributed with its six pages in the display language, shipped with the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const walkthroughs = extension.packageJSON.contributes.walkthroughs as { id: string; steps: { media: { markdown: string } }[] }[];
    const walkthrough = walkthroughs.find((candidate) => candidate.id === 'icewarp.firstHour');
    assert.ok(walkthrough);
    assert.equal(walkthrough.steps.length, 6);
    // Each page is a "%key%" of package.nls*.json: VS Code has replaced it with the path in its
    // display language (English here; docs/cs/walkthrough/ in Czech).
    const folder = ['cs', 'de'].includes(vscode.env.language.split('-')[0]) ? `docs/${vscode.env.language.split('-')[0]}/walkthrough/` : 'docs/walkthrough/';
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown.startsWith(folder), `${step.media.markdown} is not a page of ${folder}`);
      const page: vscode.FileStat | undefined = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown)).then(undefined, () => undefined);
      assert.equal(page?.type, vscode.FileType.File, step.media.markdown);
    }
  });

  test('IceWarp: Open the path.cfg / path.dat Walkthrough opens it in an editor', async () => {
    await activatedApi();
    const pages = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input === undefined);
    assert.deepEqual(pages(), [], 'no Welcome or walkthrough page is open yet');
    await vscode.commands.executeCommand('icewarp.openWalkthrough');
    // The walkthrough is a page of VS Code's own: the API sees a tab without input, and its title
    // reaches the extension host late (it may still name the page's first pick). What the page
    // shows is checked by `npm start -- --smoke` and by the screenshot scene "walkthrough".
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab && tab.input === undefined, `the active tab is ${tab?.label}`);
    assert.equal(pages().length, 1, 'one page, not a Welcome page beside the walkthrough');
    await vscode.window.tabGroups.close(tab);
  });
});
