// Writing a fixed node file back: only if the bytes on disk are still the ones that were checked
// and decode to that text exactly (a file in another code page would lose its other characters),
// keeping the BOM, mode and owner, through a temporary file renamed over the original so a crash
// leaves the old file or the new one, never half of each.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type WriteOutcome = { written: true } | { written: false; reason: string };

/**
 * Replaces the file's text `before` (as read: UTF-8, BOM removed) with `after`.
 * Symbolic links are written through, so the link stays a link.
 */
export async function writeFixed(fsPath: string, before: string, after: string): Promise<WriteOutcome> {
  const target = await fs.realpath(fsPath);
  const raw = await fs.readFile(target);
  const hasBom = raw.subarray(0, 3).equals(BOM);
  const body = hasBom ? raw.subarray(3) : raw;
  const onDisk = body.toString('utf8');
  if (onDisk !== before) return { written: false, reason: 'the file changed while it was checked' };
  if (!Buffer.from(onDisk, 'utf8').equals(body)) return { written: false, reason: 'the file is not valid UTF-8, so writing it back would change other characters' };
  const bytes = Buffer.concat([hasBom ? BOM : Buffer.alloc(0), Buffer.from(after, 'utf8')]);
  const stats = await fs.stat(target);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
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
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return { written: true };
}
