// Node-side tests only: no Solid plugin here (it switches to jsdom and the
// `browser` resolve condition, under which `ws` resolves to its browser stub).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/buildServer.globalSetup.ts'],
    setupFiles: ['test/setup/viewErrors.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
