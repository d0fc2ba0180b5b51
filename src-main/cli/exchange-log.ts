/**
 * What `magneto serve` logs about proxy traffic: misses and errors one line each (what a CI log
 * needs to show), every other exchange only at `debug`, and every `summaryMs` a `traffic` line
 * counting the exchanges by outcome. Replaying at tens of thousands of requests a second thus
 * writes a line every few seconds, not one per request.
 */
import type { Logger } from 'pino';
import type { EngineEvents } from '../../proxy/engine/engine-emitter';
import type { ExchangeEvent, ExchangeOutcome } from '../../proxy/engine/engine.model';
import type { TypedEmitter } from '../../proxy/support/typed-emitter';

export const TRAFFIC_SUMMARY_MS = 10_000;

/** Where exchanges come from: an engine (either kind). */
type ExchangeSource = Pick<TypedEmitter<EngineEvents>, 'on' | 'off'>;

/** The fields of an exchange's line; a miss names what differed from the closest recording. */
function exchangeFields(exchange: ExchangeEvent): Record<string, unknown> {
  const closest = exchange.nearMisses?.[0];
  return {
    event: 'exchange',
    outcome: exchange.outcome,
    method: exchange.request.method,
    url: exchange.request.url,
    status: exchange.response?.status,
    latencyMs: exchange.latencyMs,
    cassette: exchange.cassette,
    ...(exchange.error !== undefined && { error: exchange.error }),
    ...(closest !== undefined && {
      closest: { interactionId: closest.interaction.id, differences: closest.differences },
    }),
  };
}

/** Logs `source`'s exchanges to `log` until the returned function is called (which logs the rest). */
export function logExchanges(
  source: ExchangeSource,
  log: Logger,
  summaryMs = TRAFFIC_SUMMARY_MS,
): () => void {
  let counts: Partial<Record<ExchangeOutcome, number>> = {};
  let since = Date.now();
  const summarise = (): void => {
    if (Object.keys(counts).length === 0) return;
    const now = Date.now();
    log.info({ event: 'traffic', ...counts, periodMs: now - since }, 'proxy traffic');
    counts = {};
    since = now;
  };
  const listener = (exchange: ExchangeEvent): void => {
    const { outcome } = exchange;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    if (outcome === 'missed') log.info(exchangeFields(exchange), outcome);
    else if (outcome === 'error') log.warn(exchangeFields(exchange), outcome);
    else if (log.isLevelEnabled('debug')) log.debug(exchangeFields(exchange), outcome);
  };
  source.on('exchange', listener);
  const timer = setInterval(summarise, summaryMs);
  timer.unref();
  return () => {
    source.off('exchange', listener);
    clearInterval(timer);
    summarise();
  };
}
