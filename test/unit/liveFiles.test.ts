// When is a node file IceWarp's live configuration, and when would auto save write it mid-edit?
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ICEWARP_INSTALL_MARKERS, autoSaveWritesWhileEditing, folderOf, installFolderOf, markerPaths, wouldAutoSaveWhileEditing } from '../../client/src/settingsFiles/liveFiles';

test('auto save counts when it writes before Ctrl+S: after a delay, on focus change, on window change', () => {
  for (const mode of ['afterDelay', 'onFocusChange', 'onWindowChange']) assert.equal(autoSaveWritesWhileEditing(mode), true, mode);
  for (const mode of ['off', undefined, 42, 'AFTERDELAY']) assert.equal(autoSaveWritesWhileEditing(mode), false, String(mode));
});

test('auto save limited to workspace files leaves a file outside the workspace alone', () => {
  assert.equal(wouldAutoSaveWhileEditing({ mode: 'afterDelay', workspaceFilesOnly: true, inWorkspace: false }), false);
  assert.equal(wouldAutoSaveWhileEditing({ mode: 'afterDelay', workspaceFilesOnly: true, inWorkspace: true }), true);
  assert.equal(wouldAutoSaveWhileEditing({ mode: 'onFocusChange', workspaceFilesOnly: false, inWorkspace: false }), true);
  assert.equal(wouldAutoSaveWhileEditing({ mode: 'off', inWorkspace: true }), false);
});

test("the default install folders' settings files are live, on Windows whatever the case and separators", () => {
  assert.equal(installFolderOf('/opt/icewarp/path.dat', ''), '/opt/icewarp/');
  assert.equal(installFolderOf('/opt/icewarp/path.cfg', ''), '/opt/icewarp/');
  assert.equal(installFolderOf('c:\\Program Files\\IceWarp\\path.dat', ''), 'C:\\Program Files\\IceWarp\\');
  assert.equal(installFolderOf('C:/PROGRAM FILES/icewarp/PATH.DAT', ''), 'C:\\Program Files\\IceWarp\\');
});

test('a copy in a subfolder of the install folder, or a node file elsewhere, is not live', () => {
  assert.equal(installFolderOf('/opt/icewarp/backup/path.dat', ''), undefined);
  assert.equal(installFolderOf('/home/admin/cluster/mx1/path.dat', ''), undefined);
  assert.equal(installFolderOf('/opt/icewarp2/path.dat', ''), undefined);
});

test('icewarp.installPath names a live folder, or the live file itself', () => {
  assert.equal(installFolderOf('/srv/icewarp/path.dat', '/srv/icewarp'), '/srv/icewarp');
  assert.equal(installFolderOf('/srv/icewarp/path.dat', ' /srv/icewarp/path.dat '), '/srv/icewarp/path.dat');
  assert.equal(installFolderOf('d:\\IceWarp\\path.dat', 'D:\\IceWarp'), 'D:\\IceWarp');
  assert.equal(installFolderOf('/srv/other/path.dat', '/srv/icewarp'), undefined);
});

test("IceWarp's own files beside a node file are looked for in its folder", () => {
  assert.equal(folderOf('/srv/mail/path.dat'), '/srv/mail');
  assert.equal(folderOf('d:\\Mail\\path.dat'), 'd:\\Mail');
  assert.deepEqual(markerPaths('/srv/mail'), ['/srv/mail/tool.exe', '/srv/mail/tool.sh', '/srv/mail/icewarpd.sh']);
  assert.deepEqual(markerPaths('d:\\Mail'), ['d:\\Mail\\tool.exe', 'd:\\Mail\\tool.sh', 'd:\\Mail\\icewarpd.sh']);
});

test("the folder of a node file and the files beside it are Node's path module's, without it (the browser build has none)", () => {
  const files = [
    'C:\\Program Files\\IceWarp\\path.dat',
    'C:/Program Files/IceWarp/path.dat',
    'C:\\path.dat',
    '\\\\srv\\share\\icewarp\\path.dat',
    'D:\\IceWarp\\\\x\\path.dat',
    '/opt/icewarp/path.dat',
    '/opt//icewarp/path.dat',
    '/path.dat',
  ];
  for (const file of files) {
    const flavour = /^[A-Za-z]:|^\\\\/.test(file) ? path.win32 : path.posix;
    assert.equal(folderOf(file), flavour.dirname(flavour.normalize(file)), file);
    assert.deepEqual(markerPaths(folderOf(file)), ICEWARP_INSTALL_MARKERS.map((marker) => flavour.join(flavour.dirname(file), marker)), file);
  }
  assert.equal(installFolderOf('c:\\program files\\icewarp\\..\\icewarp\\path.dat', 'C:\\Program Files\\IceWarp\\', []), 'C:\\Program Files\\IceWarp\\');
  assert.equal(installFolderOf('/opt/icewarp/./path.dat', '/opt/icewarp/', []), '/opt/icewarp/');
  assert.equal(installFolderOf('/opt/icewarp/backup/path.dat', '/opt/icewarp/', []), undefined);
});
