// Node-side tests only: no Solid plugin here (it switches to jsdom and the
// `browser` resolve condition, under which `ws` resolves to its browser stub).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/buildServer.globalSetup.ts'],
    setupFiles: ['test/setup/viewErrors.ts'],
    // Vitest runs one file fewer than the machine has cores at a time: on CI's 2 cores, one. The files wait on
    // sockets, child processes and SQLite more than they compute, so two at a time took the suite from 123 s
    // to 84 s there (1 Dec 2026), the same tests passing.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
