// The extension with a dist/server.js that exits at once (the runner builds that copy): the user
// gets one clear message with "Show Output", and the client gives up instead of restarting forever.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IceWarpExtensionApi } from '../../../../client/src/extension';
import { EXTENSION_ID, waitForEvent } from '../../suite/helpers';

function nextEvent<T>(event: vscode.Event<T>, description: string, timeoutMs = 30_000): Promise<T> {
  return waitForEvent(event, () => true, { description, timeoutMs });
}

suite('a language server that cannot start', () => {
  test('one clear message, and no restart storm', async () => {
    const extension = vscode.extensions.getExtension<IceWarpExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const gaveUp = api.serverRestarts.hasGivenUp ? Promise.resolve('') : nextEvent(api.serverRestarts.onDidGiveUp, 'the client to stop restarting');
    await assert.rejects(api.ready, 'ready rejects when the server cannot start');
    await gaveUp;
    assert.equal(api.errorMessagesShown.length, 1, `messages shown: ${JSON.stringify(api.errorMessagesShown)}`);
    assert.match(api.errorMessagesShown[0], /IceWarp language server failed to start \(server process exited with code 3\)/);
    assert.equal(api.client.isRunning(), false);
  });
});
