/**
 * Closes connections when their invites expire, with one timer for all of them: connections are kept in
 * buckets by expiry second, and the timer is set for the earliest bucket. (A timer per connection would cost
 * a Timeout and, as every expiry differs, a timer list of its own per connection.)
 */

/** setTimeout's longest delay (~24.8 days); later expiries are re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ExpirySchedule<T> {
  private readonly buckets = new Map<number, Set<T>>();
  private timer: NodeJS.Timeout | undefined;
  private timerSecond = Infinity;

  /** `expire` is called with each item whose second has come (or passed). */
  constructor(
    private readonly expire: (item: T) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Expires `item` at `atMs` (ms since the epoch), to the second. */
  add(item: T, atMs: number): void {
    const second = Math.ceil(atMs / 1000);
    let bucket = this.buckets.get(second);
    if (bucket === undefined) this.buckets.set(second, (bucket = new Set()));
    bucket.add(item);
    if (second < this.timerSecond) this.arm(second);
  }

  /** Forgets `item` (added with the same `atMs`). */
  delete(item: T, atMs: number): void {
    const second = Math.ceil(atMs / 1000);
    const bucket = this.buckets.get(second);
    if (bucket === undefined) return;
    bucket.delete(item);
    if (bucket.size === 0) this.buckets.delete(second);
  }

  /** Stops the timer (items stay; nothing expires any more). */
  stop(): void {
    clearTimeout(this.timer);
    this.timerSecond = Infinity;
  }

  private arm(second: number): void {
    clearTimeout(this.timer);
    this.timerSecond = second;
    this.timer = setTimeout(
      () => this.fire(),
      Math.min(MAX_TIMER_MS, Math.max(0, second * 1000 - this.now())),
    );
    this.timer.unref();
  }

  private fire(): void {
    this.timerSecond = Infinity;
    const nowSecond = Math.floor(this.now() / 1000);
    let next = Infinity;
    for (const [second, bucket] of [...this.buckets]) {
      if (second > nowSecond) {
        next = Math.min(next, second);
        continue;
      }
      this.buckets.delete(second);
      for (const item of bucket) this.expire(item);
    }
    if (next !== Infinity) this.arm(next);
  }
}
