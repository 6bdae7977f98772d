// Runs the same integration suite in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (CI here cannot: it uses runCodeServer.mjs). `npm run test:e2e:electron`.
//
//   ICEWARP_VSCODE_VERSION=1.100.3 npm run test:e2e:electron   (default: 'stable')
//
// On a Linux machine without a display, run it under `xvfb-run -a`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT, makeTempDir } from '../../scripts/codeServer.mjs';
import { E2E_OUT_DIR, buildE2e } from './build.mjs';
import { prepareWorkspace } from './workspace.mjs';

await buildE2e();
const scratch = makeTempDir('icewarp-e2e-electron-');
let exitCode = 1;
try {
  const workspaceFile = prepareWorkspace(path.join(scratch, 'workspace'));
  exitCode = await runTests({
    version: process.env.ICEWARP_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(E2E_OUT_DIR, 'suite', 'index'),
    launchArgs: [workspaceFile, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).then(
    () => 0,
    (error) => {
      console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
      return 1;
    },
  );
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
