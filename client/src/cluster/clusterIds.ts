// The ids the manifest (package.json) and the code must agree on: the cluster view, its commands,
// the contextValues its menus select rows by, and the context keys of `when` clauses. No
// `vscode` import, so a unit test checks them against package.json.

export const CLUSTER_VIEW_ID = 'icewarpCluster';

export const CLUSTER_COMMANDS = {
  refresh: 'icewarp.cluster.refresh',
  openFile: 'icewarp.cluster.openFile',
  copyHostname: 'icewarp.cluster.copyHostname',
  revealInExplorer: 'icewarp.cluster.revealInExplorer',
  promoteToMaster: 'icewarp.promoteToMaster',
  addNode: 'icewarp.addNode',
  /** Add Node on a host the cluster names but has no file for: its hostname filled in. */
  addNodeForHost: 'icewarp.cluster.addNodeForHost',
  removeNode: 'icewarp.removeNode',
  compareWithMaster: 'icewarp.compareWithMaster',
  compareNodes: 'icewarp.compareNodes',
  fixAllInCluster: 'icewarp.fixAllInCluster',
} as const;

/** The contextValue of each kind of row; menus in package.json select rows by these. */
export const CONTEXT_VALUES = {
  cluster: 'icewarpCluster',
  master: 'icewarpNode.file.master',
  slave: 'icewarpNode.file.slave',
  unknownRole: 'icewarpNode.file.unknown',
  missing: 'icewarpNode.missing',
  detail: 'icewarpDetail',
} as const;

/** Context keys the manifest's `when` clauses read. */
export const CONTEXT_KEYS = {
  viewVisible: 'icewarp.clusterView.visible',
  viewState: 'icewarp.clusterView.state',
  /** The URI schemes of node files (the disk's and the workspace folders'): editor menus of cluster commands. */
  nodeFileSchemes: 'icewarp.nodeFileSchemes',
} as const;
