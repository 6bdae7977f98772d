// `npm run screenshot [-- <scene> ...]`: takes screenshots of the real workbench (code-server +
// Chromium) on a temp copy of examples/cluster/ and saves them into docs/. Scenes live in
// scripts/screenshotScenes.mjs (how to add one is described there). Without names, takes all.
//   npm run screenshot -- --list     lists the scenes
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, makeTempDir } from './codeServer.mjs';
import { SCENES, sceneHelpers } from './screenshotScenes.mjs';
import { openWorkbench } from '../test/e2e/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

if (process.argv.includes('--list')) {
  for (const scene of SCENES) console.log(`${scene.name.padEnd(12)} docs/${scene.file}: ${scene.description}`);
  process.exit(0);
}
const unknown = names.filter((name) => !SCENES.some((scene) => scene.name === name));
if (unknown.length) {
  console.error(`unknown scene(s): ${unknown.join(', ')}; known: ${SCENES.map((scene) => scene.name).join(', ')}`);
  process.exit(1);
}
const chosen = names.length ? SCENES.filter((scene) => names.includes(scene.name)) : SCENES;

let failed = false;
for (const scene of chosen) {
  const scratch = makeTempDir('icewarp-screenshot-');
  const folder = path.join(scratch, 'cluster');
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'cluster'), folder, { recursive: true });
  const workbench = await openWorkbench({ folder, extensionDevelopmentPath: REPO_ROOT, viewport: VIEWPORT, onLog: () => undefined });
  try {
    const { page } = workbench;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    page.setDefaultTimeout(30_000);
    await scene.run(sceneHelpers(page));
    const target = path.join(REPO_ROOT, 'docs', scene.file);
    await page.screenshot({ path: target });
    console.log(`saved ${path.relative(REPO_ROOT, target)} (${scene.description})`);
  } catch (error) {
    failed = true;
    const debugShot = path.join(scratch, '..', `icewarp-screenshot-${scene.name}-failed.png`);
    await workbench.page.screenshot({ path: debugShot }).catch(() => undefined);
    console.error(`scene ${scene.name} failed: ${error instanceof Error ? error.message : error} (what was on screen: ${debugShot})`);
  } finally {
    await workbench.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
