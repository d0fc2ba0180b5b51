/**
 * Encodes a cassette that grows by recording, byte for byte as `encodeForStorage` does, but each
 * interaction only once: its encoded bytes are kept (by identity, so they go when the interaction
 * does) and every later save joins the kept bytes instead of encoding them again. A save then costs
 * a copy of the bytes rather than an encoding of the whole cassette.
 *
 * Interactions must not be modified once encoded (the recorder never does): a changed interaction
 * would be written as it was when first encoded.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Cassette, Interaction } from '../cassette.model';
import { packMessagePack, serializeContainer } from './container';
import type { StorageFormat } from './format';
import { cassetteFormatError } from './format-error';
import { encodeNative, interactionToNative } from './native';
import { nativeCassetteSchema, nativeInteractionSchema, UNIQUE_ID_EXPECTED } from './native-schema';
import { validateDocument } from './schema-validation';
import { TimeSlicer } from './time-slicer';

const gzipAsync = promisify(gzip);

/** Everything but the interactions, and how each interaction is encoded, in one container. */
interface Layout {
  container: 'json' | 'msgpack';
  /** The document's bytes before and after the interactions' bytes, for `count` interactions. */
  frame(head: Uint8Array, count: number): { before: Uint8Array; after: Uint8Array };
  /** Between two interactions' bytes. */
  separator: Uint8Array;
  /** One interaction's bytes. */
  encode(native: unknown): Uint8Array;
}

/** What pretty JSON (2 spaces) writes for an empty interaction list at the document's end. */
const JSON_EMPTY_END = '[]\n}\n';
/** Around the interaction in `JSON.stringify({ '': [interaction] }, null, 2)`. */
const NESTED_OPEN = '{\n  "": [\n    ';
const NESTED_CLOSE = '\n  ]\n}';

const JSON_LAYOUT: Layout = {
  container: 'json',
  frame(head, count) {
    // The head ends with `"interactions": []\n}\n`; the list goes where `[]` was.
    const cut = head.length - JSON_EMPTY_END.length;
    if (count === 0) return { before: head, after: new Uint8Array(0) };
    return {
      before: Buffer.concat([head.subarray(0, cut), Buffer.from('[\n    ')]),
      after: Buffer.from('\n  ]\n}\n'),
    };
  },
  separator: Buffer.from(',\n    '),
  encode: (native) => {
    // Inside a one-element list, the interaction comes out indented as it is in the document (two
    // levels deep): what is around it is cut off.
    const text = JSON.stringify({ '': [native] }, null, 2);
    return Buffer.from(text.slice(NESTED_OPEN.length, text.length - NESTED_CLOSE.length));
  },
};

/** The MessagePack header of an array of `count` values. */
function arrayHeader(count: number): Uint8Array {
  if (count < 16) return Uint8Array.of(0x90 + count);
  if (count < 0x10000) return Uint8Array.of(0xdc, count >> 8, count & 0xff);
  const header = Buffer.alloc(5);
  header[0] = 0xdd;
  header.writeUInt32BE(count, 1);
  return header;
}

const MESSAGE_PACK_LAYOUT: Layout = {
  container: 'msgpack',
  frame(head, count) {
    // The head ends with the key `interactions` and an empty array (0x90): the header goes there.
    return {
      before: Buffer.concat([head.subarray(0, head.length - 1), arrayHeader(count)]),
      after: new Uint8Array(0),
    };
  },
  separator: new Uint8Array(0),
  // A copy: msgpackr's output shares one large buffer with everything it encodes next.
  encode: (native) => Buffer.from(packMessagePack(native)),
};

export interface IncrementalEncodeOptions {
  /**
   * Validate what is written as a reader would (each interaction once, when first encoded): throws
   * a `CassetteFormatError` naming the invalid field instead of writing bytes that cannot be read.
   */
  checked?: boolean;
  /** The file, for error messages. */
  fileName?: string;
}

export class IncrementalEncoder {
  private readonly kept = {
    json: new WeakMap<Interaction, Uint8Array>(),
    msgpack: new WeakMap<Interaction, Uint8Array>(),
  };

  /**
   * The bytes `encodeForStorage(cassette, storage)` gives. The work is done in slices of a few
   * milliseconds with the event loop running in between (gzip runs off the main thread): the
   * cassette and its interactions must not change until the promise settles.
   */
  async encode(
    cassette: Cassette,
    storage: StorageFormat,
    options: IncrementalEncodeOptions = {},
  ): Promise<Uint8Array> {
    const layout = storage.startsWith('msgpack') ? MESSAGE_PACK_LAYOUT : JSON_LAYOUT;
    const head = this.head(cassette, layout, options);
    const { before, after } = layout.frame(head, cassette.interactions.length);
    const parts: Uint8Array[] = [before];
    const ids = options.checked === true ? new Set<string>() : undefined;
    const slicer = new TimeSlicer();
    for (const [index, interaction] of cassette.interactions.entries()) {
      if (ids !== undefined) checkUniqueId(ids, interaction.id, index, options.fileName);
      if (index > 0) parts.push(layout.separator);
      parts.push(this.interactionBytes(interaction, index, layout, options));
      if (slicer.due()) await slicer.nextSlice();
    }
    parts.push(after);
    const bytes = await joined(parts, slicer);
    return storage.endsWith('.gz') ? gzipAsync(bytes) : bytes;
  }

  /** The document without its interactions, encoded. */
  private head(cassette: Cassette, layout: Layout, options: IncrementalEncodeOptions): Uint8Array {
    const document = encodeNative({ ...cassette, interactions: [] }, layout.container);
    if (options.checked === true) {
      validateDocument(nativeCassetteSchema, document, options.fileName);
    }
    const head = serializeContainer(document, layout.container);
    const end = layout.container === 'json' ? JSON_EMPTY_END : '\x90';
    if (Buffer.from(head.subarray(head.length - end.length)).toString('latin1') !== end) {
      throw new Error(`native ${layout.container} documents must end with their interactions`);
    }
    return head;
  }

  private interactionBytes(
    interaction: Interaction,
    index: number,
    layout: Layout,
    options: IncrementalEncodeOptions,
  ): Uint8Array {
    const cache = this.kept[layout.container];
    let bytes = cache.get(interaction);
    if (bytes === undefined) {
      const native = interactionToNative(interaction, layout.container === 'json');
      if (options.checked === true) {
        validateDocument(nativeInteractionSchema, native, options.fileName, [
          'interactions',
          index,
        ]);
      }
      bytes = layout.encode(native);
      cache.set(interaction, bytes);
    }
    return bytes;
  }
}

/** `Buffer.concat(parts)`, copied a slice at a time. */
async function joined(parts: readonly Uint8Array[], slicer: TimeSlicer): Promise<Buffer> {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
    if (slicer.due()) await slicer.nextSlice();
  }
  return out;
}

function checkUniqueId(
  ids: Set<string>,
  id: string,
  index: number,
  fileName: string | undefined,
): void {
  if (ids.has(id)) {
    const got = `expected ${UNIQUE_ID_EXPECTED}, got ${JSON.stringify(id)}`;
    throw cassetteFormatError(fileName, `interactions[${index}].id`, UNIQUE_ID_EXPECTED, got);
  }
  ids.add(id);
}
