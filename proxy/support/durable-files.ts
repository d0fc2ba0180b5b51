/** File writes that survive a crash: new files synced to disk, replacements by temp file + rename. */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates `file` (failing if it exists) with `mode` from the start, writes `data` and syncs it.
 * The mode is set by the open call itself, so the file is never readable by others, even briefly.
 */
export async function writeNewFileDurably(
  file: string,
  data: string | Uint8Array,
  mode: number,
): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Syncs a folder so that the names created or renamed in it are on disk (a no-op on Windows). */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `file` atomically: readers see the old content or the new one, never a part. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  mode: number,
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFileDurably(temp, data, mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}
