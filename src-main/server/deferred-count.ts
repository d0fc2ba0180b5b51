/**
 * A labelled count bumped on a hot path as a plain number and added to its Prometheus counter when
 * the counter is read: prom-client checks and hashes the labels on every `inc`, even for a bound
 * child, which costs more than answering a kept GraphQL answer does.
 */
import type { Counter, LabelValues } from 'prom-client';

export class DeferredCount<T extends string> {
  private pending = 0;

  constructor(
    private readonly counter: Counter<T>,
    private readonly labels: LabelValues<T>,
  ) {}

  inc(): void {
    this.pending += 1;
  }

  /** Adds what was counted since the last flush to the counter. */
  flush(): void {
    if (this.pending === 0) return;
    this.counter.inc(this.labels, this.pending);
    this.pending = 0;
  }
}
