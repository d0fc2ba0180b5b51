/** The status of an engine that is not running, and counts of exchanges at zero. */
import type { ExchangeOutcome, ProxyStatus } from './engine.model';

const OUTCOMES: readonly ExchangeOutcome[] = [
  'replayed',
  'recorded',
  'missed',
  'passthrough',
  'error',
];

export function zeroCounts(): Record<ExchangeOutcome, number> {
  return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    ExchangeOutcome,
    number
  >;
}

/** Not running (default mode, no cassette, no target), with `counts` (default all zero). */
export function stoppedStatus(counts: Record<ExchangeOutcome, number> = zeroCounts()): ProxyStatus {
  return {
    running: false,
    host: '127.0.0.1',
    port: null,
    mode: 'auto',
    effectiveMode: 'passthrough',
    cassette: null,
    target: null,
    counts,
  };
}
