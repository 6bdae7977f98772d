// (g) `icewarp-pathcfg check` on 1,000 and 10,000 node files in clusters of 5: the whole run,
// Node's start to the process's exit, of the production bundle `dist/cli.js`, side by side (same
// run, interleaved) with the floor `node -e 0` and with `cat` reading the same files into
// /dev/null; the growth from 1,000 to 10,000 files; the peak RSS of the 10,000-file run.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

interface CliBenchContext {
  record(figure: { id: string; label: string; value: number; unit: string; budget?: { max: number; inclusive: boolean; text: string }; detail?: string }): void;
  quick: boolean;
  root: string;
  /** A temporary folder of `files` node files, c<cluster>/mx<k>/path.dat, clusters of 5 (bench/run.ts). */
  generateWorkspace(files: number): string;
}

/** Wall time of a child process from spawn to exit (ms); rejects on a non-zero exit. */
function timed(command: string, args: readonly string[], okCodes: readonly number[] = [0]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (okCodes.includes(code ?? -1) ? resolve(performance.now() - start) : reject(new Error(`${command} exited with ${code}`))));
  });
}

function nodeFilesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === 'path.dat') files.push(path.join(entry.parentPath, entry.name));
  }
  return files;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Peak RSS (MB) of one run, read by a preloaded probe at exit (no external `time` needed). */
async function peakRss(cli: string, folder: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-rss-'));
  const probe = path.join(dir, 'probe.js');
  const out = path.join(dir, 'rss');
  fs.writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`);
  try {
    await timed(process.execPath, ['--require', probe, cli, 'check', folder]);
    return Number(fs.readFileSync(out, 'utf8')) / 1024;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCli(context: CliBenchContext): Promise<void> {
  const sizes = context.quick ? [100, 1000] : [1000, 10_000];
  const runs = context.quick ? 1 : 5;
  const cli = path.join(context.root, 'dist', 'cli.js');
  console.log(`(g) command line: check of ${sizes.join(' and ')} node files in clusters of 5, Node start to exit`);
  const whole = new Map<number, number>();
  const floors: number[] = [];
  let rss = 0;
  for (const size of sizes) {
    const folder = context.generateWorkspace(size);
    try {
      const files = nodeFilesUnder(folder);
      const times = { cli: [] as number[], cat: [] as number[] };
      for (let run = 0; run < 1 + runs; run++) {
        const floor = await timed(process.execPath, ['-e', '0']);
        const cat = await timed('cat', files);
        const check = await timed(process.execPath, [cli, 'check', folder]);
        if (run === 0) continue; // the first pass warms the file cache
        floors.push(floor);
        times.cat.push(cat);
        times.cli.push(check);
      }
      whole.set(size, median(times.cli));
      context.record({ id: `cli-cat-${size}`, label: `cat of the ${size} files into /dev/null`, value: median(times.cat), unit: 'ms' });
      context.record({
        id: `cli-check-${size}`,
        label: `check of ${size} files, whole run`,
        value: median(times.cli),
        unit: 'ms',
        ...(size === 10_000 ? { budget: { max: 2000, inclusive: false, text: '< 2 s' } } : {}),
      });
      if (size === sizes[sizes.length - 1]) rss = await peakRss(cli, folder);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
  const floor = median(floors);
  context.record({ id: 'cli-node-floor', label: 'bare node -e 0 (floor)', value: floor, unit: 'ms' });
  const [small, large] = sizes.map((size) => whole.get(size) as number);
  context.record({
    id: 'cli-growth',
    label: `growth from ${sizes[0]} to ${sizes[1]} files (${sizes[1] / sizes[0]}x the files)`,
    value: large / small,
    unit: 'x',
    detail: `above the node floor: ${((large - floor) / (small - floor)).toFixed(2)}x`,
  });
  context.record({ id: 'cli-rss', label: `peak RSS, check of ${sizes[1]} files`, value: rss, unit: 'MB', budget: { max: 300, inclusive: false, text: '< 300 MB' } });
}
