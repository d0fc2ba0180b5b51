/** Counters for the `sequence` helper: one set per cassette, kept across renders. */

export class SequenceCounters {
  private readonly counters = new Map<string, Map<string, number>>();

  /** The next value of counter `name` of `cassette`: `start` first, then `step` more each time. */
  next(cassette: string, name: string, start = 1, step = 1): number {
    let ofCassette = this.counters.get(cassette);
    if (ofCassette === undefined) {
      ofCassette = new Map();
      this.counters.set(cassette, ofCassette);
    }
    const previous = ofCassette.get(name);
    const value = previous === undefined ? start : previous + step;
    ofCassette.set(name, value);
    return value;
  }

  /** Forgets the counters of one cassette, or of every cassette. */
  reset(cassette?: string): void {
    if (cassette === undefined) this.counters.clear();
    else this.counters.delete(cassette);
  }
}

/** Used when a render names no counters of its own. */
export const sharedSequenceCounters = new SequenceCounters();
