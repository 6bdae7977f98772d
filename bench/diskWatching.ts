// Figure (l) of `npm run bench`: the cost of the server's own watching of the disk, which it
// does for clients that cannot watch files for it (ALE, Neovim 0.7-0.9, vim-lsp): a stat of
// every node file it indexed from disk every 2 s, and a walk of the workspace folders every 30 s
// (server/src/core/fileWatching.ts). Measured on the server's own disk access, on a workspace of
// node files in clusters of 5: one round of each, wall time and this process's CPU time, and
// the share of one core the two cost together at their intervals. No budget: it shows what an
// idle server costs an admin's machine.
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DiskPoller, STAT_INTERVAL_MS, WALK_INTERVAL_MS } from '../server/src/core/fileWatching';
import { runtimeTimers } from '../server/src/core/timers';
import { nodeFileAccess } from '../server/src/host/diskNodeFiles';

interface WatchingFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  detail?: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Every path.dat under `folder`, as URIs. */
function nodeFilesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => path.basename(name) === 'path.dat')
    .map((name) => URI.file(path.join(folder, name)).toString());
}

async function measure(runs: number, round: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  await round(); // warm-up: the disk cache, the code
  for (let run = 0; run < runs; run++) {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    await round();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

export async function benchDiskWatching(options: {
  record: (figure: WatchingFigure) => void;
  files: number;
  runs: number;
  generateWorkspace: (files: number) => string;
}): Promise<void> {
  const { record, files, runs } = options;
  console.log(`(l) the server's own watching of ${files} node files (clients without file watchers, no budget)`);
  const folder = options.generateWorkspace(files);
  try {
    const uris = nodeFilesUnder(folder);
    const folderUri = URI.file(folder).toString();
    const indexed = new Set(uris);
    const poller = new DiskPoller(
      nodeFileAccess,
      runtimeTimers,
      { folders: () => [folderUri], unopenedFiles: () => uris, knows: (uri) => indexed.has(uri) },
      async () => undefined,
    );
    const stat = await measure(runs, () => poller.statRound());
    const walk = await measure(runs, () => poller.walkRound());
    poller.dispose();
    const share = (stat.cpuMs / STAT_INTERVAL_MS + walk.cpuMs / WALK_INTERVAL_MS) * 100;
    record({ id: 'watching-stat-round', label: `stat round over ${files} files (every ${STAT_INTERVAL_MS / 1000} s)`, value: stat.wallMs, unit: 'ms', detail: `CPU ${stat.cpuMs.toFixed(1)} ms` });
    record({ id: 'watching-walk-round', label: `walk of the folders for new files (every ${WALK_INTERVAL_MS / 1000} s)`, value: walk.wallMs, unit: 'ms', detail: `CPU ${walk.cpuMs.toFixed(1)} ms` });
    record({ id: 'watching-cpu-share', label: `the server's own watching of ${files} files, idle: share of one core`, value: share, unit: '%', detail: 'stat and walk CPU time at their intervals' });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
