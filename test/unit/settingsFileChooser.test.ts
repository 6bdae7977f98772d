import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  BUILT_IN_TEMPLATES,
  SettingsFileCandidate,
  chooseSettingsFile,
  filesInInstallFolder,
  settingsFileTemplates,
  templatesFromSnippets,
} from '../../client/src/settingsFiles/settingsFileChooser';

const candidate = (fsPath: string, extra: Partial<SettingsFileCandidate> = {}): SettingsFileCandidate => ({ fsPath, source: 'workspace', ...extra });

describe('Open Settings File: the chooser', () => {
  test('one match opens directly', () => {
    const only = candidate('/w/mx1/path.dat');
    assert.deepEqual(chooseSettingsFile([only]), { kind: 'open', candidate: only });
  });

  test('the same file found in the workspace and the install folder counts once and opens directly', () => {
    const choice = chooseSettingsFile([candidate('C:\\Program Files\\IceWarp\\path.dat'), candidate('c:/program files/icewarp/PATH.DAT', { source: 'defaultInstall' })]);
    assert.equal(choice.kind, 'open');
  });

  test('no match offers to create one', () => {
    assert.deepEqual(chooseSettingsFile([]), { kind: 'create' });
  });

  test('several matches give a quick pick with hostname, role and Server ID, workspace first and the master first in it', () => {
    const choice = chooseSettingsFile(
      [
        candidate('/w/mx3/path.dat', { role: 'slave', hostname: 'mx3.example.net', serverId: '13' }),
        candidate('/opt/icewarp/path.dat', { source: 'defaultInstall', role: 'master', hostname: 'local.example.net' }),
        candidate('/w/odd/path.cfg', { role: 'unknown' }),
        candidate('/w/mx1/path.dat', { role: 'master', hostname: 'mx1.example.net', serverId: '11' }),
        candidate('/w/new/path.cfg'),
      ],
      (c) => `at ${c.fsPath}`,
    );
    assert.equal(choice.kind, 'pick');
    if (choice.kind !== 'pick') return;
    assert.deepEqual(
      choice.items.map((item) => [item.label, item.description, item.detail]),
      [
        ['mx1.example.net', 'master · Server ID 11', 'at /w/mx1/path.dat'],
        ['mx3.example.net', 'slave · Server ID 13', 'at /w/mx3/path.dat'],
        ['path.cfg', 'role unknown', 'at /w/odd/path.cfg'],
        ['path.cfg', '', 'at /w/new/path.cfg'],
        ['local.example.net', 'master · default install folder', 'at /opt/icewarp/path.dat'],
      ],
    );
    assert.equal(choice.items[0].candidate.fsPath, '/w/mx1/path.dat', 'each item carries the file it opens');
  });

  test('an install folder is searched for both names, with its own separator; a setting may name the file itself', () => {
    assert.deepEqual(filesInInstallFolder('C:\\Program Files\\IceWarp\\'), ['C:\\Program Files\\IceWarp\\path.cfg', 'C:\\Program Files\\IceWarp\\path.dat']);
    assert.deepEqual(filesInInstallFolder('/opt/icewarp'), ['/opt/icewarp/path.cfg', '/opt/icewarp/path.dat']);
    assert.deepEqual(filesInInstallFolder('/srv/iw/path.dat'), ['/srv/iw/path.dat']);
    assert.deepEqual(filesInInstallFolder('  '), [], 'an unset installPath adds nothing');
  });
});

describe('Open Settings File: templates', () => {
  test('the whole-file snippets of the grammar issue become master and slave templates', () => {
    const snippets = JSON.parse(readFileSync(path.resolve(__dirname, '../../snippets/pathcfg-files.json'), 'utf8')) as unknown;
    const templates = templatesFromSnippets(snippets);
    assert.ok(templates.some((template) => template.role === 'master'), templates.map((t) => t.label).join(', '));
    assert.ok(templates.some((template) => template.role === 'slave'));
    for (const template of templates) {
      // Line 14 of a template says its role (a choice placeholder may offer the other value second).
      const line14 = template.body.split('\n')[13];
      assert.match(line14, template.role === 'slave' ? /^(1|\$\{\d+\|1,0\|\})$/ : /^(0|\$\{\d+\|0,1\|\})$/, `${template.label}: line 14 is ${line14}`);
    }
  });

  test('without usable snippets the built-in master and slave templates serve', () => {
    assert.deepEqual(settingsFileTemplates(undefined), BUILT_IN_TEMPLATES);
    assert.deepEqual(settingsFileTemplates({ 'Hostname line': { prefix: 'host', body: ['mx1.example.net'] } }), BUILT_IN_TEMPLATES);
    assert.deepEqual(
      BUILT_IN_TEMPLATES.map((template) => [template.role, template.body.split('\n')[13]]),
      [
        ['master', '0'],
        ['slave', '1'],
      ],
    );
  });

  test('malformed snippet entries are skipped, not thrown on', () => {
    assert.deepEqual(templatesFromSnippets({ 'Linux master node (whole file)': { body: [1, 2] }, 'x (whole file)': null }), []);
    assert.deepEqual(templatesFromSnippets('not an object'), []);
  });
});
