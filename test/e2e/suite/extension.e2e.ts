// The extension as a user meets it: real VS Code (code-server or desktop), the real language
// client and server, the demo cluster (a temp copy of examples/cluster) plus a standalone node in
// a second workspace folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import { EXTENSION_HOST, activatedApi, codeOf, codesOf, fileIn, hasCodes, lacksCodes, replaceLine, waitForDiagnostics, workspaceFolder } from './helpers';

const LANGUAGE_ID = 'icewarp-pathcfg';

suite('IceWarp Cluster Config in VS Code', () => {
  let api: IceWarpExtensionApi;
  const mx1 = () => fileIn('cluster', 'mx1', 'path.dat');
  const mx2 = () => fileIn('cluster', 'mx2', 'path.dat');
  const mx3 = () => fileIn('cluster', 'mx3', 'path.dat');
  const standalone = () => fileIn('standalone', 'path.cfg');

  suiteSetup(async () => {
    api = await activatedApi();
  });

  test('the extension runs the entry of its extension host: the server as a process in Node, in the worker in the browser', () => {
    assert.equal(api.host, EXTENSION_HOST === 'node' ? 'node' : 'browser');
  });

  test('path.dat and path.cfg open as the IceWarp language', async () => {
    const dat = await vscode.workspace.openTextDocument(mx1());
    assert.equal(dat.languageId, LANGUAGE_ID);
    const cfg = await vscode.workspace.openTextDocument(standalone());
    assert.equal(cfg.languageId, LANGUAGE_ID);
    const other = await vscode.workspace.openTextDocument(fileIn('cluster', 'README.md'));
    assert.notEqual(other.languageId, LANGUAGE_ID, 'only path.cfg / path.dat are this language');
  });

  test('the node with mistakes shows each one with its code, on its line', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(mx3()));
    const expected: Record<string, number> = {
      'unc-forward-slashes': 0, // //fs01/icewarp/config/
      'server-id-too-long': 3, // 103
      whitespace: 11, // "license.key  "
      'shared-temp-folder': 12, // incoming queue on \\fs01
      'slave-list-separator': 15, // "mx2.example.net, mx3.example.net"
    };
    const diagnostics = await waitForDiagnostics(mx3(), hasCodes(...Object.keys(expected)), 'the demo mistakes');
    for (const [code, line] of Object.entries(expected)) {
      const found = diagnostics.filter((diagnostic) => codeOf(diagnostic) === code);
      assert.ok(
        found.some((diagnostic) => diagnostic.range.start.line === line),
        `${code} expected on line ${line + 1}, found on lines ${found.map((d) => d.range.start.line + 1).join(', ')}`,
      );
    }
    const tooLong = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'server-id-too-long');
    assert.equal(tooLong?.severity, vscode.DiagnosticSeverity.Error);
  });

  test("a cross-node mistake shows on the node that breaks the cluster's numbering, pointing at the other", async () => {
    // mx3 was cloned from mx2 and still binds mx2's IP (line 10); mx1 and mx2 bind 192.168.10.<number + 10>.
    await vscode.workspace.openTextDocument(mx2());
    await vscode.workspace.openTextDocument(mx3());
    const diagnostics = await waitForDiagnostics(mx3(), hasCodes('duplicate-identity'), 'duplicate-identity');
    const duplicate = diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'duplicate-identity');
    assert.ok(duplicate.every((diagnostic) => diagnostic.range.start.line === 9), 'on the IP binding line');
    assert.ok(
      duplicate.some((diagnostic) => diagnostic.relatedInformation?.some((related) => related.location.uri.toString() === mx2().toString() && related.location.range.start.line === 9)),
      `points at line 10 of ${mx2().path}`,
    );
    assert.ok(duplicate.some((diagnostic) => diagnostic.message.includes("This node breaks the cluster's numbering")), duplicate.map((diagnostic) => diagnostic.message).join('\n'));
    // mx2 binds the address its number gives it: it is not told.
    assert.deepEqual(codesOf(mx2()).filter((code) => code === 'duplicate-identity'), []);
  });

  test('the clean master has no errors or warnings', async () => {
    await vscode.workspace.openTextDocument(mx1());
    // mx1 is checked against its peers too; wait until the server has published for it.
    await waitForDiagnostics(mx3(), hasCodes('server-id-too-long'), 'mx3 validated');
    const serious = vscode.languages
      .getDiagnostics(mx1())
      .filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning)
      .map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line + 1}`);
    assert.deepEqual(serious, []);
  });

  test('an edit through WorkspaceEdit updates diagnostics, across nodes too', async () => {
    const document = await vscode.workspace.openTextDocument(mx3());
    await vscode.workspace.openTextDocument(mx2());
    await waitForDiagnostics(mx3(), hasCodes('server-id-too-long'), 'server-id-too-long before the edit');

    // Shorten mx3's Server ID to mx2's: the length error goes, and the clash with mx2 shows on
    // mx3, whose 12 breaks the cluster's numbering (hostname number + 10); mx2 keeps its own.
    await replaceLine(document, 3, '12');
    const onMx3 = await waitForDiagnostics(mx3(), (d) => lacksCodes('server-id-too-long')(d) && hasCodes('server-id-duplicate')(d), 'the duplicate ID on mx3');
    const duplicate = onMx3.find((diagnostic) => codeOf(diagnostic) === 'server-id-duplicate');
    assert.equal(duplicate?.range.start.line, 3);
    assert.ok(
      duplicate?.relatedInformation?.some((related) => related.location.uri.toString() === mx2().toString() && related.location.range.start.line === 3),
      'the duplicate on mx3 points at line 4 of mx2',
    );
    assert.deepEqual(codesOf(mx2()).filter((code) => code === 'server-id-duplicate'), []);

    // The ID the numbering gives clears the clash.
    await replaceLine(document, 3, '13');
    await waitForDiagnostics(mx3(), lacksCodes('server-id-duplicate', 'server-id-too-long'), 'no Server ID problem on mx3');
  });

  test('every folder of a multi-root workspace is served by the one server', async () => {
    await vscode.workspace.openTextDocument(standalone());
    const diagnostics = await waitForDiagnostics(standalone(), hasCodes('server-id-not-numeric'), 'the standalone node validated');
    assert.ok(!diagnostics.some((diagnostic) => codeOf(diagnostic).startsWith('cluster-')), 'a standalone node is in no cluster');
  });

  test('a folder added to the workspace is indexed, its node validated without being opened', async () => {
    // Beside the other folders, on their file system (the disk, or the remote the browser reaches).
    const folder = vscode.Uri.joinPath(workspaceFolder('cluster').uri, '..', 'added');
    const node = vscode.Uri.joinPath(folder, 'path.dat');
    // A standalone node of its own (own config folder, no master or slaves), so no cluster changes.
    await vscode.workspace.fs.writeFile(node, new TextEncoder().encode('/srv/added/config/\n\n\n1 2\n'));
    const added = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        subscription.dispose();
        resolve();
      });
    });
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: folder, name: 'added' }), 'the folder change was accepted');
    await added;
    const diagnostics = await waitForDiagnostics(node, hasCodes('server-id-invalid-char'), 'the new folder validated');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === node.toString()), 'the file was never opened');
    assert.equal(diagnostics.find((diagnostic) => codeOf(diagnostic) === 'server-id-invalid-char')?.range.start.line, 3);
    vscode.workspace.updateWorkspaceFolders(count, 1);
  });

  test('the server survives garbage and still answers', async () => {
    const stops: State[] = [];
    const watch = api.client.onDidChangeState((event) => {
      if (event.newState !== State.Running) stops.push(event.newState);
    });
    try {
      const garbage = [
        '\u0000\u0001\uFFFE\uD800 not a path \\\\\\\\?\\\r\r\n|||;;;\t'.repeat(2000),
        `${'x'.repeat(200_000)}\n`.repeat(3),
        Array.from({ length: 20_000 }, (_, index) => (index % 3 === 0 ? '\\\\' : index % 3 === 1 ? '1' : '')).join('\r\n'),
      ];
      for (const content of garbage) {
        const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
        assert.equal(document.languageId, LANGUAGE_ID);
        await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0, 'any diagnostic for a garbage document');
      }
      // A normal file still gets fresh answers from the same server process.
      const document = await vscode.workspace.openTextDocument(mx1());
      await replaceLine(document, 11, 'license.key ');
      await waitForDiagnostics(mx1(), hasCodes('whitespace'), 'whitespace after the garbage');
      await replaceLine(document, 11, 'license.key');
      await waitForDiagnostics(mx1(), lacksCodes('whitespace'), 'whitespace gone again');
    } finally {
      watch.dispose();
    }
    assert.deepEqual(stops, [], 'the server never stopped');
    assert.ok(api.client.isRunning());
    assert.deepEqual(api.errorMessagesShown, []);
  });

  test('diagnostics carry the icewarp source and a code from the catalog', () => {
    for (const uri of [mx1(), mx2(), mx3(), standalone()]) {
      for (const diagnostic of vscode.languages.getDiagnostics(uri)) {
        if (diagnostic.source !== 'icewarp') continue;
        assert.match(codeOf(diagnostic), /^[a-z]+(-[a-z]+)*$/, `code of "${diagnostic.message}"`);
      }
    }
    assert.ok(codesOf(mx3()).length > 0);
  });
});
