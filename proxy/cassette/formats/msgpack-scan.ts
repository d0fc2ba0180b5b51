/**
 * Finding where MessagePack values end without decoding them, so that a large document can be read
 * value by value from a stream (msgpackr then decodes each value on its own).
 */

/** A map or array header: how many entries follow, and how many bytes the header takes. */
export interface CollectionHeader {
  kind: 'map' | 'array';
  count: number;
  headerLength: number;
}

/** Reads a big-endian unsigned integer of `size` bytes (1, 2 or 4) at `at`. */
function uint(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

/** Bytes after the type byte that give the entry count of array16/32 and map16/32. */
const COLLECTION_COUNT_SIZE: Readonly<Record<number, number>> = {
  0xdc: 2,
  0xdd: 4,
  0xde: 2,
  0xdf: 4,
};

/**
 * The map or array header at `at`, undefined when the bytes stop inside it, or null when the value
 * there is not a map or an array.
 */
export function collectionHeader(
  bytes: Uint8Array,
  at: number,
): CollectionHeader | null | undefined {
  const token = bytes[at];
  if (token === undefined) return undefined;
  if (token >= 0x80 && token <= 0x8f) return { kind: 'map', count: token - 0x80, headerLength: 1 };
  if (token >= 0x90 && token <= 0x9f) {
    return { kind: 'array', count: token - 0x90, headerLength: 1 };
  }
  const size = COLLECTION_COUNT_SIZE[token];
  if (size === undefined) return null;
  if (at + 1 + size > bytes.length) return undefined;
  const kind = token === 0xdc || token === 0xdd ? 'array' : 'map';
  return { kind, count: uint(bytes, at + 1, size), headerLength: 1 + size };
}

/** Bytes after the type byte that give a length (str, bin, ext), by type byte. */
const LENGTH_SIZE: Readonly<Record<number, number>> = {
  0xc4: 1,
  0xc5: 2,
  0xc6: 4,
  0xc7: 1,
  0xc8: 2,
  0xc9: 4,
  0xd9: 1,
  0xda: 2,
  0xdb: 4,
};

/** Bytes after the type byte of fixed-size values (numbers, fixext), by type byte. */
const FIXED_SIZE: Readonly<Record<number, number>> = {
  0xca: 4,
  0xcb: 8,
  0xcc: 1,
  0xcd: 2,
  0xce: 4,
  0xcf: 8,
  0xd0: 1,
  0xd1: 2,
  0xd2: 4,
  0xd3: 8,
  0xd4: 2,
  0xd5: 3,
  0xd6: 5,
  0xd7: 9,
  0xd8: 17,
};

/**
 * Where the value starting at `start` ends (the offset just after it), or undefined when the bytes
 * stop before its end. Throws on a byte that starts no MessagePack value (0xc1).
 */
export function messagePackValueEnd(bytes: Uint8Array, start: number): number | undefined {
  let at = start;
  // Values still to skip: a map or array adds its entries.
  let pending = 1;
  while (pending > 0) {
    const token = bytes[at];
    if (token === undefined) return undefined;
    pending--;
    if (token <= 0x7f || token >= 0xe0 || (token >= 0xc0 && token <= 0xc3)) {
      if (token === 0xc1) throw new Error(`invalid MessagePack byte 0xc1 at offset ${at}`);
      at += 1;
    } else if (token <= 0x8f) {
      pending += (token - 0x80) * 2;
      at += 1;
    } else if (token <= 0x9f) {
      pending += token - 0x90;
      at += 1;
    } else if (token >= 0xdc && token <= 0xdf) {
      const size = COLLECTION_COUNT_SIZE[token] ?? 0;
      if (at + 1 + size > bytes.length) return undefined;
      const count = uint(bytes, at + 1, size);
      pending += token >= 0xde ? count * 2 : count;
      at += 1 + size;
    } else if (token <= 0xbf) {
      at += 1 + (token - 0xa0);
    } else {
      const lengthSize = LENGTH_SIZE[token];
      if (lengthSize === undefined) {
        at += 1 + (FIXED_SIZE[token] ?? 0);
      } else {
        if (at + 1 + lengthSize > bytes.length) return undefined;
        // ext types carry a type byte after their length.
        const extType = token >= 0xc7 && token <= 0xc9 ? 1 : 0;
        at += 1 + lengthSize + extType + uint(bytes, at + 1, lengthSize);
      }
    }
  }
  return at <= bytes.length ? at : undefined;
}
