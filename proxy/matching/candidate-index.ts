/**
 * Interactions grouped by match key, each group replayed in recorded order through its own cursor,
 * plus the lookups a near-miss search walks (same host and path, same host, everything).
 *
 * Kept lean for cassettes of 100,000 interactions: a key recorded once (the usual case) costs one
 * map entry holding its index, and the near-miss lookups (with the list of every index) are only
 * built at the first miss.
 */
import type { NormalisedUrl } from './url-key';

interface Group {
  /** Interaction indices in recorded order. */
  entries: number[];
  /** Whether each entry was already replayed since the last reset. */
  used: boolean[];
  /** No entry before this one is unused. */
  firstUnused: number;
}

/**
 * A key's entries: a group, or for a key recorded once its index — `index` when unused,
 * `-1 - index` once replayed.
 */
type Entries = Group | number;

export type TakeResult =
  /**
   * `last`: no unused entry is left and this is the key's last one, so that later takes (with the
   * same condition) give it again, as `exhausted`.
   */
  | { kind: 'fresh'; index: number; last: boolean }
  /** Every accepted entry was replayed: the last of them. */
  | { kind: 'exhausted'; index: number }
  | { kind: 'none' };

function pathKey(url: NormalisedUrl): string {
  // join, unlike `+`, makes a flat string: a kept key holds no pieces of other strings.
  return [url.scheme, '://', url.host, url.path].join('');
}

function append<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else list.push(index);
}

function groupOf(single: number): Group {
  const used = single < 0;
  return { entries: [used ? -1 - single : single], used: [used], firstUnused: used ? 1 : 0 };
}

/** The near-miss lookups: by host and path, by host, and every index in recorded order. */
interface UrlLookups {
  byPath: Map<string, number[]>;
  byHost: Map<string, number[]>;
  all: number[];
}

function indexOf(entry: number): number {
  return entry < 0 ? -1 - entry : entry;
}

export class CandidateIndex {
  private readonly keys = new Map<string, Entries>();
  private count = 0;
  private lookups: UrlLookups | undefined;

  /** `urlOf`: the normalised URL of an entry, for building the near-miss lookups when needed. */
  constructor(private readonly urlOf: (index: number) => NormalisedUrl) {}

  get size(): number {
    return this.count;
  }

  /** Adds an interaction; `used` marks it as already replayed (it was just recorded). */
  insert(index: number, key: string, url: NormalisedUrl, used: boolean): void {
    const entries = this.keys.get(key);
    if (entries === undefined) {
      this.keys.set(key, used ? -1 - index : index);
    } else {
      const group = typeof entries === 'number' ? groupOf(entries) : entries;
      group.entries.push(index);
      group.used.push(used);
      if (used && group.firstUnused === group.entries.length - 1) group.firstUnused++;
      if (group !== entries) this.keys.set(key, group);
    }
    if (this.lookups !== undefined) {
      this.addToLookups(this.lookups, index, url);
      this.lookups.all.push(index);
    }
    this.count++;
  }

  /**
   * The first unused entry of the key's group that `accepts` (marking it used), else the last entry
   * it accepts. With no extra condition (`accepts` always true) this is O(1) amortised.
   */
  take(key: string, accepts: (index: number) => boolean): TakeResult {
    const entries = this.keys.get(key);
    if (entries === undefined) return { kind: 'none' };
    if (typeof entries === 'number') {
      const index = indexOf(entries);
      if (!accepts(index)) return { kind: 'none' };
      if (entries < 0) return { kind: 'exhausted', index };
      this.keys.set(key, -1 - index);
      return { kind: 'fresh', index, last: true };
    }
    const { entries: indices, used } = entries;
    for (let i = entries.firstUnused; i < indices.length; i++) {
      const index = indices[i];
      if (used[i] === true || index === undefined || !accepts(index)) continue;
      used[i] = true;
      while (entries.firstUnused < indices.length && used[entries.firstUnused] === true) {
        entries.firstUnused++;
      }
      const last = entries.firstUnused === indices.length && i === indices.length - 1;
      return { kind: 'fresh', index, last };
    }
    for (let i = indices.length - 1; i >= 0; i--) {
      const index = indices[i];
      if (index !== undefined && accepts(index)) return { kind: 'exhausted', index };
    }
    return { kind: 'none' };
  }

  /** Every entry unused again. */
  reset(): void {
    for (const [key, entries] of this.keys) {
      if (typeof entries === 'number') {
        if (entries < 0) this.keys.set(key, -1 - entries);
        continue;
      }
      entries.used.fill(false);
      entries.firstUnused = 0;
    }
  }

  /**
   * Indices worth comparing with a request to `url`: those with the same host and path, then the
   * same host, then any; each once, at most `cap` in all.
   */
  *candidates(url: NormalisedUrl, cap: number): Generator<number> {
    const { byPath, byHost, all } = this.urlLookups();
    const seen = new Set<number>();
    for (const list of [byPath.get(pathKey(url)), byHost.get(url.host), all]) {
      for (const index of list ?? []) {
        if (seen.has(index)) continue;
        seen.add(index);
        yield index;
        if (seen.size >= cap) return;
      }
    }
  }

  private urlLookups(): UrlLookups {
    if (this.lookups === undefined) {
      // Indices grow with each insertion: in order, they are the recorded order.
      const all: number[] = [];
      for (const entries of this.keys.values()) {
        if (typeof entries === 'number') all.push(indexOf(entries));
        else all.push(...entries.entries);
      }
      all.sort((a, b) => a - b);
      const lookups: UrlLookups = { byPath: new Map(), byHost: new Map(), all };
      for (const index of all) this.addToLookups(lookups, index, this.urlOf(index));
      this.lookups = lookups;
    }
    return this.lookups;
  }

  private addToLookups(lookups: UrlLookups, index: number, url: NormalisedUrl): void {
    append(lookups.byPath, pathKey(url), index);
    append(lookups.byHost, url.host, index);
  }
}
