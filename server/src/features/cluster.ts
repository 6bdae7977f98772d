// The cluster model for the tree view and the Open Settings File chooser:
//   icewarp/cluster          -> the clusters of the workspace (ClusterModel)
//   icewarp/describeFiles    -> role and hostname of given files, read from disk when not indexed
//   icewarp/clusterChanged   <- sent (debounced) after diagnostics were published, so the client
//                               refreshes without polling.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import {
  clusterChangedNotification,
  clusterRequest,
  describeFilesRequest,
  type ClusterChanged,
  type ClusterModel,
  type DescribeFilesParams,
  type FileDescription,
  type ProblemCounts,
} from '../../../common/protocol';
import { NodeFile, Severity, buildClusterModel, countProblems, parseNodeFile, roleOf } from '../service';
import { Feature } from './feature';

/** Publishing comes in rounds (one node's change republishes its peers): one notification per round. */
const CHANGE_NOTIFICATION_DELAY_MS = 100;

const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function problemCountsOf(diagnostics: readonly Diagnostic[]): ProblemCounts {
  // LSP: a diagnostic without severity is up to the client; VS Code shows it as an error.
  return countProblems(diagnostics.map((diagnostic) => SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error]));
}

/** Files on disk (and other saved resources) only: an untitled scratch buffer is no server of the cluster. */
function isSavedResource(node: NodeFile): boolean {
  return !node.uri.startsWith('untitled:');
}

export const cluster: Feature = {
  capabilities: {},
  register({ connection, workspace, publishedDiagnostics, settingsFor, onDidPublish, files, foreignFileCount }) {
    connection.onRequest(clusterRequest, (): ClusterModel => {
      const nodes = workspace.all().filter(isSavedResource);
      return { ...buildClusterModel(nodes, (uri) => problemCountsOf(publishedDiagnostics(uri))), foreignFiles: foreignFileCount() };
    });

    connection.onRequest(describeFilesRequest, async (params: DescribeFilesParams | undefined): Promise<FileDescription[]> => {
      const uris = Array.isArray(params?.uris) ? params.uris.filter((uri): uri is string => typeof uri === 'string') : [];
      return Promise.all(
        uris.map(async (uri): Promise<FileDescription> => {
          let node = workspace.get(uri);
          if (!node) {
            const read = await files.readNodeFile(uri, (await settingsFor(uri)).maxFileSize);
            if (read.kind !== 'text') return { uri, readable: false };
            node = parseNodeFile(uri, read.text);
          }
          const hostname = node.field.hostname.value.text;
          const serverId = node.field.serverId.value.text;
          return { uri, readable: true, role: roleOf(node).role, ...(hostname ? { hostname } : {}), ...(serverId ? { serverId } : {}) };
        }),
      );
    });

    let version = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    onDidPublish(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const params: ClusterChanged = { version: ++version };
        void connection.sendNotification(clusterChangedNotification, params);
      }, CHANGE_NOTIFICATION_DELAY_MS);
    });
  },
};
