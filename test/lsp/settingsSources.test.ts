// Settings from any client: initializationOptions (`{ icewarp: {...} }`), the settings pushed
// with workspace/didChangeConfiguration, workspace/configuration when the client answers it,
// laid over each other in that order; a client that never answers still gets diagnostics.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CONFIGURATION_TIMEOUT_MS } from '../../server/src/core/settingsSources';
import { type Cancel, type Timers, runtimeTimers } from '../../server/src/core/timers';
import { PLAIN_CAPABILITIES, TestClient, codes, fileUri } from '../../testing/lspClient';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const NODES = ['mx1', 'mx2', 'mx3'];
/** A Server ID of three characters: server-id-too-long (error by default). */
const TOO_LONG = `/mnt/data/config/\n\n\n123\n`;
const has = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === code);
const lacks = (code: string) => (diagnostics: Diagnostic[]) => !diagnostics.some((d) => d.code === code);
const severityOf = (diagnostics: Diagnostic[], code: string) => diagnostics.find((d) => d.code === code)?.severity;

/** The server's clock, except that the workspace/configuration timeout fires when the test says. */
class HeldConfigurationTimeout implements Timers {
  private held: (() => void)[] = [];
  nextTurn(callback: () => void): Cancel {
    return runtimeTimers.nextTurn(callback);
  }
  after(ms: number, callback: () => void): Cancel {
    if (ms !== CONFIGURATION_TIMEOUT_MS) return runtimeTimers.after(ms, callback);
    let cancelled = false;
    this.held.push(() => {
      if (!cancelled) callback();
    });
    return () => {
      cancelled = true;
    };
  }
  expire(): void {
    const held = this.held;
    this.held = [];
    for (const fire of held) fire();
  }
}

describe('settings from any client', () => {
  let folder: string;
  const uriOf = (node: string) => fileUri(path.join(folder, node, 'path.dat'));

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-settings-sources-'));
    for (const node of NODES) {
      await fs.mkdir(path.join(folder, node));
      await fs.copyFile(path.join(FIXTURES, 'cluster', node, 'path.dat'), path.join(folder, node, 'path.dat'));
    }
    // mx2 shares mx1's Server ID: server-id-duplicate on mx2, whose 11 breaks the cluster's numbering (+ 10).
    const mx2 = path.join(folder, 'mx2', 'path.dat');
    await fs.writeFile(mx2, (await fs.readFile(mx2, 'utf8')).replace('\n12\n', '\n11\n'));
  });
  after(() => fs.rm(folder, { recursive: true, force: true }));

  test('a client that cannot be asked gets the severities of its initializationOptions', async () => {
    const client = await TestClient.start({
      capabilities: PLAIN_CAPABILITIES,
      folders: [folder],
      sendWorkspaceFolders: false,
      initializationOptions: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'off', 'server-id-too-long': 'hint' } } } },
    });
    try {
      const untitled = 'untitled:init/path.dat';
      await client.open(untitled, TOO_LONG);
      assert.equal(severityOf(await client.diagnosticsAfter(untitled, 0, has('server-id-too-long')), 'server-id-too-long'), 4);
      // The index reads the unopened nodes: a cross-node code, turned off.
      await client.waitFor(() => NODES.every((node) => client.publishCount(uriOf(node)) > 0), 'the nodes');
      assert.deepEqual(codes(client.latestDiagnostics(uriOf('mx2'))), []);
      assert.deepEqual(client.serverRequests, [], 'nothing asked of a client that advertised nothing');
    } finally {
      await client.stop();
    }
  });

  test('settings pushed with didChangeConfiguration apply, and a later push replaces them', async () => {
    const client = await TestClient.start({ capabilities: PLAIN_CAPABILITIES, folders: [folder], sendWorkspaceFolders: false });
    try {
      const mx2 = uriOf('mx2');
      await client.waitFor(() => has('server-id-duplicate')(client.latestDiagnostics(mx2) ?? []), 'server-id-duplicate');
      let count = client.publishCount(mx2);
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'off' } } } },
      });
      await client.diagnosticsAfter(mx2, count, lacks('server-id-duplicate'));
      // A push is the client's whole configuration: without an icewarp section, nothing of ours is set.
      count = client.publishCount(mx2);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { otherServer: {} } });
      await client.diagnosticsAfter(mx2, count, has('server-id-duplicate'));
    } finally {
      await client.stop();
    }
  });

  test('pulled settings win over pushed ones, pushed over initializationOptions, field by field', async () => {
    const client = await TestClient.start({
      initializationOptions: { icewarp: { diagnostics: { severity: { 'server-id-too-long': 'off', whitespace: 'hint', 'server-id-missing': 'hint' } } } },
      settings: { diagnostics: { severity: { whitespace: 'error' } } },
    });
    try {
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { icewarp: { diagnostics: { severity: { whitespace: 'information', 'server-id-missing': 'error' } } } },
      });
      const uri = 'untitled:layers/path.dat';
      // Line 4 "123 ": too long and a trailing space; line 15 names a master, so an empty ID would be missing.
      await client.open(uri, '/mnt/data/config/\n\n\n123 \n');
      const diagnostics = await client.diagnosticsAfter(uri, 0, has('whitespace'));
      assert.ok(lacks('server-id-too-long')(diagnostics), 'from initializationOptions');
      assert.equal(severityOf(diagnostics, 'whitespace'), 1, 'the pulled error wins over the pushed information and the initial hint');
      const count = client.publishCount(uri);
      await client.change(uri, '/mnt/data/config/\n\n\n\n\n\n\n\n\n\n\n\n\n\nmx1.example.net\n', 2);
      assert.equal(severityOf(await client.diagnosticsAfter(uri, count, has('server-id-missing')), 'server-id-missing'), 1, 'the pushed error wins over the initial hint');
    } finally {
      await client.stop();
    }
  });

  test('settings are asked for once per workspace folder, not once per file', async () => {
    const client = await TestClient.start({ folders: [folder] });
    try {
      await client.waitFor(() => NODES.every((node) => client.publishCount(uriOf(node)) > 0), 'the nodes');
      assert.deepEqual(client.configurationScopes, [fileUri(folder)]);
    } finally {
      await client.stop();
    }
  });

  test("a push that arrives while the folder's settings are being asked for does not ask again (eglot pushes at start)", async () => {
    const client = await TestClient.start({ folders: [folder], answerConfiguration: false });
    try {
      await client.waitFor(() => client.configurationScopes.length > 0, 'the first workspace/configuration request');
      // eglot pushes its whole configuration right after initialized, `{}` when it has none.
      const mx1 = uriOf('mx1');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      // A round trip: the push has been handled.
      await client.status();
      client.answerHeldConfigurationRequests();
      await client.waitFor(() => client.publishCount(mx1) > 0, 'the nodes');
      await client.idle();
      assert.deepEqual(client.configurationScopes, [fileUri(folder)]);
    } finally {
      await client.stop();
    }
  });

  test('100,000 invalid severity entries: diagnostics as usual, one line in the log', async () => {
    const severity: Record<string, string> = { 'server-id-duplicate': 'off' };
    for (let index = 0; index < 100_000; index++) severity[`no-such-code-${index}`] = 'loud';
    // Three copies of a 2.5 MB section cross the pipe: more time than usual on a busy machine.
    const client = await TestClient.start({ folders: [folder], settings: { diagnostics: { severity } }, waitTimeoutMs: 60_000 });
    try {
      await client.waitFor(() => NODES.every((node) => client.publishCount(uriOf(node)) > 0), 'the nodes');
      assert.deepEqual(codes(client.latestDiagnostics(uriOf('mx2'))), [], 'the valid entry applies');
      const about = client.logMessages.filter((message) => message.includes('icewarp.diagnostics.severity'));
      assert.equal(about.length, 1, `${client.logMessages.length} log messages, first: ${client.logMessages.slice(0, 2).join(' | ')}`);
      assert.match(about[0], /100000 entries/);
    } finally {
      await client.stop();
    }
  });

  test('a client that never answers workspace/configuration gets diagnostics after a timeout, and its late answer applies', async () => {
    const timers = new HeldConfigurationTimeout();
    const client = await TestClient.start({
      folders: [folder],
      timers,
      answerConfiguration: false,
      initializationOptions: { icewarp: { diagnostics: { severity: { 'server-id-duplicate': 'hint' } } } },
      settings: { diagnostics: { severity: { 'server-id-duplicate': 'off' } } },
    });
    try {
      const mx2 = uriOf('mx2');
      await client.waitFor(() => client.serverRequests.includes('workspace/configuration'), 'a workspace/configuration request');
      assert.equal(client.publishCount(), 0, 'nothing before the timeout');
      timers.expire();
      await client.waitFor(() => NODES.every((node) => client.publishCount(uriOf(node)) > 0), 'the nodes');
      assert.equal(severityOf(client.latestDiagnostics(mx2) ?? [], 'server-id-duplicate'), 4, 'initializationOptions apply');
      const timeouts = client.logMessages.filter((message) => message.includes('has not answered workspace/configuration'));
      assert.equal(timeouts.length, 1, client.logMessages.join('\n'));

      // It answers after all: its settings apply, and it is asked again from now on.
      const count = client.publishCount(mx2);
      client.answerConfiguration = true;
      client.answerHeldConfigurationRequests();
      await client.diagnosticsAfter(mx2, count, lacks('server-id-duplicate'));
    } finally {
      await client.stop();
    }
  });
});
