// The problem badges on the cluster view's nodes: a FileDecorationProvider for the tree rows'
// own URI scheme (so no file in the Explorer is decorated), errors and warnings together,
// coloured by the worst.
import * as vscode from 'vscode';
import type { ClusterNode, ClusterModel, ProblemCounts } from '../../../common/protocol';

/** The scheme of the tree nodes' resourceUri, so our problem badges decorate only the tree. */
const DECORATION_SCHEME = 'icewarp-cluster-node';

export function decorationUri(node: ClusterNode): vscode.Uri {
  return vscode.Uri.from({ scheme: DECORATION_SCHEME, path: '/node', query: node.uri ?? node.label });
}

export function problemText(problems: ProblemCounts): string {
  const parts: string[] = [];
  const add = (count: number, one: () => string, many: () => string) => count > 0 && parts.push(count === 1 ? one() : many());
  add(problems.error, () => vscode.l10n.t('{0} error', 1), () => vscode.l10n.t('{0} errors', problems.error));
  add(problems.warning, () => vscode.l10n.t('{0} warning', 1), () => vscode.l10n.t('{0} warnings', problems.warning));
  add(problems.information, () => vscode.l10n.t('{0} info', 1), () => vscode.l10n.t('{0} infos', problems.information));
  return parts.join(', ');
}

export class ClusterBadges implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changeDecorations = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changeDecorations.event;

  constructor(private readonly model: () => ClusterModel) {}

  /** The model changed: redraw the badges of the nodes it had and has. */
  modelChanged(previous: ClusterModel, current: ClusterModel): void {
    const decorated = [...previous.clusters, ...current.clusters].flatMap((cluster) => cluster.nodes.filter((node) => node.uri).map((node) => decorationUri(node)));
    this.changeDecorations.fire(decorated);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DECORATION_SCHEME) return undefined;
    const node = this.model().clusters.flatMap((cluster) => cluster.nodes).find((candidate) => candidate.uri && decorationUri(candidate).toString() === uri.toString());
    if (!node) return undefined;
    const { error, warning } = node.problems;
    if (error + warning === 0) return undefined;
    return new vscode.FileDecoration(
      error + warning > 9 ? '9+' : String(error + warning),
      problemText(node.problems),
      new vscode.ThemeColor(error > 0 ? 'list.errorForeground' : 'list.warningForeground'),
    );
  }

  dispose(): void {
    this.changeDecorations.dispose();
  }
}
