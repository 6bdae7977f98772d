// The walkthrough's pages name commands as the Command Palette and the menus show them: every
// bold name on a page is a command title of package.json (with or without "IceWarp: "), or one
// of the few other labels the pages show in bold (VS Code's own, the view, the headings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, localizedManifest } from './manifestFiles';

const PAGES = path.join(ROOT, 'docs', 'walkthrough');
/** Bold text on the pages that names no command of ours. */
const OTHER_LABELS = new Set(['Try it', 'What you see', 'Tip:', 'local', 'shared', 'IceWarp Cluster', 'Apply', 'Source Action...', 'Fix all auto-fixable IceWarp problems', 'Add Node', 'Rename a host']);

const manifest = localizedManifest() as { contributes: { commands: { title: string; category?: string }[] } };
const titles = new Set(manifest.contributes.commands.flatMap((command) => [command.title, `${command.category}: ${command.title}`]));

/** The bold names of a page that are neither a command title nor one of the other labels. */
export function unknownNames(page: string): string[] {
  return [...page.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1]).filter((name) => !titles.has(name) && !OTHER_LABELS.has(name));
}

test('every command a walkthrough page names in bold is a command title of package.json', () => {
  for (const file of readdirSync(PAGES).filter((name) => name.endsWith('.md'))) {
    assert.deepEqual(unknownNames(readFileSync(path.join(PAGES, file), 'utf8')), [], file);
  }
});

test('an old title is caught', () => {
  assert.deepEqual(unknownNames('Run **IceWarp: Open Settings File**, then **Reveal in Explorer**; **Copy Hostname**.'), ['IceWarp: Open Settings File', 'Reveal in Explorer']);
});
