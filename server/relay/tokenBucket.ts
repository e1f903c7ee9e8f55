/** A token bucket: `perSecond` tokens flow in continuously, at most `burst` are kept. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 200, burst: 1000 };

/** One shared clock for every bucket (a bound function per bucket would cost memory per connection). */
const monotonicMs = (): number => performance.now();

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = monotonicMs,
  ) {
    this.tokens = limit.burst;
    this.last = clock();
  }

  /** Takes `count` tokens (default 1); false, taking none, when fewer are left. */
  take(count = 1): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}
