// The live cluster's ids the manifest (package.json) and the code must agree on. No `vscode`
// import, so a unit test checks them against package.json.

export const LIVE_COMMANDS = {
  pull: 'icewarp.live.pull',
  push: 'icewarp.live.push',
  /** Asks every pulled node's server (status) and shows the result in the Cluster view. */
  compare: 'icewarp.live.compare',
} as const;

export const LIVE_SETTINGS = {
  /** An ssh client config passed as `ssh -F` (it can run programs: restricted in untrusted workspaces). */
  sshConfigFile: 'icewarp.ssh.configFile',
  remotePath: 'icewarp.ssh.remotePath',
} as const;

export const LIVE_CONTEXT_KEYS = {
  /** False in the browser, where no ssh can run. */
  available: 'icewarp.live.available',
  /** A folder of the workspace holds a pulled cluster (.icewarp-cluster.json). */
  hasPulledCluster: 'icewarp.live.hasPulledCluster',
} as const;
