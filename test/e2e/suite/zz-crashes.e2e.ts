// The restart policy in the real client: a killed server comes back; after 4 crashes within
// 3 minutes the client stops restarting and says so once. Named zz- so it runs after the other
// e2e files (mocha loads them sorted); its teardown starts the server again for anyone after it.
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { type BaseLanguageClient, State, type StateChangeEvent } from 'vscode-languageclient';
import type { IceWarpExtensionApi } from '../../../client/src/extension';
import { activatedApi, fileIn, hasCodes, lacksCodes, replaceLine, suiteIn, waitForDiagnostics, waitForEvent } from './helpers';

const STATE_TIMEOUT_MS = 20_000;

/** The server's process; the library keeps it private, and a test must reach it to kill it. */
function serverPid(client: BaseLanguageClient): number {
  const pid = (client as unknown as { _serverProcess?: ChildProcess })._serverProcess?.pid;
  assert.ok(pid, 'the language server process is running');
  return pid;
}

async function waitForState(client: BaseLanguageClient, wanted: State, description: string): Promise<void> {
  await waitForEvent(client.onDidChangeState, (event: StateChangeEvent) => event.newState === wanted, {
    description: `the client to be ${description}`,
    current: () => ({ oldState: client.state, newState: client.state }),
    seen: () => `state ${State[client.state]}`,
    timeoutMs: STATE_TIMEOUT_MS,
  });
}

const noProcessWhy = 'it kills the server process; in the browser the server runs inside the extension host and has none';
suiteIn('node', noProcessWhy, 'server crashes', () => {
  let api: IceWarpExtensionApi;
  const mx1 = () => fileIn('cluster', 'mx1', 'path.dat');

  suiteSetup(async () => {
    api = await activatedApi();
  });

  suiteTeardown(async () => {
    if (!api.client.isRunning()) await api.client.start();
  });

  test('a killed server is restarted and diagnostics come back', async () => {
    const before = serverPid(api.client);
    const restarted = waitForState(api.client, State.Starting, 'restarting').then(() => waitForState(api.client, State.Running, 'running again'));
    process.kill(before, 'SIGKILL');
    await restarted;
    assert.notEqual(serverPid(api.client), before);
    const document = await vscode.workspace.openTextDocument(mx1());
    await replaceLine(document, 11, 'license.key\t');
    await waitForDiagnostics(mx1(), hasCodes('whitespace'), 'whitespace from the restarted server');
    await replaceLine(document, 11, 'license.key');
    await waitForDiagnostics(mx1(), lacksCodes('whitespace'), 'whitespace gone again');
    assert.deepEqual(api.errorMessagesShown, [], 'one crash is recovered silently');
  });

  test('after repeated crashes the client stops restarting and says so once', async () => {
    // The previous test crashed it once; three more within 3 minutes make four.
    for (let crash = 2; crash <= 3; crash++) {
      const restarted = waitForState(api.client, State.Starting, 'restarting').then(() => waitForState(api.client, State.Running, 'running again'));
      process.kill(serverPid(api.client), 'SIGKILL');
      await restarted;
    }
    const stopped = waitForState(api.client, State.Stopped, 'stopped for good');
    process.kill(serverPid(api.client), 'SIGKILL');
    await stopped;
    assert.equal(api.errorMessagesShown.length, 1, `messages: ${JSON.stringify(api.errorMessagesShown)}`);
    assert.match(api.errorMessagesShown[0], /crashed 4 times in the last 3 minutes and will not be restarted/);
  });
});
