import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, codes, fileUri } from '../../testing/lspClient';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const readFixture = (name: string) => fs.readFile(path.join(FIXTURES, name), 'utf8');

describe('diagnostics over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  test('a clean Linux master gets no diagnostics', async () => {
    const uri = 'untitled:clean/path.dat';
    await client.open(uri, await readFixture('single/linux-master.path.dat'));
    assert.deepEqual(codes(await client.diagnosticsAfter(uri, 0)), []);
  });

  test('an opened file gets coded, sourced diagnostics with exact ranges, and an edit updates them', async () => {
    const uri = 'untitled:edit/path.dat';
    const text = (await readFixture('single/linux-master.path.dat')).replace('\n11\n', '\n11A\n');
    await client.open(uri, text);
    const first = await client.diagnosticsAfter(uri, 0);
    const tooLong = first.find((diagnostic) => diagnostic.code === 'server-id-too-long');
    assert.ok(tooLong, `expected server-id-too-long in ${codes(first)}`);
    assert.equal(tooLong.source, 'icewarp');
    assert.deepEqual(tooLong.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 3 } });

    const count = client.publishCount(uri);
    await client.change(uri, text.replace('\n11A\n', '\n11\n'), 2);
    const second = await client.diagnosticsAfter(uri, count);
    assert.ok(!codes(second).includes('server-id-too-long'));
  });

  test('a severity override set to off removes the code', async () => {
    const quiet = await TestClient.start({ settings: { diagnostics: { severity: { 'server-id-too-long': 'off' } } } });
    try {
      const uri = 'untitled:quiet/path.dat';
      await quiet.open(uri, (await readFixture('single/linux-master.path.dat')).replace('\n11\n', '\n11A\n'));
      assert.ok(!codes(await quiet.diagnosticsAfter(uri, 0)).includes('server-id-too-long'));
    } finally {
      await quiet.stop();
    }
  });

  test('an invalid setting is reported once and the default is used', async () => {
    const misconfigured = await TestClient.start({ settings: { validate: { enable: 'yes' }, diagnostics: { severity: { whitespace: 'loud' } } } });
    try {
      const uri = 'untitled:misconfigured/path.dat';
      await misconfigured.open(uri, 'x\n\n\n11 \n');
      const diagnostics = await misconfigured.diagnosticsAfter(uri, 0);
      assert.ok(codes(diagnostics).includes('whitespace'), 'validation stays on and whitespace keeps its default');
      assert.equal(diagnostics.find((d) => d.code === 'whitespace')?.severity, 2);
      await misconfigured.open('untitled:misconfigured2/path.dat', 'y\n');
      await misconfigured.diagnosticsAfter('untitled:misconfigured2/path.dat', 0);
      const warnings = misconfigured.logMessages.filter((message) => message.includes('icewarp.validate.enable'));
      assert.equal(warnings.length, 1);
    } finally {
      await misconfigured.stop();
    }
  });

  test('opening a file validates it at once; only typing waits for the debounce', async () => {
    // A debounce longer than the test's timeout: diagnostics can only come from the open.
    const slow = await TestClient.start({ validationDelay: 600_000 });
    try {
      const uri = 'untitled:slow/path.dat';
      await slow.open(uri, '\n\n\n123\n');
      assert.ok(codes(await slow.diagnosticsAfter(uri, 0)).includes('server-id-too-long'));
    } finally {
      await slow.stop();
    }
  });

  test('garbage input keeps the server alive and answering', async () => {
    const junk = Array.from({ length: 4096 }, (_, index) => String.fromCharCode((index * 7919) % 65536)).join('') + '\0\r\r\n\uFEFF\n\\\\\\|;;|';
    await client.open('untitled:junk/path.dat', junk);
    await client.diagnosticsAfter('untitled:junk/path.dat', 0);
    await client.open('untitled:big/path.dat', 'x'.repeat(6 * 1024 * 1024));
    const big = await client.diagnosticsAfter('untitled:big/path.dat', 0);
    assert.deepEqual(codes(big), ['file-too-large']);
    const uri = 'untitled:after-junk/path.dat';
    await client.open(uri, '\n\n\n123\n');
    assert.ok(codes(await client.diagnosticsAfter(uri, 0)).includes('server-id-too-long'));
    assert.ok(client.isAlive);
  });
});

describe('cross-node diagnostics over LSP', () => {
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-lsp-'));
    for (const node of ['mx1', 'mx2']) {
      await fs.mkdir(path.join(folder, node));
      await fs.copyFile(path.join(FIXTURES, 'cluster', node, 'path.dat'), path.join(folder, node, 'path.dat'));
    }
    // Both nodes claim Server ID 11; without mx2's line 10 nothing tells which of the two is wrong.
    const mx2 = path.join(folder, 'mx2', 'path.dat');
    await fs.writeFile(mx2, (await fs.readFile(mx2, 'utf8')).replace('\n12\n', '\n11\n').replace('\n10.0.0.12\n', '\n\n'));
    client = await TestClient.start({ folders: [folder] });
  });
  after(async () => {
    await client.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('two unopened nodes sharing a Server ID are both flagged, with relatedInformation to each other', async () => {
    const mx1 = fileUri(path.join(folder, 'mx1', 'path.dat'));
    const mx2 = fileUri(path.join(folder, 'mx2', 'path.dat'));
    const hasDuplicate = (diagnostics: { code?: unknown }[]) => diagnostics.some((d) => d.code === 'server-id-duplicate');
    const [first, second] = await Promise.all([client.diagnosticsAfter(mx1, 0, hasDuplicate), client.diagnosticsAfter(mx2, 0, hasDuplicate)]);
    const duplicate = first.find((d) => d.code === 'server-id-duplicate');
    assert.deepEqual(duplicate?.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
    assert.equal(duplicate?.relatedInformation?.[0].location.uri, mx2);
    assert.deepEqual(duplicate?.relatedInformation?.[0].location.range.start, { line: 3, character: 0 });
    assert.equal(second.find((d) => d.code === 'server-id-duplicate')?.relatedInformation?.[0].location.uri, mx1);

    // Fix one on disk and tell the server: both clear.
    const mx2Path = path.join(folder, 'mx2', 'path.dat');
    await fs.writeFile(mx2Path, (await fs.readFile(mx2Path, 'utf8')).replace('\n11\n', '\n12\n'));
    const [count1, count2] = [client.publishCount(mx1), client.publishCount(mx2)];
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: mx2, type: 2 }] });
    const noDuplicate = (diagnostics: { code?: unknown }[]) => !hasDuplicate(diagnostics);
    await Promise.all([client.diagnosticsAfter(mx1, count1, noDuplicate), client.diagnosticsAfter(mx2, count2, noDuplicate)]);
  });
});

describe('workspace folders over LSP', () => {
  test('a folder added to a window that started with none is indexed', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-added-'));
    await fs.writeFile(path.join(folder, 'path.dat'), '\n\n\n123\n');
    const client = await TestClient.start({ folders: [] });
    try {
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: fileUri(folder), name: 'added' }], removed: [] },
      });
      const uri = fileUri(path.join(folder, 'path.dat'));
      assert.ok(codes(await client.diagnosticsAfter(uri, 0)).includes('server-id-too-long'));
    } finally {
      await client.stop();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  test('removing a folder forgets its unopened nodes and clears their diagnostics', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-folders-'));
    const [kept, dropped] = [path.join(root, 'kept'), path.join(root, 'dropped')];
    for (const folder of [kept, dropped]) {
      await fs.mkdir(folder);
      // Same Server ID in both folders: each node is flagged because of the other.
      await fs.copyFile(path.join(FIXTURES, 'cluster', 'mx1', 'path.dat'), path.join(folder, 'path.dat'));
    }
    const client = await TestClient.start({ folders: [kept, dropped] });
    try {
      const keptUri = fileUri(path.join(kept, 'path.dat'));
      const droppedUri = fileUri(path.join(dropped, 'path.dat'));
      const flagged = (diagnostics: { code?: unknown }[]) => diagnostics.some((d) => d.code === 'server-id-duplicate');
      await Promise.all([client.diagnosticsAfter(keptUri, 0, flagged), client.diagnosticsAfter(droppedUri, 0, flagged)]);
      const [keptCount, droppedCount] = [client.publishCount(keptUri), client.publishCount(droppedUri)];
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [{ uri: fileUri(dropped), name: 'dropped' }] },
      });
      assert.deepEqual(await client.diagnosticsAfter(droppedUri, droppedCount, (d) => d.length === 0), []);
      await client.diagnosticsAfter(keptUri, keptCount, (d) => !flagged(d));
    } finally {
      await client.stop();
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
