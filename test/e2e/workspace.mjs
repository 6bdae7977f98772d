// The workspace the integration suite and the screenshots run on: a temp copy, so no test ever
// dirties examples/. A multi-root workspace: the demo cluster plus a standalone node; `unwatched/`
// folders are excluded from file watching (clusterOpsLayouts.e2e.ts checks Refresh there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../scripts/codeServer.mjs';

/** Copies the demo into `root` and returns the .code-workspace file that opens both folders. */
export function prepareWorkspace(root) {
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'cluster'), path.join(root, 'cluster'), { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'test', 'e2e', 'workspace', 'standalone'), path.join(root, 'standalone'), { recursive: true });
  const workspaceFile = path.join(root, 'icewarp-e2e.code-workspace');
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    // A folder no watcher reports: the view's Refresh must find what is written there.
    'files.watcherExclude': { '**/unwatched/**': true },
  };
  fs.writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'cluster' }, { path: 'standalone' }], settings }, null, 2));
  return workspaceFile;
}
