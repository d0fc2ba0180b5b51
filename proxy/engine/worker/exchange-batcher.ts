/**
 * The worker's exchanges on their way to the studio's thread: gathered and posted as one array
 * every `FLUSH_MS` (or at once past `MAX_BATCH` events), with the counts after them. Counts go even
 * when nobody listens (then without events): `status()` in the studio's thread reads them.
 */
import type { ExchangeEvent, ExchangeOutcome } from '../engine.model';
import type { WorkerNotice } from './worker-protocol';

/** Longest an exchange waits before it is posted. */
export const FLUSH_MS = 10;
/** A batch this long is posted at once. */
export const MAX_BATCH = 1000;

export class ExchangeBatcher {
  private events: ExchangeEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastTotal = 0;

  constructor(
    private readonly post: (notice: WorkerNotice) => void,
    private readonly counts: () => Record<ExchangeOutcome, number>,
  ) {}

  /** Posts the counts (and the events) every FLUSH_MS while the engine runs. */
  run(): void {
    this.timer ??= setInterval(() => this.flush(), FLUSH_MS);
  }

  halt(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  readonly add = (event: ExchangeEvent): void => {
    if (this.events.push(event) >= MAX_BATCH) this.flush();
  };

  /** Posts what is pending: events, or counts that changed. */
  flush(): void {
    const counts = this.counts();
    let total = 0;
    for (const outcome in counts) total += counts[outcome as ExchangeOutcome];
    if (this.events.length === 0 && total === this.lastTotal) return;
    this.lastTotal = total;
    const events = this.events;
    this.events = [];
    this.post({ kind: 'exchanges', events, counts });
  }
}
