// The cluster commands' server side: promote to master, add and remove a node, fix all in a
// cluster, compare nodes. The VS Code client asks with the typed requests of common/clusterRequests.ts
// and previews and applies the answer itself; any other editor runs the same computations with
// workspace/executeCommand, and the server applies the edit with workspace/applyEdit.
//
// Arguments come from any client in any shape: `paramsOf` is the one place that reads them, and
// every URI among them (the node, the other node, the new file) leaves it in the server's
// spelling. Add Node's file is taken only where the cluster's nodes are (`newNodeFileProblem`).
import { ExecuteCommandParams, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import {
  ADD_NODE_REQUEST,
  CHECK_NEW_NODE_REQUEST,
  CLUSTER_EXECUTE_COMMANDS,
  COMPARE_NODES_REQUEST,
  FIX_ALL_IN_CLUSTER_REQUEST,
  PROMOTE_TO_MASTER_REQUEST,
  REMOVE_NODE_REQUEST,
  type ClusterEditAnswer,
  type CompareNodesAnswer,
  type CompareNodesParams,
  type ExecuteCommandResult,
  type NewNodeCheckAnswer,
  type NewNodeParams,
  type NodeParams,
  type RemoveNodeParams,
} from '../../../common/clusterRequests';
import { isRecord } from '../../../common/isRecord';
import {
  ClusterEditResult,
  type ValidationOptions,
  addNode,
  compareUris,
  compareWithMaster,
  fixAllInCluster,
  isRefusal,
  type NodeFile,
  type Workspace,
  newNodeDefaults,
  promoteToMaster,
  removeNode,
  savedNode,
  t,
} from '../service';
import { normalizeUri } from '../core/uriSpelling';
import type { Settings } from '../../../common/protocol';
import { changedFiles, createsOverExisting, toWorkspaceEdit } from './lspWorkspaceEdit';
import { Feature, ServerContext } from './feature';

type Operation = 'promoteToMaster' | 'addNode' | 'removeNode' | 'fixAllInCluster';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A URI argument in the server's spelling (`%28` or `(`, as another client spells it, is one file). */
const uriArgument = (value: unknown): string | undefined => (typeof value === 'string' ? normalizeUri(value) : undefined);

/**
 * Params as the typed request sends them, or as an executeCommand argument list gives them (a
 * URI, or one object), every URI in the server's spelling.
 */
function paramsOf(value: unknown): Partial<NewNodeParams & RemoveNodeParams & CompareNodesParams> {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return { uri: uriArgument(first) };
  if (!isRecord(first)) return {};
  const fileUri = text(first.fileUri)?.trim();
  return {
    uri: uriArgument(first.uri),
    hostname: text(first.hostname),
    ip: text(first.ip),
    // Empty means "the default place", as the input box sends it.
    fileUri: fileUri ? uriArgument(fileUri) : undefined,
    otherUri: uriArgument(first.otherUri),
    deleteFile: first.deleteFile === true,
  };
}

/** Longest part of a rejected argument quoted back (it can be a megabyte long). */
const MAX_QUOTED = 80;

/**
 * Why Add Node may not create `fileUri`, or undefined when it may: a path.cfg or path.dat in a
 * folder of its own inside a folder that holds a node folder of the cluster (where the default
 * goes: a sibling of the master's folder named after the host), in the nodes' own scheme. Not a
 * URI, another scheme (`https:`), a `..` climbing out, a query: a file no index would see, or
 * an edit the client cannot apply.
 */
function newNodeFileProblem(fileUri: string, node: NodeFile, workspace: Workspace): string | undefined {
  const clusterFolders = new Set([node, ...workspace.peersOf(node)].map((member) => member.uri.split('/').slice(0, -2).join('/')));
  let parsed: URI | undefined;
  try {
    parsed = URI.parse(fileUri, true);
  } catch {
    parsed = undefined;
  }
  const inside = [...clusterFolders].find((folder) => fileUri.startsWith(`${folder}/`));
  const segments = inside === undefined ? [] : fileUri.slice(inside.length + 1).split('/');
  const name = (segments.at(-1) ?? '').toLowerCase();
  const sane = segments.slice(0, -1).every((segment) => {
    const decoded = safeDecode(segment);
    return decoded !== '' && decoded !== '.' && decoded !== '..' && !/[\\/\u0000-\u001f]/.test(decoded);
  });
  if (parsed && !parsed.query && !parsed.fragment && inside !== undefined && segments.length >= 2 && sane && (name === 'path.cfg' || name === 'path.dat')) return undefined;
  const quoted = fileUri.length > MAX_QUOTED ? `${fileUri.slice(0, MAX_QUOTED)}…` : fileUri;
  return t('{0} is not a place for a node of this cluster: the new path.cfg or path.dat goes in a folder of its own beside the folders of its nodes.', quoted);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function validationOptions(settings: Settings): ValidationOptions {
  return { severityOverrides: settings.diagnostics.severity, maxFileSize: settings.maxFileSize };
}

/** Runs an operation on the node the params name: the service's answer, or a refusal. */
async function compute(context: ServerContext, operation: Operation, params: ReturnType<typeof paramsOf>): Promise<ClusterEditResult> {
  const { workspace } = context;
  if (!params.uri) return { ok: false, reason: t('No node file was given: run the command on an open path.cfg or path.dat, or on a node of the cluster view.') };
  const node = savedNode(workspace, params.uri);
  if (isRefusal(node)) return node;
  switch (operation) {
    case 'promoteToMaster':
      return promoteToMaster(node, workspace);
    case 'addNode': {
      const problem = params.fileUri === undefined ? undefined : newNodeFileProblem(params.fileUri, node, workspace);
      if (problem) return { ok: false, reason: problem };
      return addNode(node, workspace, { hostname: params.hostname ?? '', ip: params.ip, fileUri: params.fileUri });
    }
    case 'removeNode':
      return removeNode(node, workspace, { deleteFile: params.deleteFile === true });
    case 'fixAllInCluster': {
      // Each node's own severity settings decide what its fix-all fixes, as in the editor.
      const peers = [node, ...workspace.peersOf(node)];
      const options = new Map(await Promise.all(peers.map(async (peer) => [peer.uri, validationOptions(await context.settingsFor(peer.uri))] as const)));
      return fixAllInCluster(node, workspace, (uri) => options.get(uri) ?? {});
    }
  }
}

async function answer(context: ServerContext, operation: Operation, params: unknown): Promise<ClusterEditAnswer> {
  const result = await compute(context, operation, paramsOf(params));
  if (!result.ok) return result;
  const problem = await createsOverExisting(result.change, context.files);
  if (problem) return { ok: false, reason: problem };
  const { title, summary, warnings } = result.change;
  // No entry asks for confirmation: VS Code would show it unticked, and a part of the change
  // applied alone splits the cluster. The client shows the whole change and asks once.
  const edit = toWorkspaceEdit(result.change, context.documents, { needsConfirmation: false });
  return { ok: true, title, summary, files: changedFiles(result.change), edit, ...(warnings && warnings.length > 0 ? { warnings } : {}) };
}

const OPERATION_OF_COMMAND = new Map<string, Operation>(Object.entries(CLUSTER_EXECUTE_COMMANDS).map(([operation, command]) => [command, operation as Operation]));

export const clusterCommandHandlers: Feature = {
  capabilities: { executeCommandProvider: { commands: Object.values(CLUSTER_EXECUTE_COMMANDS) } },
  register(context) {
    const { connection, workspace } = context;
    connection.onRequest(PROMOTE_TO_MASTER_REQUEST, (params: NodeParams) => answer(context, 'promoteToMaster', params));
    connection.onRequest(ADD_NODE_REQUEST, (params: NewNodeParams) => answer(context, 'addNode', params));
    connection.onRequest(REMOVE_NODE_REQUEST, (params: RemoveNodeParams) => answer(context, 'removeNode', params));
    connection.onRequest(FIX_ALL_IN_CLUSTER_REQUEST, (params: NodeParams) => answer(context, 'fixAllInCluster', params));

    connection.onRequest(CHECK_NEW_NODE_REQUEST, (raw: NewNodeParams): NewNodeCheckAnswer => {
      const params = paramsOf(raw);
      if (!params.uri) return { ok: false, reason: t('No node of the cluster was given.') };
      const node = savedNode(workspace, params.uri);
      if (isRefusal(node)) return node;
      const defaults = newNodeDefaults(node, workspace, params);
      if ('ok' in defaults) return defaults;
      // The input box shows what Add Node would refuse.
      const fileProblem = params.fileUri === undefined ? undefined : newNodeFileProblem(params.fileUri, node, workspace);
      return { ok: true, ...defaults, ...(fileProblem && !defaults.problems.file ? { problems: { ...defaults.problems, file: fileProblem } } : {}) };
    });

    connection.onRequest(COMPARE_NODES_REQUEST, (raw: CompareNodesParams): CompareNodesAnswer => {
      const params = paramsOf(raw);
      if (!params.uri) return { ok: false, reason: t('No node file was given to compare.') };
      let result;
      if (params.otherUri) result = compareUris(workspace, params.uri, params.otherUri);
      else {
        const node = savedNode(workspace, params.uri);
        result = isRefusal(node) ? node : compareWithMaster(node, workspace);
      }
      if (!result.ok) return result;
      const { left, right, title, note } = result.comparison;
      return { ok: true, left, right, title, note };
    });

    connection.onExecuteCommand(async (params: ExecuteCommandParams): Promise<ExecuteCommandResult> => {
      const operation = OPERATION_OF_COMMAND.get(params.command);
      if (!operation) throw new ResponseError(LSPErrorCodes.RequestFailed, `Unknown command ${params.command}.`);
      const result = await answer(context, operation, params.arguments);
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
      const told = { summary: result.summary, ...(result.warnings ? { warnings: result.warnings } : {}) };
      try {
        const applied = await connection.workspace.applyEdit({ label: result.title, edit: result.edit });
        return applied.applied
          ? { applied: true, ...told }
          : { applied: false, ...told, edit: result.edit, ...(applied.failureReason ? { failureReason: applied.failureReason } : {}) };
      } catch {
        // The client has no workspace/applyEdit: it gets the edit to apply itself.
        return { applied: false, ...told, edit: result.edit, failureReason: t('the editor did not apply the edit') };
      }
    });
  },
};
