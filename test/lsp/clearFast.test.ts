// Clear fast, flag after a pause: every keystroke is validated; a result that only drops problems
// is published at once, one that adds or changes a problem waits out icewarp.validation.delay (0:
// at once). The same for the cross-node diagnostics of the peers.
// The pause is the server's own timer, held here until the test fires it: nothing sleeps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CONFIGURATION_TIMEOUT_MS } from '../../server/src/core/settingsSources';
import { type Cancel, type Timers, runtimeTimers } from '../../server/src/core/timers';
import { TestClient, fileUri } from '../../testing/lspClient';

const PAUSE = 700;
const has = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === code);
const lacks = (code: string) => (diagnostics: Diagnostic[]) => !diagnostics.some((d) => d.code === code);

/** The runtime's clock, except that every wait but the settings timeout runs only when the test fires it. */
class HeldPause implements Timers {
  private held: { ms: number; fire: () => void; cancelled: boolean }[] = [];
  nextTurn(callback: () => void): Cancel {
    return runtimeTimers.nextTurn(callback);
  }
  after(ms: number, callback: () => void): Cancel {
    if (ms === CONFIGURATION_TIMEOUT_MS) return runtimeTimers.after(ms, callback);
    const entry = { ms, fire: callback, cancelled: false };
    this.held.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }
  /** Pauses started and not cancelled. */
  get waiting(): number {
    return this.held.filter((entry) => !entry.cancelled).length;
  }
  /** Their lengths in milliseconds. */
  get waits(): number[] {
    return this.held.filter((entry) => !entry.cancelled).map((entry) => entry.ms);
  }
  fire(): void {
    const held = this.held;
    this.held = [];
    for (const entry of held) if (!entry.cancelled) entry.fire();
  }
}

/** Asks the server until `timers` holds `count` pauses (a round trip per question, no sleep). */
async function untilWaiting(client: TestClient, timers: HeldPause, count: number): Promise<void> {
  for (let asked = 0; timers.waiting < count; asked++) {
    if (asked > 10_000) throw new Error(`the server holds ${timers.waiting} pauses, not ${count}`);
    await client.status();
  }
}

describe('clear fast, flag after a pause', () => {
  const TOO_LONG = '\n\n\n123\n';
  const FIXED = '\n\n\n12\n';

  test('a fix is published at once; a new problem only after the pause', async () => {
    const timers = new HeldPause();
    const client = await TestClient.start({ timers, validationDelay: PAUSE });
    try {
      const uri = 'untitled:clear/path.dat';
      await client.open(uri, TOO_LONG);
      await client.diagnosticsAfter(uri, 0, has('server-id-too-long'));

      // The fix: published without the pause (the held timer never fires here).
      let count = client.publishCount(uri);
      await client.change(uri, FIXED, 2);
      await client.diagnosticsAfter(uri, count, lacks('server-id-too-long'));

      // The problem again: held for the pause, then published.
      count = client.publishCount(uri);
      await client.change(uri, TOO_LONG, 3);
      await untilWaiting(client, timers, 1);
      assert.equal(client.publishCount(uri), count, 'a new problem is not published before the pause');
      timers.fire();
      await client.diagnosticsAfter(uri, count, has('server-id-too-long'));
    } finally {
      await client.stop();
    }
  });

  test('a fix while a problem waits for the pause drops the problem', async () => {
    const timers = new HeldPause();
    const client = await TestClient.start({ timers, validationDelay: PAUSE });
    try {
      const uri = 'untitled:restart/path.dat';
      await client.open(uri, FIXED);
      await client.diagnosticsAfter(uri, 0, lacks('server-id-too-long'));
      const count = client.publishCount(uri);
      await client.change(uri, TOO_LONG, 2);
      await untilWaiting(client, timers, 1);
      // Fixed before the pause ended: published at once, and the held problem never shows.
      await client.change(uri, FIXED, 3);
      await client.diagnosticsAfter(uri, count, lacks('server-id-too-long'));
      assert.equal(timers.waiting, 0, 'the held result was dropped');
      timers.fire();
      await client.idle();
      assert.ok(client.published.get(uri)!.slice(count).every((publish) => lacks('server-id-too-long')(publish.diagnostics)));
    } finally {
      await client.stop();
    }
  });

  test('icewarp.validation.delay sets the pause', async () => {
    const timers = new HeldPause();
    const client = await TestClient.start({ timers, validationDelay: 'server-default', settings: { validation: { delay: PAUSE } } });
    try {
      const uri = 'untitled:setting/path.dat';
      await client.open(uri, FIXED);
      await client.diagnosticsAfter(uri, 0, lacks('server-id-too-long'));
      const count = client.publishCount(uri);
      await client.change(uri, TOO_LONG, 2);
      await untilWaiting(client, timers, 1);
      assert.deepEqual(timers.waits, [PAUSE], 'the pause is the setting');
      assert.equal(client.publishCount(uri), count);
      timers.fire();
      await client.diagnosticsAfter(uri, count, has('server-id-too-long'));
    } finally {
      await client.stop();
    }
  });

  test('icewarp.validation.delay 0 publishes a new problem at once', async () => {
    const timers = new HeldPause();
    const client = await TestClient.start({ timers, validationDelay: 'server-default', settings: { validation: { delay: 0 } } });
    try {
      const uri = 'untitled:zero/path.dat';
      await client.open(uri, FIXED);
      await client.diagnosticsAfter(uri, 0, lacks('server-id-too-long'));
      const count = client.publishCount(uri);
      await client.change(uri, TOO_LONG, 2);
      await client.diagnosticsAfter(uri, count, has('server-id-too-long'));
    } finally {
      await client.stop();
    }
  });

  describe('peers', () => {
    let folder: string;
    const uriOf = (node: string) => fileUri(path.join(folder, node, 'path.dat'));
    before(async () => {
      folder = await fs.mkdtemp(path.join(os.tmpdir(), 'icewarp-clear-fast-'));
      for (const node of ['mx1', 'mx2', 'mx3']) {
        await fs.mkdir(path.join(folder, node));
        await fs.copyFile(path.resolve(__dirname, '../fixtures/cluster', node, 'path.dat'), path.join(folder, node, 'path.dat'));
      }
      // mx3 numbered 31: the cluster follows no numbering, so a shared Server ID is told to both nodes.
      const mx3 = path.join(folder, 'mx3', 'path.dat');
      await fs.writeFile(mx3, (await fs.readFile(mx3, 'utf8')).replace('\n13\n', '\n31\n'));
    });
    after(() => fs.rm(folder, { recursive: true, force: true }));

    test("a peer's cross-node problem clears at once and appears after the pause", async () => {
      const timers = new HeldPause();
      const client = await TestClient.start({ timers, folders: [folder], validationDelay: PAUSE });
      try {
        await client.idle();
        const mx1 = uriOf('mx1');
        const mx2 = uriOf('mx2');
        const saved = await fs.readFile(path.join(folder, 'mx1', 'path.dat'), 'utf8');
        const clashing = saved.replace('\n11\n', '\n12\n');
        await client.open(mx1, saved);
        await client.idle();

        // mx1 takes mx2's Server ID: both get server-id-duplicate, after the pause only.
        let count = client.publishCount(mx2);
        await client.change(mx1, clashing, 2);
        await untilWaiting(client, timers, 2);
        assert.ok((client.published.get(mx2) ?? []).slice(count).every((publish) => lacks('server-id-duplicate')(publish.diagnostics)), 'the peer is not flagged before the pause');
        timers.fire();
        await client.diagnosticsAfter(mx2, count, has('server-id-duplicate'));
        await client.diagnosticsAfter(mx1, 0, has('server-id-duplicate'));

        // Undone: both clear at once.
        count = client.publishCount(mx2);
        const count1 = client.publishCount(mx1);
        await client.change(mx1, saved, 3);
        await client.diagnosticsAfter(mx2, count, lacks('server-id-duplicate'));
        await client.diagnosticsAfter(mx1, count1, lacks('server-id-duplicate'));
      } finally {
        await client.stop();
      }
    });
  });
});
