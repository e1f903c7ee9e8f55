/**
 * Reconnect delays: capped exponential backoff with "full jitter" (a random delay between 0 and the
 * exponential bound), so that many clients that lost the relay at the same moment do not come back
 * at the same moment (no reconnect storm).
 */
export interface BackoffOptions {
  /** Delay bound of the first retry, ms. */
  baseMs: number;
  /** No delay exceeds this, ms. */
  capMs: number;
  /** Returns a number in [0, 1). */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000, random: Math.random };

/** The delay before retry number `attempt` (1 = first retry). Never below 100 ms, never above the cap. */
export function reconnectDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const exp = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(100, Math.floor(opts.random() * exp));
}

/** Close codes after which retrying cannot help: see `isFinalClose` in the shared protocol module. */
export { isFinalClose as isPermanentClose } from '../../../protocol/index.ts';
