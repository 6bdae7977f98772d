// One real VS Code session: code-server on loopback + Debian's Chromium driven by playwright-core.
// Used by the e2e runner (runCodeServer.mjs) and the screenshot script (scripts/screenshot.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { ensureCodeServer, installVsix, launchChromium, makeTempDir, startCodeServer, workbenchUrl } from '../../scripts/codeServer.mjs';

/** Harmless workbench chatter: the marketplace lookup fails offline, connection set-up details. */
const KNOWN_NOISE = [/ENOTFOUND open-vsx\.org/, /^(Resolving|Resolved) connection token/, /^Creating a socket/, /^\[Service Worker\]/, /^Updating additional builtin extensions cache/, /^ChatSessionStore:/];

/**
 * Opens the workbench. With `extensionTestsPath`, `exitCode` resolves with the suite's exit code
 * (window.codeAutomationExit); `close()` ends the browser and code-server and removes temp folders.
 * @param {{ folder?: string, workspaceFile?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string,
 *           extensionsDir?: string, env?: Record<string, string>, onLog?: (line: string) => void,
 *           userSettings?: Record<string, unknown>, workspaceTrust?: boolean,
 *           viewport?: { width: number, height: number }, locale?: string, installFirst?: string[],
 *           prepareUserData?: (folders: { userDataDir: string, extensionsDir: string }) => void }} options
 * `installFirst`: .vsix files installed with this session's user-data folder before code-server
 * starts, then `prepareUserData` runs on its folders; `locale`: code-server's `--locale`.
 */
export async function openWorkbench(options) {
  const entry = ensureCodeServer();
  const scratch = makeTempDir('icewarp-workbench-');
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, options);
  for (const vsix of options.installFirst ?? []) installVsix({ entry, vsix, extensionsDir, userDataDir });
  options.prepareUserData?.({ userDataDir, extensionsDir });

  const codeServer = await startCodeServer({ entry, userDataDir, extensionsDir, env: options.env, workspaceTrust: options.workspaceTrust, locale: options.locale });

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

/** The line a test logs to have the Command Palette read (test/e2e/suite/palette.ts). */
const PALETTE_PROBE = /^\[icewarp-e2e palette\] (\{.*\})$/;

/**
 * What the user sees in the Command Palette, for the tests in the extension host, which cannot
 * see the workbench: a test logs `[icewarp-e2e palette] {"typed": "...", "answer": "<path>"}`
 * with its editor focused; this opens the palette with the keyboard (F1), types `typed`, reads
 * every listed command (paging through the list), closes it (Escape) and writes
 * `{ "commands": [...] }` (or `{ "error": "..." }`) to the path the test named and watches.
 * Returns the log handler: true for a probe line it took.
 * @param {() => import('playwright-core').Page | undefined} pageOf
 */
export function paletteProbe(pageOf) {
  return (line) => {
    const match = PALETTE_PROBE.exec(line);
    if (!match) return false;
    const { typed, answer } = JSON.parse(match[1]);
    void readPalette(pageOf(), typed).then(
      (commands) => fs.writeFileSync(answer, JSON.stringify({ commands })),
      (error) => fs.writeFileSync(answer, JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
    );
    return true;
  };
}

/** @param {import('playwright-core').Page | undefined} page */
async function readPalette(page, typed) {
  if (!page) throw new Error('no workbench page');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.keyboard.type(typed);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  // Filtered once the first row is one of the typed prefix's (or the list says nothing matches).
  await page.waitForFunction((prefix) => {
    const first = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row');
    const empty = document.querySelector('.quick-input-widget .quick-input-message');
    return (first?.getAttribute('aria-label') ?? '').toLowerCase().startsWith(prefix.toLowerCase()) || (empty?.textContent ?? '').length > 0;
  }, typed);
  const seen = new Set();
  // The list draws only the rows in view: page down until no new row shows up.
  for (let page_ = 0; page_ < 10; page_++) {
    const labels = await rows.evaluateAll((elements) => elements.map((element) => element.querySelector('.label-name')?.textContent ?? element.getAttribute('aria-label') ?? ''));
    const before = seen.size;
    for (const label of labels) seen.add(label.trim());
    if (seen.size === before) break;
    await page.keyboard.press('PageDown');
  }
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden' });
  return [...seen];
}
