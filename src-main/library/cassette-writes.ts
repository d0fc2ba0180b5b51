/**
 * The library's operations on cassette files. Each runs under the per-name lock, writes atomically,
 * updates the index, then announces exactly one change.
 */
import fs from 'node:fs/promises';
import type { Cassette } from '../../proxy/cassette/cassette.model';
import { NATIVE_FORMAT_VERSION } from '../../proxy/cassette/cassette.model';
import { STORAGE_EXTENSIONS, type StorageFormat } from '../../proxy/cassette/formats/registry';
import { syncDirectory } from '../../proxy/support/durable-files';
import {
  assertFileFree,
  assertNameFree,
  commit,
  isoOf,
  loadLocked,
  requireIndexed,
  stamp,
  withNames,
} from './cassette-access';
import { normalizeTags, replaceContents } from './cassette-edits';
import { cassetteFileName, DEFAULT_STORAGE } from './cassette-file-names';
import { encodeChecked } from './cassette-files';
import { pathOf, type LibraryContext } from './library-context';
import { CassetteExistsError, CassetteNotFoundError, InvalidCassetteError } from './library-errors';
import type { CassetteSummary, CreateCassetteInit, LoadedCassette } from './library.model';

export function loadCassette(context: LibraryContext, name: string): Promise<LoadedCassette> {
  return withNames(context, [name], async () => {
    const { decoded } = await loadLocked(context, name);
    return { cassette: decoded.cassette, summary: summaryOf(context, name) };
  });
}

/** Writes a cassette's file and indexes it (lock held, target checked free). */
export type CassetteWriter = (
  context: LibraryContext,
  target: { fileName: string; storage: StorageFormat },
  cassette: Cassette,
) => Promise<void>;

/** Encodes the whole cassette, reads it back to be sure, writes and indexes it. */
export const writeWhole: CassetteWriter = (context, target, cassette) =>
  commit(context, target, encodeChecked(cassette, target.storage, target.fileName));

export function createCassette(
  context: LibraryContext,
  name: string,
  init: CreateCassetteInit = {},
  write: CassetteWriter = writeWhole,
): Promise<CassetteSummary> {
  return withNames(context, [name], async () => {
    assertNameFree(context, name);
    const { storage = DEFAULT_STORAGE, metadata, ...fields } = init;
    if (!Object.hasOwn(STORAGE_EXTENSIONS, storage)) {
      const known = Object.keys(STORAGE_EXTENSIONS).join(', ');
      throw new InvalidCassetteError(name, `unknown storage "${String(storage)}" (${known}).`);
    }
    const fileName = cassetteFileName(name, storage);
    await assertFileFree(context, name, fileName);
    const atMs = context.now();
    const at = isoOf(atMs);
    const cassette: Cassette = {
      recordedAt: at,
      interactions: [],
      ...fields,
      version: NATIVE_FORMAT_VERSION,
      name,
      metadata: {
        createdAt: at,
        description: '',
        settings: {},
        ...metadata,
        tags: normalizeTags(metadata?.tags ?? []),
        modifiedAt: at,
      },
    };
    await write(context, { fileName, storage }, cassette);
    context.announce({ type: 'created', name, source: 'app', atMs });
    return summaryOf(context, name);
  });
}

/** Applies `edit` to the cassette and writes it; `edit` may throw to write nothing. */
export function editCassette<T>(
  context: LibraryContext,
  name: string,
  edit: (cassette: Cassette, nowIso: string) => T,
): Promise<T> {
  return withNames(context, [name], async () => {
    const { fileName, file, decoded } = await loadLocked(context, name);
    const atMs = context.now();
    const result = edit(decoded.cassette, isoOf(atMs));
    stamp(decoded.cassette, atMs);
    const prepared = encodeChecked(decoded.cassette, file.storage, fileName);
    await commit(context, { fileName, storage: file.storage }, prepared);
    context.announce({ type: 'updated', name, source: 'app', atMs });
    return result;
  });
}

/**
 * Creates `cassette` (written by `create`), or replaces the content and metadata of the cassette
 * of that name.
 */
export async function saveCassette(
  context: LibraryContext,
  cassette: Cassette,
  create: CassetteWriter = writeWhole,
): Promise<void> {
  if (context.store.byName(cassette.name) === undefined) {
    try {
      await createCassette(context, cassette.name, cassette, create);
      return;
    } catch (error) {
      // Created meanwhile by someone else: replace it like any existing cassette.
      if (!(error instanceof CassetteExistsError)) throw error;
    }
  }
  await editCassette(context, cassette.name, (target) => replaceContents(target, cassette));
}

/** Renames the file (keeping its extension) and the name inside it. */
export function renameCassette(
  context: LibraryContext,
  from: string,
  to: string,
): Promise<CassetteSummary> {
  return withNames(context, [from, to], async () => {
    requireIndexed(context, from);
    assertNameFree(context, to, from);
    const { fileName, file, decoded } = await loadLocked(context, from);
    if (from === to) return summaryOf(context, to);
    const toFileName = `${to}${file.extension}`;
    await assertFileFree(context, to, toFileName, fileName);
    const atMs = context.now();
    decoded.cassette.name = to;
    stamp(decoded.cassette, atMs);
    const prepared = encodeChecked(decoded.cassette, file.storage, toFileName);
    // Move first, then rewrite: a crash in between leaves the file under its new name, which wins
    // over the stale name inside it.
    await fs.rename(pathOf(context, fileName), pathOf(context, toFileName));
    await commit(context, { fileName: toFileName, storage: file.storage }, prepared, from);
    context.announce({ type: 'renamed', name: to, previousName: from, source: 'app', atMs });
    return summaryOf(context, to);
  });
}

/** A copy under a new name, in the same storage, with fresh recorded/created/modified times. */
export function duplicateCassette(
  context: LibraryContext,
  from: string,
  to: string,
): Promise<CassetteSummary> {
  return withNames(context, [from, to], async () => {
    assertNameFree(context, to);
    const { file, decoded } = await loadLocked(context, from);
    const toFileName = `${to}${file.extension}`;
    await assertFileFree(context, to, toFileName);
    const atMs = context.now();
    const copy = decoded.cassette;
    copy.name = to;
    copy.recordedAt = isoOf(atMs);
    copy.metadata.createdAt = isoOf(atMs);
    stamp(copy, atMs);
    const prepared = encodeChecked(copy, file.storage, toFileName);
    await commit(context, { fileName: toFileName, storage: file.storage }, prepared);
    context.announce({ type: 'created', name: to, source: 'app', atMs });
    return summaryOf(context, to);
  });
}

/** Deletes the file, broken or not. */
export function deleteCassette(context: LibraryContext, name: string): Promise<void> {
  return withNames(context, [name], async () => {
    const { fileName } = requireIndexed(context, name);
    await fs.rm(pathOf(context, fileName), { force: true });
    await syncDirectory(context.dir);
    context.store.remove(name);
    context.announce({ type: 'deleted', name, source: 'app', atMs: context.now() });
  });
}

export function summaryOf(context: LibraryContext, name: string): CassetteSummary {
  const summary = context.store.summary(name);
  if (summary === undefined) throw new CassetteNotFoundError(name);
  return summary;
}
