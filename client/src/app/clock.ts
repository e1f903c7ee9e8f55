/**
 * The relay's clock, as well as a browser can know it: meeting timers count from a start time written in the
 * board (`live.timerStartedAt`), and participants' own clocks may differ by minutes. Each browser measures
 * its offset to the server (GET /api/time, NTP-style: the sample with the shortest round trip, its server
 * time taken to be the midpoint) and reads `serverNow()` instead of `Date.now()`. Offline, or before the
 * first measurement, the offset is 0 (the own clock): a timer then is as right as the clocks are.
 */
import { createSignal } from 'solid-js';

const [offset, setOffset] = createSignal(0);
let measuring: Promise<void> | null = null;

/** ms to add to `Date.now()` to get the server's time (reactive). */
export const clockOffsetMs = offset;

/** The server's time now, in ms since the epoch (the own clock plus the measured offset). */
export const serverNow = (): number => Date.now() + offset();

/**
 * Measure the offset (3 samples) and keep it. Resolves when done; failures keep the last offset. Calls while
 * one runs share it.
 */
export function measureClockOffset(): Promise<void> {
  measuring ??= (async () => {
    let best: { rtt: number; offset: number } | null = null;
    for (let i = 0; i < 3; i++) {
      try {
        const t0 = Date.now();
        const res = await fetch('/api/time', { cache: 'no-store' });
        const t1 = Date.now();
        if (!res.ok) continue;
        const { now } = (await res.json()) as { now?: unknown };
        if (typeof now !== 'number' || !Number.isFinite(now)) continue;
        const sample = { rtt: t1 - t0, offset: now - (t0 + t1) / 2 };
        if (!best || sample.rtt < best.rtt) best = sample;
      } catch {
        break; // offline: keep what we had
      }
    }
    if (best) setOffset(Math.round(best.offset));
  })().finally(() => (measuring = null));
  return measuring;
}
