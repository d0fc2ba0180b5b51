/**
 * The live traffic list: the last MAX_ENTRIES exchanges (newest first), what arrived while paused,
 * the filter and the selection. Events come in batches, one per animation frame.
 */
import { create } from 'zustand';
import type { ExchangeOutcome, LiveTrafficSubscription } from '../../api/generated/graphql';
import { OUTCOMES } from './OutcomeBadge';

export type TrafficEvent = LiveTrafficSubscription['proxyTraffic'];

export interface TrafficEntry extends TrafficEvent {
  /** Unique in this list (event ids start again when the proxy restarts). */
  seq: number;
  /** What the filter searches, lower-cased once: method, URL, status, cassette. */
  haystack: string;
}

export const MAX_ENTRIES = 5_000;

interface TrafficState {
  /** Newest first, at most MAX_ENTRIES. */
  entries: TrafficEntry[];
  /** Arrived while paused, newest first (at most MAX_ENTRIES), shown on resume. */
  held: TrafficEntry[];
  paused: boolean;
  /** Exchanges dropped from the list because it was full. */
  dropped: number;
  filterText: string;
  outcomes: ReadonlySet<ExchangeOutcome>;
  selected: number | undefined;
  /** Adds a batch of events in arrival order. */
  append(events: readonly TrafficEvent[]): void;
  setPaused(paused: boolean): void;
  clear(): void;
  setFilterText(text: string): void;
  toggleOutcome(outcome: ExchangeOutcome): void;
  select(seq: number | undefined): void;
}

let nextSeq = 1;

/** `batch` (oldest first) on top of `list` (newest first), cut to MAX_ENTRIES. */
function prepend(list: TrafficEntry[], batch: readonly TrafficEntry[]): TrafficEntry[] {
  const newest = batch.slice(-MAX_ENTRIES).reverse();
  return newest.concat(list.slice(0, MAX_ENTRIES - newest.length));
}

export const useTraffic = create<TrafficState>()((set, get) => ({
  entries: [],
  held: [],
  paused: false,
  dropped: 0,
  filterText: '',
  outcomes: new Set(OUTCOMES),
  selected: undefined,
  append(events) {
    if (events.length === 0) return;
    const batch = events.map((event) => ({
      ...event,
      seq: nextSeq++,
      haystack:
        `${event.request.method} ${event.request.url} ${event.response?.status ?? ''} ${event.cassette ?? ''}`.toLowerCase(),
    }));
    const state = get();
    if (state.paused) {
      set({ held: prepend(state.held, batch) });
      return;
    }
    const entries = prepend(state.entries, batch);
    const dropped = state.dropped + state.entries.length + batch.length - entries.length;
    set({ entries, dropped });
  },
  setPaused(paused) {
    const state = get();
    if (paused === state.paused) return;
    if (paused) {
      set({ paused: true });
      return;
    }
    const held = [...state.held].reverse();
    const entries = prepend(state.entries, held);
    const dropped = state.dropped + state.entries.length + held.length - entries.length;
    set({ paused: false, held: [], entries, dropped });
  },
  clear: () => set({ entries: [], held: [], dropped: 0, selected: undefined }),
  setFilterText: (filterText) => set({ filterText }),
  toggleOutcome(outcome) {
    const outcomes = new Set(get().outcomes);
    if (outcomes.has(outcome)) outcomes.delete(outcome);
    else outcomes.add(outcome);
    set({ outcomes });
  },
  select: (selected) => set({ selected }),
}));

/** The entries the filter keeps: outcome chosen, and every word found in method, URL, status or cassette. */
export function filterEntries(
  entries: readonly TrafficEntry[],
  text: string,
  outcomes: ReadonlySet<ExchangeOutcome>,
): TrafficEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (!outcomes.has(entry.outcome)) return false;
    return words.every((word) => entry.haystack.includes(word));
  });
}
