/**
 * An action that runs once at a time: calls made while it runs are ignored, and `busy()` says it runs (for a
 * button's `disabled`). For buttons that make something — a double click on "Start a plan" made two plans.
 */
import { createSignal, type Accessor } from 'solid-js';

export function createOnce<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
): { run: (...args: A) => Promise<void>; busy: Accessor<boolean> } {
  const [busy, setBusy] = createSignal(false);
  let running = false; // not the signal: two clicks can arrive before Solid re-renders the button
  const run = async (...args: A) => {
    if (running) return;
    running = true;
    setBusy(true);
    try {
      await action(...args);
    } finally {
      running = false;
      setBusy(false);
    }
  };
  return { run, busy };
}
