// Writing a fixed node file back: only if the bytes on disk are still the ones that were checked
// and decode to that text exactly (a file in another code page would lose its other characters),
// keeping the BOM, mode and owner, through a temporary file renamed over the original so a crash
// leaves the old file or the new one, never half of each. A read-only file is left alone, as the
// editor leaves it (client/src/extensionHosts/nodeClient.ts): a rename would replace it even
// though nobody may write it, and root may write anything.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { forFs, pathFromBytes } from '../../server/src/host/diskNodeFiles';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type WriteOutcome = { written: true } | { written: false; reason: string };

/**
 * Replaces the file's text `before` (as read: UTF-8, BOM removed) with `after`.
 * Symbolic links are written through, so the link stays a link.
 */
export async function writeFixed(fsPath: string, before: string, after: string): Promise<WriteOutcome> {
  // As bytes: a folder name that is no UTF-8 must survive the round trip.
  const target = pathFromBytes(await fs.realpath(forFs(fsPath), { encoding: 'buffer' }));
  const stats = await fs.stat(forFs(target));
  if (!(await isWritable(target, stats.mode))) return { written: false, reason: 'the file is read-only' };
  const raw = await fs.readFile(forFs(target));
  const hasBom = raw.subarray(0, 3).equals(BOM);
  const body = hasBom ? raw.subarray(3) : raw;
  const onDisk = body.toString('utf8');
  if (onDisk !== before) return { written: false, reason: 'the file changed while it was checked' };
  if (!Buffer.from(onDisk, 'utf8').equals(body)) return { written: false, reason: 'the file is not valid UTF-8, so writing it back would change other characters' };
  const bytes = Buffer.concat([hasBom ? BOM : Buffer.alloc(0), Buffer.from(after, 'utf8')]);
  const temporary = forFs(path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`));
  const handle = await fs.open(temporary, 'wx', stats.mode & 0o7777);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.chmod(temporary, stats.mode & 0o7777);
    // Root fixing another user's file: give it back to them. Anyone else cannot, and need not.
    await fs.chown(temporary, stats.uid, stats.gid).catch(() => undefined);
    await fs.rename(temporary, forFs(target));
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return { written: true };
}

/** Writable as the editor judges it: some write bit set (root included), and this process allowed to write. */
async function isWritable(target: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  try {
    await fs.access(forFs(target), fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}
