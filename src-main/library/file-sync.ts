/**
 * Brings the index in line with one file of the folder: the one place where files become rows.
 * Opening, rebuilding, the watcher and every read before a write go through here, so a change is
 * noticed (and announced) once, whoever finds it first.
 */
import type { DecodedCassette } from '../../proxy/cassette/formats/registry';
import { fileLockKey, parseCassetteFileName } from './cassette-file-names';
import {
  decodeAs,
  hashBytes,
  messageOf,
  readFileWithStats,
  recordOf,
  statFile,
  type FileRead,
  type FileStats,
} from './cassette-files';
import type { FileSignature, IndexRecord } from './index-record';
import type { IndexedState } from './index-store';
import { pathOf, type LibraryContext } from './library-context';
import type { LibraryChangeType } from './library.model';

export interface SyncOptions {
  /** Read and index the file again even when its size and time are unchanged (rebuild). */
  force?: boolean;
  /** Decode the file even when unchanged, and return it (the read before a write). */
  load?: boolean;
}

export type SyncResult =
  { kind: 'absent' } | { kind: 'indexed'; name: string; decoded?: DecodedCassette; error?: string };

export function syncFile(
  context: LibraryContext,
  fileName: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  return context.lock.run([fileLockKey(fileName)], () =>
    syncFileLocked(context, fileName, options),
  );
}

/** `syncFile` for a caller that already holds the file's lock. */
export async function syncFileLocked(
  context: LibraryContext,
  fileName: string,
  { force = false, load = false }: SyncOptions = {},
): Promise<SyncResult> {
  const parsed = parseCassetteFileName(fileName);
  if (parsed === undefined) return { kind: 'absent' };
  const filePath = pathOf(context, fileName);
  const before = context.store.byFileName(fileName);
  const stats = await statFile(filePath);
  if (stats === undefined) return forget(context, before);
  if (before !== undefined && !force && !load && sameStats(before, stats)) {
    return { kind: 'indexed', name: before.name };
  }

  let file: FileRead | undefined;
  let readError: string | undefined;
  try {
    file = await readFileWithStats(filePath);
    if (file === undefined) return forget(context, before);
  } catch (error) {
    readError = `the file cannot be read: ${messageOf(error)}`;
  }
  const signature: FileSignature = {
    fileName,
    storage: parsed.storage,
    sizeBytes: file?.sizeBytes ?? stats.sizeBytes,
    mtimeMs: file?.mtimeMs ?? stats.mtimeMs,
    contentHash: file === undefined ? '' : hashBytes(file.bytes),
  };
  const name = await nameForFile(context, fileName, parsed.name);
  if (name === undefined) return { kind: 'absent' };

  if (
    !force &&
    before !== undefined &&
    file !== undefined &&
    before.name === name &&
    before.contentHash === signature.contentHash
  ) {
    if (!sameStats(before, signature)) {
      context.store.updateSignature(name, signature.sizeBytes, signature.mtimeMs);
    }
    if (before.broken) return { kind: 'indexed', name, error: before.error ?? '' };
    return load
      ? { kind: 'indexed', name, decoded: decodeAs(name, fileName, file.bytes) }
      : { kind: 'indexed', name };
  }

  const { record, decoded } =
    file === undefined
      ? { record: { ...signature, name, broken: true as const, error: readError ?? '' } }
      : recordOf(name, signature, file.bytes);
  const previous = before ?? context.store.byName(name);
  context.store.put(record, context.now());
  const type = changeType(record, previous, before !== undefined && before.name !== name);
  if (type !== undefined) {
    context.announce({
      type,
      name,
      ...(type === 'renamed' && before !== undefined ? { previousName: before.name } : {}),
      source: 'disk',
      atMs: signature.mtimeMs,
    });
  }
  return record.broken
    ? { kind: 'indexed', name, error: record.error }
    : { kind: 'indexed', name, ...(decoded === undefined ? {} : { decoded }) };
}

function forget(context: LibraryContext, before: IndexedState | undefined): SyncResult {
  if (before !== undefined) {
    context.store.remove(before.name);
    context.announce({ type: 'deleted', name: before.name, source: 'disk', atMs: context.now() });
  }
  return { kind: 'absent' };
}

/**
 * The file's name without its extension, unless another existing file already holds that name
 * (`a.json` next to `a.msgpack`): then the whole file name, so no file is ever hidden. Undefined in
 * the unlikely case that this name is taken too.
 */
async function nameForFile(
  context: LibraryContext,
  fileName: string,
  baseName: string,
): Promise<string | undefined> {
  for (const candidate of [baseName, fileName]) {
    const holder = context.store.byName(candidate);
    if (holder === undefined || holder.fileName === fileName) return candidate;
    if ((await statFile(pathOf(context, holder.fileName))) === undefined) return candidate;
  }
  return undefined;
}

function changeType(
  record: IndexRecord,
  previous: IndexedState | undefined,
  renamed: boolean,
): LibraryChangeType | undefined {
  const changed =
    previous === undefined ||
    previous.contentHash !== record.contentHash ||
    previous.broken !== record.broken;
  if (record.broken && changed) return 'broken';
  if (previous === undefined) return 'created';
  if (renamed) return 'renamed';
  return changed ? 'updated' : undefined;
}

function sameStats(a: FileStats, b: FileStats): boolean {
  return a.sizeBytes === b.sizeBytes && a.mtimeMs === b.mtimeMs;
}
