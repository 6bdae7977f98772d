// Runs the integration suite inside a real VS Code (code-server + Debian's Chromium) and exits
// with the suite's exit code.
//
//   node test/e2e/runCodeServer.mjs            the suite (test/e2e/suite) against the source tree
//   node test/e2e/runCodeServer.mjs --web      the same suite with the extension in the browser's
//                                              web worker extension host (its "browser" entry), as
//                                              vscode.dev and github.dev run it
//   node test/e2e/runCodeServer.mjs --broken-server
//                                              the extension with a server that exits at start:
//                                              one clear message, then no more restarts
//   node test/e2e/runCodeServer.mjs --restricted [F]
//                                              installs F (as --vsix) and opens the demo folder in
//                                              Restricted Mode (workspace trust on, not trusted)
//   node test/e2e/runCodeServer.mjs --czech    VS Code in Czech: a Czech language pack built and
//                                              installed offline, code-server --locale cs; the
//                                              cluster view's rows and a notification read Czech
//   node test/e2e/runCodeServer.mjs --vsix [F]  installs F (default: the <name>-<version>.vsix that
//                                              `npm run package` writes) with --install-extension and
//                                              checks that the installed extension activates on a path.dat
//   node test/e2e/runCodeServer.mjs --live-cluster
//                                              Pull / Push Cluster against the sshd npm run test:ssh
//                                              starts (it runs this, with ICEWARP_E2E_SSH_CONFIG,
//                                              ICEWARP_E2E_REMOTE_PATH and ICEWARP_E2E_PULL_INTO, a
//                                              folder inside the workspace folder it opens)
//
// `npm run build` must have produced dist/ first (npm run test:e2e does both).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, ensureCodeServer, installVsix, makeTempDir, runInWebWorkerSettings } from '../../scripts/codeServer.mjs';
import { E2E_OUT_DIR, buildE2e } from './build.mjs';
import { openWorkbench, paletteProbe } from './workbench.mjs';
import { prepareWorkspace } from './workspace.mjs';
import { buildCzechLanguagePack, registerLanguagePack } from './languagePack.mjs';

const TIMEOUT_MS = Number(process.env.ICEWARP_E2E_TIMEOUT_MS ?? 10 * 60_000);
const EXTENSION_ID = 'icewarp-cluster-config.icewarp-cluster-config';

async function main() {
  const restricted = process.argv.includes('--restricted');
  const vsixIndex = Math.max(process.argv.indexOf('--vsix'), process.argv.indexOf('--restricted'));
  const vsix = vsixIndex >= 0 ? path.resolve(process.argv[vsixIndex + 1] ?? defaultVsixPath()) : undefined;
  for (const bundle of ['client.js', 'clientFeatures.js', 'server.js', 'browser/client.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run \`npm run build\` first`);
  }
  await buildE2e();
  const scratch = makeTempDir('icewarp-e2e-');
  try {
    if (vsix && restricted) return await runRestrictedCheck(vsix, scratch);
    if (vsix) return await runVsixCheck(vsix, scratch);
    if (process.argv.includes('--broken-server')) return await runBrokenServerCheck(scratch);
    if (process.argv.includes('--czech')) return await runCzechCheck(scratch);
    if (process.argv.includes('--web')) return await runWebSuite(scratch);
    if (process.argv.includes('--live-cluster')) return await runLiveClusterSuite(scratch);
    return await runSuite(scratch);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function defaultVsixPath() {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return path.join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`);
}

async function runSuite(scratch) {
  const workspaceFile = prepareWorkspace(path.join(scratch, 'workspace'));
  return runInWorkbench('integration suite', {
    workspaceFile,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(E2E_OUT_DIR, 'suite', 'index'),
  });
}

async function runWebSuite(scratch) {
  const workspaceFile = prepareWorkspace(path.join(scratch, 'workspace'));
  return runInWorkbench('integration suite in the web worker extension host', {
    workspaceFile,
    extensionDevelopmentPath: REPO_ROOT,
    userSettings: runInWebWorkerSettings(EXTENSION_ID),
    extensionTestsPath: path.join(E2E_OUT_DIR, 'web', 'index'),
  });
}

/** The (empty) folder above ICEWARP_E2E_PULL_INTO as the workspace, user settings naming the test sshd's ssh config. */
async function runLiveClusterSuite(scratch) {
  const { ICEWARP_E2E_SSH_CONFIG: sshConfig, ICEWARP_E2E_REMOTE_PATH: remotePath, ICEWARP_E2E_PULL_INTO: pullInto } = process.env;
  if (!sshConfig || !remotePath || !pullInto) throw new Error('--live-cluster runs from npm run test:ssh, which starts the sshd and sets ICEWARP_E2E_SSH_CONFIG, ICEWARP_E2E_REMOTE_PATH and ICEWARP_E2E_PULL_INTO');
  const folder = path.dirname(pullInto);
  fs.mkdirSync(folder, { recursive: true });
  return runInWorkbench('live cluster over SSH', {
    folder,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(E2E_OUT_DIR, 'live', 'suite', 'index'),
    userSettings: { 'icewarp.ssh.configFile': sshConfig, 'icewarp.ssh.remotePath': remotePath },
  });
}

/** The .vsix installed into a fresh extensions folder, as a user installs it. */
function installedExtensions(vsix, scratch) {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist (npm run package makes it)`);
  const extensionsDir = path.join(scratch, 'extensions');
  installVsix({ entry: ensureCodeServer(), vsix, extensionsDir, userDataDir: path.join(scratch, 'install-user-data') });
  return extensionsDir;
}

async function runRestrictedCheck(vsix, scratch) {
  const extensionsDir = installedExtensions(vsix, scratch);
  const folder = path.join(scratch, 'cluster');
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'cluster'), folder, { recursive: true });
  // A settings file outside the workspace, named by the workspace's own settings: trusted, Open
  // Settings File would find it there; in Restricted Mode VS Code must not give the value out.
  const elsewhere = path.join(scratch, 'elsewhere');
  fs.mkdirSync(elsewhere);
  fs.copyFileSync(path.join(folder, 'mx1', 'path.dat'), path.join(elsewhere, 'path.dat'));
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'icewarp.installPath': elsewhere }, null, 2));
  return runInWorkbench('Restricted Mode', {
    folder,
    extensionsDir,
    workspaceTrust: true,
    extensionDevelopmentPath: path.join(REPO_ROOT, 'test', 'e2e', 'vsix-probe'),
    extensionTestsPath: path.join(E2E_OUT_DIR, 'restricted', 'suite', 'index'),
  });
}

async function runVsixCheck(vsix, scratch) {
  const extensionsDir = installedExtensions(vsix, scratch);
  const folder = path.join(scratch, 'empty-workspace');
  fs.mkdirSync(folder, { recursive: true });
  return runInWorkbench(`installed ${path.basename(vsix)}`, {
    folder,
    extensionsDir,
    // VS Code runs extension tests on behalf of an extension under development: an empty probe.
    extensionDevelopmentPath: path.join(REPO_ROOT, 'test', 'e2e', 'vsix-probe'),
    extensionTestsPath: path.join(E2E_OUT_DIR, 'vsix-probe', 'suite', 'index'),
    env: { ICEWARP_E2E_EXTENSIONS_DIR: extensionsDir },
  });
}

async function runBrokenServerCheck(scratch) {
  // A copy of the extension whose server exits before it answers initialize.
  const extension = path.join(scratch, 'broken-extension');
  for (const item of ['package.json', 'package.nls.json', 'l10n', 'dist/client.js', 'dist/clientFeatures.js', 'language-configuration.json', 'syntaxes', 'snippets']) {
    fs.cpSync(path.join(REPO_ROOT, item), path.join(extension, item), { recursive: true });
  }
  fs.writeFileSync(path.join(extension, 'dist', 'server.js'), "console.error('deliberately broken server (e2e)');\nprocess.exit(3);\n");
  const folder = path.join(scratch, 'cluster');
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'cluster'), folder, { recursive: true });
  return runInWorkbench('broken server', {
    folder,
    extensionDevelopmentPath: extension,
    extensionTestsPath: path.join(E2E_OUT_DIR, 'broken-server', 'suite', 'index'),
    // What the user sees: exactly one notification about our server, with a "Show Output" button.
    afterExit: async (page) => {
      const ours = page.locator('.notifications-toasts .notification-toast', { hasText: 'IceWarp language server' });
      await ours.first().waitFor({ timeout: 10_000 });
      const texts = await ours.allInnerTexts();
      if (texts.length !== 1) throw new Error(`expected one notification about the server, saw ${texts.length}: ${JSON.stringify(texts)}`);
      if (!/failed to start/.test(texts[0])) throw new Error(`unexpected notification: ${texts[0]}`);
      const button = ours.first().getByRole('button', { name: 'Show Output' });
      if ((await button.count()) !== 1) throw new Error(`the notification has no "Show Output" button: ${texts[0]}`);
      console.log(`[e2e] broken server: the one notification shown: ${texts[0].replace(/\s+/g, ' ')}`);
    },
  });
}

async function runCzechCheck(scratch) {
  const folder = path.join(scratch, 'cluster');
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'cluster'), folder, { recursive: true });
  return runInWorkbench('VS Code in Czech', {
    folder,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(E2E_OUT_DIR, 'czech', 'suite', 'index'),
    locale: 'cs',
    installFirst: [buildCzechLanguagePack(scratch)],
    // ICEWARP_E2E_PACK_UNREGISTERED=1 leaves the pack as --install-extension leaves it (the display language stays English).
    prepareUserData: process.env.ICEWARP_E2E_PACK_UNREGISTERED ? undefined : registerLanguagePack,
    // What the admin sees on the page, while the suite runs (the view empties when its extension
    // host ends): the cluster's row in Czech, and the master's row, which is clicked; the suite
    // waits for that click to open mx1/path.dat, so the row was on the page, in Czech.
    duringRun: async (page) => {
      const cluster = page.locator('.monaco-list-row', { hasText: 'uzly: 3' });
      await cluster.first().waitFor({ timeout: 120_000 });
      const master = page.locator('.monaco-list-row', { hasText: 'master · ID 11' });
      await master.first().waitFor({ timeout: 30_000 });
      console.log(`[e2e] Czech: the cluster's row: ${(await cluster.first().innerText()).replace(/\s+/g, ' ')}`);
      console.log(`[e2e] Czech: the master's row: ${(await master.first().innerText()).replace(/\s+/g, ' ')}`);
      await master.first().click();
    },
    // The notification stays on the page after the suite.
    afterExit: async (page) => {
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Otevřete path.cfg nebo path.dat' });
      await toast.first().waitFor({ timeout: 10_000 });
      console.log(`[e2e] Czech: the notification: ${(await toast.first().innerText()).replace(/\s+/g, ' ')}`);
    },
  });
}

async function runInWorkbench(label, options) {
  const started = Date.now();
  console.log(`[e2e] ${label}: starting code-server and Chromium`);
  // Tests ask what the Command Palette lists; the page exists once the workbench is open.
  let page;
  const probe = paletteProbe(() => page);
  const workbench = await openWorkbench({ ...options, onLog: (line) => probe(line) || console.log(line) });
  page = workbench.page;
  let timer;
  try {
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        console.error(`[e2e] ${label}: no exit code after ${TIMEOUT_MS} ms`);
        resolve(1);
      }, TIMEOUT_MS);
    });
    // Checks of the page while the suite runs; their failure fails the run.
    const during = options.duringRun ? options.duringRun(workbench.page).then(() => undefined, (error) => error) : Promise.resolve(undefined);
    let code = await Promise.race([workbench.exitCode, timeout]);
    const duringError = await Promise.race([during, Promise.resolve('unfinished')]);
    if (code === 0 && duringError) {
      console.error(`[e2e] ${label}: ${duringError === 'unfinished' ? 'the page check had not finished when the suite ended' : duringError instanceof Error ? duringError.message : duringError}`);
      code = 1;
    }
    if (code === 0 && options.afterExit) {
      try {
        await options.afterExit(workbench.page);
      } catch (error) {
        console.error(`[e2e] ${label}: ${error instanceof Error ? error.message : error}`);
        code = 1;
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[e2e] ${label}: exit code ${code} after ${seconds} s`);
    // .ci/run collects these into its stage table.
    if (process.env.ICEWARP_STAGE_TIMES) fs.appendFileSync(process.env.ICEWARP_STAGE_TIMES, `  e2e: ${label}: ${seconds} s (exit ${code})\n`);
    return typeof code === 'number' ? code : 1;
  } finally {
    clearTimeout(timer);
    await workbench.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
