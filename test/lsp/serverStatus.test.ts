// icewarp/serverStatus's change-to-publish latency starts when the didChange arrives, so it
// includes the server's update and parse of the new text: a document whose parse is slow reports
// at least the parse, measured beside it on the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { parseNodeFile } from '../../server/src/service';
import { TestClient } from '../../testing/lspClient';

test('change-to-publish includes the parse of the new text', async () => {
  // 200,000 short lines after line 17: its parse dominates, validation reads little of it.
  const body = `/mnt/data/config/\n\n\n11\n${'\n'.repeat(13)}${'x\n'.repeat(200_000)}`;
  const client = await TestClient.start({ settings: { maxFileSize: 10 * 1024 * 1024 } });
  try {
    const uri = 'untitled:slow-parse/path.dat';
    await client.open(uri, body);
    await client.diagnosticsAfter(uri, 0);
    await client.idle();
    const parses: number[] = [];
    const latencies: number[] = [];
    for (let round = 0; round < 3; round++) {
      await client.status(true);
      const count = client.publishCount(uri);
      const text = `${body}y${round}\n`;
      await client.change(uri, text, round + 2);
      await client.diagnosticsAfter(uri, count);
      latencies.push(...(await client.status()).changeToPublishMs);
      const start = performance.now();
      parseNodeFile(uri, text);
      parses.push(performance.now() - start);
    }
    const parse = Math.min(...parses);
    const reported = Math.min(...latencies);
    assert.ok(reported >= parse / 2, `reported ${reported.toFixed(1)} ms change-to-publish for a text whose parse alone takes ${parse.toFixed(1)} ms`);
  } finally {
    await client.stop();
  }
});
