// The features run on the server's clock (ServerContext.timers), the one its host or a test
// gives createServer, never on the runtime's behind its back: a fix-all gives way between its
// steps on that clock. Here the clock holds every next turn until the test lets it run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { type Cancel, type Timers, runtimeTimers } from '../../server/src/core/timers';
import { LINUX_MASTER, nodeText } from '../unit/helpers';
import { TestClient } from '../../testing/lspClient';

/** The runtime's clock, except that while `holding` a next turn waits until `release()`. */
class HeldTurns implements Timers {
  holding = false;
  private held: (() => void)[] = [];
  nextTurn(callback: () => void): Cancel {
    if (!this.holding) return runtimeTimers.nextTurn(callback);
    let cancelled = false;
    this.held.push(() => {
      if (!cancelled) callback();
    });
    return () => {
      cancelled = true;
    };
  }
  after(ms: number, callback: () => void): Cancel {
    return runtimeTimers.after(ms, callback);
  }
  get waiting(): number {
    return this.held.length;
  }
  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const run of held) run();
  }
}

test('a fix-all waits for the next turn of the clock the server was given', async () => {
  const clock = new HeldTurns();
  const client = await TestClient.start({ timers: clock });
  try {
    const uri = 'untitled:clock/path.dat';
    // Trailing spaces after the license file: a problem fix-all fixes.
    await client.open(uri, nodeText({ ...LINUX_MASTER, 12: 'license.key  ' }));
    await client.diagnosticsAfter(uri, 0);
    await client.idle();

    clock.holding = true;
    let answered = false;
    const answer = client
      .request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 17, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })
      .then((actions) => {
        answered = true;
        return actions;
      });
    // A round trip per question (icewarp/serverStatus needs no turn), no sleep.
    for (let asked = 0; clock.waiting === 0; asked++) {
      if (asked > 10_000) throw new Error('the fix-all never asked the server clock for a turn');
      await client.status();
    }
    assert.equal(answered, false, 'the fix-all waits for the turn the clock holds');

    clock.release();
    const actions = await answer;
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.icewarp');
  } finally {
    await client.stop();
  }
});
