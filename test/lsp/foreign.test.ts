// Other programs' path.dat and path.cfg beside a real node: the server judges them foreign, so
// they get no diagnostics, the real node no cross-node finding against them, the cluster view does
// not list them; the user's "Treat as IceWarp settings file" brings one back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CLUSTER_REQUEST,
  FILE_KIND_NOTIFICATION,
  FILE_KIND_OVERRIDES_NOTIFICATION,
  type FileKindOverridesParams,
  type FileKindParams,
  clusterResponseSchema,
} from '../../common/protocol';
import { TestClient, fileUri } from '../../testing/lspClient';

/** A master of its own cluster: Server ID 31, hostname solo.beta.test. */
const REAL_NODE = [
  '/mnt/beta/config/',
  '',
  '',
  '31',
  '',
  '',
  '',
  '/opt/icewarp/mailqueues/_outgoing/',
  '/opt/icewarp/mailqueues/_outgoing/retry/',
  '10.2.0.31',
  'solo.beta.test',
  'license.key',
  '/opt/icewarp/mailqueues/_incoming/',
  '0',
  '',
  '',
  '',
].join('\r\n');

const FOREIGN: Record<string, string> = {
  // A robot's waypoints, x and y per line.
  'robot/path.dat': ['4.32 4.15', '4.2793 4.1511', '4.2386 4.1545', '4.1979 4.1602', '4.1572 4.1681', '4.1165 4.1783', '4.0758 4.1907', '4.0351 4.2054', '3.9944 4.2223', '3.9537 4.2415'].join('\n'),
  // A solver's output in Fortran notation (its line 4 would read as a Server ID).
  'solver/path.dat': [' NSTEP=   200', ' DT=  0.1000D-02', ' RESULTS', ' 31', '  0.1234567E+02  -0.2345678E-01   0.3141593E+01', '  0.1334567E+02  -0.2445678E-01   0.3241593E+01', '  0.1434567D+02  -0.2545678D-01   0.3341593D+01'].join('\n'),
  // An INI file; its line 11 names the real node's hostname.
  'relay/path.cfg': ['[DEFAULT]', 'timeout=30', 'retries=3', '[relay]', 'port=2525', 'user=relay', 'queue=/var/spool/relay', 'log=/var/log/relay.log', 'verbose=0', '[hosts]', 'solo.beta.test', 'mail.beta.test'].join('\n'),
  // A YAML-like list of paths.
  'matlab/path.cfg': ['paths:', '  - /usr/local/matlab/toolbox', '  - /home/user/projects/sim', '  - /opt/data/sets', 'recursive: true', 'exclude:', '  - .git'].join('\n'),
};

describe('files of other programs beside a real node', () => {
  let root: string;
  let client: TestClient;
  let realUri: string;
  const foreignUris: Record<string, string> = {};
  const verdicts: FileKindParams[] = [];

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-foreign-'));
    await fs.mkdir(path.join(root, 'node'), { recursive: true });
    await fs.writeFile(path.join(root, 'node', 'path.dat'), REAL_NODE);
    realUri = fileUri(path.join(root, 'node', 'path.dat'));
    for (const [name, text] of Object.entries(FOREIGN)) {
      await fs.mkdir(path.join(root, path.dirname(name)), { recursive: true });
      await fs.writeFile(path.join(root, name), text);
      foreignUris[name] = fileUri(path.join(root, name));
    }
    client = await TestClient.start({ folders: [root] });
    client.connection.onNotification(FILE_KIND_NOTIFICATION, (params: FileKindParams) => verdicts.push(params));
    await client.diagnosticsAfter(realUri, 0);
  });

  after(async () => {
    await client.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  async function clusterUris(): Promise<string[]> {
    const model = clusterResponseSchema.parse(await client.request<unknown>(CLUSTER_REQUEST, {}));
    return model.clusters.flatMap((cluster) => cluster.nodes.flatMap((node) => (node.uri ? [node.uri] : [])));
  }

  test('the real node gets no cross-node finding against them (no duplicate Server ID, no duplicate hostname)', async () => {
    // The status request is answered after every publish already sent: the first round is over.
    await client.status();
    const codes = (client.latestDiagnostics(realUri) ?? []).map((diagnostic) => diagnostic.code);
    assert.deepEqual(
      codes.filter((code) => code === 'server-id-duplicate' || code === 'duplicate-identity'),
      [],
    );
  });

  test('files on disk get no diagnostics and the cluster view does not list them', async () => {
    await client.status();
    for (const uri of Object.values(foreignUris)) assert.equal(client.publishCount(uri), 0, `nothing published for ${uri}`);
    const model = clusterResponseSchema.parse(await client.request<unknown>(CLUSTER_REQUEST, {}));
    assert.deepEqual(await clusterUris(), [realUri]);
    assert.equal(model.foreignFiles, Object.keys(FOREIGN).length, 'the view hears how many files were left out');
  });

  test('an open foreign document gets an empty list of diagnostics, no feature answers, and its verdict reaches the client', async () => {
    const uri = foreignUris['robot/path.dat'];
    const before = client.publishCount(uri);
    await client.open(uri, FOREIGN['robot/path.dat']);
    assert.deepEqual(await client.diagnosticsAfter(uri, before), []);
    await client.waitFor(() => verdicts.some((verdict) => verdict.uri === uri), 'the verdict');
    const verdict = verdicts.find((each) => each.uri === uri);
    assert.equal(verdict?.kind, 'foreign');
    assert.equal(verdict?.overridden, false);
    assert.match(verdict?.reasons[0] ?? '', /columns of numbers/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } }), null);
    const symbols = await client.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols ?? [], []);
    const hints = await client.request<unknown[] | null>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
    assert.deepEqual(hints ?? [], []);
    const tokens = await client.request<{ data: number[] } | null>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(tokens?.data ?? [], []);
    await client.close(uri);
  });

  test('an open IceWarp document that turns into another format loses its diagnostics', async () => {
    const uri = fileUri(path.join(root, 'draft', 'path.cfg'));
    await client.open(uri, 'not a path\n\n\nabcdefg\n');
    const first = await client.diagnosticsAfter(uri, 0);
    assert.ok(first.length > 0, 'a broken IceWarp file is checked');
    await client.change(uri, FOREIGN['matlab/path.cfg'], 2);
    assert.deepEqual(await client.diagnosticsAfter(uri, 1), []);
    await client.waitFor(() => verdicts.some((verdict) => verdict.uri === uri && verdict.kind === 'foreign'), 'the foreign verdict');
    await client.close(uri);
  });

  test('an untitled buffer the user gave the language is checked whatever its content (it has no name to be mistaken by)', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, FOREIGN['robot/path.dat']);
    assert.ok((await client.diagnosticsAfter(uri, 0)).length > 0);
    assert.ok(!verdicts.some((verdict) => verdict.uri === uri));
    await client.close(uri);
  });

  test('"Treat as IceWarp settings file" makes one an IceWarp file again: checked, in the cluster view, and the real node sees it', async () => {
    const uri = foreignUris['relay/path.cfg'];
    const before = client.publishCount(uri);
    const realBefore = client.publishCount(realUri);
    const params: FileKindOverridesParams = { icewarp: [uri] };
    await client.connection.sendNotification(FILE_KIND_OVERRIDES_NOTIFICATION, params);
    const diagnostics = await client.diagnosticsAfter(uri, before);
    assert.ok(diagnostics.length > 0, 'judged by every rule again');
    assert.ok((await clusterUris()).includes(uri));
    const real = await client.diagnosticsAfter(realUri, realBefore, (list) => list.some((diagnostic) => diagnostic.code === 'duplicate-identity'));
    assert.ok(real.some((diagnostic) => diagnostic.code === 'duplicate-identity'), 'the two name the same hostname now');

    // Taking the choice back leaves it out again.
    const cleared = client.publishCount(realUri);
    await client.connection.sendNotification(FILE_KIND_OVERRIDES_NOTIFICATION, { icewarp: [] } satisfies FileKindOverridesParams);
    await client.diagnosticsAfter(realUri, cleared, (list) => !list.some((diagnostic) => diagnostic.code === 'duplicate-identity'));
    assert.ok(!(await clusterUris()).includes(uri));
  });
});
