// What package.json promises a new admin: every setting in the User tab, the cluster view one
// click away with its welcome text, the walkthrough's six steps (in the display language), titles
// that cannot be taken for VS Code's own, the pages the .vsix ships, and a dim default colour for
// passwords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_LANGUAGES, localizedManifest, rawManifest } from './manifestFiles';

const ROOT = path.resolve(__dirname, '../..');

interface Command {
  command: string;
  title: string;
  category?: string;
}
interface Manifest {
  contributes: {
    configuration: { properties: Record<string, { scope?: string }> };
    configurationDefaults: Record<string, unknown>;
    commands: Command[];
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string; when?: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    walkthroughs: { id: string; steps: { id: string; title: string; media: { markdown?: string }; completionEvents?: string[] }[] }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

const manifest = localizedManifest() as Manifest;
const { contributes } = manifest;

test('every setting shows in the User tab of the Settings editor, also in a remote window (no machine scopes)', () => {
  for (const [name, property] of Object.entries(contributes.configuration.properties)) {
    assert.ok(!['machine', 'machine-overridable', 'application-machine'].includes(property.scope ?? 'window'), `${name} has scope ${property.scope}`);
  }
});

test('the cluster view has a container of its own in the activity bar, always shown, with a welcome for a workspace without node files', () => {
  const container = contributes.viewsContainers.activitybar.find((candidate) => contributes.views[candidate.id]?.some((view) => view.id === 'icewarpCluster'));
  assert.ok(container, 'no activity bar container holds the icewarpCluster view');
  const view = contributes.views[container.id].find((candidate) => candidate.id === 'icewarpCluster');
  assert.equal(view?.when, undefined, 'a when clause would hide the view, and its welcome, until a node file is found');
  assert.ok(!contributes.views.explorer?.some((candidate) => candidate.id === 'icewarpCluster'), 'the view is in one place');
  const welcome = contributes.viewsWelcome.find((entry) => entry.view === 'icewarpCluster' && entry.when === 'icewarp.clusterView.state == empty');
  assert.ok(welcome?.contents.includes('command:icewarp.openSettingsFile'), 'the empty workspace welcome offers to open or create a node file');
});

const WALKTHROUGH_PAGES = ['1-open-node-file.md', '2-read-field-names.md', '3-fix-a-problem.md', '4-see-the-cluster.md', '5-set-severities.md', '6-whole-cluster.md'];

test("the walkthrough's steps are the six pages of docs/walkthrough, in order, each shipped and each with a completion event", () => {
  const [walkthrough] = contributes.walkthroughs;
  const pages = walkthrough.steps.map((step) => step.media.markdown);
  assert.deepEqual(pages, WALKTHROUGH_PAGES.map((page) => `docs/walkthrough/${page}`));
  for (const page of pages) assert.ok(existsSync(path.join(ROOT, page ?? '')), `${page} is missing`);
  for (const step of walkthrough.steps) assert.ok((step.completionEvents ?? []).length > 0, `${step.id} never completes`);
  const events = walkthrough.steps.flatMap((step) => step.completionEvents ?? []);
  for (const event of ['onCommand:icewarp.openSettingsFile', 'onView:icewarpCluster', 'onSettingChanged:icewarp.diagnostics.severity']) assert.ok(events.includes(event), event);
});

// VS Code replaces every "%key%" string of the manifest, `media` included, by the display
// language's package.nls.<language>.json: each step's page is a key with a path per language.
for (const language of MANIFEST_LANGUAGES) {
  test(`in ${language}, the walkthrough's steps show the ${language} pages of docs/${language}/walkthrough, each one existing`, () => {
    const steps = (rawManifest() as Manifest).contributes.walkthroughs[0].steps;
    for (const step of steps) assert.match(step.media.markdown ?? '', /^%walkthrough\.\w+\.media%$/, `${step.id}: the page is not a localised key`);
    const pages = (localizedManifest(language) as Manifest).contributes.walkthroughs[0].steps.map((step) => step.media.markdown);
    assert.deepEqual(pages, WALKTHROUGH_PAGES.map((page) => `docs/${language}/walkthrough/${page}`));
    for (const page of pages) assert.ok(existsSync(path.join(ROOT, page ?? '')), `${page} is missing`);
  });
}

// What `npm run package` puts into the .vsix, as vsce lists it (.vscodeignore): every page the
// walkthrough and the explain command can open, in every language.
test('the .vsix ships every code page and walkthrough page, in English, Czech and German, and no other page of docs/', () => {
  const vsce = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(vsce.status, 0, vsce.stderr);
  const shipped = new Set(vsce.stdout.split(/\r?\n/).filter((line) => line.startsWith('docs/')));
  const expected = ['docs/codes', 'docs/walkthrough', ...MANIFEST_LANGUAGES.flatMap((language) => [`docs/${language}/codes`, `docs/${language}/walkthrough`])].flatMap((folder) =>
    readdirSync(path.join(ROOT, folder)).map((name) => `${folder}/${name}`),
  );
  assert.deepEqual([...shipped].sort(), expected.sort());
});

test('titles shown without their category (toolbars, context menus) still name what of IceWarp they act on', () => {
  const menuCommands = new Set(Object.entries(contributes.menus).filter(([menu]) => menu !== 'commandPalette').flatMap(([, entries]) => entries.map((entry) => entry.command)));
  for (const command of contributes.commands) {
    assert.equal(command.category, 'IceWarp', command.command);
    // "Refresh", "Reveal in Explorer" or "Open Settings File" alone read as VS Code's own.
    if (menuCommands.has(command.command)) assert.match(command.title, /IceWarp|Node|Cluster|Master|Slave|Host|Password|path\.(cfg|dat)/, `${command.command}: "${command.title}"`);
  }
  assert.equal(contributes.commands.find((command) => command.command === 'icewarp.openSettingsFile')?.title, 'Open IceWarp Settings File (path.cfg / path.dat)');
});

test('the password token is dim by default: a grey at half opacity or less, for the server token and for the grammar scope', () => {
  const defaults = contributes.configurationDefaults as {
    'editor.semanticTokenColorCustomizations': { rules: Record<string, { foreground: string }> };
    'editor.tokenColorCustomizations': { textMateRules: { scope: string; settings: { foreground: string } }[] };
  };
  const semantic = defaults['editor.semanticTokenColorCustomizations'].rules['password:icewarp-pathcfg'].foreground;
  const textMate = defaults['editor.tokenColorCustomizations'].textMateRules.find((rule) => rule.scope === 'variable.other.constant.password.icewarp-pathcfg')?.settings.foreground;
  for (const colour of [semantic, textMate]) {
    const match = /^#([0-9a-f]{2})\1\1([0-9a-f]{2})$/i.exec(colour ?? '');
    assert.ok(match, `${colour} is not a grey with an alpha channel`);
    assert.ok(parseInt(match[2], 16) <= 0x80, `${colour} is not dim`);
  }
});
