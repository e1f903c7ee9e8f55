import { describe, expect, it } from 'vitest';
import { REFUSED, take, type RateLimit } from '../../server/relay/tokenBucket.ts';

/**
 * The textbook token bucket the one-number form replaces — tokens flow in continuously, at most `burst` —
 * kept in whole "token-milliseconds" (tokens × ms per token) so that, with whole-millisecond times, its
 * arithmetic is exact and the comparison below has no rounding to hide behind.
 */
class ReferenceBucket {
  private level: number;
  private last = 0;
  private readonly msPerToken: number;
  constructor(private readonly limit: RateLimit) {
    this.msPerToken = 1000 / limit.perSecond;
    this.level = limit.burst * this.msPerToken;
  }
  take(count: number, now: number): boolean {
    this.level = Math.min(this.limit.burst * this.msPerToken, this.level + (now - this.last));
    this.last = now;
    if (this.level < count * this.msPerToken) return false;
    this.level -= count * this.msPerToken;
    return true;
  }
}

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('rate limit in one number (GCRA)', () => {
  it('a fresh bucket admits a whole burst at once, then refuses, then refills at the rate', () => {
    const limit = { perSecond: 10, burst: 5 };
    let fullAt = 0;
    for (let i = 0; i < 5; i++) {
      const next = take(limit, fullAt, 1, 1_000);
      expect(next).not.toBe(REFUSED);
      fullAt = next;
    }
    expect(take(limit, fullAt, 1, 1_000)).toBe(REFUSED);
    expect(take(limit, fullAt, 1, 1_099)).toBe(REFUSED); // one token takes 100 ms to flow in
    expect(take(limit, fullAt, 1, 1_100)).not.toBe(REFUSED);
    expect(take(limit, fullAt, 3, 1_250)).toBe(REFUSED); // 2.5 tokens back by then
    expect(take(limit, fullAt, 3, 1_300)).not.toBe(REFUSED);
  });

  it('takes a count larger than one (awareness bytes) and never more than a burst', () => {
    const limit = { perSecond: 1_000, burst: 4_000 };
    expect(take(limit, 0, 4_000, 50)).not.toBe(REFUSED);
    expect(take(limit, 0, 4_001, 50)).toBe(REFUSED);
  });

  it.each([1, 2, 3, 4, 5])('admits exactly what a token bucket admits (seed %i)', (seed) => {
    const next = random(seed);
    const rates = [1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 250, 500, 1000]; // whole ms per token
    const limit = {
      perSecond: rates[Math.floor(next() * rates.length)]!,
      burst: 3 + Math.floor(next() * 50),
    };
    // Asking for tokens about one and a half times as fast as they flow in, in uneven bursts.
    const meanGapMs = (2 * 1000) / (1.5 * limit.perSecond);
    const reference = new ReferenceBucket(limit);
    let fullAt = 0;
    let now = 10_000;
    const admitted: boolean[] = [];
    const expected: boolean[] = [];
    for (let i = 0; i < 5_000; i++) {
      now += next() < 0.2 ? 0 : Math.round(next() * 2 * meanGapMs); // some at the same moment
      const count = 1 + Math.floor(next() * 3);
      expected.push(reference.take(count, now));
      const result = take(limit, fullAt, count, now);
      admitted.push(result !== REFUSED);
      if (result !== REFUSED) fullAt = result;
    }
    expect(admitted.filter(Boolean).length).toBeGreaterThan(100);
    expect(admitted.filter((ok) => !ok).length).toBeGreaterThan(100);
    expect(admitted).toEqual(expected);
  });
});
