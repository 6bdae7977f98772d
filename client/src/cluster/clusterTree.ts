// The "IceWarp Cluster" view's data: it asks the server for the clusters (icewarp/cluster, checked
// with zod) and refreshes when the server says the answer may have changed; refreshes are
// debounced so a burst of notifications redraws the tree once. The rows are drawn by
// ./clusterTreeItems, the badges by ./clusterBadges, the commands live in ./clusterCommands.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  NODE_FILE_GLOB,
  clusterChangedNotification,
  clusterRequest,
  clusterResponseSchema,
  type ClusterModel,
} from '../../../common/protocol';
import { CLUSTER_VIEW_ID, CONTEXT_KEYS } from './clusterIds';
import { ClusterTreeElement, clusterElements, detailsOf, nodeElements, treeItemOf } from './clusterTreeItems';
import { ClusterBadges } from './clusterBadges';

const REFRESH_DELAY_MS = 250;

export type ClusterTreeState = 'loading' | 'empty' | 'ready' | 'unavailable';

/** Extra words for a node file's row, by the file's URI. */
export type NodeDecorator = (uri: string) => { description: string; tooltip: string } | undefined;

export class ClusterTreeProvider implements vscode.TreeDataProvider<ClusterTreeElement>, vscode.Disposable {
  private model: ClusterModel = { clusters: [] };
  private state: ClusterTreeState = 'loading';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private refreshAgain = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeTreeData = new vscode.EventEmitter<ClusterTreeElement | undefined>();
  private readonly refreshed = new vscode.EventEmitter<ClusterModel>();
  readonly onDidChangeTreeData = this.changeTreeData.event;
  /** Fires after each refresh with the model the tree now shows (tests wait on it). */
  readonly onDidRefresh = this.refreshed.event;
  /** The problem badges of the nodes shown. */
  readonly badges = new ClusterBadges(() => this.model);
  /** Words other features add to a node file's row (the live cluster's sync state). */
  private readonly nodeDecorators = new Set<NodeDecorator>();

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.disposables.push(this.changeTreeData, this.refreshed, this.badges);
    this.disposables.push(client.onNotification(clusterChangedNotification, () => this.scheduleRefresh()));
    void this.setContext(CONTEXT_KEYS.viewState, this.state);
  }

  /** The model the tree shows now. */
  get current(): ClusterModel {
    return this.model;
  }

  get currentState(): ClusterTreeState {
    return this.state;
  }

  /** Coalesces bursts (a save republishes every peer) into one request and one redraw. */
  scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  /** Asks the server now; the tree redraws once the answer is in (no empty flash in between). */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.refreshAgain = true;
      return this.inFlight;
    }
    this.inFlight = this.load().finally(() => {
      this.inFlight = undefined;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    let model: ClusterModel;
    try {
      await this.ready;
      model = clusterResponseSchema.parse(await this.client.sendRequest(clusterRequest));
    } catch {
      // No server or an answer of the wrong shape: say so in the view, keep nothing stale.
      this.apply({ clusters: [] }, 'unavailable');
      await this.revealIfWorkspaceHasNodeFiles();
      return;
    }
    if (model.clusters.length > 0) return this.apply(model, 'ready');
    // Right after start the server may still be indexing: a notification follows its first
    // publish round. Only a workspace without node files is "empty" (the welcome text says so);
    // files of other programs that share the names do not count.
    const foreign = model.foreignFiles ?? 0;
    const found = await vscode.workspace.findFiles(NODE_FILE_GLOB, '**/node_modules/**', foreign + 1);
    this.apply(model, found.length > foreign ? 'loading' : 'empty');
  }

  private apply(model: ClusterModel, state: ClusterTreeState): void {
    const previous = this.model;
    const unchanged = state === this.state && JSON.stringify(model) === JSON.stringify(previous);
    this.model = model;
    this.state = state;
    if (unchanged) {
      // Most keystrokes change nothing the tree shows: no redraw at all.
      this.refreshed.fire(model);
      return;
    }
    void this.setContext(CONTEXT_KEYS.viewState, state);
    if (model.clusters.length > 0) void this.setContext(CONTEXT_KEYS.viewVisible, true);
    this.changeTreeData.fire(undefined);
    this.badges.modelChanged(previous, model);
    this.refreshed.fire(model);
  }

  /**
   * With no server to judge them, the view shows once the workspace has a file of our names;
   * otherwise it shows with the first cluster the server finds (files of other programs that
   * share the names never show it), and stays (its empty state explains itself).
   */
  async revealIfWorkspaceHasNodeFiles(): Promise<void> {
    const found = await vscode.workspace.findFiles(NODE_FILE_GLOB, '**/node_modules/**', 1);
    if (found.length > 0) await this.setContext(CONTEXT_KEYS.viewVisible, true);
  }

  getChildren(element?: ClusterTreeElement): ClusterTreeElement[] {
    if (!element) return clusterElements(this.model.clusters);
    if (element.kind === 'cluster') return nodeElements(element);
    if (element.kind === 'node') return detailsOf(element);
    return [];
  }

  getParent(element: ClusterTreeElement): ClusterTreeElement | undefined {
    return element.kind === 'cluster' ? undefined : element.parent;
  }

  getTreeItem(element: ClusterTreeElement): vscode.TreeItem {
    const item = treeItemOf(element);
    if (element.kind === 'node' && element.node.uri) {
      for (const decorate of this.nodeDecorators) {
        const extra = decorate(element.node.uri);
        if (!extra) continue;
        item.description = [item.description, extra.description].filter((part) => typeof part === 'string' && part !== '').join(' · ');
        if (item.tooltip instanceof vscode.MarkdownString) item.tooltip.appendText(`\n\n${extra.tooltip}`);
      }
    }
    return item;
  }

  /** Adds words to node rows; `redraw()` shows a change of what it says. */
  addNodeDecorator(decorate: NodeDecorator): vscode.Disposable {
    this.nodeDecorators.add(decorate);
    return new vscode.Disposable(() => this.nodeDecorators.delete(decorate));
  }

  /** Draws the rows again from the model the tree has (no request). */
  redraw(): void {
    this.changeTreeData.fire(undefined);
  }

  private setContext(key: string, value: unknown): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Registers the view and its badges; returns the provider (the commands and the test API use it). */
export function registerClusterView(context: vscode.ExtensionContext, client: BaseLanguageClient, ready: Promise<void>): ClusterTreeProvider {
  const provider = new ClusterTreeProvider(client, ready);
  const view = vscode.window.createTreeView(CLUSTER_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, vscode.window.registerFileDecorationProvider(provider.badges));
  void provider.refresh();
  return provider;
}
