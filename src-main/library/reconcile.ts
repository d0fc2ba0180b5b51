/**
 * Reconciles the whole folder with the index. Cheap when little changed: every file is stat'ed,
 * only files whose size or time differ from the index are read; new files are indexed and rows of
 * vanished files removed. A rebuild (`force`) reads and indexes every file again.
 */
import fs from 'node:fs/promises';
import { STORAGE_EXTENSIONS, type StorageFormat } from '../../proxy/cassette/formats/registry';
import { parseCassetteFileName } from './cassette-file-names';
import { syncFile } from './file-sync';
import type { LibraryContext } from './library-context';

const CONCURRENCY = 16;
const STORAGE_RANK = Object.keys(STORAGE_EXTENSIONS) as StorageFormat[];

export async function reconcileFolder(
  context: LibraryContext,
  { force = false }: { force?: boolean } = {},
): Promise<void> {
  const entries = await fs.readdir(context.dir, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .flatMap((entry) => {
      const parsed = parseCassetteFileName(entry.name);
      return parsed === undefined ? [] : [{ fileName: entry.name, ...parsed }];
    })
    // Names first, then the usual storage first: when `a.json` and `a.msgpack` both exist,
    // `a.json` is the cassette `a` whatever order the folder lists them in.
    .sort(
      (x, y) =>
        compare(x.name, y.name) ||
        STORAGE_RANK.indexOf(x.storage) - STORAGE_RANK.indexOf(y.storage) ||
        compare(x.fileName, y.fileName),
    );
  await forEachConcurrently(
    files.map((file) => file.fileName),
    (fileName) => syncFile(context, fileName, { force }),
  );
  const present = new Set(files.map((file) => file.fileName));
  const vanished = context.store.all().filter((state) => !present.has(state.fileName));
  await forEachConcurrently(
    vanished.map((state) => state.fileName),
    (fileName) => syncFile(context, fileName),
  );
  if (force) context.store.pruneOrphans();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs `task` over `items`, at most `CONCURRENCY` at a time, starting them in order. */
async function forEachConcurrently<T>(
  items: readonly T[],
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
