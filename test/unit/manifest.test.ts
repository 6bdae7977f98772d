// What package.json promises a new admin: every setting in the User tab, the cluster view one
// click away with its welcome text, the walkthrough's six steps, titles that cannot be taken for
// VS Code's own, and a dim default colour for passwords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { localizedManifest } from './manifestFiles';

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

test("the walkthrough's steps are the six pages of docs/walkthrough, in order, each shipped and each with a completion event", () => {
  const [walkthrough] = contributes.walkthroughs;
  const pages = walkthrough.steps.map((step) => step.media.markdown);
  assert.deepEqual(pages, [
    'docs/walkthrough/1-open-node-file.md',
    'docs/walkthrough/2-read-field-names.md',
    'docs/walkthrough/3-fix-a-problem.md',
    'docs/walkthrough/4-see-the-cluster.md',
    'docs/walkthrough/5-set-severities.md',
    'docs/walkthrough/6-whole-cluster.md',
  ]);
  for (const page of pages) assert.ok(existsSync(path.join(ROOT, page ?? '')), `${page} is missing`);
  for (const step of walkthrough.steps) assert.ok((step.completionEvents ?? []).length > 0, `${step.id} never completes`);
  const events = walkthrough.steps.flatMap((step) => step.completionEvents ?? []);
  for (const event of ['onCommand:icewarp.openSettingsFile', 'onView:icewarpCluster', 'onSettingChanged:icewarp.diagnostics.severity']) assert.ok(events.includes(event), event);
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
