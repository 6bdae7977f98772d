// The walkthrough's pages name commands as the Command Palette and the menus show them: every
// bold name on a page is a command title of package.json (with or without "IceWarp: "), or one
// of the few other labels the pages show in bold (VS Code's own, the view, the headings). The
// Czech and German pages (docs/cs/walkthrough/, docs/de/walkthrough/) name them as the Czech and
// German manifest does, and keep the English page's code blocks and command links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, localizedManifest } from './manifestFiles';
import { PAGE_LANGUAGES, commandLinks, fencedBlocks } from './translatedPages';

type Language = 'en' | (typeof PAGE_LANGUAGES)[number];

const PAGES: Record<Language, string> = {
  en: path.join(ROOT, 'docs', 'walkthrough'),
  cs: path.join(ROOT, 'docs', 'cs', 'walkthrough'),
  de: path.join(ROOT, 'docs', 'de', 'walkthrough'),
};
/**
 * Bold text on the pages that names no command of ours: the pages' headings, the cluster view's
 * labels (the client's catalogue), the Source Action menu and the refactor preview's Apply (VS
 * Code's own words in its Czech and German language packs), a code action and the operations.
 */
const OTHER_LABELS: Record<Language, ReadonlySet<string>> = {
  en: new Set(['Try it', 'What you see', 'Tip:', 'local', 'shared', 'IceWarp Cluster', 'Apply', 'Source Action...', 'Fix all auto-fixable IceWarp problems', 'Add Node', 'Rename a host']),
  cs: new Set(['Vyzkoušejte', 'Co uvidíte', 'Tip:', 'lokální', 'sdílená', 'IceWarp Cluster', 'Použít', 'Zdrojová akce...', 'Opravit všechny automaticky opravitelné problémy IceWarpu', 'Přidat uzel', 'Přejmenovat host']),
  de: new Set(['Ausprobieren', 'Was Sie sehen', 'Tipp:', 'lokal', 'gemeinsam', 'IceWarp Cluster', 'Anwenden', 'Quellaktion...', 'Alle automatisch behebbaren IceWarp-Probleme beheben', 'Knoten hinzufügen', 'Host umbenennen']),
};

function titlesOf(language: Language): Set<string> {
  const manifest = localizedManifest(language === 'en' ? undefined : language) as { contributes: { commands: { title: string; category?: string }[] } };
  return new Set(manifest.contributes.commands.flatMap((command) => [command.title, `${command.category}: ${command.title}`]));
}

/** The bold names of a page that are neither a command title nor one of the other labels of its language. */
export function unknownNames(page: string, language: Language = 'en'): string[] {
  const titles = titlesOf(language);
  return [...page.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1]).filter((name) => !titles.has(name) && !OTHER_LABELS[language].has(name));
}

const pageNames = (language: Language) => readdirSync(PAGES[language]).filter((name) => name.endsWith('.md')).sort();
const read = (language: Language, name: string) => readFileSync(path.join(PAGES[language], name), 'utf8');

for (const language of ['en', ...PAGE_LANGUAGES] as const) {
  test(`every command a ${language} walkthrough page names in bold is a command title of package.json in that language`, () => {
    for (const file of pageNames(language)) assert.deepEqual(unknownNames(read(language, file), language), [], file);
  });
}

for (const language of PAGE_LANGUAGES) {
  test(`every walkthrough page has a ${language} twin with the same code blocks and command links`, () => {
    assert.deepEqual(pageNames(language), pageNames('en'));
    for (const file of pageNames('en')) {
      const [english, translated] = [read('en', file), read(language, file)];
      assert.deepEqual(fencedBlocks(translated), fencedBlocks(english), `${file}: keep every code block as it is`);
      assert.deepEqual(commandLinks(translated), commandLinks(english), `${file}: the same command links`);
    }
  });
}

test('an old title is caught, in each language', () => {
  assert.deepEqual(unknownNames('Run **IceWarp: Open Settings File**, then **Reveal in Explorer**; **Copy Hostname**.'), ['IceWarp: Open Settings File', 'Reveal in Explorer']);
  assert.deepEqual(unknownNames('Spusťte **IceWarp: Otevřít soubor nastavení**, pak **Kopírovat hostname**.', 'cs'), ['IceWarp: Otevřít soubor nastavení']);
  assert.deepEqual(unknownNames('Führen Sie **Copy Hostname** aus, dann **Hostnamen kopieren**.', 'de'), ['Copy Hostname']);
});
