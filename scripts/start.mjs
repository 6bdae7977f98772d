// `npm start`: builds the extension, installs code-server on first use, and opens the extension
// (from this folder, not installed) on the demo workspace examples/cluster/ in that real VS Code.
// Open the printed URL in a browser; Ctrl+C stops code-server and everything it started.
//
//   npm start                       port 8080, or a free one when 8080 is taken
//   npm start -- --port 9000
//   npm start -- --web              the extension's browser build, in the browser's web worker
//                                   extension host (as vscode.dev and github.dev run it)
//   npm start -- --smoke            (CI) start, load the workbench in Chromium, check that the
//                                   extension activated, stop, and check nothing is left running
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_DIR, CODE_SERVER_VERSION, REPO_ROOT, ensureCodeServer, freePort, launchChromium, liveProcessesInGroup, runInWebWorkerSettings, startCodeServer, workbenchUrl } from './codeServer.mjs';

const DEMO_WORKSPACE = path.join(REPO_ROOT, 'examples', 'cluster');
/**
 * User settings the demo's profile starts with (a setting the user changed later is kept): no
 * generic Welcome page (the extension opens its walkthrough instead), and no prompt to open the
 * git repository the demo folder sits in (this one), which is no part of the demo.
 */
const DEMO_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'git.openRepositoryInParentFolders': 'never',
};
/** The walkthrough's title, as the smoke check looks for it on the page. */
const WALKTHROUGH_TITLE = (() => {
  const title = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).contributes.walkthroughs[0].title;
  // The manifest names its strings by %key%; VS Code shows package.nls.json's English text.
  const key = /^%(.+)%$/.exec(title)?.[1];
  return key ? JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'))[key] : title;
})();
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const web = args.includes('--web');
const portArgument = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;

async function main() {
  console.log('Building the extension (npm run build)...');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');

  const entry = ensureCodeServer();
  // Kept between runs, so the demo remembers its layout and settings; the workspace is the repo's own.
  const userDataDir = path.join(CODE_SERVER_DIR, `${smoke ? 'smoke-' : ''}${web ? 'web-' : ''}user-data`);
  if (web) writeWebWorkerSettings(userDataDir);
  const extensionsDir = path.join(CODE_SERVER_DIR, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const port = portArgument ?? ((await isFree(8080)) ? 8080 : await freePort());
  seedUserSettings(userDataDir);

  // The extension host inherits code-server's environment: the extension opens its walkthrough.
  const env = { ICEWARP_OPEN_WALKTHROUGH: '1' };
  const codeServer = await startCodeServer({ entry, userDataDir, extensionsDir, port, env, quiet: !process.env.ICEWARP_VERBOSE });
  let stopping;
  const stop = (reason) => {
    stopping ??= (async () => {
      if (reason) console.log(`\n${reason}: stopping code-server...`);
      await codeServer.stop();
      console.log(`code-server (process group ${codeServer.pid}) stopped; nothing left running.`);
    })();
    return stopping;
  };
  process.on('SIGINT', () => stop('Ctrl+C').then(() => process.exit(0)));
  process.on('SIGTERM', () => stop('SIGTERM').then(() => process.exit(0)));
  process.on('SIGHUP', () => stop('SIGHUP').then(() => process.exit(0)));

  const url = workbenchUrl({ origin: codeServer.origin, port: codeServer.port, folder: DEMO_WORKSPACE, extensionDevelopmentPath: REPO_ROOT });
  if (smoke) {
    let failed = false;
    try {
      await smokeCheck(url);
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
    }
    await stop();
    const left = liveProcessesInGroup(codeServer.pid);
    if (left.length > 0) throw new Error(`processes ${left.join(', ')} of code-server's group are still running after stop`);
    if (failed) throw new Error('npm start smoke check failed');
    console.log('npm start smoke check passed.');
    return;
  }

  console.log(`
IceWarp Cluster Config is running in VS Code (code-server ${CODE_SERVER_VERSION}) on the demo cluster.
Open this URL in your browser (from another machine: ssh -L ${codeServer.port}:127.0.0.1:${codeServer.port} first):

  ${url}

It opens on the walkthrough "${WALKTHROUGH_TITLE}"; open mx3/path.dat to see the diagnostics. Press Ctrl+C to stop.`);
  const { code, signal } = await codeServer.exited;
  if (!stopping) {
    console.error(`code-server exited on its own (code ${code}, signal ${signal}).`);
    await stop();
    process.exit(1);
  }
}

/** Writes DEMO_USER_SETTINGS into the profile's settings.json, keeping every setting already there. */
function seedUserSettings(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  let settings = {};
  if (fs.existsSync(file)) {
    try {
      settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      console.warn(`${path.relative(REPO_ROOT, file)} is not plain JSON; left as it is (the demo may show VS Code's Welcome page).`);
      return;
    }
  }
  const missing = Object.entries(DEMO_USER_SETTINGS).filter(([key]) => !(key in settings));
  if (missing.length === 0) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...settings, ...Object.fromEntries(missing) }, null, 2) + '\n');
}

/**
 * Loads the printed URL in Chromium and checks what a user sees first: the walkthrough as the only
 * editor, no git prompt, and the extension's diagnostics on mx3 in the Problems panel.
 */
async function smokeCheck(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-step', { hasText: 'Open or create a node file' }).first().waitFor({ timeout: 60_000 });
    await walkthrough.getByText(WALKTHROUGH_TITLE).first().waitFor();
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    if (tabs.length !== 1) throw new Error(`expected the walkthrough as the only editor, saw tabs ${JSON.stringify(tabs)}`);
    console.log(`The walkthrough "${WALKTHROUGH_TITLE}" is open, alone (tab "${tabs[0].trim()}").`);
    // The extension activates on the workspace's path.dat files and the server validates all of them.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'mx3' }).first().waitFor({ timeout: 60_000 });
    console.log('Workbench loaded; the Problems panel lists mx3/path.dat.');
    // By now git has looked for repositories; it would have asked about the one above the demo.
    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    const gitPrompt = toasts.find((text) => /git repositor/i.test(text));
    if (gitPrompt) throw new Error(`a git prompt is showing: ${gitPrompt.replace(/\s+/g, ' ')}`);
    console.log(`No git prompt (notifications: ${toasts.length}).`);
  } finally {
    await browser.close();
  }
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/** The web run keeps user data of its own, whose settings put the extension in the web worker. */
function writeWebWorkerSettings(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  let settings = {};
  try {
    settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // first run
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...settings, ...runInWebWorkerSettings('icewarp-cluster-config.icewarp-cluster-config') }, null, 2));
}
