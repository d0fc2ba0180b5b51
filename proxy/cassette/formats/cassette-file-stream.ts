/**
 * Reading a cassette file with as little memory as its format allows: native MessagePack cassettes
 * (gzipped or not) are streamed interaction by interaction (`native-msgpack-stream.ts`); every other
 * file is read whole and decoded as `decodeCassette` does.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { DecodeContext } from './format';
import { readNativeMessagePack } from './native-msgpack-stream';
import { decodeCassette, type DecodedCassette } from './registry';

/** Chunks the file is read in when streamed. */
const CHUNK_BYTES = 1 << 16;

/** The first two bytes of a file (fewer when it is shorter). */
async function firstBytes(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A MessagePack map's first byte (fixmap, map16, map32). */
const isMapStart = (byte: number | undefined): boolean =>
  byte !== undefined && ((byte >= 0x80 && byte <= 0x8f) || byte === 0xde || byte === 0xdf);

/** Reads and decodes a cassette file; throws as `decodeCassette` does on invalid content. */
export async function readCassetteFileStreamed(
  filePath: string,
  context: DecodeContext,
): Promise<DecodedCassette> {
  const head = await firstBytes(filePath);
  const compressed = isGzip(head);
  if (compressed || isMapStart(head[0])) {
    const file = createReadStream(filePath, { highWaterMark: CHUNK_BYTES });
    // pipeline: a read error ends the gunzip stream too, with that error.
    const chunks = compressed
      ? pipeline(file, createGunzip({ chunkSize: CHUNK_BYTES }), () => undefined)
      : file;
    try {
      const cassette = await readNativeMessagePack(chunks);
      if (cassette !== undefined) {
        return { cassette, format: 'native', container: 'msgpack', compressed };
      }
    } catch {
      // Unreadable as a stream (bad gzip, say): the whole-file decode below says why.
    } finally {
      chunks.destroy();
      file.destroy();
    }
  }
  return decodeCassette(await readFile(filePath), context);
}
