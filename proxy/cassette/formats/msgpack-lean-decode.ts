/**
 * Decodes one MessagePack value into plain objects, arrays and strings made to be kept: every string
 * is a copy of its own (msgpackr's decoder hands out slices of larger strings, which keep those
 * alive), and short strings seen just before are shared. For reading many small values that stay in
 * memory, such as a cassette's interactions; extension types are refused (`LeanDecodeError`).
 */

export class LeanDecodeError extends Error {
  override readonly name = 'LeanDecodeError';
}

/** Strings up to this length are compared with the string last seen in their slot. */
const SHARED_MAX_LENGTH = 64;
/** Slots of the table of strings seen (a power of two). */
const SLOTS = 4096;

/**
 * Short strings seen so far, so that repeated ones (methods, header values) are kept once: a
 * direct-mapped table, by length and a few bytes, with no hashing of whole strings. A string that
 * lands in a slot held by another replaces it.
 */
export class SharedStrings {
  private readonly slots: Array<string | undefined> = new Array<string | undefined>(SLOTS);

  /** The UTF-8 text of `bytes[start, start + length)`, shared when it was seen just before. */
  decode(bytes: Buffer, start: number, length: number): string {
    const text = bytes.toString('utf8', start, start + length);
    if (length === 0 || length > SHARED_MAX_LENGTH) return text;
    const slot =
      (length * 31 +
        (bytes[start] ?? 0) * 7 +
        (bytes[start + (length >> 1)] ?? 0) * 13 +
        (bytes[start + length - 1] ?? 0)) &
      (SLOTS - 1);
    const seen = this.slots[slot];
    if (seen === text) return seen;
    this.slots[slot] = text;
    return text;
  }
}

class Reader {
  private at: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Buffer,
    private readonly strings: SharedStrings,
  ) {
    this.at = 0;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Decodes the whole of the bytes as one value. */
  readAll(): unknown {
    const value = this.read();
    if (this.at !== this.bytes.length) throw new LeanDecodeError('bytes left after the value');
    return value;
  }

  private take(count: number): number {
    const start = this.at;
    this.at += count;
    if (this.at > this.bytes.length) throw new LeanDecodeError('the value ends early');
    return start;
  }

  private uint(size: 1 | 2 | 4): number {
    const at = this.take(size);
    if (size === 1) return this.view.getUint8(at);
    return size === 2 ? this.view.getUint16(at) : this.view.getUint32(at);
  }

  private safe(value: bigint): number {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new LeanDecodeError('a 64-bit integer beyond the safe range');
    }
    return Number(value);
  }

  private string(length: number): string {
    return this.strings.decode(this.bytes, this.take(length), length);
  }

  private array(count: number): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < count; i++) out.push(this.read());
    return out;
  }

  private map(count: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = this.read();
      if (typeof key !== 'string' || key === '__proto__') {
        throw new LeanDecodeError('a map key that is not a plain string');
      }
      out[key] = this.read();
    }
    return out;
  }

  private read(): unknown {
    const token = this.uint(1);
    if (token <= 0x7f) return token;
    if (token >= 0xe0) return token - 0x100;
    if (token <= 0x8f) return this.map(token - 0x80);
    if (token <= 0x9f) return this.array(token - 0x90);
    if (token <= 0xbf) return this.string(token - 0xa0);
    return this.readTyped(token);
  }

  private readTyped(token: number): unknown {
    switch (token) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
      case 0xc5:
      case 0xc6: {
        const length = this.uint(token === 0xc4 ? 1 : token === 0xc5 ? 2 : 4);
        const start = this.take(length);
        return Uint8Array.prototype.slice.call(this.bytes, start, start + length);
      }
      case 0xca:
        return this.view.getFloat32(this.take(4));
      case 0xcb:
        return this.view.getFloat64(this.take(8));
      case 0xcc:
        return this.uint(1);
      case 0xcd:
        return this.uint(2);
      case 0xce:
        return this.uint(4);
      case 0xcf:
        return this.safe(this.view.getBigUint64(this.take(8)));
      case 0xd0:
        return this.view.getInt8(this.take(1));
      case 0xd1:
        return this.view.getInt16(this.take(2));
      case 0xd2:
        return this.view.getInt32(this.take(4));
      case 0xd3:
        return this.safe(this.view.getBigInt64(this.take(8)));
      case 0xd9:
        return this.string(this.uint(1));
      case 0xda:
        return this.string(this.uint(2));
      case 0xdb:
        return this.string(this.uint(4));
      case 0xdc:
        return this.array(this.uint(2));
      case 0xdd:
        return this.array(this.uint(4));
      case 0xde:
        return this.map(this.uint(2));
      case 0xdf:
        return this.map(this.uint(4));
      default:
        throw new LeanDecodeError(`unsupported MessagePack type 0x${token.toString(16)}`);
    }
  }
}

/** Decodes `bytes`, exactly one MessagePack value; throws `LeanDecodeError` otherwise. */
export function decodeLean(bytes: Uint8Array, strings: SharedStrings): unknown {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Reader(buffer, strings).readAll();
}
