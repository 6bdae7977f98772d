// The client's half of the pseudo-locale proof (the server's is test/lsp/pseudoLocale.test.ts):
// with VS Code's l10n bundle and the server both speaking the pseudo-locale, the cluster view's
// rows and badges, every notification, question, input box and quick pick of the cluster
// commands, the live-file notice, the server-trouble notifications, the settings file picks and
// the language status item of other programs' files hold no word outside ⟦ ⟧ but the files'
// values, node names and paths. Runs the client's modules against test/unit/fakeVscode.ts.
import { fake, fakeDocument, resetFake } from './fakeVscode';
import { URI } from 'vscode-uri';
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FILE_KIND_NOTIFICATION, LANGUAGE_ID, clusterRequest, type ClusterModel } from '../../common/protocol';
import { addMessageBundle, classifyNodeFile, setMessageLocale } from '../../server/src/service';
import { ClusterCommands } from '../../client/src/cluster/clusterCommands';
import type { ClusterTreeProvider } from '../../client/src/cluster/clusterTree';
import { clusterElements, detailsOf, nodeElements, treeItemOf } from '../../client/src/cluster/clusterTreeItems';
import { problemText } from '../../client/src/cluster/clusterBadges';
import { LiveFileNotice } from '../../client/src/settingsFiles/liveFileNotice';
import { CrashAwareErrorHandler, ServerNotifier } from '../../client/src/serverErrors';
import { CrashPolicy } from '../../client/src/crashPolicy';
import { SettingsFileCommand } from '../../client/src/settingsFiles/openSettingsFile';
import { ForeignFiles } from '../../client/src/settingsFiles/foreignDocuments';
import { LiveCluster } from '../../client/src/live/liveCluster';
import type { LiveEngine, LiveLocalState, LivePushPlan } from '../../common/liveCluster';
import { TestClient, fileUri } from '../../testing/lspClient';
import { windowsNode } from './clusterFixtures';
import { PSEUDO_LOCALE, type SeenText, assertAllThroughCatalogue, pseudoBundle, valuePieces } from './pseudoLocale';

const NODES = [1, 2, 3].map((k) => ({ name: `mx${k}`, text: windowsNode(k, 3, k === 3 ? { 16: 'mx2.example.net;mx3.example.net;mx9.example.net' } : {}) }));

/** A Memento in memory. */
function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
  } as vscode.Memento;
}

describe("under the pseudo-locale, everything the client shows goes through the catalogue", () => {
  let root: string;
  let server: TestClient;
  let languageClient: BaseLanguageClient;
  let model: ClusterModel;
  let values: string[];
  const uri = (name: string) => fileUri(path.join(root, name, 'path.dat'));
  const notificationHandlers = new Map<string, (params: unknown) => void>();

  before(async () => {
    addMessageBundle(PSEUDO_LOCALE, pseudoBundle());
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-client-pseudo-'));
    for (const node of NODES) {
      await fs.mkdir(path.join(root, node.name), { recursive: true });
      await fs.writeFile(path.join(root, node.name, 'path.dat'), node.text);
    }
    server = await TestClient.start({ folders: [root], locale: PSEUDO_LOCALE });
    // What the client's modules ask of vscode-languageclient: requests to the server, its notifications.
    languageClient = {
      sendRequest: (type: string | { method: string }, params?: unknown) => server.connection.sendRequest(typeof type === 'string' ? type : type.method, params),
      onNotification: (type: string | { method: string }, handler: (params: unknown) => void) => {
        notificationHandlers.set(typeof type === 'string' ? type : type.method, handler);
        return { dispose: () => undefined };
      },
      onDidChangeState: () => ({ dispose: () => undefined }),
      isRunning: () => true,
      sendNotification: async () => undefined,
    } as unknown as BaseLanguageClient; // only what these modules call
    for (const node of NODES) await server.open(uri(node.name), node.text);
    await server.waitFor(() => NODES.every((node) => server.published.has(uri(node.name))), 'the diagnostics of every node');
    model = await server.connection.sendRequest(clusterRequest.method);
    assert.equal(model.clusters.length, 1);
    values = [
      ...valuePieces(NODES.flatMap((node) => node.text.split(/\r?\n/))),
      ...NODES.flatMap((node) => [uri(node.name), path.join(root, node.name, 'path.dat'), `${node.name}/path.dat`]),
      root,
      'mx4.example.net',
      'mx9.example.net',
      'path.dat',
      'path.cfg',
      'files.autoSave',
      'afterDelay',
      'icewarp.installPath',
    ];
  });

  beforeEach(() => resetFake(pseudoBundle()));

  after(async () => {
    await server.stop();
    setMessageLocale(undefined);
    resetFake();
    await fs.rm(root, { recursive: true, force: true });
  });

  test("the cluster view's rows: labels, descriptions, tooltips and commands; the badges' tooltips", () => {
    const seen: SeenText[] = [];
    const see = (where: string, item: vscode.TreeItem) => {
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : ((item.tooltip as { value?: string } | undefined)?.value ?? '');
      seen.push(
        { where: `${where} label`, text: String(item.label) },
        { where: `${where} description`, text: String(item.description ?? '') },
        { where: `${where} tooltip`, text: tooltip },
        { where: `${where} command`, text: item.command?.title ?? '' },
      );
    };
    for (const cluster of clusterElements(model.clusters)) {
      see(`cluster ${cluster.cluster.label}`, treeItemOf(cluster));
      for (const node of nodeElements(cluster)) {
        see(`node ${node.node.label}`, treeItemOf(node));
        for (const detail of detailsOf(node)) see(`detail ${node.node.label} ${detail.label}`, treeItemOf(detail));
      }
    }
    seen.push({ where: 'badge', text: problemText({ error: 1, warning: 2, information: 3, hint: 0 }) }, { where: 'badge', text: problemText({ error: 2, warning: 1, information: 1, hint: 0 }) });
    assert.ok(seen.some((each) => each.where.startsWith('node mx9.example.net')), 'a host without a file is shown');
    assertAllThroughCatalogue(seen, values);
  });

  test('the cluster commands: notifications, the Remove question, the Add Node boxes, the Compare picks', async () => {
    const tree = { current: model, refresh: async () => undefined } as unknown as ClusterTreeProvider;
    const commands = new ClusterCommands(languageClient, Promise.resolve(), tree, async () => 'writable');
    // Nothing to run on; a refusal from the server; a change applied to an open, unsaved file.
    await commands.promoteToMaster(undefined);
    await commands.promoteToMaster(uri('mx1'));
    // A change: its question (the preview's summary and buttons), applied, then its summary and buttons.
    const asked: SeenText[] = [];
    const confirm = async (question: { message: string; detail?: string; buttons: readonly string[] }) => {
      asked.push({ where: 'question', text: question.message }, { where: 'question detail', text: question.detail ?? '' }, ...question.buttons.map((text) => ({ where: 'question button', text })));
      return question.buttons[0];
    };
    const respond = async (message: string, buttons: readonly string[]) => {
      asked.push({ where: 'summary', text: message }, ...buttons.map((text) => ({ where: 'summary button', text })));
      return undefined;
    };
    await commands.promoteToMaster(uri('mx2'), { confirm, respond });
    await commands.fixAllInCluster(uri('mx2'), { preview: false, respond });
    // Remove Node asks first (the answer: dismissed).
    await commands.removeNode(uri('mx3'));
    // Add Node: each box validated with a wrong and a right answer; the third cancelled.
    const typedAnswers = [
      { typed: ['', 'mx2.example.net', 'mx4.example.net'], value: 'mx4.example.net' },
      { typed: ['not an ip', '192.168.10.12', ''], value: '' },
      { typed: ['', path.join(root, 'mx2', 'path.dat'), path.join(root, 'mx4', 'notes.txt')], value: undefined },
    ];
    fake.answerInputBox = () => typedAnswers.shift() ?? { typed: [], value: undefined };
    await commands.addNode(uri('mx1'));
    // Compare Nodes: both picks shown, then the diff's note.
    const picks: { title?: string; placeHolder?: string; items: { label: string; description?: string; detail?: string }[] }[] = [];
    await commands.compareNodes(undefined, {
      pick: async <T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions) => {
        picks.push({ title: options.title, placeHolder: options.placeHolder, items });
        return items[picks.length === 1 ? 0 : 0];
      },
    });
    await commands.compareWithMaster(uri('mx1'));
    // A file that cannot be written, and a server that does not answer.
    await new ClusterCommands(languageClient, Promise.resolve(), tree, async () => 'read-only').promoteToMaster(uri('mx3'), { preview: false });
    const down = { ...languageClient, sendRequest: async () => Promise.reject(new Error('down')) } as unknown as BaseLanguageClient;
    await new ClusterCommands(down, Promise.resolve(), tree).promoteToMaster(uri('mx3'));

    const seen: SeenText[] = [
      ...asked,
      ...fake.messages.flatMap((shown) => [
        { where: `${shown.kind} message`, text: shown.message },
        { where: `${shown.kind} detail`, text: shown.detail ?? '' },
        ...shown.buttons.map((button) => ({ where: `${shown.kind} button`, text: button })),
      ]),
      ...fake.inputBoxes.flatMap((box) => [
        { where: 'input box title', text: box.title ?? '' },
        { where: 'input box prompt', text: box.prompt ?? '' },
        ...box.problems.map((problem) => ({ where: `input box problem of ${box.prompt}`, text: problem ?? '' })),
      ]),
      ...picks.flatMap((pick) => [
        { where: 'pick title', text: pick.title ?? '' },
        { where: 'pick placeholder', text: pick.placeHolder ?? '' },
        ...pick.items.map((item) => ({ where: 'pick item', text: `${item.label} ${item.description ?? ''}` })),
      ]),
    ];
    assert.equal(fake.inputBoxes.length, 3, 'the three boxes of Add Node');
    assert.ok(asked.some((each) => each.where === 'question') && asked.some((each) => each.where === 'summary'), JSON.stringify(asked));
    assert.ok(fake.messages.some((shown) => shown.detail), 'the Remove question and its detail');
    assert.ok(fake.inputBoxes.flatMap((box) => box.problems).filter(Boolean).length >= 5, 'each box said what is wrong');
    assertAllThroughCatalogue(seen, values);
  });

  test('the live-file notice and its buttons', async () => {
    fake.settings = { files: { autoSave: 'afterDelay' }, icewarp: { installPath: '' } };
    const notice = new LiveFileNotice(memento(), undefined);
    const result = await notice.check(fakeDocument('file:///opt/icewarp/path.dat', LANGUAGE_ID) as unknown as vscode.TextDocument, { defaultFolders: ['/opt/icewarp/'] });
    notice.dispose();
    assert.equal(result.outcome, 'dismissed');
    assertAllThroughCatalogue(
      fake.messages.flatMap((shown) => [{ where: 'notice', text: shown.message }, ...shown.buttons.map((button) => ({ where: 'notice button', text: button }))]),
      [...values, '/opt/icewarp/path.dat', '/opt/icewarp/', '/opt/icewarp', 'Ctrl+S'],
    );
  });

  test('the notifications of a server in trouble, with their button', () => {
    const channel = { appendLine: () => undefined, show: () => undefined } as unknown as vscode.OutputChannel;
    const notifier = new ServerNotifier(channel);
    const handler = new CrashAwareErrorHandler(notifier, channel, new CrashPolicy({ maxCrashes: 1, windowMs: 3 * 60 * 1000 }));
    handler.closed();
    handler.closed();
    handler.dispose();
    assert.equal(fake.messages.length, 1);
    assertAllThroughCatalogue(
      fake.messages.flatMap((shown) => [{ where: 'error', text: shown.message }, ...shown.buttons.map((button) => ({ where: 'error button', text: button }))]),
      values,
    );
  });

  test('Open IceWarp Settings File: the pick of several files and the pick of a template', async () => {
    const command = new SettingsFileCommand(languageClient, Promise.resolve(), undefined);
    const shown: SeenText[] = [];
    const pick = async <T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions) => {
      shown.push({ where: 'pick title', text: options.title ?? '' }, { where: 'pick placeholder', text: options.placeHolder ?? '' });
      for (const item of items) shown.push({ where: 'pick item', text: `${item.label} ${item.description ?? ''}` });
      return undefined;
    };
    // No file anywhere: the templates (the workspace alone is searched, as in the browser).
    await command.run({ pick, searchWorkspace: false });
    // Several files (the two install folders found by the host).
    const installFolders = { existingFiles: async (paths: readonly string[]) => paths.filter((each) => each.endsWith('path.dat')) };
    await new SettingsFileCommand(languageClient, Promise.resolve(), installFolders).run({ pick, searchWorkspace: false, installPath: '/srv/one/', defaultFolders: ['/opt/icewarp/'] });
    assert.ok(shown.length >= 8, JSON.stringify(shown));
    assertAllThroughCatalogue(shown, [...values, '/srv/one/path.dat', '/opt/icewarp/path.dat', 'icewarp.installPath']);
  });

  test("the language status item of another program's file, with the classifier's reason", async () => {
    const foreign = new ForeignFiles(languageClient, Promise.resolve(), memento());
    const disposables = foreign.register();
    const document = fakeDocument('file:///elsewhere/path.cfg', LANGUAGE_ID);
    fake.textDocuments = [document];
    fake.activeDocument = document;
    // The server's verdict, with a reason in the server's (pseudo) language.
    const reason = classifyNodeFile('[DEFAULT]\ntimeout=30\nretries=3\n').reasons[0];
    notificationHandlers.get(FILE_KIND_NOTIFICATION)?.({ uri: document.uri.toString(), kind: 'foreign', reasons: [reason], overridden: false });
    await new Promise((resolve) => setImmediate(resolve));
    const item = fake.statusItems[0];
    assert.ok(item, 'the status item');
    disposables.forEach((each) => each.dispose());
    assertAllThroughCatalogue(
      [
        { where: 'status item name', text: item.name ?? '' },
        { where: 'status item text', text: item.text },
        { where: 'status item detail', text: item.detail ?? '' },
        { where: 'status item command', text: `${item.command?.title ?? ''} ${item.command?.tooltip ?? ''}` },
      ],
      values,
    );
  });

  test('the live cluster: Pull and Push notifications, their questions, and the sync state of the view\'s rows', async () => {
    const channel = { appendLine: () => undefined } as unknown as vscode.OutputChannel;
    const tree = { addNodeDecorator: () => ({ dispose: () => undefined }), onDidRefresh: () => ({ dispose: () => undefined }), redraw: () => undefined } as unknown as ClusterTreeProvider;
    // In the browser: no engine, and a message why.
    await new LiveCluster(undefined, channel, tree).pull();
    // A pulled cluster of three: in sync, changed here, not put back after a failed push.
    const pulledFolder = '/srv/pulled';
    fake.foundFiles = [URI.file(`${pulledFolder}/.icewarp-cluster.json`)];
    const at = '2025-01-31T12:00:00.000Z';
    const states: LiveLocalState[] = [
      { host: 'mx1.example.net', file: `${pulledFolder}/mx1/path.dat`, changedLocally: false, pulledAt: at },
      { host: 'mx2.example.net', file: `${pulledFolder}/mx2/path.dat`, changedLocally: true, pulledAt: at },
      { host: 'mx3.example.net', file: `${pulledFolder}/mx3/path.dat`, changedLocally: false, pulledAt: at, restoreFailed: { at, backup: '/opt/icewarp/path.dat.bak', reason: 'the connection failed' } },
      { host: 'mx4.example.net', file: `${pulledFolder}/mx4/path.dat`, pulledAt: at },
    ];
    let plan: Omit<LivePushPlan, 'apply'> = { folder: pulledFolder, nodes: [], refusals: [], unreachable: [] };
    const engine: LiveEngine = {
      hostProblem: () => undefined,
      pull: async () => ({ folder: pulledFolder, pulled: [{ host: 'mx1.example.net', file: states[0].file }, { host: 'mx2.example.net', file: states[1].file }], failed: [{ host: 'mx3.example.net', reason: 'Connection refused' }], rejected: [] }),
      localStates: async () => states,
      status: async () => [],
      planPush: async () => ({ ...plan, apply: async () => ({ ok: true, written: ['mx2.example.net'], restored: [], notRestored: [], leftovers: [] }) }),
    };
    const live = new LiveCluster(() => engine, channel, tree);
    const disposables = live.register();
    await live.reloadStates();
    const rows = states.map((state) => live.syncStateOf(URI.file(state.file).toString()));
    assert.ok(rows.every((row) => row !== undefined), 'every pulled node has a sync state');
    await live.pull({ host: 'mx1.example.net', folder: URI.file(pulledFolder) as unknown as vscode.Uri, open: false });
    await live.push({ folder: URI.file(pulledFolder) as unknown as vscode.Uri });
    plan = { folder: pulledFolder, nodes: [{ host: 'mx2.example.net', display: 'mx2/path.dat', diff: '--- a\n+++ b\n', endings: 'CRLF' }], refusals: [], unreachable: [] };
    const questions: string[] = [];
    await live.push({ folder: URI.file(pulledFolder) as unknown as vscode.Uri, confirm: async (question) => (questions.push(question), true) });
    fake.foundFiles = [];
    await live.compare();
    disposables.forEach((each) => each.dispose());
    const seen: SeenText[] = [
      ...fake.messages.flatMap((shown) => [{ where: `${shown.kind} message`, text: shown.message }, ...shown.buttons.map((button) => ({ where: 'button', text: button }))]),
      ...fake.progressTitles.map((text) => ({ where: 'progress', text })),
      ...questions.map((text) => ({ where: 'push question', text })),
      ...rows.flatMap((row, index) => [{ where: `row ${index + 1} description`, text: row?.text ?? '' }, { where: `row ${index + 1} tooltip`, text: row?.tooltip ?? '' }]),
    ];
    assert.ok(questions.length === 1 && fake.messages.length >= 4, JSON.stringify(seen));
    // The engine's own words (ssh's reason, the record's dates) are values here.
    const dates = [new Date(at).toLocaleString('en'), new Date(at).toLocaleString()];
    assertAllThroughCatalogue(seen, [...values, pulledFolder, ...states.map((state) => state.file), at, ...dates, 'Connection refused', '/opt/icewarp/path.dat.bak', 'CRLF', 'mx1.example.net', 'mx2.example.net', 'mx3.example.net']);
  });
});
