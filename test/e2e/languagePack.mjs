// A minimal Czech language pack, built offline: VS Code shows a display language only when a
// language pack for it is installed (the Marketplace serves Microsoft's; this machine cannot
// reach it). The pack contributes `localizations` for `cs` with an empty translation of VS Code's
// own strings, so the workbench stays English while `vscode.env.language` becomes `cs`, and
// extensions (ours) speak Czech from their own l10n bundles. Packed with vsce into a .vsix, which
// code-server installs with --install-extension into the session's user-data folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../scripts/codeServer.mjs';

/** Writes the pack's sources under `scratch` and packs them; returns the .vsix path. */
export function buildCzechLanguagePack(scratch) {
  const folder = path.join(scratch, 'language-pack-cs');
  fs.mkdirSync(path.join(folder, 'translations'), { recursive: true });
  const manifest = {
    name: 'icewarp-test-language-pack-cs',
    displayName: 'Czech (empty test language pack)',
    description: 'Makes Czech a display language for the IceWarp e2e test; translates nothing of VS Code itself.',
    version: '1.0.0',
    publisher: 'icewarp-test',
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: 'cs',
          languageName: 'Czech',
          localizedLanguageName: 'čeština',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  // VS Code's own strings: none translated (each falls back to English).
  fs.writeFileSync(path.join(folder, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }, null, 2));
  fs.writeFileSync(path.join(folder, 'README.md'), '# Czech test language pack\n\nAn empty language pack for the IceWarp Cluster Config e2e test.\n');
  const vsix = path.join(scratch, 'icewarp-test-language-pack-cs.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(vsix)) throw new Error(`vsce could not pack the language pack:\n${result.stdout}\n${result.stderr}`);
  return vsix;
}

/**
 * Registers the installed pack for `languageId` the way VS Code's language pack service does after
 * an install from the UI: an entry in <user-data>/languagepacks.json naming the pack and its
 * translations. `--install-extension` installs the pack but leaves that file alone (the CLI has
 * no language pack service), and without the entry `--locale cs` resolves to English.
 */
export function registerLanguagePack({ userDataDir, extensionsDir, languageId = 'cs' }) {
  const installed = fs.readdirSync(extensionsDir).find((name) => name.startsWith('icewarp-test.icewarp-test-language-pack-'));
  if (!installed) throw new Error(`the language pack is not installed in ${extensionsDir}`);
  const folder = path.join(extensionsDir, installed);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const localization = manifest.contributes.localizations.find((each) => each.languageId === languageId);
  const translations = Object.fromEntries(localization.translations.map((each) => [each.id, path.join(folder, each.path)]));
  const hash = createHash('md5').update(id).update(manifest.version).digest('hex');
  const entry = { hash, extensions: [{ extensionIdentifier: { id }, version: manifest.version }], translations, label: localization.localizedLanguageName ?? localization.languageName };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [languageId]: entry }));
}
