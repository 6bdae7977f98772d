// (m) Performance cliffs: inputs whose cost once grew far faster than their size, each judged
// as a ratio measured in the same run.
// - A 0.95 MB line 9 of `/` opened beside a small node: how long a keystroke in the small node
//   waits for its diagnostics while the big one is validated (budget 100 ms where `node -e 0`
//   takes 50 ms: 2x `node -e 0`), and the big file's open to diagnostics beside a bare
//   vscode-languageserver doing the same.
// - 300 identical copies of one node (a backup-folder layout) against 75: one keystroke, until
//   its own file and until every copy is republished; linear would be 4x.
// - `check --fix` of one cluster of 160 nodes against one of 40, every file with the same two
//   slips (a trailing space on line 11, `,` between the slaves on line 16); and fix-all of one
//   file in the service, the part that must grow linearly with the cluster.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { Workspace, fixAll, parseNodeFile } from '../server/src/service';
import { TestClient } from '../testing/lspClient';
import type { Record } from './figures';
import { median } from './figures';
import { bareNode, floorServerPath, timed } from './floors';
import { clusterNode } from './clusterNodes';

interface CliffContext {
  record: Record;
  quick: boolean;
  /** The bundles measured: dist/server.js and dist/cli.js of this folder (another checkout's, to compare). */
  dist: string;
}

const SMALL = clusterNode(0, 1);
const SMALL_HOST = 'mx1.c0.example.net';

/** A node whose line 9 (the retry queue) is `bytes` slashes. */
function bigNode(bytes: number): string {
  const lines = clusterNode(1, 2).split('\n');
  lines[8] = '/'.repeat(bytes);
  return lines.join('\n');
}

function start(serverPath: string): Promise<TestClient> {
  return TestClient.start({ transport: 'stdio', validationDelay: 0, waitTimeoutMs: 120_000, serverPath });
}

/**
 * Opens the small node, then the big one and at once a keystroke in the small one: how long the
 * keystroke waits for the small node's diagnostics, and the big file's open to its diagnostics.
 */
async function bigLine(serverPath: string, bytes: number): Promise<{ keystroke: number; open: number }> {
  const session = await start(serverPath);
  try {
    const small = 'file:///bench/cliff/small/path.dat';
    const big = 'file:///bench/cliff/big/path.dat';
    await session.open(small, SMALL);
    await session.waitFor(() => session.publishCount(small) > 0, 'diagnostics of the small node');
    const smallBefore = session.publishCount(small);
    const opened = performance.now();
    await session.open(big, bigNode(bytes));
    const typed = performance.now();
    await session.replaceLine(small, 2, 10, SMALL_HOST.length, SMALL_HOST.replace('mx1', 'mx9'));
    await session.waitFor(() => session.publishCount(small) > smallBefore && session.publishCount(big) > 0, 'diagnostics of both files');
    const smallAt = session.publishes.find((publish) => publish.uri === small && publish.at >= typed)?.at ?? NaN;
    const bigAt = session.publishes.find((publish) => publish.uri === big)?.at ?? NaN;
    return { keystroke: smallAt - typed, open: bigAt - opened };
  } finally {
    await session.stop();
  }
}

/** `copies` identical node files, copies/<i>/path.dat, in a temporary folder. */
function copiesFolder(copies: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-copies-'));
  const text = clusterNode(0, 2);
  for (let index = 0; index < copies; index++) {
    const dir = path.join(folder, 'copies', String(index).padStart(4, '0'));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'path.dat'), text);
  }
  return folder;
}

/** One keystroke (line 12 flips between two licenses) in the first copy: until its own publish, and until every copy is republished. */
async function copiesKeystroke(serverPath: string, copies: number, edits: number): Promise<{ own: number; all: number }> {
  const folder = copiesFolder(copies);
  const session = await TestClient.start({ transport: 'stdio', folders: [folder], validationDelay: 0, waitTimeoutMs: 300_000, serverPath });
  try {
    await session.timeToDiagnosticsOfAll(copies);
    const file = path.join(folder, 'copies', '0000', 'path.dat');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    await session.open(uri, text);
    await session.idle();
    const licenses = ['license.key', 'license2.key'];
    const own: number[] = [];
    const all: number[] = [];
    for (let edit = 0; edit < edits; edit++) {
      const first = session.publishes.length;
      const start = performance.now();
      await session.replaceLine(uri, edit + 2, 11, licenses[edit % 2].length, licenses[(edit + 1) % 2]);
      await session.waitFor(() => new Set(session.publishes.slice(first).map((publish) => publish.uri)).size >= copies, `every copy republished after edit ${edit}`);
      const caused = session.publishes.slice(first);
      own.push((caused.find((publish) => publish.uri === uri)?.at ?? NaN) - start);
      all.push(Math.max(...caused.map((publish) => publish.at)) - start);
    }
    return { own: median(own), all: median(all) };
  } finally {
    await session.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Node k (1-based) of one large cluster (node 1 the master, the first four slaves listed), with a trailing space on line 11 and `,` between the slaves on line 16. */
function slipNode(k: number): string {
  const host = (n: number) => `mx${n}.big.example.net`;
  const values: { [line: number]: string } = {
    1: '/mnt/big/config/',
    4: `${1000 + k}`,
    8: '/opt/icewarp/mailqueues/_outgoing/',
    9: '/opt/icewarp/mailqueues/_outgoing/retry/',
    10: `10.9.${Math.floor(k / 200)}.${10 + (k % 200)}`,
    11: `${host(k)} `,
    12: 'license.key',
    13: '/opt/icewarp/mailqueues/_incoming/',
    14: k === 1 ? '0' : '1',
    15: host(1),
    16: [2, 3, 4, 5].map(host).join(','),
  };
  return Array.from({ length: 16 }, (_, index) => values[index + 1] ?? '').join('\n') + '\n';
}

function slipCluster(size: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-fix-'));
  for (let k = 1; k <= size; k++) {
    fs.mkdirSync(path.join(folder, `mx${k}`));
    fs.writeFileSync(path.join(folder, `mx${k}`, 'path.dat'), slipNode(k));
  }
  return folder;
}

/** The whole `check --fix` run on a fresh copy of the cluster (it rewrites the files). */
async function fixRun(cli: string, size: number): Promise<number> {
  const folder = slipCluster(size);
  try {
    return await timed(process.execPath, [cli, 'check', '--fix', folder], [0, 1]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Fix-all of one file (node 7) of the cluster, in the service: the fastest of `runs` after five
 * warm-ups (at 40 nodes it takes a few milliseconds, which one collection of the garbage, or code
 * not yet optimised, doubles).
 */
function fixAllOfOne(size: number, runs: number): number {
  const workspace = new Workspace();
  for (let k = 1; k <= size; k++) workspace.set(parseNodeFile(`file:///bench/big/mx${String(k).padStart(3, '0')}/path.dat`, slipNode(k)));
  const node = workspace.get('file:///bench/big/mx007/path.dat');
  if (!node) throw new Error('unreachable: node 7 was just added');
  const times: number[] = [];
  for (let run = 0; run < 5 + runs; run++) {
    const start = performance.now();
    if (fixAll(node, workspace).length === 0) throw new Error('bench: fix-all found nothing to fix');
    if (run >= 5) times.push(performance.now() - start);
  }
  return Math.min(...times);
}

export async function benchCliffs(context: CliffContext): Promise<void> {
  const runs = context.quick ? 1 : 5;
  const bytes = Math.round(0.95 * 1024 * 1024);
  const server = path.join(context.dist, 'server.js');
  console.log('(m) performance cliffs: a 0.95 MB line 9 of `/`, 300 identical copies of a node, check --fix of a 160-node cluster');

  const keystrokes: number[] = [];
  const opens: number[] = [];
  const floorOpens: number[] = [];
  const nodeFloors: number[] = [];
  for (let run = 0; run < 1 + runs; run++) {
    const node = await bareNode();
    const floor = await bigLine(floorServerPath(), bytes);
    const ours = await bigLine(server, bytes);
    if (run === 0) continue;
    nodeFloors.push(node);
    floorOpens.push(floor.open);
    keystrokes.push(ours.keystroke);
    opens.push(ours.open);
  }
  const nodeFloor = { label: 'node -e 0', value: median(nodeFloors), unit: 'ms' };
  context.record({
    id: 'cliff-big-line-keystroke',
    label: 'a keystroke in another node while a 0.95 MB line 9 of `/` is opened: to its diagnostics',
    value: median(keystrokes),
    unit: 'ms',
    floor: nodeFloor,
    budget: { max: 2, inclusive: true, text: '<= 2x node -e 0 (100 ms idle)' },
  });
  context.record({
    id: 'cliff-big-line-open',
    label: 'a 0.95 MB line 9 of `/`: open to diagnostics',
    value: median(opens),
    unit: 'ms',
    floor: { label: 'the same open, bare vscode-languageserver', value: median(floorOpens), unit: 'ms' },
  });

  const [few, many] = context.quick ? [10, 40] : [75, 300];
  const edits = context.quick ? 3 : 11;
  const small = await copiesKeystroke(server, few, edits);
  const large = await copiesKeystroke(server, many, edits);
  const linear = `linear would be ${many / few}x`;
  context.record({
    id: 'cliff-copies-own',
    label: `${many} identical copies of a node: one keystroke, until its own file is republished`,
    value: large.own,
    unit: 'ms',
    floor: { label: `the same with ${few} copies`, value: small.own, unit: 'ms' },
    budget: { max: 1.5 * (many / few), inclusive: true, text: `<= ${1.5 * (many / few)}x (${linear})` },
  });
  context.record({
    id: 'cliff-copies-all',
    label: `${many} identical copies of a node: one keystroke, until every copy is republished`,
    value: large.all,
    unit: 'ms',
    floor: { label: `the same with ${few} copies`, value: small.all, unit: 'ms' },
    budget: { max: 1.5 * (many / few), inclusive: true, text: `<= ${1.5 * (many / few)}x (${linear})` },
  });

  const [smaller, larger] = context.quick ? [10, 40] : [40, 160];
  const fixRuns = context.quick ? 1 : 3;
  const cli = path.join(context.dist, 'cli.js');
  const smallRuns: number[] = [];
  const largeRuns: number[] = [];
  for (let run = 0; run < fixRuns; run++) {
    smallRuns.push(await fixRun(cli, smaller));
    largeRuns.push(await fixRun(cli, larger));
  }
  const ratio = larger / smaller;
  const fixAllRuns = context.quick ? 3 : 21;
  // The smaller first: the code is compiled and optimised by the time the larger is measured.
  const fixAllSmaller = fixAllOfOne(smaller, fixAllRuns);
  context.record({
    id: 'cliff-fix-one',
    label: `fix-all of one file of a ${larger}-node cluster (service, fastest of ${fixAllRuns})`,
    value: fixAllOfOne(larger, fixAllRuns),
    unit: 'ms',
    floor: { label: `the same in a ${smaller}-node cluster`, value: fixAllSmaller, unit: 'ms' },
    budget: { max: 1.5 * ratio, inclusive: true, text: `<= ${1.5 * ratio}x (linear would be ${ratio}x)` },
  });
  context.record({
    id: 'cliff-fix-cluster',
    label: `check --fix of one ${larger}-node cluster, whole run`,
    value: median(largeRuns),
    unit: 'ms',
    floor: { label: `the same for ${smaller} nodes`, value: median(smallRuns), unit: 'ms' },
    detail: `every file fixed, each fix tried against its whole cluster: ${ratio}x the files, ${ratio * ratio}x the trials' work`,
  });
}
