// The live cluster engine (cli/src/live) as the editor sees it: the command line and VS Code's
// Pull / Push commands run the same code. In VS Code's Node extension host it is a bundle of its
// own (dist/live.js), loaded when a command first needs it; the browser has no ssh, so no engine.
// Types only, and no Node: the client's shared code (also in the browser bundle) imports them.

export const CLUSTER_RECORD_FILE = '.icewarp-cluster.json';
export const DEFAULT_REMOTE_PATH = '/opt/icewarp/path.dat';
/** What IceWarp needs before a pushed path.dat applies (the project's reading; docs/live-cluster.md). */
export const TAKE_EFFECT_NOTE = 'IceWarp reads path.dat when its services start: restart the IceWarp services on each changed node';

export interface LiveSshOptions {
  /** An ssh client config (ssh -F); the user's ~/.ssh/config when absent. */
  sshConfig?: string;
  acceptNewHostKeys?: boolean;
  sudo?: boolean;
  connectTimeout?: number;
}

export type LiveSyncState = 'in-sync' | 'changed-locally' | 'changed-on-server' | 'changed-both';

export interface LivePullResult {
  folder: string;
  /** Hosts pulled, with the absolute path of each local copy. */
  pulled: { host: string; file: string }[];
  failed: { host: string; reason: string }[];
  /** Values of lines 15/16 that are no host name: never contacted. */
  rejected: { value: string; where: string; reason: string }[];
}

/** A pulled node as its folder's record and its local copy say, without asking the server. */
export interface LiveLocalState {
  host: string;
  /** Absolute path of the local copy. */
  file: string;
  /** Undefined when the local copy is missing or unreadable. */
  changedLocally?: boolean;
  pulledAt: string;
  /** A failed push could not put this node back (see `status`). */
  restoreFailed?: { at: string; backup: string; reason: string };
}

export interface LiveNodeStatus {
  host: string;
  file: string;
  state?: LiveSyncState;
  localProblem?: string;
  serverProblem?: string;
  /** The whole line `status` prints for the node. */
  line: string;
}

export interface LivePushPlan {
  folder: string;
  /** The nodes that would be written, each with its unified diff (line-5 passwords masked). */
  nodes: { host: string; display: string; diff: string; endings?: string }[];
  refusals: { host: string; reason: string }[];
  unreachable: { host: string; reason: string }[];
  /** When the folder has errors: their number (the Problems panel lists them). */
  checkErrors?: number;
  /** Writes exactly what this plan shows (refused plans cannot be applied). */
  apply(report: (line: string) => void): Promise<LivePushResult>;
}

export interface LivePushResult {
  ok: boolean;
  written: string[];
  restored: string[];
  notRestored: string[];
  leftovers: { host: string; path: string }[];
}

export interface LiveEngine {
  /** Why `text` cannot be given to ssh as a host, or undefined. */
  hostProblem(text: string): string | undefined;
  pull(request: { host: string; folder: string; remotePath?: string; discover: boolean; ssh: LiveSshOptions; report: (line: string) => void }): Promise<LivePullResult>;
  localStates(folder: string): Promise<LiveLocalState[]>;
  status(folder: string, ssh: LiveSshOptions): Promise<LiveNodeStatus[]>;
  planPush(folder: string, ssh: LiveSshOptions, report: (line: string) => void): Promise<LivePushPlan>;
}
