/**
 * Library-wide and per-cassette statistics, the activity report for the dashboard, and a coalesced
 * feed of fresh global stats. The global figures are cached until the library next changes.
 */
import type { CassetteLibrary } from '../library/library';
import type {
  ActivityOptions,
  ActivityReport,
  CassetteStats,
  LibraryStats,
} from '../library/library.model';
import { eventStream } from './event-stream';
import { badInput } from './service-error';

export const DEFAULT_STATS_INTERVAL_MS = 1000;
export const MIN_STATS_INTERVAL_MS = 100;
export const MAX_STATS_INTERVAL_MS = 60_000;

export class StatsService {
  private cached: LibraryStats | undefined;

  constructor(private readonly library: CassetteLibrary) {
    library.on('change', () => (this.cached = undefined));
  }

  global(): LibraryStats {
    this.cached ??= this.library.stats();
    return this.cached;
  }

  cassette(name: string): CassetteStats {
    return this.library.cassetteStats(name);
  }

  activity(options: ActivityOptions): ActivityReport {
    return this.library.activity(options);
  }

  /**
   * The current stats at once, then fresh stats after library changes: at most one update per
   * `intervalMs`, however many changes happen in it.
   */
  updates(intervalMs: number = DEFAULT_STATS_INTERVAL_MS): AsyncIterableIterator<LibraryStats> {
    if (
      !Number.isInteger(intervalMs) ||
      intervalMs < MIN_STATS_INTERVAL_MS ||
      intervalMs > MAX_STATS_INTERVAL_MS
    ) {
      throw badInput(
        `intervalMs must be an integer from ${MIN_STATS_INTERVAL_MS} to ${MAX_STATS_INTERVAL_MS}, got ${intervalMs}.`,
      );
    }
    return eventStream<LibraryStats>((push) => {
      let timer: NodeJS.Timeout | undefined;
      const onChange = (): void => {
        timer ??= setTimeout(() => {
          timer = undefined;
          push(this.global());
        }, intervalMs);
      };
      this.library.on('change', onChange);
      push(this.global());
      return () => {
        clearTimeout(timer);
        this.library.off('change', onChange);
      };
    });
  }
}
