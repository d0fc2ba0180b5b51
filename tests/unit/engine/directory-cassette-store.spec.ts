import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeForStorage } from '../../../proxy/cassette/formats/registry';
import { DirectoryCassetteStore } from '../../../proxy/engine/directory-cassette-store';
import { magnetoFixture } from '../../support/fixtures';
import { syntheticCassette } from '../../support/synthetic-cassettes';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'magneto-dirstore-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DirectoryCassetteStore', () => {
  it('saves native JSON atomically and loads it back', async () => {
    const store = new DirectoryCassetteStore(path.join(dir, 'nested'));
    const cassette = syntheticCassette('one', { interactions: 3 });
    await store.save(cassette);
    expect(await readdir(path.join(dir, 'nested'))).toEqual(['one.json']);
    expect(JSON.parse(await readFile(store.fileOf('one'), 'utf8')).version).toBe('2.0');
    expect((await store.load('one'))?.interactions).toEqual(cassette.interactions);
    expect(await store.load('missing')).toBeUndefined();
  });

  it('finds cassettes stored in any container and saves back into the same file', async () => {
    const cassette = syntheticCassette('packed', { interactions: 2 });
    const file = path.join(dir, 'packed.msgpack.gz');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, encodeForStorage(cassette, 'msgpack.gz'));
    const store = new DirectoryCassetteStore(dir);
    const loaded = await store.load('packed');
    expect(loaded?.interactions).toHaveLength(2);
    await store.save({ ...cassette, interactions: [] });
    expect(await readdir(dir)).toEqual(['packed.msgpack.gz']);
    expect((await new DirectoryCassetteStore(dir).load('packed'))?.interactions).toEqual([]);
  });

  it('reads Magneto-Serge files', async () => {
    await copyFile(magnetoFixture('http-errors.json'), path.join(dir, 'errors.json'));
    const cassette = await new DirectoryCassetteStore(dir).load('errors');
    expect(cassette?.interactions).toHaveLength(7);
  });

  it('reports an unreadable cassette instead of treating it as missing', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'broken.json'), '{"version": "2.0", "interactions": 5}');
    await expect(new DirectoryCassetteStore(dir).load('broken')).rejects.toThrow(/broken\.json/);
  });

  it.each(['', '../up', 'a/b', 'a\\b', '.hidden', 'x'.repeat(201), 'nul\u0000'])(
    'refuses the name %j',
    async (name) => {
      const store = new DirectoryCassetteStore(dir);
      await expect(store.load(name)).rejects.toThrow(/Invalid cassette name/);
      await expect(store.save(syntheticCassette(name, { interactions: 0 }))).rejects.toThrow(
        /Invalid cassette name/,
      );
    },
  );
});
