/**
 * A least-recently-used map bounded by its number of entries and, optionally, by the total of the
 * sizes given with them (bytes, say): the least recently used go first when either bound is passed.
 *
 * Made for lookups on every request: moving an entry to the most recent end costs a Map deletion
 * and insertion, so a lookup moves it only when it is in the older half of the map, where
 * evictions take from. An entry just looked up thus stays for at least half as many insertions as
 * the map holds entries.
 */
interface Slot<V> {
  value: V;
  size: number;
  /** `tick` when the entry was last put at the most recent end. */
  stamp: number;
}

export class BoundedLru<K, V> {
  private readonly slots = new Map<K, Slot<V>>();
  private total = 0;
  /** Counts moves to the most recent end: the map holds the slots in `stamp` order. */
  private tick = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxSize = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  /** Sum of the sizes of the entries kept. */
  get totalSize(): number {
    return this.total;
  }

  /** The value, now among the most recently used. */
  get(key: K): V | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    if (this.tick - slot.stamp >= this.slots.size >> 1) {
      this.slots.delete(key);
      this.slots.set(key, slot);
      slot.stamp = ++this.tick;
    }
    return slot.value;
  }

  /** Keeps `value` as the most recently used; one larger than `maxSize` alone is not kept. */
  set(key: K, value: V, size = 0): void {
    this.delete(key);
    if (size > this.maxSize) return;
    this.slots.set(key, { value, size, stamp: ++this.tick });
    this.total += size;
    for (const [oldest, slot] of this.slots) {
      if (this.slots.size <= this.maxEntries && this.total <= this.maxSize) break;
      this.slots.delete(oldest);
      this.total -= slot.size;
    }
  }

  delete(key: K): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    this.total -= slot.size;
  }

  clear(): void {
    this.slots.clear();
    this.total = 0;
  }
}
