// The cluster commands, one implementation each for the tree's context menus, the editor's
// context menu and the command palette: Promote to Master, Add Node, Remove Node, Compare with
// Master, Compare Nodes..., Fix All in Cluster, and the tree's Open, Copy Hostname, Reveal.
// The server computes every change (common/clusterRequests.ts); the client asks, previews and applies.
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
import { LANGUAGE_ID, type ClusterNode } from '../../../common/protocol';
import { CLUSTER_COMMANDS } from './clusterIds';
import type { ClusterTreeElement } from './clusterTreeItems';
import type { ClusterTreeProvider } from './clusterTree';
import { StaleEditError, toVscodeEdit } from './workspaceEditConversion';
import { type WriteAccessCheck, unwritableFile } from './writableFiles';

/** What a command runs on: a row of the tree, a file (editor menu), or the active editor when absent. */
export type ClusterCommandTarget = ClusterTreeElement | vscode.Uri | string | undefined;

/** Test seams: answers instead of input boxes and questions, and no preview. */
export interface ClusterCommandOptions {
  /** false: apply without VS Code's refactor preview. Default true. */
  preview?: boolean;
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
  outcome: 'applied' | 'refused' | 'cancelled' | 'opened';
  /** What the user was told. */
  message?: string;
  /** The edit as applied (or as VS Code was asked to apply it). */
  edit?: vscode.WorkspaceEdit;
  files?: ChangedFile[];
  /** Compare: the note shown with the diff. */
  note?: string[];
}

const NO_NODE = 'Open a path.cfg or path.dat, or run the command on a node of the IceWarp Cluster view.';
const SERVER_DOWN = 'The IceWarp language server is not running, so the cluster cannot be changed; see the "IceWarp Cluster Config" output for why.';

export class ClusterCommands {
  /** Every message the commands showed, oldest first (the secrets test reads them). */
  readonly messagesShown: string[] = [];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
    private readonly tree: ClusterTreeProvider,
    /** The host's read-only check (the disk's in Node, VS Code's file system API in the browser). */
    private readonly writeAccess?: WriteAccessCheck,
  ) {}

  register(): vscode.Disposable[] {
    const run = (id: string, action: (target: ClusterCommandTarget) => Promise<unknown>) => vscode.commands.registerCommand(id, (target?: ClusterCommandTarget) => action(target));
    return [
      run(CLUSTER_COMMANDS.refresh, () => this.tree.refresh()),
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

  async promoteToMaster(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(NO_NODE);
    return this.apply(await this.ask(PROMOTE_TO_MASTER_REQUEST, { uri }, clusterEditAnswerSchema), options);
  }

  async fixAllInCluster(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(NO_NODE);
    return this.apply(await this.ask(FIX_ALL_IN_CLUSTER_REQUEST, { uri }, clusterEditAnswerSchema), options);
  }

  /** Asks for the hostname, the IP and where the file goes (each checked by the server as it is typed), then previews. */
  async addNode(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(NO_NODE);
    const check = (answers: { hostname?: string; ip?: string; fileUri?: string }) => this.ask(CHECK_NEW_NODE_REQUEST, { uri, ...answers }, newNodeCheckAnswerSchema);
    const first = await check({});
    if (!first.ok) return this.refused(first.reason);
    const title = `Add Node to the cluster of ${first.cluster}`;
    const suggested = missingHostOf(target);
    const hostname =
      options.hostname ??
      (await vscode.window.showInputBox({
        title: `${title} (1/3)`,
        prompt: `The new node's hostname (line 11); every other node of ${first.cluster} will list it on line 16`,
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
        prompt: 'Its IP address (line 10); leave empty to bind none',
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
        prompt: `Where to create its ${defaults.ok ? defaults.fileName : 'node file'} (next to the other nodes by default)`,
        value: suggestion,
        ignoreFocusOut: true,
        validateInput: async (value) => (value.trim() ? problemOf(await check({ hostname, ip, fileUri: asUri(value.trim()).toString() }), 'file') : 'Enter a path.'),
      });
      if (path === undefined) return { outcome: 'cancelled' };
      fileUri = asUri(path.trim()).toString();
    }
    const result = await this.apply(await this.ask(ADD_NODE_REQUEST, { uri, hostname, ip, fileUri }, clusterEditAnswerSchema), options);
    const created = result.files?.find((file) => file.kind === 'create');
    if (result.outcome === 'applied' && created) await vscode.window.showTextDocument(vscode.Uri.parse(created.uri), { preview: false });
    return result;
  }

  /** Removes the node from every other node's slave list; its file is deleted only when the user says so. */
  async removeNode(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(NO_NODE);
    const keep = await this.ask(REMOVE_NODE_REQUEST, { uri, deleteFile: false }, clusterEditAnswerSchema);
    if (!keep.ok) return this.apply(keep, options);
    let deleteFile = options.deleteFile;
    if (deleteFile === undefined) {
      const name = keep.files.find((file) => file.uri === uri)?.label ?? vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
      const others = keep.files.filter((file) => file.uri !== uri).length;
      const keepFile = 'Remove, Keep the File';
      const deleteIt = 'Remove and Delete the File';
      const choice = await vscode.window.showWarningMessage(
        `Remove ${name} from its cluster?`,
        {
          modal: true,
          detail: `${others} other node file${others === 1 ? '' : 's'} will stop listing it on line 16. Its own file can be deleted, or kept as a standalone server (line 14: 0, lines 15 and 16 emptied). The next step previews every change.`,
        },
        keepFile,
        deleteIt,
      );
      if (!choice) return { outcome: 'cancelled' };
      deleteFile = choice === deleteIt;
    }
    return this.apply(deleteFile ? await this.ask(REMOVE_NODE_REQUEST, { uri, deleteFile: true }, clusterEditAnswerSchema) : keep, options);
  }

  async compareWithMaster(target: ClusterCommandTarget): Promise<ClusterCommandResult> {
    const uri = this.nodeUri(target);
    if (!uri) return this.refused(NO_NODE);
    return this.compare(uri, undefined);
  }

  /** Two nodes: the one run on (or a pick), then a pick of the other. */
  async compareNodes(target: ClusterCommandTarget, options: ClusterCommandOptions = {}): Promise<ClusterCommandResult> {
    const pick = options.pick ?? vscode.window.showQuickPick;
    const nodes = this.tree.current.clusters.flatMap((cluster) => cluster.nodes.filter((node): node is ClusterNode & { uri: string } => node.uri !== undefined));
    const item = (node: ClusterNode & { uri: string }) => ({
      label: node.label,
      description: [node.role, node.serverId ? `ID ${node.serverId.value}` : undefined].filter(Boolean).join(' · '),
      detail: vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri), true),
      uri: node.uri,
    });
    const first = target === undefined && !vscode.window.activeTextEditor ? undefined : this.nodeUri(target);
    const left = first ?? (await pick(nodes.map(item), { title: 'Compare Nodes (1/2)', placeHolder: 'The first node', matchOnDescription: true, matchOnDetail: true }))?.uri;
    if (!left) return { outcome: 'cancelled' };
    const right =
      options.otherUri ??
      (await pick(nodes.filter((node) => node.uri !== left).map(item), { title: 'Compare Nodes (2/2)', placeHolder: 'The node to compare it with', matchOnDescription: true, matchOnDetail: true }))?.uri;
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
      return { ok: false, reason: SERVER_DOWN };
    }
  }

  private async apply(answer: z.infer<typeof clusterEditAnswerSchema> | { ok: false; reason: string }, options: ClusterCommandOptions): Promise<ClusterCommandResult> {
    if (!answer.ok) return this.refused(answer.reason);
    const unwritable = await unwritableFile(answer.files, this.writeAccess);
    if (unwritable) return this.refused(unwritable);
    let edit: vscode.WorkspaceEdit;
    try {
      edit = toVscodeEdit(answer.edit, { preview: options.preview ?? true });
    } catch (error) {
      return this.refused(error instanceof StaleEditError ? error.message : `The server's change could not be read (${error instanceof Error ? error.message : 'unknown error'}); nothing was changed.`);
    }
    // With a preview, false means the user discarded it; VS Code reports a failure itself.
    if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) return { outcome: 'cancelled', edit, files: answer.files };
    const touched = new Set(answer.files.map((file) => file.uri));
    const unsaved = vscode.workspace.textDocuments.filter((document) => document.isDirty && touched.has(document.uri.toString())).length;
    const warnings = answer.warnings ?? [];
    const message = [answer.summary, ...warnings].join(' ') + (unsaved > 0 ? ` Save the changed files (File > Save All) to write them to disk.` : '');
    // What the user must still do is a warning, so it is not missed.
    this.show(warnings.length > 0 ? 'warning' : 'information', message);
    return { outcome: 'applied', message, edit, files: answer.files };
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

function problemOf(answer: z.infer<typeof newNodeCheckAnswerSchema> | { ok: false; reason: string }, field: 'hostname' | 'ip' | 'file'): string | undefined {
  return answer.ok ? answer.problems[field] : answer.reason;
}
