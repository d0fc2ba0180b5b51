/**
 * Randomness for helpers: the platform's CSPRNG, or a small seeded generator (sfc32) when the
 * render context carries a `seed`, so that the same seed gives the same output.
 */

export interface RandomSource {
  /** Whether the values follow from a seed. */
  readonly seeded: boolean;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
}

/** 128 bits of hash from a string (cyrb128), to seed sfc32. */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32: a fast 32-bit generator with a 128-bit state. */
function sfc32(seed: string): () => number {
  let [a, b, c, d] = hashSeed(seed);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** 32-bit words from the CSPRNG, drawn in batches. */
function cryptoWords(): () => number {
  const pool = new Uint32Array(256);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      crypto.getRandomValues(pool);
      next = 0;
    }
    return pool[next++] ?? 0;
  };
}

const UINT32_RANGE = 2 ** 32;

function sourceOf(word: () => number, seeded: boolean): RandomSource {
  const next = () => word() / UINT32_RANGE;
  return {
    seeded,
    next,
    int(min, max) {
      const low = Math.ceil(Math.min(min, max));
      const high = Math.floor(Math.max(min, max));
      return low + Math.floor(next() * (high - low + 1));
    },
    bytes(count) {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = word() & 0xff;
      return out;
    },
  };
}

const shared = sourceOf(cryptoWords(), false);

/** A seeded source for `seed`, or the shared CSPRNG-backed source when there is none. */
export function randomSource(seed?: string | number): RandomSource {
  return seed === undefined ? shared : sourceOf(sfc32(String(seed)), true);
}
