/**
 * Interactions grouped by match key, each group replayed in recorded order through its own cursor,
 * plus the lookups a near-miss search walks (same host and path, same host, everything).
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

export type TakeResult =
  | { kind: 'fresh'; index: number }
  /** Every accepted entry was replayed: the last of them. */
  | { kind: 'exhausted'; index: number }
  | { kind: 'none' };

function pathKey(url: NormalisedUrl): string {
  return `${url.scheme}://${url.host}${url.path}`;
}

function append<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else list.push(index);
}

export class CandidateIndex {
  private readonly groups = new Map<string, Group>();
  private readonly byPath = new Map<string, number[]>();
  private readonly byHost = new Map<string, number[]>();
  private readonly all: number[] = [];

  get size(): number {
    return this.all.length;
  }

  /** Adds an interaction; `used` marks it as already replayed (it was just recorded). */
  insert(index: number, key: string, url: NormalisedUrl, used: boolean): void {
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { entries: [], used: [], firstUnused: 0 };
      this.groups.set(key, group);
    }
    group.entries.push(index);
    group.used.push(used);
    if (used && group.firstUnused === group.entries.length - 1) group.firstUnused++;
    append(this.byPath, pathKey(url), index);
    append(this.byHost, url.host, index);
    this.all.push(index);
  }

  /**
   * The first unused entry of the key's group that `accepts` (marking it used), else the last entry
   * it accepts. With no extra condition (`accepts` always true) this is O(1) amortised.
   */
  take(key: string, accepts: (index: number) => boolean): TakeResult {
    const group = this.groups.get(key);
    if (group === undefined) return { kind: 'none' };
    const { entries, used } = group;
    for (let i = group.firstUnused; i < entries.length; i++) {
      const index = entries[i];
      if (used[i] === true || index === undefined || !accepts(index)) continue;
      used[i] = true;
      while (group.firstUnused < entries.length && used[group.firstUnused] === true) {
        group.firstUnused++;
      }
      return { kind: 'fresh', index };
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const index = entries[i];
      if (index !== undefined && accepts(index)) return { kind: 'exhausted', index };
    }
    return { kind: 'none' };
  }

  /** Every entry unused again. */
  reset(): void {
    for (const group of this.groups.values()) {
      group.used.fill(false);
      group.firstUnused = 0;
    }
  }

  /**
   * Indices worth comparing with a request to `url`: those with the same host and path, then the
   * same host, then any; each once, at most `cap` in all.
   */
  *candidates(url: NormalisedUrl, cap: number): Generator<number> {
    const seen = new Set<number>();
    for (const list of [this.byPath.get(pathKey(url)), this.byHost.get(url.host), this.all]) {
      for (const index of list ?? []) {
        if (seen.has(index)) continue;
        seen.add(index);
        yield index;
        if (seen.size >= cap) return;
      }
    }
  }
}
