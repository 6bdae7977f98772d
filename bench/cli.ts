// (g) `icewarp-pathcfg check` on 1,000 and 10,000 node files in clusters of 5: the whole run,
// Node's start to the process's exit, of the production bundle `dist/cli.js`, side by side (same
// run, interleaved) with its floors: `node -e 0`, and walking the same tree and reading the node
// files (`find ... | xargs cat > /dev/null`). The budgets are on the ratios: 1,000 files within
// 4x `node -e 0`, 10,000 files within 3x reading them. Then the peak RSS of the 10,000-file run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Record } from './figures';
import { median } from './figures';
import { bareNode, readingTheFiles, timed } from './floors';

interface CliBenchContext {
  record: Record;
  quick: boolean;
  root: string;
  /** A temporary folder of `files` node files, c<cluster>/mx<k>/path.dat, clusters of 5 (bench/run.ts). */
  generateWorkspace(files: number): string;
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
  console.log(`(g) command line: check of ${sizes.join(' and ')} node files in clusters of 5, Node start to exit, beside node -e 0 and reading the files`);
  const whole = new Map<number, number>();
  const nodeFloors: number[] = [];
  let rss = 0;
  for (const size of sizes) {
    const folder = context.generateWorkspace(size);
    try {
      const times = { cli: [] as number[], reading: [] as number[], node: [] as number[] };
      for (let run = 0; run < 1 + runs; run++) {
        const node = await bareNode();
        const reading = await readingTheFiles(folder);
        const check = await timed(process.execPath, [cli, 'check', folder]);
        if (run === 0) continue; // the first pass warms the file cache
        times.node.push(node);
        times.reading.push(reading);
        times.cli.push(check);
      }
      nodeFloors.push(...times.node);
      whole.set(size, median(times.cli));
      const large = size === sizes[sizes.length - 1];
      context.record({
        id: `cli-check-${size}`,
        label: `check of ${size} files, whole run`,
        value: median(times.cli),
        unit: 'ms',
        ...(large
          ? { floor: { label: `find | xargs cat of the ${size} files`, value: median(times.reading), unit: 'ms' }, budget: { max: 3, inclusive: true, text: '<= 3x reading the files' } }
          : { floor: { label: 'node -e 0', value: median(times.node), unit: 'ms' }, budget: { max: 4, inclusive: true, text: '<= 4x node -e 0' } }),
      });
      if (large) rss = await peakRss(cli, folder);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
  const floor = median(nodeFloors);
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
