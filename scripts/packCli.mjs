// `npm run pack:cli [-- --out DIR]`: the npm package of the command line and the language
// server (packages/icewarp-pathcfg) as a tarball: production bundles, the code pages the server
// links each diagnostic to (docs/codes/, and docs/<language>/codes/ where translated), the messages
// of each language (l10n/bundle.l10n.<language>.json, read when --locale or a client asks), no
// dependencies, installable offline with `npm install -g <tarball>`. Prints the tarball's path and size.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = path.join(root, 'packages', 'icewarp-pathcfg');
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : root);

fs.rmSync(path.join(packageDir, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, ['esbuild.mjs', '--cli-package'], { cwd: root, stdio: 'inherit' });
// npm packs a LICENSE found in the package folder; the repository keeps one copy, at its root.
const license = path.join(packageDir, 'LICENSE');
fs.copyFileSync(path.join(root, 'LICENSE'), license);
// The messages of each language besides English, beside dist/ as in the .vsix (server/src/host/diskMessages.ts reads them there).
const messages = path.join(packageDir, 'l10n');
fs.rmSync(messages, { recursive: true, force: true });
fs.mkdirSync(messages);
for (const name of fs.readdirSync(path.join(root, 'l10n')).filter((file) => /^bundle\.l10n\.[a-z]+\.json$/.test(file))) fs.copyFileSync(path.join(root, 'l10n', name), path.join(messages, name));
// The code pages, beside dist/ as in the .vsix and a checkout (server/src/host/codePages.ts finds them there).
const docs = path.join(packageDir, 'docs');
fs.rmSync(docs, { recursive: true, force: true });
for (const pages of codePageFolders()) {
  fs.cpSync(path.join(root, 'docs', pages), path.join(docs, pages), { recursive: true, filter: (source) => fs.statSync(source).isDirectory() || source.endsWith('.md') });
}
try {
  fs.mkdirSync(out, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const tarball = path.join(out, packed.filename);
  console.log(`${path.relative(process.cwd(), tarball) || tarball}: ${(packed.size / 1024).toFixed(1)} KB (${packed.entryCount} files, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked)`);
  for (const file of packed.files) console.log(`  ${file.path}  ${(file.size / 1024).toFixed(1)} KB`);
} finally {
  fs.rmSync(license, { force: true });
  fs.rmSync(docs, { recursive: true, force: true });
  fs.rmSync(messages, { recursive: true, force: true });
}

/** `codes` and each translation's `<language>/codes` under docs/. */
function codePageFolders() {
  const translated = fs
    .readdirSync(path.join(root, 'docs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, 'docs', entry.name, 'codes')))
    .map((entry) => path.join(entry.name, 'codes'));
  return ['codes', ...translated];
}
