/**
 * The browser tests' shared set-up, as Playwright fixtures: import `test` and `expect` from here, not from
 * '@playwright/test', and ask for `haard` in a test's arguments.
 *
 * - `haard`: a real `haard serve` (relay + app + SQLite store, startHaard) with a fresh first workspace, for
 *   this test alone. When the test ends — passed or failed — every browser context it opened is closed (pages
 *   left open keep reconnecting and would slow down, or talk to, later tests' servers) and the server is
 *   killed and its data directory removed.
 *
 * Before this module each spec file wrote the same beforeEach/afterEach pair (startHaard, closeContexts,
 * dispose) for itself.
 */
import { test as base } from '@playwright/test';
import { closeContexts, startHaard, type Haard } from './haard.ts';

export { expect } from '@playwright/test';
export type { Haard } from './haard.ts';

export const test = base.extend<{ haard: Haard }>({
  haard: async ({ browser }, use) => {
    const haard = await startHaard();
    try {
      await use(haard);
    } finally {
      try {
        await closeContexts(browser);
      } finally {
        await haard.dispose();
      }
    }
  },
});
