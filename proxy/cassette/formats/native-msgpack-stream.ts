/**
 * Reads a native MessagePack cassette from a stream of chunks, one interaction at a time: each is
 * decoded, validated and turned into the model while the next bytes are still on disk, so a large
 * cassette never sits in memory as file bytes, decoded document and model at once.
 *
 * Only the usual layout is read this way: a map whose `version` ("2.…") comes before its
 * `interactions`, as the studio writes it. Anything else — another format, another key order, or a
 * document that is invalid in any way — gives undefined, and the caller decodes the whole file the
 * usual way (which also words the errors).
 */
import type { Cassette, Interaction } from '../cassette.model';
import { decodeLean, SharedStrings } from './msgpack-lean-decode';
import { collectionHeader, messagePackValueEnd } from './msgpack-scan';
import { cassetteFromNative, interactionFromNative } from './native';
import { nativeCassetteSchema, nativeInteractionSchema } from './native-schema';

/**
 * Bytes read from the stream and not consumed yet, in one buffer reused from chunk to chunk (grown
 * only for a value larger than it): reading a large file allocates next to nothing.
 */
class ByteWindow {
  private buffer = new Uint8Array(0);
  /** The unconsumed bytes are `buffer[at, end)`; `view` is `buffer[0, end)`. */
  private view = this.buffer;
  private at = 0;
  private done = false;

  constructor(private readonly chunks: AsyncIterator<Uint8Array>) {}

  /** Whether every byte of the stream has been consumed. */
  async atEnd(): Promise<boolean> {
    while (this.at >= this.view.length && !this.done) await this.more();
    return this.at >= this.view.length;
  }

  /** The next map or array header, consumed; undefined when the next value is neither. */
  async collection(): Promise<{ kind: 'map' | 'array'; count: number } | undefined> {
    for (;;) {
      const header = collectionHeader(this.view, this.at);
      if (header === null) return undefined;
      if (header !== undefined) {
        this.at += header.headerLength;
        return header;
      }
      if (!(await this.more())) return undefined;
    }
  }

  /**
   * The next whole value's bytes, consumed; undefined when the stream ends inside it. The bytes
   * are only valid until the next call (the buffer is reused).
   */
  async value(): Promise<Uint8Array | undefined> {
    for (;;) {
      const end = messagePackValueEnd(this.view, this.at);
      if (end !== undefined) {
        const value = this.view.subarray(this.at, end);
        this.at = end;
        return value;
      }
      if (!(await this.more())) return undefined;
    }
  }

  /** Appends the next chunk after the unconsumed bytes; false at the end of the stream. */
  private async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.chunks.next();
    if (next.done === true) {
      this.done = true;
      return false;
    }
    const rest = this.view.length - this.at;
    const length = rest + next.value.length;
    if (length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(length, this.buffer.length * 2));
      grown.set(this.view.subarray(this.at));
      this.buffer = grown;
    } else {
      this.buffer.copyWithin(0, this.at, this.view.length);
    }
    this.buffer.set(next.value, rest);
    this.view = this.buffer.subarray(0, length);
    this.at = 0;
    return true;
  }
}

/** The next value, decoded; undefined when it is missing or not valid MessagePack. */
async function nextValue(
  window: ByteWindow,
  strings: SharedStrings,
): Promise<{ value: unknown } | undefined> {
  const bytes = await window.value();
  if (bytes === undefined) return undefined;
  try {
    return { value: decodeLean(bytes, strings) };
  } catch {
    return undefined;
  }
}

async function readInteractions(
  window: ByteWindow,
  strings: SharedStrings,
): Promise<Interaction[] | undefined> {
  const header = await window.collection();
  if (header?.kind !== 'array') return undefined;
  const interactions: Interaction[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < header.count; index++) {
    const decoded = await nextValue(window, strings);
    const parsed = nativeInteractionSchema.safeParse(decoded?.value);
    if (!parsed.success || ids.has(parsed.data.id)) return undefined;
    ids.add(parsed.data.id);
    interactions.push(interactionFromNative(parsed.data));
  }
  return interactions;
}

async function readDocument(window: ByteWindow): Promise<Cassette | undefined> {
  const map = await window.collection();
  if (map?.kind !== 'map') return undefined;
  const strings = new SharedStrings();
  const fields: Record<string, unknown> = {};
  let interactions: Interaction[] | undefined;
  for (let entry = 0; entry < map.count; entry++) {
    const key = (await nextValue(window, strings))?.value;
    if (typeof key !== 'string' || Object.hasOwn(fields, key) || key === '__proto__') {
      return undefined;
    }
    if (key === 'interactions') {
      // The format must be known before the interactions are decoded as native ones.
      const version = fields.version;
      if (typeof version !== 'string' || !version.startsWith('2.')) return undefined;
      interactions = await readInteractions(window, strings);
      if (interactions === undefined) return undefined;
      fields[key] = [];
      continue;
    }
    const value = await nextValue(window, strings);
    if (value === undefined) return undefined;
    fields[key] = value.value;
  }
  if (interactions === undefined || !(await window.atEnd())) return undefined;
  const parsed = nativeCassetteSchema.safeParse(fields);
  if (!parsed.success) return undefined;
  const cassette = cassetteFromNative(parsed.data);
  cassette.interactions = interactions;
  return cassette;
}

/**
 * The cassette in a native MessagePack document given as chunks, or undefined when the document
 * is not one this reader takes (see above): decode it whole then.
 */
export async function readNativeMessagePack(
  chunks: AsyncIterable<Uint8Array>,
): Promise<Cassette | undefined> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    return await readDocument(new ByteWindow(iterator));
  } finally {
    // Stopping early (a document read whole instead) closes the stream.
    await iterator.return?.();
  }
}
