// The requests behind the cluster commands, shared by the client and the server. The server
// computes every edit; the client asks, previews and applies. Other editors reach the same
// computations through workspace/executeCommand (CLUSTER_EXECUTE_COMMANDS). No answer ever holds a
// line-5 password: labels name nodes by hostname and folder, notes name fields, not values.
import { RequestType } from 'vscode-jsonrpc';
// Type only (erased from both bundles): the LSP WorkspaceEdit as the server library declares it.
import type { WorkspaceEdit } from 'vscode-languageserver';
import { z } from 'zod';

/** A node file the operation is about (for Add Node: any node of the cluster to add to). */
export interface NodeParams {
  uri: string;
}

export interface NewNodeParams extends NodeParams {
  hostname?: string;
  /** The new server's IP; empty or absent for none. */
  ip?: string;
  /** Where to create the file; absent for the default (a sibling folder named after the host). */
  fileUri?: string;
}

export interface RemoveNodeParams extends NodeParams {
  /** Delete the node's file too (the client has asked the user). */
  deleteFile: boolean;
}

export interface CompareNodesParams extends NodeParams {
  /** The other node; absent for the master of `uri`'s cluster. */
  otherUri?: string;
}

/** One file of a change, as the preview lists it. */
export interface ChangedFile {
  uri: string;
  kind: 'create' | 'edit' | 'delete';
  label: string;
  description: string;
}

/**
 * A multi-file change (a WorkspaceEdit with a change annotation per file, labelling each node;
 * none asks for confirmation: the change applies whole or not at all), or why nothing changes.
 */
export type ClusterEditAnswer =
  /** `warnings`: what the user must still know or do once it is applied (translated), shown with the summary. */
  | { ok: true; title: string; summary: string; files: ChangedFile[]; edit: WorkspaceEdit; warnings?: string[] }
  | { ok: false; reason: string };

export interface NewNodeCheck {
  /** The cluster as its nodes name it (the master host). */
  cluster: string;
  fileName: string;
  /** Where the file goes by default, once the hostname is valid. */
  fileUri?: string;
  serverId: string;
  /** What is wrong with each answer so far (absent when fine), for the input boxes. */
  problems: { hostname?: string; ip?: string; file?: string };
}

export type NewNodeCheckAnswer = ({ ok: true } & NewNodeCheck) | { ok: false; reason: string };

export type CompareNodesAnswer = { ok: true; left: string; right: string; title: string; note: string[] } | { ok: false; reason: string };

export const PROMOTE_TO_MASTER_REQUEST = new RequestType<NodeParams, ClusterEditAnswer, void>('icewarp/promoteToMaster');
export const ADD_NODE_REQUEST = new RequestType<NewNodeParams, ClusterEditAnswer, void>('icewarp/addNode');
export const CHECK_NEW_NODE_REQUEST = new RequestType<NewNodeParams, NewNodeCheckAnswer, void>('icewarp/checkNewNode');
export const REMOVE_NODE_REQUEST = new RequestType<RemoveNodeParams, ClusterEditAnswer, void>('icewarp/removeNode');
export const FIX_ALL_IN_CLUSTER_REQUEST = new RequestType<NodeParams, ClusterEditAnswer, void>('icewarp/fixAllInCluster');
export const COMPARE_NODES_REQUEST = new RequestType<CompareNodesParams, CompareNodesAnswer, void>('icewarp/compareNodes');

/**
 * workspace/executeCommand names for editors without our client. Arguments: the node's URI, or
 * one object with the fields of the matching request's params. The server applies the edit with
 * workspace/applyEdit and answers `{ applied, summary }` (or the edit, if the client cannot apply).
 * They differ from the VS Code command ids, which the client registers itself.
 */
export const CLUSTER_EXECUTE_COMMANDS = {
  promoteToMaster: 'icewarp.server.promoteToMaster',
  addNode: 'icewarp.server.addNode',
  removeNode: 'icewarp.server.removeNode',
  fixAllInCluster: 'icewarp.server.fixAllInCluster',
} as const;

export interface ExecuteCommandResult {
  applied: boolean;
  summary: string;
  /** As in ClusterEditAnswer: to show with the summary. */
  warnings?: string[];
  /** Present when the client could not apply it (or has no workspace/applyEdit): apply it yourself. */
  edit?: WorkspaceEdit;
  failureReason?: string;
}

// The client checks the envelopes it gets (the edit inside is checked as it is converted).
const changedFileSchema = z.object({ uri: z.string(), kind: z.enum(['create', 'edit', 'delete']), label: z.string(), description: z.string() });
const refusalSchema = z.object({ ok: z.literal(false), reason: z.string() });
export const clusterEditAnswerSchema = z.union([
  z.object({ ok: z.literal(true), title: z.string(), summary: z.string(), files: z.array(changedFileSchema), edit: z.record(z.string(), z.unknown()), warnings: z.array(z.string()).optional() }),
  refusalSchema,
]);
export const newNodeCheckAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    cluster: z.string(),
    fileName: z.string(),
    fileUri: z.string().optional(),
    serverId: z.string(),
    problems: z.object({ hostname: z.string().optional(), ip: z.string().optional(), file: z.string().optional() }),
  }),
  refusalSchema,
]);
export const compareNodesAnswerSchema = z.union([
  z.object({ ok: z.literal(true), left: z.string(), right: z.string(), title: z.string(), note: z.array(z.string()) }),
  refusalSchema,
]);
