// The next free Server ID: the lowest number no other node of the cluster uses, written the way
// the cluster writes its IDs. The Server ID prefixes the message files a node writes into the
// folders its cluster shares, so only the cluster's IDs can collide with it.
import { NodeFile } from './parse';
import type { WorkspaceFacts } from './workspace';

/** The next free Server ID for this node, among the other nodes of its cluster. */
export function nextFreeServerId(node: NodeFile, workspace: WorkspaceFacts): string {
  return lowestFreeId(workspace.peersOf(node).map((peer) => peer.field.serverId.value.text));
}

/**
 * The lowest number from 1 to 99 not in `usedIds`, two digits wide (`03` beside `01`, `02`,
 * as IceWarp's examples write 11, 12) unless the IDs are written with one digit (`3` beside
 * `1`, `2`); past 99, the first free letter ID (`A1`). `1` and `01` are the same number.
 */
export function lowestFreeId(usedIds: readonly string[]): string {
  const numeric = usedIds.filter((id) => /^\d{1,2}$/.test(id));
  const used = new Set(numeric.map(Number));
  const oneDigit = numeric.some((id) => id.length === 1) && !numeric.some((id) => /^0\d$/.test(id));
  for (let candidate = 1; candidate <= 99; candidate++) {
    if (!used.has(candidate)) return oneDigit ? String(candidate) : String(candidate).padStart(2, '0');
  }
  const taken = new Set(usedIds.map((id) => id.toUpperCase()));
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    for (const digit of '0123456789') if (!taken.has(`${letter}${digit}`)) return `${letter}${digit}`;
  }
  // 99 numbers and 260 letter IDs in one cluster: nothing sensible is left to offer.
  return 'ZZ';
}
