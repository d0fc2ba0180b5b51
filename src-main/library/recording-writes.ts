/**
 * The engine's saves of a recording in progress (`CassetteStore.saveRecording`): the same result
 * as `saveCassette`, without reading the file back first or encoding and indexing again what the
 * earlier saves did. Each interaction is encoded, checked and summed up for the index once, at its
 * first save; a later save joins the kept bytes, writes them atomically (as every write), hashes
 * them off the main thread and indexes the file with facts folded from the kept ones.
 */
import type { Cassette } from '../../proxy/cassette/cassette.model';
import { NATIVE_FORMAT_VERSION } from '../../proxy/cassette/cassette.model';
import type { IncrementalEncoder } from '../../proxy/cassette/formats/incremental-encoder';
import { TimeSlicer } from '../../proxy/cassette/formats/time-slicer';
import { commitBytes, isoOf, withNames } from './cassette-access';
import { parseCassetteFileName } from './cassette-file-names';
import { messageOf } from './cassette-files';
import { saveCassette, type CassetteWriter } from './cassette-writes';
import { syncFileLocked } from './file-sync';
import { cassetteFacts, interactionFactsOf, type InteractionFactsCache } from './index-record';
import type { LibraryContext } from './library-context';
import { InvalidCassetteError } from './library-errors';

/** What the library keeps of recordings between their saves. */
export interface RecordingCaches {
  encoder: IncrementalEncoder;
  facts: InteractionFactsCache;
}

/** Writes with the recorder's encoder and facts (interactions seen before cost nothing). */
function recordingWriter(caches: RecordingCaches): CassetteWriter {
  return async (context, target, cassette) => {
    let bytes: Uint8Array;
    try {
      const options = { checked: true, fileName: target.fileName };
      bytes = await caches.encoder.encode(cassette, target.storage, options);
    } catch (error) {
      throw new InvalidCassetteError(cassette.name, messageOf(error), { cause: error });
    }
    // The new interactions' facts first, a slice at a time: then summing them up is quick.
    const slicer = new TimeSlicer();
    for (const interaction of cassette.interactions) {
      interactionFactsOf(interaction, caches.facts);
      if (slicer.due()) await slicer.nextSlice();
    }
    const container = target.storage.startsWith('msgpack') ? 'msgpack' : 'json';
    const facts = cassetteFacts(cassette, 'native', container, caches.facts);
    await commitBytes(context, { ...target, name: cassette.name }, bytes, facts);
  };
}

/**
 * Saves a recording over its file; a cassette not in the library yet is created (by the same
 * writer), and one whose file is broken or gone takes the way of `saveCassette` (reported).
 */
export async function saveRecording(
  context: LibraryContext,
  caches: RecordingCaches,
  cassette: Cassette,
): Promise<void> {
  const write = recordingWriter(caches);
  const saved =
    context.store.byName(cassette.name) !== undefined &&
    (await withNames(context, [cassette.name], () => saveLocked(context, write, cassette)));
  if (!saved) await saveCassette(context, cassette, write);
}

/** Replaces the indexed cassette's content and metadata; false when its file is not usable. */
async function saveLocked(
  context: LibraryContext,
  write: CassetteWriter,
  cassette: Cassette,
): Promise<boolean> {
  const { name } = cassette;
  const before = context.store.byName(name);
  const file = before === undefined ? undefined : parseCassetteFileName(before.fileName);
  if (before === undefined || file === undefined) return false;
  // Indexes the file again if it changed on disk meanwhile (a stat only, when it did not).
  const synced = await syncFileLocked(context, before.fileName);
  if (synced.kind !== 'indexed' || synced.name !== name || synced.error !== undefined) return false;
  const createdAt = context.store.summary(name)?.createdAt;
  if (createdAt === undefined || createdAt === null) return false;
  const atMs = context.now();
  // As `saveCassette` replaces contents: the file's creation time stays, the rest is the recording's.
  const stored: Cassette = {
    ...cassette,
    version: NATIVE_FORMAT_VERSION,
    metadata: { ...cassette.metadata, createdAt, modifiedAt: isoOf(atMs) },
  };
  await write(context, { fileName: before.fileName, storage: file.storage }, stored);
  context.announce({ type: 'updated', name, source: 'app', atMs });
  return true;
}
