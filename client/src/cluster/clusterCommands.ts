// The cluster commands, one implementation each for the tree's context menus, the editor's
// context menu and the command palette: Promote to Master, Add Node, Remove Node, Compare with
// Master, Compare Nodes..., Fix All in Cluster, and the tree's Refresh, Open, Copy Hostname, Reveal.
// The server computes every change (common/clusterRequests.ts); the client shows it whole, asks
// once, applies it whole or not at all (./clusterChange.ts) and leaves the files unsaved.
import * as vscode from 'vscode';
import type { BaseLanguageClient, RequestType } from 'vscode-languageclient';
import type { z } from 'zod';
import {
  ADD_NODE_REQUEST,
  CHECK_NEW_NODE_REQUEST,
  COMPARE_NODES_REQUEST,
  FIX_ALL_IN_CLUSTER_REQUEST,
  PROMOTE_TO_MASTER_REQUEST,
  REMOVE_NODE_REQUEST,
  clusterEditAnswerSchema,
  compareNodesAnswerSchema,
  newNodeCheckAnswerSchema,
  type ChangedFile,
} from '../../../common/clusterRequests';
import { EXPLAIN_CODE_COMMAND, LANGUAGE_ID, type ClusterNode, rescanWorkspaceRequest } from '../../../common/protocol';
import { CLUSTER_COMMANDS } from './clusterIds';
import type { ClusterTreeElement } from './clusterTreeItems';
import type { ClusterTreeProvider } from './clusterTree';
import { ClusterChange, PreviewDocuments } from './clusterChange';
import { LiveChangeGuard } from './liveChanges';
import { StaleEditError, toVscodeEdit } from './workspaceEditConversion';
import { type WriteAccessCheck, unwritableFile } from './writableFiles';
import { roleName } from '../roleWords';

/** What a command runs on: a row of the tree, a file (editor menu), or the active editor when absent. */
export type ClusterCommandTarget = ClusterTreeElement | vscode.Uri | string | undefined;

/** What the user is asked before a change is applied: every node's change is in the diff beside it. */
export interface ChangeQuestion {
  message: string;
  detail: string;
  /** The first applies the change; any other is a choice of its own (Remove Node: delete the file instead). */
  buttons: string[];
}

/** Test seams: answers instead of input boxes and questions, and no preview. */
export interface ClusterCommandOptions {
  /** false: apply without showing the change and asking (as if Apply was pressed). Default true. */
  preview?: boolean;
  /** Answers the modal question before applying (the button pressed, undefined for Cancel); while it runs the diff is open. */
  confirm?: (question: ChangeQuestion) => Thenable<string | undefined>;
  /** Answers the summary after applying (the button pressed); by default a notification the user may answer any time. */
  respond?: (message: string, buttons: readonly string[]) => Thenable<string | undefined>;
  /** Runs between applying and checking the result (a test stands in for an edit that interferes). */
  afterApply?: () => Promise<void>;
  hostname?: string;
  ip?: string;
  /** Add Node: where to create the file (a file URI); with `hostname` given and this absent, the default. */
  fileUri?: string;
  /** Remove Node: delete the file too (instead of asking). */
  deleteFile?: boolean;
  /** Compare Nodes: the other node (instead of a quick pick). */
  otherUri?: string;
  pick?: <T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions) => Thenable<T | undefined>;
}

export interface ClusterCommandResult {
  /** `undone`: applied in part, or interfered with, so all of it was undone. */
  outcome: 'applied' | 'refused' | 'cancelled' | 'opened' | 'undone';
  /** What the user was told. */
  message?: string;
  /** The buttons offered with the message. */
  buttons?: readonly string[];
  /** Done once the user has answered the summary and its button did its work. */
  followUp?: Promise<void>;
  /** The question asked before applying. */
  question?: ChangeQuestion;
  /** The files left unsaved by the change. */
  unsaved?: string[];
  /** The edit as applied (or as VS Code was asked to apply it). */
  edit?: vscode.WorkspaceEdit;
  files?: ChangedFile[];
  /** Compare: the note shown with the diff. */
  note?: string[];
}

const noNode = () => vscode.l10n.t('Open a path.cfg or path.dat, or run the command on a node of the IceWarp Cluster view.');
const serverDown = () => vscode.l10n.t('The IceWarp language server is not running, so the cluster cannot be changed; see the "IceWarp Cluster Config" output for why.');

export class ClusterCommands {
  /** Every message the commands showed, oldest first (the secrets test reads them). */
  readonly messagesShown: string[] = [];
  private readonly previews = new PreviewDocuments();

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
    private readonly tree: ClusterTreeProvider,
    /** The host's read-only check (the disk's in Node, VS Code's file system API in the browser). */
    private readonly writeAccess?: WriteAccessCheck,
    /** Refuses a change that auto save would write to a live file. */
    private readonly liveChanges: LiveChangeGuard = new LiveChangeGuard(undefined),
  ) {}

  register(): vscode.Disposable[] {
    const run = (id: string, action: (target: ClusterCommandTarget) => Promise<unknown>) => vscode.commands.registerCommand(id, (target?: ClusterCommandTarget) => action(target));
    return [
      this.registerPreviews(),
      run(CLUSTER_COMMANDS.refresh, () => this.refresh()),
      run(CLUSTER_COMMANDS.openFile, (target) => this.openFile(target)),
      run(CLUSTER_COMMANDS.copyHostname, (target) => this.copyHostname(target)),
      run(CLUSTER_COMMANDS.revealInExplorer, (target) => this.revealInExplorer(target)),
      run(CLUSTER_COMMANDS.promoteToMaster, (target) => this.promoteToMaster(target)),
      run(CLUSTER_COMMANDS.addNode, (target) => this.addNode(target)),
      run(CLUSTER_COMMANDS.addNodeForHost, (target) => this.addNode(target)),
      run(CLUSTER_COMMANDS.removeNode, (target) => this.removeNode(target)),
      run(CLUSTER_COMMANDS.compareWithMaster, (target) => this.compareWithMaster(target)),
      run(CLUSTER_COMMANDS.compareNodes, (target) => this.compareNodes(target)),
      run(CLUSTER_COMMANDS.fixAllInCluster, (target) => this.fixAllInCluster(target)),
    ];
  }

  /** The read-only copies the change's diff shows. */
  private registerPreviews(): vscode.Disposable {
    return vscode.Disposable.from(this.previews, this.previews.register());
  }

  async promoteToMaster(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(noNode());
    return this.apply(await this.ask(PROMOTE_TO_MASTER_REQUEST, { uri }, clusterEditAnswerSchema), options);
  }

  async fixAllInCluster(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(noNode());
    return this.apply(await this.ask(FIX_ALL_IN_CLUSTER_REQUEST, { uri }, clusterEditAnswerSchema), options);
  }

  /** Asks for the hostname, the IP and where the file goes (each checked by the server as it is typed), then previews. */
  async addNode(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(noNode());
    const check = (answers: { hostname?: string; ip?: string; fileUri?: string }) => this.ask(CHECK_NEW_NODE_REQUEST, { uri, ...answers }, newNodeCheckAnswerSchema);
    const first = await check({});
    if (!first.ok) return this.refused(first.reason);
    const title = vscode.l10n.t('Add Node to the cluster of {0}', first.cluster);
    const suggested = missingHostOf(target);
    const hostname =
      options.hostname ??
      (await vscode.window.showInputBox({
        title: `${title} (1/3)`,
        prompt: vscode.l10n.t("The new node's hostname (line 11); every other node of {0} will list it on line 16", first.cluster),
        placeHolder: 'mx4.example.net',
        value: suggested,
        ignoreFocusOut: true,
        validateInput: async (value) => problemOf(await check({ hostname: value }), 'hostname'),
      }));
    if (hostname === undefined) return { outcome: 'cancelled' };
    const ip =
      options.ip ??
      (await vscode.window.showInputBox({
        title: `${title} (2/3)`,
        prompt: vscode.l10n.t('Its IP address (line 10); leave empty to bind none'),
        placeHolder: '192.168.10.14',
        ignoreFocusOut: true,
        validateInput: async (value) => problemOf(await check({ hostname, ip: value }), 'ip'),
      }));
    if (ip === undefined) return { outcome: 'cancelled' };
    let fileUri = options.fileUri;
    // A caller that gives the answers (a test) and no file gets the default place.
    if (fileUri === undefined && options.hostname === undefined) {
      const defaults = await check({ hostname, ip });
      // A path on the file system of the cluster's files (the disk, or the browser's workspace).
      const place = defaults.ok && defaults.fileUri ? vscode.Uri.parse(defaults.fileUri) : vscode.Uri.parse(uri);
      const asUri = (path: string) => (place.scheme === 'file' ? vscode.Uri.file(path) : place.with({ path }));
      const suggestion = defaults.ok && defaults.fileUri ? (place.scheme === 'file' ? place.fsPath : place.path) : '';
      const path = await vscode.window.showInputBox({
        title: `${title} (3/3)`,
        prompt: defaults.ok
          ? vscode.l10n.t('Where to create its {0} (next to the other nodes by default)', defaults.fileName)
          : vscode.l10n.t('Where to create its node file (next to the other nodes by default)'),
        value: suggestion,
        ignoreFocusOut: true,
        validateInput: async (value) => (value.trim() ? problemOf(await check({ hostname, ip, fileUri: asUri(value.trim()).toString() }), 'file') : vscode.l10n.t('Enter a path.')),
      });
      if (path === undefined) return { outcome: 'cancelled' };
      fileUri = asUri(path.trim()).toString();
    }
    const result = await this.apply(await this.ask(ADD_NODE_REQUEST, { uri, hostname, ip, fileUri }, clusterEditAnswerSchema), options);
    const created = result.files?.find((file) => file.kind === 'create');
    if (result.outcome === 'applied' && created) {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(created.uri), { preview: false });
      // Where the admin types the first password the new node needs (its line 5 came without them).
      const logon = editor.document.lineCount > 4 ? editor.document.lineAt(4).text : '';
      const password = /;[^;|]*;(?=\||$)/.exec(logon);
      if (password) editor.selection = new vscode.Selection(4, password.index + password[0].length, 4, password.index + password[0].length);
    }
    return result;
  }

  /** Removes the node from every other node's slave list; its file is deleted only when the user says so. */
  async removeNode(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(noNode());
    const keep = await this.ask(REMOVE_NODE_REQUEST, { uri, deleteFile: false }, clusterEditAnswerSchema);
    if (!keep.ok) return this.apply(keep, options);
    let deleteFile = options.deleteFile;
    if (deleteFile === undefined) {
      const name = keep.files.find((file) => file.uri === uri)?.label ?? vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
      const others = keep.files.filter((file) => file.uri !== uri).length;
      const keepFile = vscode.l10n.t('Remove, Keep the File');
      const deleteIt = vscode.l10n.t('Remove and Delete the File');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove {0} from its cluster?', name),
        {
          modal: true,
          detail:
            others === 1
              ? vscode.l10n.t(
                  '{0} other node file will stop listing it on line 16. Its own file can be deleted, or kept as a standalone server (line 14: 0, lines 15 and 16 emptied). The next step previews every change.',
                  others,
                )
              : vscode.l10n.t(
                  '{0} other node files will stop listing it on line 16. Its own file can be deleted, or kept as a standalone server (line 14: 0, lines 15 and 16 emptied). The next step previews every change.',
                  others,
                ),
        },
        keepFile,
        deleteIt,
      );
      if (!choice) return { outcome: 'cancelled' };
      deleteFile = choice === deleteIt;
    }
    if (deleteFile) return this.apply(await this.ask(REMOVE_NODE_REQUEST, { uri, deleteFile: true }, clusterEditAnswerSchema), options);
    // Kept on the cluster's shared Config folder, the file would start as a second master: the
    // question offers deleting it instead, and the summary says what to do with it.
    const deleteInstead = vscode.l10n.t('Delete the File Instead');
    return this.apply(keep, options, {
      alternatives: keep.warnings?.length ? { [deleteInstead]: async () => this.apply(await this.ask(REMOVE_NODE_REQUEST, { uri, deleteFile: true }, clusterEditAnswerSchema), options) } : {},
      explain: 'standalone-on-shared-config',
    });
  }

  async compareWithMaster(target: ClusterCommandTarget): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(noNode());
    return this.compare(uri, undefined);
  }

  /** Two nodes: the one run on (or a pick), then a pick of the other. */
  async compareNodes(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const pick = options.pick ?? vscode.window.showQuickPick;
    const nodes = this.tree.current.clusters.flatMap((cluster) => cluster.nodes.filter((node): node is ClusterNode & { uri: string } => node.uri !== undefined));
    const item = (node: ClusterNode & { uri: string }) => ({
      label: node.label,
      description: [roleName(node.role), node.serverId ? vscode.l10n.t('ID {0}', node.serverId.value) : undefined].filter(Boolean).join(' · '),
      detail: vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri), true),
      uri: node.uri,
    });
    const first = target === undefined && !vscode.window.activeTextEditor ? undefined : this.nodeUri(target);
    const left = first ?? (await pick(nodes.map(item), { title: vscode.l10n.t('Compare Nodes (1/2)'), placeHolder: vscode.l10n.t('The first node'), matchOnDescription: true, matchOnDetail: true }))?.uri;
    if (!left) return { outcome: 'cancelled' };
    const right =
      options.otherUri ??
      (await pick(nodes.filter((node) => node.uri !== left).map(item), { title: vscode.l10n.t('Compare Nodes (2/2)'), placeHolder: vscode.l10n.t('The node to compare it with'), matchOnDescription: true, matchOnDetail: true }))?.uri;
    if (!right) return { outcome: 'cancelled' };
    return this.compare(left, right);
  }

  async openFile(target: ClusterCommandTarget): Promise<void> {
    const node = nodeOf(target);
    if (node?.uri) await vscode.window.showTextDocument(vscode.Uri.parse(node.uri));
  }

  async copyHostname(target: ClusterCommandTarget): Promise<void> {
    const node = nodeOf(target);
    if (node) await vscode.env.clipboard.writeText(node.hostname?.value ?? node.label);
  }

  async revealInExplorer(target: ClusterCommandTarget): Promise<void> {
    const node = nodeOf(target);
    if (node?.uri) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(node.uri));
  }

  /** Refresh: the server walks the workspace folders again (node files that came or went unheard), then the view asks anew. */
  async refresh(): Promise<void> {
    try {
      await this.ready;
      await this.client.sendRequest(rescanWorkspaceRequest);
    } catch {
      // A server that is down: the view says so when it asks.
    }
    await this.tree.refresh();
  }

  /** The diff editor on the two files (the master or the first on the left) and the server's note about what may differ. */
  private async compare(uri: string, otherUri: string | undefined): Promise<ClusterCommandResult> {
    const answer = await this.ask(COMPARE_NODES_REQUEST, { uri, ...(otherUri ? { otherUri } : {}) }, compareNodesAnswerSchema);
    if (!answer.ok) return this.refused(answer.reason);
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(answer.left), vscode.Uri.parse(answer.right), answer.title, { preview: false });
    const message = answer.note.join(' ');
    this.show('information', message);
    return { outcome: 'opened', message, note: answer.note };
  }

  /** The node file a target means; for a cluster row, its master (else its first file). */
  private nodeUri(target: ClusterCommandTarget): string | undefined {
    if (typeof target === 'string') return target;
    if (target instanceof vscode.Uri) return target.toString();
    if (target?.kind === 'cluster') {
      const files = target.cluster.nodes.filter((node) => node.uri);
      return (files.find((node) => node.role === 'master') ?? files[0])?.uri;
    }
    if (target?.kind === 'node') return target.node.uri ?? target.node.namedBy?.[0]?.uri;
    if (target?.kind === 'detail') return target.uri;
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? document.uri.toString() : undefined;
  }

  /** The server's answer, checked; a server that is down or answers nonsense is a refusal. */
  private async ask<P, R, S extends z.ZodTypeAny>(type: RequestType<P, R, void>, params: P, schema: S): Promise<z.infer<S> | { ok: false; reason: string }> {
    try {
      await this.ready;
      return schema.parse(await this.client.sendRequest(type, params));
    } catch {
      return { ok: false, reason: serverDown() };
    }
  }

  /**
   * Shows every node's change and asks once (unless `options.preview` is false), applies it whole,
   * undoes all of it if any file did not come out as computed, and says what changed and what is
   * left unsaved. `choices.alternatives`: further buttons of the question, each running instead.
   */
  private async apply(
    answer: z.infer<typeof clusterEditAnswerSchema> | { ok: false; reason: string },
    options: ClusterCommandOptions,
    choices: { alternatives?: Record<string, () => Promise<ClusterCommandResult>>; explain?: string } = {},
  ): Promise<ClusterCommandResult> {
    if (!answer.ok) return this.refused(answer.reason);
    const unwritable = await unwritableFile(answer.files, this.writeAccess);
    if (unwritable) return this.refused(unwritable);
    const live = await this.liveChanges.refusal(
      answer.files.map((file) => ({ uri: vscode.Uri.parse(file.uri), label: file.label })),
      'extension',
    );
    if (live) return this.refused(live);
    let change: ClusterChange;
    let edit: vscode.WorkspaceEdit;
    try {
      const converted = toVscodeEdit(answer.edit);
      edit = converted.edit;
      change = await ClusterChange.plan(answer.title, answer.files, converted);
    } catch (error) {
      return this.refused(
        error instanceof StaleEditError
          ? error.message
          : vscode.l10n.t("The server's change could not be read ({0}); nothing was changed.", error instanceof Error ? error.message : vscode.l10n.t('unknown error')),
      );
    }
    const warnings = answer.warnings ?? [];
    let question: ChangeQuestion | undefined;
    if (options.preview !== false) {
      question = questionOf(change, warnings, Object.keys(choices.alternatives ?? {}));
      const close = await change.show(this.previews);
      let pressed: string | undefined;
      try {
        const confirm = options.confirm ?? ((asked: ChangeQuestion) => vscode.window.showWarningMessage(asked.message, { modal: true, detail: asked.detail }, ...asked.buttons));
        pressed = await confirm(question);
      } finally {
        await close();
      }
      if (pressed !== undefined && pressed !== question.buttons[0]) {
        const alternative = choices.alternatives?.[pressed];
        if (alternative) return alternative();
      }
      if (pressed !== question.buttons[0]) return { outcome: 'cancelled', edit, files: answer.files, question };
    }
    const outcome = await change.apply(options.afterApply);
    if (!outcome.applied) {
      const names = outcome.differing.map((file) => file.label).join(', ');
      const message = vscode.l10n.t('{0} did not come out as computed in {1}, so all of it was undone: every node file is as it was.', answer.title, names);
      this.show('warning', message);
      return { outcome: 'undone', message, edit, files: answer.files, ...(question ? { question } : {}) };
    }
    return { ...this.summarize(answer, change, outcome.unsaved, warnings, options, choices.explain), edit, files: answer.files, ...(question ? { question } : {}) };
  }

  /** What changed, what is left unsaved (with a button that saves exactly those) and what the admin must still do. */
  private summarize(
    answer: { summary: string },
    change: ClusterChange,
    unsaved: readonly vscode.TextDocument[],
    warnings: readonly string[],
    options: ClusterCommandOptions,
    explain: string | undefined,
  ): ClusterCommandResult {
    const count = change.changing.length;
    const parts = [answer.summary, count === 1 ? vscode.l10n.t('1 node file changed.') : vscode.l10n.t('{0} node files changed.', count), ...warnings];
    const labels = unsaved.map((document) => change.files.find((file) => file.uri.toString() === document.uri.toString())?.label ?? vscode.workspace.asRelativePath(document.uri, true));
    if (unsaved.length === 1) parts.push(vscode.l10n.t('Not saved yet, for you to review: {0}.', labels[0]));
    else if (unsaved.length > 1) parts.push(vscode.l10n.t('Not saved yet, for you to review: {0}.', labels.join('; ')));
    const save = unsaved.length === 1 ? vscode.l10n.t('Save This File') : vscode.l10n.t('Save These {0} Files', unsaved.length);
    const explainButton = vscode.l10n.t('Explain');
    const buttons = [...(unsaved.length > 0 ? [save] : []), ...(warnings.length > 0 && explain ? [explainButton] : [])];
    const message = parts.join(' ');
    const kind = warnings.length > 0 ? 'warning' : 'information';
    this.messagesShown.push(message);
    const respond = options.respond ?? ((text: string, items: readonly string[]) => (kind === 'warning' ? vscode.window.showWarningMessage(text, ...items) : vscode.window.showInformationMessage(text, ...items)));
    const followUp = Promise.resolve(respond(message, buttons)).then(async (pressed) => {
      if (pressed === save) await Promise.all(unsaved.map((document) => document.save()));
      else if (pressed === explainButton && explain) await vscode.commands.executeCommand(EXPLAIN_CODE_COMMAND, explain);
    }).catch(() => undefined); // a save that fails is reported by VS Code itself
    return { outcome: 'applied', message, buttons, followUp, unsaved: unsaved.map((document) => document.uri.toString()) };
  }

  private refused(reason: string): ClusterCommandResult {
    this.show('warning', reason);
    return { outcome: 'refused', message: reason };
  }

  private show(kind: 'information' | 'warning', message: string): void {
    this.messagesShown.push(message);
    void (kind === 'warning' ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
  }
}

function nodeOf(target: ClusterCommandTarget): ClusterNode | undefined {
  return typeof target === 'object' && !(target instanceof vscode.Uri) && target.kind === 'node' ? target.node : undefined;
}

/** A host the cluster names without a file: Add Node starts from its name. */
function missingHostOf(target: ClusterCommandTarget): string | undefined {
  const node = nodeOf(target);
  return node?.kind === 'missing' ? node.label : undefined;
}

/** The modal question: how many nodes, and what changes in each (the diff beside it shows how). */
function questionOf(change: ClusterChange, warnings: readonly string[], alternatives: readonly string[]): ChangeQuestion {
  const count = change.changing.length;
  const lines = change.changing.map((file) => `${file.label}: ${file.description}`);
  const detail = [...lines, '', ...warnings, ...(warnings.length > 0 ? [''] : []), vscode.l10n.t('Nothing is saved: the changed files stay unsaved for you to review and save.')].join('\n');
  return {
    message: count === 1 ? vscode.l10n.t('{0}: apply it to 1 node file?', change.title) : vscode.l10n.t('{0}: apply it to {1} node files at once?', change.title, count),
    detail,
    buttons: [count === 1 ? vscode.l10n.t('Apply to 1 Node') : vscode.l10n.t('Apply to {0} Nodes', count), ...alternatives],
  };
}

function problemOf(answer: z.infer<typeof newNodeCheckAnswerSchema> | { ok: false; reason: string }, field: 'hostname' | 'ip' | 'file'): string | undefined {
  return answer.ok ? answer.problems[field] : answer.reason;
}
