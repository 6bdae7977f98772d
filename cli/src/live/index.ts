// The live cluster engine for VS Code's Node extension host (bundled as dist/live.js, loaded by
// the client when a Pull / Push command first runs): the command line's own code behind the
// interface the editor knows (common/liveCluster.ts).
import * as os from 'node:os';
import * as path from 'node:path';
import type { LiveEngine, LiveLocalState, LivePushPlan, LiveSshOptions } from '../../../common/liveCluster';
import { checkHost } from './names';
import { readLocal } from './nodeFiles';
import { pull } from './pull';
import { applyPush, planPush } from './push';
import { loadRecord, status, statusLine } from './status';
import { sha256 } from './record';

export const liveEngine: LiveEngine = {
  hostProblem(text) {
    const checked = checkHost(text);
    return checked.ok ? undefined : checked.reason;
  },

  async pull(request) {
    const outcome = await pull({ ...request, ssh: withHome(request.ssh) });
    return { folder: outcome.folder, pulled: outcome.pulled.map(({ host, file }) => ({ host, file })), failed: outcome.failed, rejected: outcome.rejected };
  },

  async localStates(folder) {
    const record = await loadRecord(folder);
    return Promise.all(
      record.nodes.map(async (node): Promise<LiveLocalState> => {
        const file = path.join(path.resolve(folder), ...node.file.split('/'));
        const local = await readLocal(file);
        return {
          host: node.host,
          file,
          pulledAt: node.pushedAt ?? node.pulledAt,
          ...(local.kind === 'file' ? { changedLocally: sha256(local.bytes) !== node.sha256 } : {}),
          ...(node.restoreFailed ? { restoreFailed: node.restoreFailed } : {}),
        };
      }),
    );
  },

  async status(folder, ssh) {
    return (await status(folder, withHome(ssh))).map((node) => ({ ...node, line: statusLine(node) }));
  },

  async planPush(folder, ssh, report): Promise<LivePushPlan> {
    const request = { folder, ssh: withHome(ssh), report };
    const plan = await planPush(request);
    const errors = plan.check?.files.reduce((sum, file) => sum + file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length, 0);
    return {
      folder: plan.folder,
      nodes: plan.nodes.map((node) => ({ host: node.node.host, display: node.display, diff: node.diff, ...(node.endings ? { endings: node.endings } : {}) })),
      refusals: plan.refusals,
      unreachable: plan.unreachable,
      ...(errors !== undefined ? { checkErrors: errors } : {}),
      apply: (applyReport) => applyPush(plan, { ...request, report: applyReport }),
    };
  },
};

/** `~/.ssh/cluster_config` as a setting names it: ssh does not expand `~` in -F. */
function withHome(ssh: LiveSshOptions): LiveSshOptions {
  const file = ssh.sshConfig;
  if (!file || !/^~[\\/]/.test(file)) return ssh;
  return { ...ssh, sshConfig: path.join(os.homedir(), file.slice(2)) };
}
