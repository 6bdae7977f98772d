import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchCli } from '../bench/cli';
const CLUSTER_SIZE = 5;

/** Node k (1-based) of cluster c: a clean Linux node; node 1 is the master. */
function clusterNode(cluster: number, k: number): string {
  const host = (n: number) => `mx${n}.c${cluster}.example.net`;
  const values: Record<number, string> = {
    1: `/mnt/c${cluster}/config/`,
    4: `${10 + k}`,
    8: '/opt/icewarp/mailqueues/_outgoing/',
    9: '/opt/icewarp/mailqueues/_outgoing/retry/',
    10: `10.${1 + Math.floor(cluster / 250)}.${cluster % 250}.${10 + k}`,
    11: host(k),
    12: 'license.key',
    13: '/opt/icewarp/mailqueues/_incoming/',
    14: k === 1 ? '0' : '1',
    15: host(1),
    16: Array.from({ length: CLUSTER_SIZE - 1 }, (_, i) => host(i + 2)).join(';'),
  };
  return Array.from({ length: 16 }, (_, i) => values[i + 1] ?? '').join('\n') + '\n';
}

function generateWorkspace(files: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'icewarp-bench-'));
  for (let index = 0; index < files; index++) {
    const cluster = Math.floor(index / CLUSTER_SIZE);
    const k = (index % CLUSTER_SIZE) + 1;
    const dir = path.join(folder, `c${cluster}`, `mx${k}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'path.dat'), clusterNode(cluster, k));
  }
  return folder;
}


const quick = process.argv.includes('--quick');
benchCli({ record: (f) => console.log(JSON.stringify(f)), quick, root: path.resolve(__dirname, '..'), generateWorkspace }).catch((e) => { console.error(e); process.exitCode = 1; });
