// New node folders and real install layouts in a real VS Code: a cluster fetched as
// `<host>/opt/icewarp/path.dat` (what `git pull` or an Ansible fetch of each server lays out) is
// indexed without a reload, named by each host's folder in messages, related locations and the
// view, and Add Node puts a new host's file in the same layout. An `npm install` (10,000 files in
// node_modules) makes the server walk nothing; the view's Refresh finds a node file no watcher
// reported (the workspace excludes `unwatched/` from watching, see test/e2e/workspace.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import { type ClusterModel as ClusterResponse, SERVER_STATUS_REQUEST, type ServerStatus } from '../../../common/protocol';
import { activatedApi, codeOf, fileIn, ourDiagnostics, testIn, waitForDiagnostics, waitForEvent } from './helpers';
import { undoAndWait } from './clusterOpsHelpers';

/** Node k of a Linux cluster fetched per host; ins2 repeats ins1's Server ID, so each names the other. */
function installNode(k: number): string {
  return [
    '/mnt/insfs/config/',
    '',
    '',
    k === 2 ? '51' : `5${k}`,
    '',
    '',
    '',
    '/opt/icewarp/mail/_outgoing/',
    '/opt/icewarp/mail/_outgoing/retry/',
    `10.55.0.${k}`,
    `ins${k}.example.test`,
    'license.key',
    '/opt/icewarp/mail/_incoming/',
    k === 1 ? '0' : '1',
    'ins1.example.test',
    'ins2.example.test',
  ].join('\n') + '\n';
}

const insUri = (k: number) => fileIn('standalone', 'fetched', `ins${k}`, 'opt', 'icewarp', 'path.dat');

const fileNodes = (model: ClusterResponse) => model.clusters.flatMap((cluster) => cluster.nodes.filter((node) => node.kind === 'file'));

function waitForTree(api: IceWarpExtensionApi, predicate: (model: ClusterResponse) => boolean, description: string): Promise<ClusterResponse> {
  return waitForEvent(api.clusterTree.onDidRefresh, predicate, {
    description: `the cluster view to show ${description}`,
    current: () => api.clusterTree.current,
    seen: () => fileNodes(api.clusterTree.current).map((node) => node.label).join(', '),
  });
}

const hasHost = (host: string) => (model: ClusterResponse) => fileNodes(model).some((node) => node.label === host);

function status(api: IceWarpExtensionApi): Promise<ServerStatus> {
  // By name: a typed request of this bundle's protocol library is not the client's.
  return Promise.resolve(api.client.sendRequest<ServerStatus>(SERVER_STATUS_REQUEST, {}));
}

/** Writes files as another program does (git, a fetch): on the disk in Node, through the workspace's file system in the browser. */
async function writeAsAnotherProgram(files: ReadonlyArray<readonly [vscode.Uri, string]>): Promise<void> {
  if (typeof process !== 'undefined' && process.versions?.node && files.every(([uri]) => uri.scheme === 'file')) {
    // Loaded here, not at the top: the browser build of this suite must load without Node.
    const fs = await import('node:fs/promises');
    const path = await import('node:path');
    for (const [uri, text] of files) {
      await fs.mkdir(path.dirname(uri.fsPath), { recursive: true });
      await fs.writeFile(uri.fsPath, text);
    }
    return;
  }
  for (const [uri, text] of files) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

suite('New node folders and install layouts', () => {
  let api: IceWarpExtensionApi;

  suiteSetup(async () => {
    api = await activatedApi();
  });

  suiteTeardown(async () => {
    for (const name of ['fetched', 'unwatched']) await Promise.resolve(vscode.workspace.fs.delete(fileIn('standalone', name), { recursive: true, useTrash: false })).catch(() => undefined);
  });

  test('a cluster fetched into new folders is indexed without a reload: the server walked the new folder', async () => {
    const walks = (await status(api)).folderWalks;
    const forwarded = api.folderCreations.forwarded;
    await writeAsAnotherProgram([1, 2].map((k) => [insUri(k), installNode(k)] as const));
    await waitForTree(api, (model) => hasHost('ins1.example.test')(model) && hasHost('ins2.example.test')(model), 'ins1 and ins2');
    assert.ok(api.folderCreations.forwarded > forwarded, 'the new folder was forwarded to the server');
    assert.ok((await status(api)).folderWalks > walks, 'the server walked it');
  });

  test('each node is named by its own folder in messages, related locations and the view, never icewarp/path.dat', async () => {
    const [duplicate] = (await waitForDiagnostics(insUri(1), (each) => each.some((diagnostic) => codeOf(diagnostic) === 'server-id-duplicate'), 'the Server ID shared with ins2')).filter(
      (diagnostic) => codeOf(diagnostic) === 'server-id-duplicate',
    );
    assert.match(duplicate.message, /ins2\.example\.test \(ins2\/opt\/icewarp\/path\.dat\)/);
    assert.deepEqual(
      duplicate.relatedInformation?.map((related) => [related.location.uri.toString(), related.message]),
      [[insUri(2).toString(), 'ins2.example.test (ins2/opt/icewarp/path.dat) uses Server ID "51" too']],
    );
    const texts = ourDiagnostics(insUri(2)).flatMap((diagnostic) => [diagnostic.message, ...(diagnostic.relatedInformation ?? []).map((related) => related.message)]);
    assert.ok(!texts.some((text) => text.includes('(icewarp/path.dat)')), texts.join('\n'));
    const node = fileNodes(api.clusterTree.current).find((each) => each.label === 'ins2.example.test');
    assert.equal(node?.file, 'ins2/opt/icewarp/path.dat');
    // The row as the view draws it: its tooltip names the node as the messages do.
    const rows = [];
    for (const cluster of await api.clusterTree.getChildren()) rows.push(...(await api.clusterTree.getChildren(cluster)));
    const row = rows.find((element) => element.kind === 'node' && element.node.uri === insUri(2).toString());
    assert.ok(row, 'ins2 has a row');
    const tooltip = api.clusterTree.getTreeItem(row).tooltip;
    // Markdown escapes of appendText taken off: what the user reads.
    assert.match((typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1'), /^ins2\.example\.test \(ins2\/opt\/icewarp\/path\.dat\) — slave/);
  });

  test('Add Node puts the new host\'s file in the same layout: <new host>/opt/icewarp/path.dat', async () => {
    const originals = new Map([1, 2].map((k) => [insUri(k).toString(), installNode(k)]));
    const result = await api.clusterCommands.addNode(insUri(1), { preview: false, hostname: 'ins3.example.test', ip: '' });
    assert.equal(result.outcome, 'applied', result.message);
    const created = result.files?.find((file) => file.kind === 'create');
    assert.equal(created?.uri, insUri(3).toString());
    assert.equal(created?.label, 'ins3.example.test (ins3/opt/icewarp/path.dat)');
    await undoAndWait(insUri(3), originals);
  });

  testIn('node', 'the test writes 10,000 files through node:fs, as npm does; in the browser the same filter runs on the same events', '10,000 files created in node_modules: nothing forwarded, nothing walked', async () => {
    const fs = await import('node:fs/promises');
    const path = await import('node:path');
    const modules = fileIn('standalone', 'node_modules').fsPath;
    const walks = (await status(api)).folderWalks;
    const forwarded = api.folderCreations.forwarded;
    try {
      await fs.mkdir(modules, { recursive: true });
      // Straight inside node_modules: VS Code's default files.watcherExclude hides only deeper files.
      for (let start = 0; start < 10_000; start += 500) {
        await Promise.all(Array.from({ length: 500 }, (_, index) => fs.writeFile(path.join(modules, `file${start + index}.js`), '')));
      }
      // Then a new host's folder: once it is in the view, every event before it was handled.
      await writeAsAnotherProgram([[fileIn('standalone', 'fetched', 'ins9', 'path.dat'), installNode(3).replace(/ins3/g, 'ins9').replace('10.55.0.3', '10.55.0.9').replace('\n53\n', '\n59\n')]]);
      await waitForTree(api, hasHost('ins9.example.test'), 'ins9');
      assert.equal(api.folderCreations.forwarded - forwarded, 1, 'only the new host folder was forwarded');
      assert.equal((await status(api)).folderWalks - walks, 1, 'only the new host folder was walked');
    } finally {
      await fs.rm(modules, { recursive: true, force: true });
    }
  });

  test('Refresh walks the workspace again: a node file no watcher reported shows up', async () => {
    const quiet = fileIn('standalone', 'unwatched', 'quiet1', 'path.dat');
    await writeAsAnotherProgram([[quiet, installNode(1).replace(/ins1/g, 'quiet1').replace(/ins2/g, 'quiet2').replace('10.55.0.1', '10.55.1.1').replace('/mnt/insfs/', '/mnt/quietfs/')]]);
    await vscode.commands.executeCommand('icewarp.cluster.refresh');
    await waitForTree(api, hasHost('quiet1.example.test'), 'quiet1 after Refresh');
  });
});
