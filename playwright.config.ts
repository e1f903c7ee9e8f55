import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 18_080);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  // Assertions wait up to 10 s: a loaded 2-core CI machine can take longer than the default 5 s to render.
  expect: { timeout: 10_000 },
  // Two workers, each with its own Chromium and its own `haard serve` (test/e2e/helpers/fixtures.ts), tests
  // handed out one by one: one worker kept a 2-core machine only ~0.6 cores busy (the tests mostly wait for
  // the relay, the other browser and page loads), so two finish the suite in a little over half the time.
  // No test shares anything with another (a server or a workspace of its own, its own browser contexts).
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
