import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import {
  decodeLean,
  LeanDecodeError,
  SharedStrings,
} from '../../../../proxy/cassette/formats/msgpack-lean-decode';
import { messagePackValueEnd } from '../../../../proxy/cassette/formats/msgpack-scan';

const packr = new Packr({ useRecords: false });

/** Values covering every MessagePack type the lean decoder reads, at each size boundary. */
const VALUES: Record<string, unknown> = {
  ints: [0, 1, 127, 128, 255, 256, 65_535, 65_536, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1],
  negatives: [
    -1,
    -32,
    -33,
    -128,
    -129,
    -32_768,
    -32_769,
    -(2 ** 31),
    -(2 ** 31) - 1,
    -(2 ** 53) + 1,
  ],
  floats: [0.5, -1.25, 1e300, Number.MIN_VALUE],
  texts: ['', 'é', '日本', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(300), 'w'.repeat(70_000)],
  flags: [true, false, null],
  binary: Buffer.from([0, 1, 2, 255]),
  nested: { a: { b: [{ c: 'd' }, []] }, empty: {} },
  wide: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
  long: Array.from({ length: 70_000 }, (_, i) => i % 3),
};

describe('decodeLean', () => {
  it('decodes what msgpackr decodes, value for value', () => {
    for (const [name, value] of Object.entries(VALUES)) {
      const bytes = packr.pack(value);
      expect(decodeLean(bytes, new SharedStrings()), name).toEqual(packr.unpack(bytes));
    }
  });

  it('refuses extension types, bytes left over, a value cut short and non-string keys', () => {
    const strings = new SharedStrings();
    expect(() => decodeLean(packr.pack(new Date(0)), strings)).toThrow(LeanDecodeError);
    expect(() => decodeLean(Uint8Array.of(0xc0, 0xc0), strings)).toThrow(/left after/);
    expect(() => decodeLean(packr.pack('abcdef').subarray(0, 4), strings)).toThrow(/ends early/);
    expect(() => decodeLean(Uint8Array.of(0x81, 0x01, 0x02), strings)).toThrow(/map key/);
    expect(() => decodeLean(Uint8Array.of(0xcf, 0xff, 0, 0, 0, 0, 0, 0, 0), strings)).toThrow(
      /64-bit/,
    );
  });
});

describe('messagePackValueEnd', () => {
  it('finds the end of every value, and no end in any shorter prefix', () => {
    for (const [name, value] of Object.entries({ ...VALUES, date: new Date(0) })) {
      const bytes = packr.pack(value);
      expect(messagePackValueEnd(bytes, 0), name).toBe(bytes.length);
      // Every cut of a small value, a sample of cuts of a large one.
      const step = Math.max(1, Math.floor(bytes.length / 200));
      for (let cut = 0; cut < bytes.length; cut += step) {
        expect(messagePackValueEnd(bytes.subarray(0, cut), 0), `${name} cut at ${cut}`).toBe(
          undefined,
        );
      }
    }
  });

  it('starts where it is told and refuses 0xc1', () => {
    const bytes = Buffer.concat([packr.pack('ab'), packr.pack({ x: [1, 2] })]);
    expect(messagePackValueEnd(bytes, 3)).toBe(bytes.length);
    expect(() => messagePackValueEnd(Uint8Array.of(0xc1), 0)).toThrow(/0xc1/);
  });
});
