/** Building blocks of the library's operations: locking, loading under the lock, committing. */
import fs from 'node:fs/promises';
import type { Cassette } from '../../proxy/cassette/cassette.model';
import { NATIVE_FORMAT_VERSION } from '../../proxy/cassette/cassette.model';
import type { DecodedCassette, StorageFormat } from '../../proxy/cassette/formats/registry';
import { writeFileAtomic } from './atomic-write';
import { fileLockKey, parseCassetteFileName, type CassetteFileName } from './cassette-file-names';
import { hashBytesAsync, statFile } from './cassette-files';
import { syncFileLocked } from './file-sync';
import { cassetteFacts, type CassetteFacts } from './index-record';
import type { IndexedState } from './index-store';
import { pathOf, type LibraryContext } from './library-context';
import { CassetteBrokenError, CassetteExistsError, CassetteNotFoundError } from './library-errors';
import { assertValidCassetteName, nameFoldKey } from './naming';

export interface LoadedFile {
  fileName: string;
  file: CassetteFileName;
  decoded: DecodedCassette;
}

/** Runs `task` holding the locks of these cassette names and of their files. */
export function withNames<T>(
  context: LibraryContext,
  names: readonly string[],
  task: () => Promise<T>,
): Promise<T> {
  const keys = names.flatMap((name) => {
    const state = context.store.byName(name);
    return [nameFoldKey(name), ...(state === undefined ? [] : [fileLockKey(state.fileName)])];
  });
  return context.lock.run(keys, task);
}

export function requireIndexed(context: LibraryContext, name: string): IndexedState {
  const state = context.store.byName(name);
  if (state === undefined) throw new CassetteNotFoundError(name);
  return state;
}

/** Reads and decodes a cassette (indexing its file again if it changed on disk). Lock held. */
export async function loadLocked(context: LibraryContext, name: string): Promise<LoadedFile> {
  const { fileName } = requireIndexed(context, name);
  const result = await syncFileLocked(context, fileName, { load: true });
  const file = parseCassetteFileName(fileName);
  if (result.kind === 'absent' || result.name !== name || file === undefined) {
    throw new CassetteNotFoundError(name);
  }
  if (result.decoded === undefined) {
    throw new CassetteBrokenError(name, fileName, result.error ?? '');
  }
  return { fileName, file, decoded: result.decoded };
}

/** Throws unless `name` is valid and no other cassette has it, ignoring case. */
export function assertNameFree(context: LibraryContext, name: string, renaming?: string): void {
  assertValidCassetteName(name);
  const taken = context.store.nameTakenIgnoringCase(name);
  if (taken !== undefined && taken !== renaming) throw new CassetteExistsError(name, taken);
}

/**
 * Throws when a file other than `sameAs` already exists at `fileName` (one the index has not seen
 * yet, say), after indexing it so it shows up in the library. Lock held.
 */
export async function assertFileFree(
  context: LibraryContext,
  name: string,
  fileName: string,
  sameAs?: string,
): Promise<void> {
  const target = await fs.stat(pathOf(context, fileName)).catch(() => undefined);
  if (target === undefined) return;
  if (sameAs !== undefined) {
    const source = await fs.stat(pathOf(context, sameAs)).catch(() => undefined);
    if (source !== undefined && source.ino === target.ino && source.dev === target.dev) return;
  }
  const result = await syncFileLocked(context, fileName);
  throw new CassetteExistsError(name, result.kind === 'indexed' ? result.name : name);
}

/**
 * Marks a cassette as written now. Whatever format it was read from (Magneto-Serge v1, HAR…), it is
 * written back in the native format, in the container its file name says (`x.json` stays JSON).
 */
export function stamp(cassette: Cassette, atMs: number): void {
  cassette.version = NATIVE_FORMAT_VERSION;
  cassette.metadata.modifiedAt = isoOf(atMs);
}

/** Writes checked bytes atomically and indexes them (replacing `replacing`'s row on a rename). */
export async function commit(
  context: LibraryContext,
  target: { fileName: string; storage: StorageFormat },
  prepared: { bytes: Uint8Array; decoded: DecodedCassette },
  replacing?: string,
): Promise<void> {
  const { cassette, format, container } = prepared.decoded;
  const facts = cassetteFacts(cassette, format, container);
  await commitBytes(context, { ...target, name: cassette.name }, prepared.bytes, facts, replacing);
}

/**
 * Writes bytes known to be readable atomically and indexes them as `target.name` with `facts`
 * (replacing `replacing`'s row on a rename). The hash is computed off the main thread.
 */
export async function commitBytes(
  context: LibraryContext,
  target: { name: string; fileName: string; storage: StorageFormat },
  bytes: Uint8Array,
  facts: CassetteFacts,
  replacing?: string,
): Promise<void> {
  const filePath = pathOf(context, target.fileName);
  await writeFileAtomic(filePath, bytes);
  const stats = (await statFile(filePath)) ?? { sizeBytes: bytes.length, mtimeMs: 0 };
  const contentHash = await hashBytesAsync(bytes);
  context.store.put(
    { ...target, ...stats, contentHash, broken: false, facts },
    context.now(),
    replacing,
  );
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
