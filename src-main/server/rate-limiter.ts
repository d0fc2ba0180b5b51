/** A token bucket per client: `burst` requests at once, refilled at `perSecond`. */
import { BoundedLru } from '../../proxy/support/bounded-lru';

export interface RateLimit {
  /** Sustained requests per second per client. */
  perSecond: number;
  /** Requests a client may make at once. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 200, burst: 400 };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const MAX_CLIENTS = 10_000;
/** The answer of nearly every call, shared. */
const ALLOWED = Object.freeze({ allowed: true as const });

export class RateLimiter {
  /** Bounded: the least recently seen client is forgotten first. */
  private readonly buckets = new BoundedLru<string, Bucket>(MAX_CLIENTS);

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request from the client's bucket; returns the seconds to wait when it is empty. */
  take(client: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    let bucket = this.buckets.get(client);
    if (bucket === undefined) {
      bucket = { tokens: this.limit.burst, updatedMs: now };
      this.buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.limit.perSecond,
    );
    bucket.updatedMs = now;
    if (bucket.tokens < 1) {
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.limit.perSecond),
      };
    }
    bucket.tokens -= 1;
    return ALLOWED;
  }
}
