// Renders images/icon.svg to images/icon.png (128x128, the Marketplace size) with Debian's Chromium.
//   node scripts/renderIcon.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, launchChromium } from './codeServer.mjs';

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  const svg = fs.readFileSync(path.join(REPO_ROOT, 'images', 'icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({ path: path.join(REPO_ROOT, 'images', 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
} finally {
  await browser.close();
}
