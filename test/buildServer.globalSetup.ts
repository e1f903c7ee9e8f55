/**
 * Vitest global setup: builds dist-server/ once before the tests, so tests that run the `haard` command as a
 * child process (bin/haard.mjs runs the built JavaScript) test the current sources.
 */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.server.config.ts', logLevel: 'error' });
}
