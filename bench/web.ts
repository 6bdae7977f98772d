// Figure (i) of `npm run bench`: the web extension. The production browser bundles' sizes (as
// written and gzipped, as a browser downloads them), and the browser server's cold start: its
// bundle in a worker thread with a web worker's globals only (testing/lspClient.ts, transport
// 'worker'), from creating the worker to the first publishDiagnostics of an opened file, side by
// side (same run, interleaved) with the Node server spawned over stdio. Then a workspace indexed
// through the client, as in the browser: every file listed and read by requests to the client
// (which here reads the disk; a browser's file system adds its own latency on top).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { TestClient, type Transport } from '../testing/lspClient';

interface WebBenchContext {
  record(figure: { id: string; label: string; value: number; unit: string; detail?: string }): void;
  root: string;
  /** Cold starts to measure (after one warm-up each). */
  runs: number;
  /** Node files of the indexed workspace, and a folder of them (bench/run.ts). */
  workspaceFiles: number;
  generateWorkspace(files: number): string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Start to the first diagnostics of one opened node file, with the server's own debounce. */
async function coldStart(transport: Transport, text: string): Promise<number> {
  const session = await TestClient.start({ transport, validationDelay: 'server-default', waitTimeoutMs: 60_000 });
  const uri = 'file:///bench/cold/path.dat';
  await session.open(uri, text);
  await session.waitFor(() => session.publishCount(uri) > 0, 'the first publishDiagnostics');
  const elapsed = session.publishes[0].at - session.startedAt;
  await session.stop();
  return elapsed;
}

export async function benchWeb({ record, root, runs, workspaceFiles, generateWorkspace }: WebBenchContext): Promise<void> {
  console.log('(i) the web extension: browser bundles, the browser server in a worker against the Node server');
  for (const bundle of ['browser/server', 'browser/client']) {
    const bytes = fs.readFileSync(path.join(root, 'dist', `${bundle}.js`));
    const gzipped = gzipSync(bytes).length / 1024;
    record({ id: `web-size-${bundle.replace('browser/', '')}`, label: `dist/${bundle}.js minified`, value: bytes.length / 1024, unit: 'KB', detail: `${gzipped.toFixed(0)} KB gzipped` });
  }

  const text = fs.readFileSync(path.join(root, 'test', 'fixtures', 'single', 'windows-slave.path.dat'), 'utf8');
  const worker: number[] = [];
  const spawned: number[] = [];
  for (let run = 0; run < 1 + runs; run++) {
    const w = await coldStart('worker', text);
    const s = await coldStart('stdio', text);
    if (run === 0) continue; // warms the file cache for both
    worker.push(w);
    spawned.push(s);
  }
  record({ id: 'web-cold-worker', label: 'browser server in a worker to first diagnostics', value: median(worker), unit: 'ms' });
  record({ id: 'web-cold-node', label: 'Node server spawned to first diagnostics (same runs)', value: median(spawned), unit: 'ms' });

  const folder = generateWorkspace(workspaceFiles);
  try {
    const times: number[] = [];
    for (let run = 0; run < Math.max(1, Math.min(runs, 5)); run++) {
      const session = await TestClient.start({ transport: 'worker', folders: [folder], validationDelay: 0, waitTimeoutMs: 120_000 });
      times.push(await session.timeToDiagnosticsOfAll(workspaceFiles));
      await session.stop();
    }
    record({
      id: 'web-workspace-first-full-diagnostics',
      label: `browser server: index + first diagnostics of ${workspaceFiles} files through the client`,
      value: median(times),
      unit: 'ms',
      detail: 'from initialized; compare (d)',
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
