import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Cassette, HttpInteraction } from '../../../proxy/cassette/cassette.model';
import {
  decodeCassette,
  encodeForStorage,
  readCassetteFile,
} from '../../../proxy/cassette/formats/registry';
import {
  CassetteBrokenError,
  InvalidCassetteError,
} from '../../../src-main/library/library-errors';
import { syntheticCassette, syntheticInteraction } from '../../support/synthetic-cassettes';
import { clockedLibrary, iso, recordChanges, START } from './library-kit';

/** A recording as the engine keeps it: one cassette object whose interactions only grow. */
function recording(name: string): { cassette: Cassette; add: (count: number) => Cassette } {
  const cassette = syntheticCassette(name, { interactions: 0, tags: ['rec'] });
  return {
    cassette,
    add(count) {
      const start = cassette.interactions.length;
      for (let i = start; i < start + count; i++)
        cassette.interactions.push(syntheticInteraction(i));
      return { ...cassette, interactions: [...cassette.interactions] };
    },
  };
}

describe('the library saving a recording in progress', () => {
  it('creates the cassette, then replaces its content at each save, the file whole each time', async () => {
    const { library, clock, file } = await clockedLibrary();
    const changes = recordChanges(library);
    const rec = recording('live');
    for (const count of [3, 5, 1]) {
      const snapshot = rec.add(count);
      await library.saveRecording(snapshot);
      const stored = decodeCassette(await fs.readFile(file('live.json')));
      expect(stored.format).toBe('native');
      expect(stored.cassette.interactions).toEqual(snapshot.interactions);
      expect(stored.cassette.metadata).toMatchObject({
        createdAt: '2025-06-02T12:00:00.000Z',
        modifiedAt: iso(clock.now()),
        tags: ['rec'],
      });
      const summary = library.summary('live');
      expect(summary.interactions.total).toBe(snapshot.interactions.length);
      expect(summary.sizeBytes).toBe((await fs.stat(file('live.json'))).size);
      clock.advance(1000);
    }
    expect(changes.map((c) => [c.type, c.name])).toEqual([
      ['created', 'live'],
      ['updated', 'live'],
      ['updated', 'live'],
    ]);
    // The index holds what a full read of the file gives.
    const before = library.summary('live');
    await library.rebuild();
    expect(library.summary('live')).toEqual({
      ...before,
      indexedAt: library.summary('live').indexedAt,
    });
    expect(library.search('item-8').map((hit) => hit.name)).toEqual(['live']);
  });

  it('keeps the file and creation time of a cassette that exists, in its storage', async () => {
    const { library, clock, file } = await clockedLibrary();
    await library.create('packed', { storage: 'msgpack.gz' });
    clock.advance(5_000);
    const rec = recording('packed');
    await library.saveRecording(rec.add(2));
    await library.saveRecording(rec.add(2));
    const { cassette, container, compressed } = await readCassetteFile(file('packed.msgpack.gz'));
    expect([container, compressed]).toEqual(['msgpack', true]);
    expect(cassette.interactions).toHaveLength(4);
    expect(cassette.metadata.createdAt).toBe(iso(START));
    expect(await fs.readdir(file(''))).toEqual(['packed.msgpack.gz']);
  });

  it('follows a file changed on disk between saves, and replaces it', async () => {
    const { library, file } = await clockedLibrary();
    const rec = recording('edited');
    await library.saveRecording(rec.add(2));
    // Another program rewrites the file, with another creation time.
    const other = syntheticCassette('edited', {
      interactions: 7,
      recordedAt: '2020-01-01T00:00:00.000Z',
    });
    await fs.writeFile(file('edited.json'), encodeForStorage(other, 'json'));
    const changes = recordChanges(library);
    await library.saveRecording(rec.add(1));
    expect(changes.map((c) => [c.type, c.source])).toEqual([
      ['updated', 'disk'],
      ['updated', 'app'],
    ]);
    const { cassette } = await readCassetteFile(file('edited.json'));
    expect(cassette.interactions).toHaveLength(3);
    expect(cassette.metadata.createdAt).toBe('2020-01-01T00:00:00.000Z');
    expect(library.summary('edited').interactions.total).toBe(3);
  });

  it('refuses to write over a broken file, and leaves it as it is', async () => {
    const { library, file } = await clockedLibrary();
    const rec = recording('torn');
    await library.saveRecording(rec.add(1));
    await fs.writeFile(file('torn.json'), '{"version":');
    await expect(library.saveRecording(rec.add(1))).rejects.toThrow(CassetteBrokenError);
    expect(await fs.readFile(file('torn.json'), 'utf8')).toBe('{"version":');
  });

  it('refuses an interaction that could not be read back, writing nothing', async () => {
    const { library, file } = await clockedLibrary();
    const rec = recording('invalid');
    await library.saveRecording(rec.add(2));
    const before = await fs.readFile(file('invalid.json'));
    const snapshot = rec.add(1);
    (snapshot.interactions[2] as HttpInteraction).response.status = -5;
    const error = await library.saveRecording(snapshot).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCassetteError);
    expect((error as Error).message).toMatch(/interactions\[2\]\.response\.status/);
    expect((await fs.readFile(file('invalid.json'))).equals(before)).toBe(true);
  });
});
