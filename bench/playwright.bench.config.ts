// Browser benchmarks (npm run bench:app): Playwright drives real Chromium against the real server and
// the benchmark files print their figures. Same browser setup as the tests.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'browser/*.bench.ts',
  timeout: 300_000,
  reporter: 'list',
});
