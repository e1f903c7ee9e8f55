/** A token bucket: `perSecond` tokens flow in continuously, at most `burst` are kept. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 200, burst: 1000 };

/**
 * One bucket per connection (and per room of a multiplexed socket), so it stays small: three fields — the
 * shared `limit`, the tokens left, when they were counted — and one shared monotonic clock (ms).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /** `limit` is kept, not copied: pass one shared object for all the buckets with the same limit. */
  constructor(private readonly limit: RateLimit) {
    this.tokens = limit.burst;
    this.last = performance.now();
  }

  /** Takes `count` tokens (default 1); false, taking none, when fewer are left. */
  take(count = 1): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}
