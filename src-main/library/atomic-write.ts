/**
 * Crash-safe file replacement: the bytes go to a temporary file in the same folder, are flushed to
 * disk, then renamed over the target, and the folder itself is flushed. A reader (or a crash) sees
 * the old file or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, writeNewFileDurably } from '../../proxy/support/durable-files';

const TEMP_PREFIX = '.magneto-';
const TEMP_SUFFIX = '.tmp';
/** `.magneto-<pid>-<random>.tmp`: the pid says whether the writer is still alive. */
const OUR_TEMP_FILE = /^\.magneto-(\d+)-[0-9a-f]+\.tmp$/u;
/** A temporary file this old is stale even when its pid is alive (the pid was reused). */
const STALE_AFTER_MS = 10 * 60_000;

/**
 * Replaces (or creates) `filePath` with `bytes` atomically, keeping an existing file's mode. The
 * temporary file's name carries the writer's pid, so a crash's leftovers can be told from the files
 * of a writer still at work.
 */
export async function writeFileAtomic(filePath: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(filePath);
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const tempPath = path.join(dir, `${TEMP_PREFIX}${suffix}${TEMP_SUFFIX}`);
  try {
    await writeNewFileDurably(tempPath, bytes, await existingMode(filePath));
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Deletes temporary files left by writers that died mid-write (their process is gone, or the file
 * is older than ten minutes). Files of live writers, such as another studio process sharing the
 * folder, are kept. Returns the names deleted.
 */
export async function removeStaleTempFiles(dir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const fileName of await fs.readdir(dir)) {
    const match = OUR_TEMP_FILE.exec(fileName);
    if (match === null) continue;
    const filePath = path.join(dir, fileName);
    const stats = await fs.stat(filePath).catch(() => undefined);
    if (stats === undefined) continue;
    if (processIsAlive(Number(match[1])) && now - stats.mtimeMs < STALE_AFTER_MS) continue;
    await fs.rm(filePath, { force: true });
    removed.push(fileName);
  }
  return removed;
}

async function existingMode(filePath: string): Promise<number> {
  try {
    return (await fs.stat(filePath)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
