// Figure (h) of `npm run bench`: the cluster refactorings in a workspace of 1,000 node files in
// clusters of 5: the time for the service to compute the whole multi-file edit of a rename (a host
// on every line of every node naming it) and of Promote to Master. Budget < 50 ms each. Measured
// with the workspace's indexes warm, as the server has them after publishing.
import { performance } from 'node:perf_hooks';
import { Workspace, parseNodeFile, promoteToMaster, rename } from '../server/src/service';
import { CLUSTER_SIZE, clusterNode } from './clusterNodes';


export interface ClusterOpsFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  budget?: { max: number; inclusive: boolean; text: string };
  detail?: string;
}


function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function time(runs: number, warmups: number, work: () => number): { ms: number; files: number } {
  const times: number[] = [];
  let files = 0;
  for (let run = 0; run < warmups + runs; run++) {
    const start = performance.now();
    files = work();
    if (run >= warmups) times.push(performance.now() - start);
  }
  return { ms: median(times), files };
}

export function benchClusterOps(options: { files: number; runs: number; warmups: number }): ClusterOpsFigure[] {
  const workspace = new Workspace();
  for (let index = 0; index < options.files; index++) {
    const cluster = Math.floor(index / CLUSTER_SIZE);
    const k = (index % CLUSTER_SIZE) + 1;
    workspace.set(parseNodeFile(`file:///bench/c${cluster}/mx${k}/path.dat`, clusterNode(cluster, k, 'windows')));
  }
  workspace.clusters(); // the indexes, as after the server's first publish round
  // With --expose-gc: the garbage of building 1,000 nodes is not collected during the timing.
  (globalThis as { gc?: () => void }).gc?.();
  const slave = workspace.get('file:///bench/c7/mx3/path.dat');
  if (!slave) throw new Error('unreachable: the node was just added');
  const budget = { max: 50, inclusive: false, text: '< 50 ms' };
  // A server that has been running has compiled these paths; a few runs warm a fresh process.
  const warmups = Math.max(options.warmups, 10);
  const renamed = time(options.runs, warmups, () => {
    const result = rename(slave, { line: 10, character: 2 }, 'mx3b.c7.example.net', workspace);
    if (!result.ok) throw new Error(`bench: rename refused: ${result.reason}`);
    return result.change.files.length;
  });
  const promoted = time(options.runs, warmups, () => {
    const result = promoteToMaster(slave, workspace);
    if (!result.ok) throw new Error(`bench: promote refused: ${result.reason}`);
    return result.change.files.length;
  });
  return [
    { id: 'cluster-rename', label: `rename a host, ${options.files} files`, value: renamed.ms, unit: 'ms', budget, detail: `edit of ${renamed.files} files computed` },
    { id: 'cluster-promote', label: `promote to master, ${options.files} files`, value: promoted.ms, unit: 'ms', budget, detail: `edit of ${promoted.files} files computed` },
  ];
}
