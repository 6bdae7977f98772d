// `npm start`: builds the extension, installs code-server on first use, and opens the extension
// (from this folder, not installed) on the demo workspace examples/cluster/ in that real VS Code,
// or on a folder of your own. Open the printed URL in a browser; Ctrl+C stops code-server and
// everything it started.
//
//   npm start                       the demo; port 8080, or a free one when 8080 is taken
//   npm start -- <folder>           any folder instead of the demo (your node files, /opt/icewarp);
//                                   a relative path is taken from where npm was run
//   npm start -- --port 9000
//   npm start -- --web              the extension's browser build, in the browser's web worker
//                                   extension host (as vscode.dev and github.dev run it)
//   npm start -- --smoke            (CI) start, load the workbench in Chromium, check that the
//                                   extension activated, stop, and check nothing is left running
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
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
const USAGE = 'Usage: npm start [-- [folder] [--port <number>] [--web] [--smoke]]';

/**
 * What `npm start -- ...` asks for: the folder to open (the demo unless one is named), the port,
 * the browser build, the smoke check. Throws an Error whose message is meant for the user when
 * the arguments cannot be followed, before anything is built or started.
 * @param {string[]} args the arguments after `--`
 * @param {{ cwd: string }} where a relative folder is taken from (npm's INIT_CWD: where npm was run)
 * @returns {{ folder: string, demo: boolean, port: number | undefined, web: boolean, smoke: boolean }}
 */
export function parseStartArguments(args, { cwd }) {
  let port;
  let web = false;
  let smoke = false;
  const folders = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--web') web = true;
    else if (arg === '--smoke') smoke = true;
    else if (arg === '--port') {
      const value = args[++index];
      port = Number(value);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port needs a port number, not ${value === undefined ? 'nothing' : JSON.stringify(value)}.\n${USAGE}`);
    } else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    else folders.push(arg);
  }
  if (folders.length > 1) throw new Error(`One folder at a time, not ${folders.length} (${folders.join(', ')}).\n${USAGE}`);
  if (folders.length === 0) return { folder: DEMO_WORKSPACE, demo: true, port, web, smoke };
  // The smoke check looks for the demo's own walkthrough and mx3's problems.
  if (smoke) throw new Error('--smoke checks the demo cluster; leave out the folder.');
  const folder = path.resolve(cwd, folders[0]);
  let stats;
  try {
    stats = fs.statSync(folder);
  } catch {
    throw new Error(`There is no folder ${folder}: give the folder that holds your path.cfg / path.dat (for example /opt/icewarp).`);
  }
  if (!stats.isDirectory()) throw new Error(`${folder} is a file, not a folder: give the folder that holds it (${path.dirname(folder)}).`);
  return { folder, demo: false, port, web, smoke };
}

async function main() {
  const { folder, demo, port: portArgument, web, smoke } = parseStartArguments(process.argv.slice(2), { cwd: process.env.INIT_CWD ?? process.cwd() });
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

  // The extension host inherits code-server's environment: on the demo the extension opens its
  // walkthrough; a folder of the user's own opens as VS Code leaves it.
  const env = demo ? { ICEWARP_OPEN_WALKTHROUGH: '1' } : {};
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

  const url = workbenchUrl({ origin: codeServer.origin, port: codeServer.port, folder, extensionDevelopmentPath: REPO_ROOT });
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

  const opened = demo
    ? `It opens on the walkthrough "${WALKTHROUGH_TITLE}"; open mx3/path.dat to see the diagnostics.`
    : 'Open a path.cfg / path.dat, or the IceWarp Cluster view in the activity bar.';
  console.log(`
IceWarp Cluster Config is running in VS Code (code-server ${CODE_SERVER_VERSION}) on ${demo ? 'the demo cluster' : folder}.
Open this URL in your browser (from another machine: ssh -L ${codeServer.port}:127.0.0.1:${codeServer.port} first):

  ${url}

${opened} Press Ctrl+C to stop.`);
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

// Run as a script (`node scripts/start.mjs`), not when a test imports parseStartArguments.
if (process.argv[1] && fs.realpathSync(path.resolve(process.argv[1])) === fs.realpathSync(fileURLToPath(import.meta.url))) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

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
