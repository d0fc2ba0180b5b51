import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readCassetteFile } from '../../../proxy/cassette/formats/registry';
import { CassetteBrokenError } from '../../../src-main/library/library-errors';
import { magnetoFixture } from '../../support/fixtures';
import { clockedLibrary, copyFixture, iso, recordChanges, START } from './library-kit';

describe('the library as the engine’s cassette store', () => {
  it('loads a cassette, nothing for an unknown name, and throws for a broken file', async () => {
    const { library, dirs, file } = await clockedLibrary();
    await copyFixture('websocket-chat.json', dirs.cassetteDir, 'chat.json');
    await fs.writeFile(file('torn.json'), '{"version":');
    await library.rebuild();
    expect((await library.load('chat'))?.interactions).toHaveLength(2);
    expect(await library.load('nothing')).toBeUndefined();
    await expect(library.load('torn')).rejects.toThrow(CassetteBrokenError);
  });

  it('saves a new cassette as native JSON', async () => {
    const { library, file } = await clockedLibrary();
    const { cassette } = await readCassetteFile(magnetoFixture('mixed-with-cookies.json'));
    const changes = recordChanges(library);
    await library.save({ ...cassette, name: 'recorded' });
    const stored = await readCassetteFile(file('recorded.json'));
    expect(stored.format).toBe('native');
    expect(stored.cassette.interactions).toEqual(cassette.interactions);
    expect(stored.cassette.cookies).toEqual(cassette.cookies);
    expect(changes.map((c) => [c.type, c.name])).toEqual([['created', 'recorded']]);
  });

  it('replaces an existing cassette in its own file, keeping its creation time', async () => {
    const { library, clock, file } = await clockedLibrary();
    await library.create('session', { storage: 'msgpack', metadata: { tags: ['old'] } });
    clock.advance(1_000);
    const { cassette: recorded } = await readCassetteFile(magnetoFixture('http-basic.json'));
    const changes = recordChanges(library);

    await library.save({ ...recorded, name: 'session' });

    const { cassette, format, container } = await readCassetteFile(file('session.msgpack'));
    expect([format, container]).toEqual(['native', 'msgpack']);
    expect(cassette.interactions).toEqual(recorded.interactions);
    expect(cassette.cookies).toBeUndefined();
    expect(cassette.metadata).toMatchObject({
      createdAt: iso(START),
      modifiedAt: iso(START + 1_000),
      tags: [],
    });
    expect(changes.map((c) => [c.type, c.name])).toEqual([['updated', 'session']]);
  });
});
