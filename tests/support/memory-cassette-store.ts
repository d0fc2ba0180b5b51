/** A `CassetteStore` in memory for engine tests: copies in and out, like a real store would. */
import type { Cassette } from '../../proxy/cassette/cassette.model';
import type { CassetteStore } from '../../proxy/engine/cassette-store';

export class MemoryCassetteStore implements CassetteStore {
  private readonly cassettes = new Map<string, Cassette>();
  /** Number of successful saves. */
  saves = 0;
  /** When set, `save` rejects with it. */
  failure: Error | undefined;

  constructor(initial: readonly Cassette[] = []) {
    for (const cassette of initial) this.cassettes.set(cassette.name, structuredClone(cassette));
  }

  load(name: string): Promise<Cassette | undefined> {
    const cassette = this.cassettes.get(name);
    return Promise.resolve(cassette === undefined ? undefined : structuredClone(cassette));
  }

  save(cassette: Cassette): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.cassettes.set(cassette.name, structuredClone(cassette));
    this.saves += 1;
    return Promise.resolve();
  }

  /** What is stored under `name` (not a copy). */
  get(name: string): Cassette | undefined {
    return this.cassettes.get(name);
  }
}
