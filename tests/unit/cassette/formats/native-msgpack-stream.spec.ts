import { describe, expect, it } from 'vitest';
import { serializeContainer } from '../../../../proxy/cassette/formats/container';
import { readNativeMessagePack } from '../../../../proxy/cassette/formats/native-msgpack-stream';
import { decodeCassette, encodeForStorage } from '../../../../proxy/cassette/formats/registry';
import { syntheticCassette } from '../../../support/synthetic-cassettes';
import { nativeDocumentOf, type NativeDocument } from './codec-spec-helpers';
import { richCassette } from './rich-cassette';

/** The bytes as a stream of chunks of `size` bytes (the last one shorter). */
async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const pack = (document: unknown): Uint8Array => serializeContainer(document, 'msgpack');

function mutated(mutate: (document: NativeDocument) => void): Uint8Array {
  const document = nativeDocumentOf(richCassette());
  mutate(document);
  return pack(document);
}

describe('readNativeMessagePack', () => {
  it.each([1, 7, 4096])('reads what decodeCassette reads, in chunks of %i bytes', async (size) => {
    for (const cassette of [richCassette(), syntheticCassette('many', { interactions: 70 })]) {
      const bytes = encodeForStorage(cassette, 'msgpack');
      const expected = decodeCassette(bytes).cassette;
      expect(await readNativeMessagePack(chunks(bytes, size))).toEqual(expected);
    }
  });

  it('reads an empty cassette and one without the metadata key order the studio writes', async () => {
    const empty = syntheticCassette('empty', { interactions: 0 });
    const bytes = encodeForStorage(empty, 'msgpack');
    expect(await readNativeMessagePack(chunks(bytes, 5))).toEqual(decodeCassette(bytes).cassette);
    const { metadata, ...rest } = nativeDocumentOf(richCassette());
    const reordered = pack({ metadata, ...rest });
    expect(await readNativeMessagePack(chunks(reordered, 64))).toEqual(
      decodeCassette(reordered).cassette,
    );
  });

  it.each<[string, () => Uint8Array]>([
    ['a document that is not a map', () => pack([1, 2, 3])],
    ['a Magneto-Serge 1.0 cassette', () => pack({ version: '1.0', name: 'x', interactions: [] })],
    [
      'interactions before the version',
      () => {
        const { interactions, ...rest } = nativeDocumentOf(richCassette());
        return pack({ interactions, ...rest });
      },
    ],
    [
      'an invalid interaction',
      () => mutated((document) => (document.interactions[2]!.response.status = 'ok')),
    ],
    [
      'a repeated id',
      () => mutated((document) => (document.interactions[1]!.id = document.interactions[0]!.id)),
    ],
    ['an invalid field outside the interactions', () => mutated((document) => (document.name = 5))],
    ['another native version', () => mutated((document) => (document.version = '2.1'))],
    [
      'bytes after the document',
      () => Buffer.concat([encodeForStorage(richCassette(), 'msgpack'), Uint8Array.of(0xc0)]),
    ],
    [
      'a document cut short',
      () => {
        const bytes = encodeForStorage(richCassette(), 'msgpack');
        return bytes.subarray(0, bytes.length - 10);
      },
    ],
    [
      'an extension type inside an interaction',
      () =>
        mutated((document) => {
          document.interactions[0]!.recorded_at = new Date(0);
        }),
    ],
  ])('leaves %s to the whole-document decoder', async (_, bytes) => {
    expect(await readNativeMessagePack(chunks(bytes(), 16))).toBeUndefined();
  });

  it('stops reading the stream when it gives up', async () => {
    let pulled = 0;
    let closed = false;
    const bytes = pack([1, 2, 3]);
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          pulled++;
          yield bytes;
        }
      } finally {
        closed = true;
      }
    }
    expect(await readNativeMessagePack(source())).toBeUndefined();
    expect(pulled).toBe(1);
    expect(closed).toBe(true);
  });
});
