// Operations on a cluster as a whole. Each answers a protocol-free multi-file change (change.ts)
// or a refusal with its reason; the LSP adapter turns one into a WorkspaceEdit.
export type { ClusterChange, ClusterEditResult, FileChange, FileCreate, FileDelete, FileEdit } from './change';
export { promoteToMaster } from './promote';
export { addNode, newNodeDefaults, lowestFreeServerId } from './addNode';
export type { NewNode, NewNodeDefaults, NewNodeProblems } from './addNode';
export { removeNode } from './removeNode';
export type { RemoveNodeOptions } from './removeNode';
export { fixAllInCluster } from './fixAllInCluster';
export { compareNodes, compareUris, compareWithMaster, expectationOf } from './compare';
export type { NodeComparison } from './compare';
export { prepareRename, rename } from './rename';
export { savedNode, isRefusal } from './members';
