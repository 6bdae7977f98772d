// The node files every workspace of the bench is made of: clusters of five, node 1 the master,
// written for Linux (LF) or Windows (CRLF).

export const CLUSTER_SIZE = 5;

/** Node k (1-based) of cluster c. */
export function clusterNode(cluster: number, k: number, platform: 'linux' | 'windows' = 'linux'): string {
  const host = (n: number) => `mx${n}.c${cluster}.example.net`;
  const windows = platform === 'windows';
  const values: Record<number, string> = {
    1: windows ? `\\\\fs${cluster}\\icewarp\\config\\` : `/mnt/c${cluster}/config/`,
    4: `${10 + k}`,
    8: windows ? 'C:\\IceWarp\\queues\\_outgoing\\' : '/opt/icewarp/mailqueues/_outgoing/',
    9: windows ? 'C:\\IceWarp\\queues\\_outgoing\\retry\\' : '/opt/icewarp/mailqueues/_outgoing/retry/',
    10: `10.${1 + Math.floor(cluster / 250)}.${cluster % 250}.${10 + k}`,
    11: host(k),
    12: 'license.key',
    13: windows ? 'C:\\IceWarp\\queues\\_incoming\\' : '/opt/icewarp/mailqueues/_incoming/',
    14: k === 1 ? '0' : '1',
    15: host(1),
    16: Array.from({ length: CLUSTER_SIZE - 1 }, (_, i) => host(i + 2)).join(';'),
  };
  const eol = windows ? '\r\n' : '\n';
  return Array.from({ length: 16 }, (_, i) => values[i + 1] ?? '').join(eol) + eol;
}
