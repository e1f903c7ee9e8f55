/**
 * doc/watch.ts reports a view that throws while showing a change instead of failing the Yjs transaction (so an
 * editor binding keeps syncing). In tests that would hide a failing assertion made inside a view callback: here
 * every such report fails the test it happened in. A test that provokes one on purpose installs its own
 * reporter (setViewErrorReporter) and restores this one after.
 */
import { afterEach } from 'vitest';
import { setViewErrorReporter } from '../../doc/watch.ts';

const reported: unknown[] = [];
setViewErrorReporter((_kind, error) => {
  reported.push(error);
});
afterEach(() => {
  const first = reported[0];
  reported.length = 0;
  if (first !== undefined) throw first;
});
