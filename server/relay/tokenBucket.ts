/** A token bucket: `perSecond` tokens flow in continuously, at most `burst` are kept. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 200, burst: 1000 };

/** What `take` returns when fewer tokens are left than asked for. */
export const REFUSED = -1;

/**
 * A token bucket kept in one number, the way the generic cell rate algorithm (GCRA) keeps it: `fullAt`, the
 * moment the bucket will be full again (ms on the `performance.now()` clock; 0 is a fresh, full bucket). The
 * tokens left at `now` are `burst − max(0, fullAt − now) × perSecond / 1000`, so it admits exactly what a
 * bucket of `burst` tokens refilled at `perSecond` admits — with one number per connection (and per room of
 * a multiplexed socket) instead of an object holding two.
 *
 * Returns the bucket's new `fullAt` after taking `count` tokens (default 1), or `REFUSED` — nothing taken —
 * when fewer than `count` are left. Store the result only when it is not `REFUSED`.
 */
export function take(limit: RateLimit, fullAt: number, count = 1, now = performance.now()): number {
  const msPerToken = 1000 / limit.perSecond;
  // What the bucket owes now (ms until full) must leave room for `count` more: compared as a debt, so a full
  // bucket (fullAt ≤ now) admits any count up to a burst with no rounding in the way.
  const owed = Math.max(0, fullAt - now);
  if (owed > (limit.burst - count) * msPerToken) return REFUSED;
  return now + owed + count * msPerToken;
}
