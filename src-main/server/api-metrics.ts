/**
 * Prometheus metrics of one API server (its own registry, so several servers in one process stay
 * apart): GraphQL operations and latency, HTTP requests, proxy exchanges by outcome and latency,
 * and the library's size.
 */
import { Counter, Gauge, Histogram, Registry, type LabelValues } from 'prom-client';
import type { ExchangeEvent } from '../../proxy/engine/engine.model';
import type { StudioServices } from '../services/studio-services';
import { DeferredCount } from './deferred-count';

const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

export class ApiMetrics {
  readonly registry = new Registry();
  /** The counts of the hot path (kept answers, requests), added to their counters when read. */
  private readonly deferred: Array<{ flush(): void }> = [];
  private readonly flushDeferred = (): void => {
    for (const count of this.deferred) count.flush();
  };
  private readonly operations = new Counter({
    name: 'magneto_graphql_operations_total',
    help: 'GraphQL operations answered (kept answers included), by type, transport and result.',
    labelNames: ['type', 'transport', 'result'] as const,
    registers: [this.registry],
    collect: this.flushDeferred,
  });
  private readonly operationSeconds = new Histogram({
    name: 'magneto_graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL query or mutation (subscriptions: time to subscribe).',
    labelNames: ['type', 'transport'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly keptAnswers = new Counter({
    name: 'magneto_graphql_kept_answers_total',
    help: 'GraphQL queries over HTTP answered with the answer kept since the library last changed.',
    registers: [this.registry],
    collect: this.flushDeferred,
  });
  private readonly keptAnswerCount = this.deferredCount(this.keptAnswers, {});
  private readonly keptOperation = this.deferredCount(this.operations, {
    type: 'query',
    transport: 'http',
    result: 'ok',
  });
  /** The labels of a kept answer's time, bound once (the hot path of repeated queries). */
  private readonly keptOperationSeconds = this.operationSeconds.labels('query', 'http');
  private readonly requests = new Counter({
    name: 'magneto_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
    collect: this.flushDeferred,
  });
  /** The request count of each route and status (few routes, few statuses). */
  private readonly requestCounts = new Map<string, DeferredCount<'route' | 'status'>>();
  private readonly exchanges = new Counter({
    name: 'magneto_proxy_exchanges_total',
    help: 'Exchanges through the proxy, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly exchangeSeconds = new Histogram({
    name: 'magneto_proxy_exchange_latency_seconds',
    help: 'Time from request received to response headers sent, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly stopExchanges: () => void;

  constructor(services: StudioServices) {
    const stats = services.stats;
    new Gauge({
      name: 'magneto_library_cassettes',
      help: 'Cassettes in the library.',
      registers: [this.registry],
      collect() {
        this.set(stats.global().cassettes);
      },
    });
    new Gauge({
      name: 'magneto_library_interactions',
      help: 'Interactions in every cassette.',
      registers: [this.registry],
      collect() {
        this.set(stats.global().interactions.total);
      },
    });
    this.stopExchanges = services.proxy.onExchange((event) => this.recordExchange(event));
  }

  recordOperation(type: string, transport: string, seconds: number, ok: boolean): void {
    this.operations.inc({ type, transport, result: ok ? 'ok' : 'error' });
    this.operationSeconds.observe({ type, transport }, seconds);
  }

  /** A query answered over HTTP with a kept answer: an operation too, and a quick one. */
  recordKeptAnswer(seconds: number): void {
    this.keptAnswerCount.inc();
    this.keptOperation.inc();
    this.keptOperationSeconds.observe(seconds);
  }

  recordRequest(route: string, status: number): void {
    const key = `${route} ${status}`;
    let count = this.requestCounts.get(key);
    if (count === undefined) {
      count = this.deferredCount(this.requests, { route, status: String(status) });
      this.requestCounts.set(key, count);
    }
    count.inc();
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  close(): void {
    this.stopExchanges();
  }

  private deferredCount<T extends string>(
    counter: Counter<T>,
    labels: LabelValues<T>,
  ): DeferredCount<T> {
    const count = new DeferredCount(counter, labels);
    this.deferred.push(count);
    return count;
  }

  private recordExchange(event: ExchangeEvent): void {
    this.exchanges.inc({ outcome: event.outcome });
    this.exchangeSeconds.observe({ outcome: event.outcome }, event.latencyMs / 1000);
  }
}
