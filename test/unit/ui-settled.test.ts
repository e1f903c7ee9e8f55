/**
 * The settle timing behind the plan's heavy derived views (client/src/app/settled.ts): after a quiet moment,
 * at least every `maxWaitMs` while changes keep coming, at once on flush (before printing), never after
 * dispose.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleScheduler } from '../../client/src/app/settled.ts';

describe('settleScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const onSettle = vi.fn();
    return { onSettle, s: settleScheduler(onSettle, { quietMs: 300, maxWaitMs: 2_000 }) };
  };

  it('settles once, quietMs after the last of a burst of changes', () => {
    const { onSettle, s } = make();
    for (let i = 0; i < 5; i++) {
      s.changed();
      vi.advanceTimersByTime(100);
    }
    expect(onSettle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(199);
    expect(onSettle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSettle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(onSettle).toHaveBeenCalledTimes(1);
  });

  it('settles at least every maxWaitMs while changes keep coming', () => {
    const { onSettle, s } = make();
    for (let t = 0; t < 4_500; t += 100) {
      s.changed();
      vi.advanceTimersByTime(100);
    }
    // Changes every 100 ms for 4.5 s: never quiet, yet settled at 2 s and 4 s (the wait restarts after each).
    expect(onSettle).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(300);
    expect(onSettle).toHaveBeenCalledTimes(3);
  });

  it('flush settles a waiting change at once and nothing when none waits; dispose drops it', () => {
    const { onSettle, s } = make();
    s.flush();
    expect(onSettle).not.toHaveBeenCalled();
    s.changed();
    s.flush();
    expect(onSettle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(onSettle).toHaveBeenCalledTimes(1);
    s.changed();
    s.dispose();
    vi.advanceTimersByTime(5_000);
    expect(onSettle).toHaveBeenCalledTimes(1);
  });
});
