/**
 * A value that follows its source once the source has been quiet for a moment — for the heavy views derived
 * from a plan (timeline strip, 4P matrix, trust pyramid, print summary) that must not redraw on every
 * keystroke of a 500-action plan (issue 7 §5).
 *
 * `createSettled(source)` passes the first non-null value at once (a page must not wait to show its views),
 * then each later value after `quietMs` without a change, and at least every `maxWaitMs` while changes keep
 * coming (a colleague typing for a minute does not freeze the views), and at once before the page prints.
 * The timing lives in `settleScheduler` (plain timers, unit-tested); `createSettled` is its Solid wrapper.
 */
import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';

export interface SettleOptions {
  /** Quiet time after the last change before the value follows (ms). Default 300. */
  quietMs?: number;
  /** Longest a change waits while changes keep coming (ms). Default 2,000. */
  maxWaitMs?: number;
}

export interface SettleScheduler {
  /** The source changed: settle after `quietMs` of quiet, or when the oldest waiting change is `maxWaitMs` old. */
  changed(): void;
  /** Settle now when a change is waiting (before printing). */
  flush(): void;
  /** Drop any waiting change (the owner is gone). */
  dispose(): void;
}

/** Calls `onSettle` per the rules above; timers are injectable for tests. */
export function settleScheduler(
  onSettle: () => void,
  { quietMs = 300, maxWaitMs = 2_000 }: SettleOptions = {},
  // Wrapped, not passed: a browser's setTimeout called as `timers.set(…)` throws "Illegal invocation".
  timers: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (run, ms) => setTimeout(run, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): SettleScheduler {
  let quiet: unknown;
  let due: unknown;
  const stop = () => {
    if (quiet !== undefined) timers.clear(quiet);
    if (due !== undefined) timers.clear(due);
    quiet = due = undefined;
  };
  const settle = () => {
    stop();
    onSettle();
  };
  return {
    changed() {
      if (quiet !== undefined) timers.clear(quiet);
      quiet = timers.set(settle, quietMs);
      due ??= timers.set(settle, maxWaitMs);
    },
    flush() {
      if (quiet !== undefined || due !== undefined) settle();
    },
    dispose: stop,
  };
}

/** `source`, settled (see the module comment). Must be called under a Solid owner (a component or root). */
export function createSettled<T>(source: Accessor<T>, options?: SettleOptions): Accessor<T> {
  const [value, setValue] = createSignal<T>(untrack(source), { equals: false });
  const scheduler = settleScheduler(() => setValue(() => untrack(source)), options);
  createEffect(
    on(
      source,
      (next) => {
        if (untrack(value) == null && next != null) {
          scheduler.dispose();
          setValue(() => next);
        } else scheduler.changed();
      },
      { defer: true },
    ),
  );
  const beforePrint = () => scheduler.flush();
  if (typeof window !== 'undefined') window.addEventListener('beforeprint', beforePrint);
  onCleanup(() => {
    scheduler.dispose();
    if (typeof window !== 'undefined') window.removeEventListener('beforeprint', beforePrint);
  });
  return value;
}
