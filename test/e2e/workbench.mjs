// One real VS Code session: code-server on loopback + Debian's Chromium driven by playwright-core.
// Used by the e2e runner (runCodeServer.mjs) and the screenshot script (scripts/screenshot.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { ensureCodeServer, launchChromium, makeTempDir, startCodeServer, workbenchUrl } from '../../scripts/codeServer.mjs';

/** Harmless workbench chatter: the marketplace lookup fails offline, connection set-up details. */
const KNOWN_NOISE = [/ENOTFOUND open-vsx\.org/, /^(Resolving|Resolved) connection token/, /^Creating a socket/, /^\[Service Worker\]/, /^Updating additional builtin extensions cache/, /^ChatSessionStore:/];

/**
 * Opens the workbench. With `extensionTestsPath`, `exitCode` resolves with the suite's exit code
 * (window.codeAutomationExit); `close()` ends the browser and code-server and removes temp folders.
 * @param {{ folder?: string, workspaceFile?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string,
 *           extensionsDir?: string, env?: Record<string, string>, onLog?: (line: string) => void,
 *           userSettings?: Record<string, unknown>, workspaceTrust?: boolean,
 *           viewport?: { width: number, height: number } }} options
 */
export async function openWorkbench(options) {
  const entry = ensureCodeServer();
  const scratch = makeTempDir('icewarp-workbench-');
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, options);

  const codeServer = await startCodeServer({ entry, userDataDir, extensionsDir, env: options.env, workspaceTrust: options.workspaceTrust });

  const browser = await launchChromium();
  const close = async () => {
    await browser.close().catch(() => undefined);
    await codeServer.stop();
    // ICEWARP_E2E_KEEP=1 keeps the user-data folder: its logs/ hold every output channel.
    if (process.env.ICEWARP_E2E_KEEP) console.log(`[e2e] kept ${userDataDir} (logs/ holds the output channels)`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const onLog = options.onLog ?? ((line) => console.log(line));
    let resolveExit;
    const exitCode = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host forwards console calls as (format string, ...values).
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (KNOWN_NOISE.some((pattern) => pattern.test(text))) return;
      onLog(type === 'error' ? `[host error] ${text}` : text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    const url = workbenchUrl({
      origin: codeServer.origin,
      port: codeServer.port,
      folder: options.folder,
      workspaceFile: options.workspaceFile,
      extensionDevelopmentPath: options.extensionDevelopmentPath,
      extensionTestsPath: options.extensionTestsPath,
    });
    await page.goto(url);
    return { page, browser, codeServer, exitCode, url, close, extensionsDir };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Quiet, deterministic workbench: no welcome page, no tips, no update or telemetry traffic;
 * workspace trust off unless `workspaceTrust` (then nothing is trusted and no prompt asks), plus
 * the run's own `userSettings`.
 */
function writeUserSettings(userDataDir, { userSettings = {}, workspaceTrust = false }) {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': workspaceTrust,
    'security.workspace.trust.startupPrompt': 'never',
    ...userSettings,
  };
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}
