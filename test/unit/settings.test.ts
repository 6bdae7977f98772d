// Settings from every source: one schema checks each, later sources win field by field, a
// section is validated once however many files ask, and invalid settings are logged as a
// bounded summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, applySettingsLayers, parseSettings, parseSettingsLayer } from '../../common/protocol';
import { SettingsStore } from '../../server/src/core/settings';
import type { SettingsSource } from '../../server/src/core/settingsSources';

/** A pull source that answers every resource with its own copy of `section`, as a client's JSON does. */
function copies(section: unknown): SettingsSource {
  return { sectionFor: () => Promise.resolve(JSON.parse(JSON.stringify(section)) as unknown) };
}

test('a source sets only the fields it gives, each checked by the shared schema', () => {
  const { layer, problems } = parseSettingsLayer({ maxFileSize: 'big', inlayHints: { enable: false }, diagnostics: { severity: { whitespace: 'off', 'path-invalid': 'loud' } } });
  assert.deepEqual(layer, { inlayHints: { enable: false }, diagnostics: { severity: { whitespace: 'off' } } });
  assert.deepEqual(
    problems.map((problem) => [problem.setting, problem.invalidKeys]),
    [
      ['icewarp.diagnostics.severity', { count: 1, examples: ['path-invalid'] }],
      ['icewarp.maxFileSize', undefined],
    ],
  );
  assert.deepEqual(parseSettingsLayer(null), { layer: {}, problems: [] });
  assert.deepEqual(parseSettingsLayer('yes').problems, [{ setting: 'icewarp', message: 'expected an object' }]);
});

test('later sources win field by field, severity overrides code by code', () => {
  const initial = parseSettingsLayer({ maxFileSize: 10, diagnostics: { severity: { whitespace: 'off', 'path-invalid': 'hint' } } }).layer;
  const pushed = parseSettingsLayer({ inlayHints: { enable: false } }).layer;
  const pulled = parseSettingsLayer({ diagnostics: { severity: { whitespace: 'error' } } }).layer;
  const settings = applySettingsLayers(DEFAULT_SETTINGS, initial, pushed, pulled);
  assert.deepEqual(settings, {
    ...DEFAULT_SETTINGS,
    maxFileSize: 10,
    inlayHints: { enable: false },
    diagnostics: { severity: { whitespace: 'error', 'path-invalid': 'hint' } },
  });
  assert.deepEqual(parseSettings({}).settings, DEFAULT_SETTINGS);
});

test('the section of a folder is pulled and validated once for all its files', async () => {
  let parses = 0;
  const scopes: string[] = [];
  const store = new SettingsStore(() => undefined, {
    scopeOf: (uri) => uri.slice(0, uri.indexOf('/n')),
    parse: (raw) => {
      parses++;
      return parseSettingsLayer(raw);
    },
  });
  const source = copies({ diagnostics: { severity: { whitespace: 'off' } } });
  store.usePulled({
    sectionFor: (scope) => {
      scopes.push(scope);
      return source.sectionFor(scope);
    },
  });
  const all = await Promise.all(Array.from({ length: 50 }, (_, index) => store.settingsFor(`file:///ws/n${index}/path.dat`)));
  assert.ok(all.every((settings) => settings.diagnostics.severity.whitespace === 'off'));
  assert.deepEqual(scopes, ['file:///ws']);
  assert.equal(parses, 1);
});

test('100,000 invalid severity entries are logged as one bounded line, and the valid entry applies', async () => {
  const severity: Record<string, string> = { whitespace: 'off' };
  for (let index = 0; index < 100_000; index++) severity[`no-such-code-${index}`] = 'loud';
  const logged: string[] = [];
  const store = new SettingsStore((message) => logged.push(message));
  store.usePulled(copies({ diagnostics: { severity } }));
  const [first] = await Promise.all([store.settingsFor('file:///ws/a/path.dat'), store.settingsFor('file:///ws/b/path.dat')]);
  assert.equal(first.diagnostics.severity.whitespace, 'off');
  assert.equal(logged.length, 1, logged.slice(0, 3).join('\n'));
  assert.match(logged[0], /icewarp\.diagnostics\.severity .*100000 entries \(`no-such-code-0`, `no-such-code-1`, `no-such-code-2`, \.\.\.\)/);
  assert.ok(logged[0].length < 400);
});

test('a problem is logged once, however often the settings are read again', async () => {
  const logged: string[] = [];
  const store = new SettingsStore((message) => logged.push(message));
  store.setInitial({ validate: { enable: 'yes' } });
  store.setPushed({ validate: { enable: 'yes' } });
  store.changed();
  store.setInitial({ validate: { enable: 'yes' } });
  // Once per source: the user has to correct it in each place.
  assert.deepEqual(logged, [
    'Invalid setting icewarp.validate.enable in initializationOptions (Expected boolean, received string); using its default.',
    'Invalid setting icewarp.validate.enable in the settings pushed with workspace/didChangeConfiguration (Expected boolean, received string); using its default.',
  ]);
});

test('a key of a megabyte is quoted shortened, on one line', () => {
  const logged: string[] = [];
  const store = new SettingsStore((message) => logged.push(message));
  store.setInitial({ diagnostics: { severity: { [`a\n${'x'.repeat(1_000_000)}`]: 'loud' } } });
  assert.equal(logged.length, 1);
  assert.ok(logged[0].length < 300 && !logged[0].includes('\n'), logged[0].slice(0, 300));
});

test('without a pull source, initializationOptions and pushed settings apply to every file', async () => {
  const store = new SettingsStore(() => undefined);
  store.setInitial({ diagnostics: { severity: { 'server-id-duplicate': 'off' } }, inlayHints: { enable: false } });
  assert.equal((await store.settingsFor('file:///ws/a/path.dat')).diagnostics.severity['server-id-duplicate'], 'off');
  store.setPushed({ inlayHints: { enable: true } });
  const settings = await store.settingsFor('file:///ws/a/path.dat');
  assert.equal(settings.inlayHints.enable, true);
  assert.equal(settings.diagnostics.severity['server-id-duplicate'], 'off', 'the push sets only what it gives');
  store.setPushed(undefined);
  assert.equal((await store.settingsFor('file:///ws/a/path.dat')).inlayHints.enable, false);
});
