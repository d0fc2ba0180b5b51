import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cassette } from '../../../proxy/cassette/cassette.model';
import type { StorageFormat } from '../../../proxy/cassette/formats/format';
import {
  decodeCassette,
  encodeForStorage,
  STORAGE_EXTENSIONS,
} from '../../../proxy/cassette/formats/registry';
import { DirectoryCassetteStore } from '../../../proxy/engine/directory-cassette-store';
import { magnetoFixture } from '../../support/fixtures';
import { syntheticCassette } from '../../support/synthetic-cassettes';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'magneto-dirstore-rec-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const STORAGES = Object.keys(STORAGE_EXTENSIONS) as StorageFormat[];

describe('DirectoryCassetteStore.saveRecording', () => {
  it.each(STORAGES)('writes what save writes as the recording grows (%s)', async (storage) => {
    const store = new DirectoryCassetteStore(dir, { storage });
    const whole = new DirectoryCassetteStore(path.join(dir, 'whole'), { storage });
    const source = syntheticCassette('grown', { interactions: 20 }).interactions;
    const recording: Cassette = { ...syntheticCassette('grown', { interactions: 0 }) };
    for (const interaction of source) {
      recording.interactions.push(interaction);
      const snapshot = { ...recording, interactions: [...recording.interactions] };
      await store.saveRecording(snapshot);
      await whole.save(snapshot);
      const saved = await readFile(store.fileOf('grown'));
      expect(decodeCassette(saved).cassette).toEqual(snapshot);
      if (!storage.endsWith('.gz')) {
        expect(saved.equals(await readFile(whole.fileOf('grown')))).toBe(true);
      }
    }
    expect(await readdir(dir)).toEqual([`grown${STORAGE_EXTENSIONS[storage]}`, 'whole']);
  });

  it('saves into the file the cassette was loaded from', async () => {
    await copyFile(magnetoFixture('http-basic.json'), path.join(dir, 'basic.json'));
    const store = new DirectoryCassetteStore(dir, { storage: 'msgpack' });
    const loaded = await store.load('basic');
    if (loaded === undefined) throw new Error('the fixture should load');
    await store.saveRecording({ ...loaded, name: 'basic', version: '2.0' });
    expect(await readdir(dir)).toEqual(['basic.json']);
    const { format, cassette } = decodeCassette(await readFile(path.join(dir, 'basic.json')));
    expect(format).toBe('native');
    expect(cassette.interactions).toEqual(loaded.interactions);
  });
});

describe('DirectoryCassetteStore.load', () => {
  it.each(STORAGES)('loads what was saved, streamed or not (%s)', async (storage) => {
    const cassette = syntheticCassette('stored', { interactions: 30 });
    await writeFile(
      path.join(dir, `stored${STORAGE_EXTENSIONS[storage]}`),
      encodeForStorage(cassette, storage),
    );
    expect(await new DirectoryCassetteStore(dir, { storage }).load('stored')).toEqual(cassette);
  });

  it('loads Magneto-Serge MessagePack files, which are not streamed', async () => {
    await copyFile(magnetoFixture('websocket-chat.msgpack'), path.join(dir, 'chat.msgpack'));
    const loaded = await new DirectoryCassetteStore(dir, { storage: 'msgpack' }).load('chat');
    const expected = decodeCassette(await readFile(magnetoFixture('websocket-chat.msgpack')));
    expect(loaded).toEqual({ ...expected.cassette, name: loaded?.name });
  });

  it.each<[string, (bytes: Buffer) => Uint8Array]>([
    ['cut short', (bytes) => bytes.subarray(0, bytes.length - 7)],
    ['with a byte too many', (bytes) => Buffer.concat([bytes, Uint8Array.of(0xc0)])],
    ['not gzip after all', (bytes) => Buffer.concat([Uint8Array.of(0x1f, 0x8b), bytes])],
  ])('reports a MessagePack cassette %s as decodeCassette does', async (_, damage) => {
    const bytes = Buffer.from(
      encodeForStorage(syntheticCassette('bad', { interactions: 3 }), 'msgpack'),
    );
    const file = path.join(dir, 'bad.msgpack');
    await writeFile(file, damage(bytes));
    const expected = (() => {
      try {
        decodeCassette(damage(bytes), { fileName: file, name: 'bad' });
      } catch (error) {
        return (error as Error).message;
      }
      return 'decoded';
    })();
    await expect(new DirectoryCassetteStore(dir).load('bad')).rejects.toThrow(expected);
  });
});
