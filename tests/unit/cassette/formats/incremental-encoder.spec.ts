import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Cassette, Interaction } from '../../../../proxy/cassette/cassette.model';
import { CassetteFormatError } from '../../../../proxy/cassette/errors';
import type { StorageFormat } from '../../../../proxy/cassette/formats/format';
import { IncrementalEncoder } from '../../../../proxy/cassette/formats/incremental-encoder';
import {
  decodeCassette,
  encodeForStorage,
  readCassetteFile,
} from '../../../../proxy/cassette/formats/registry';
import { syntheticCassette } from '../../../support/synthetic-cassettes';
import { magnetoFixture } from '../../../support/fixtures';
import { richCassette } from './rich-cassette';

const STORAGES: StorageFormat[] = ['json', 'msgpack', 'json.gz', 'msgpack.gz'];

/** The bytes without their gzip wrapper (gzip output is compared by content). */
function plain(bytes: Uint8Array, storage: StorageFormat): Buffer {
  return storage.endsWith('.gz') ? zlib.gunzipSync(bytes) : Buffer.from(bytes);
}

/** Whether the encoder wrote what `encodeForStorage` writes (compared as bytes, not element-wise). */
async function writesSameBytes(
  encoder: IncrementalEncoder,
  cassette: Cassette,
  storage: StorageFormat,
): Promise<boolean> {
  const bytes = plain(await encoder.encode(cassette, storage), storage);
  return bytes.equals(plain(encodeForStorage(cassette, storage), storage));
}

async function fixtureCassettes(): Promise<Cassette[]> {
  const names = [
    'http-basic.json',
    'http-binary.json',
    'mixed-with-cookies.json',
    'websocket-chat.json',
  ];
  const cassettes = await Promise.all(
    names.map(async (name) => (await readCassetteFile(magnetoFixture(name))).cassette),
  );
  return [richCassette(), syntheticCassette('synthetic', { interactions: 40 }), ...cassettes];
}

describe('IncrementalEncoder', () => {
  it.each(STORAGES)('writes exactly what encodeForStorage writes (%s)', async (storage) => {
    const encoder = new IncrementalEncoder();
    for (const cassette of await fixtureCassettes()) {
      expect(await writesSameBytes(encoder, cassette, storage), cassette.name).toBe(true);
    }
  });

  it.each(STORAGES)(
    'writes no, few and many interactions like encodeForStorage (%s)',
    async (storage) => {
      const encoder = new IncrementalEncoder();
      // MessagePack array headers change at 16 and 65,536 entries.
      for (const count of [0, 1, 15, 16, 65_536]) {
        const cassette = syntheticCassette('sizes', { interactions: count, bodySize: 10 });
        expect(await writesSameBytes(encoder, cassette, storage), String(count)).toBe(true);
      }
    },
  );

  it('encodes each interaction once as the cassette grows, and the saves stay whole', async () => {
    const encoder = new IncrementalEncoder();
    const cassette = syntheticCassette('growing', { interactions: 0 });
    const source = syntheticCassette('source', { interactions: 30 }).interactions;
    for (const storage of ['json', 'msgpack'] as const) {
      cassette.interactions = [];
      for (const interaction of source) {
        cassette.interactions.push(interaction);
        cassette.metadata.modifiedAt = `2025-06-02T12:00:${String(cassette.interactions.length).padStart(2, '0')}.000Z`;
        const bytes = await encoder.encode(cassette, storage);
        expect(decodeCassette(bytes).cassette).toEqual(cassette);
      }
    }
    // Kept bytes are reused: an interaction changed behind the encoder's back is written as it was.
    const first = cassette.interactions[0] as Interaction & { type: 'Http' };
    const recordedUrl = first.request.url;
    first.request.url = 'https://changed.example.com/';
    const reread = decodeCassette(await encoder.encode(cassette, 'json')).cassette;
    expect((reread.interactions[0] as Interaction & { type: 'Http' }).request.url).toBe(
      recordedUrl,
    );
  });

  it('lets the event loop run while it encodes a large batch', async () => {
    const cassette = syntheticCassette('batch', { interactions: 5000 });
    let turns = 0;
    let running = true;
    const spin = (): void => {
      if (!running) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const bytes = await new IncrementalEncoder().encode(cassette, 'json');
    running = false;
    expect(turns).toBeGreaterThan(0);
    expect(decodeCassette(bytes).cassette).toEqual(cassette);
  });

  it('checks what it writes when asked, naming the field', async () => {
    const encoder = new IncrementalEncoder();
    const cassette = syntheticCassette('bad', { interactions: 3 });
    const second = cassette.interactions[1] as Interaction & { type: 'Http' };
    second.response.status = -1;
    await expect(encoder.encode(cassette, 'json')).resolves.toBeInstanceOf(Uint8Array);
    const fresh = new IncrementalEncoder();
    const error = await fresh
      .encode(cassette, 'json', { checked: true, fileName: 'bad.json' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CassetteFormatError);
    expect((error as CassetteFormatError).path).toBe('interactions[1].response.status');
    expect((error as Error).message).toMatch(/^bad\.json: interactions\[1\]\.response\.status: /);
  });

  it('refuses repeated ids when checking', async () => {
    const cassette = syntheticCassette('twins', { interactions: 2 });
    const [one, two] = cassette.interactions;
    if (one === undefined || two === undefined) throw new Error('two interactions expected');
    two.id = one.id;
    const error = await new IncrementalEncoder()
      .encode(cassette, 'msgpack', { checked: true })
      .catch((e: unknown) => e);
    expect((error as CassetteFormatError).path).toBe('interactions[1].id');
  });
});
