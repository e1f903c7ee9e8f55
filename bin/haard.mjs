#!/usr/bin/env node
// The `haard` command. Runs the built JavaScript in dist-server/ (`npm run build`), never TypeScript through a
// loader. A checkout without a build (or, for `serve --build-if-missing`, with sources newer than the build)
// is built first, with the project's own Vite.
import { existsSync } from 'node:fs';

const built = new URL('../dist-server/cli.js', import.meta.url);
const args = process.argv.slice(2);
if (!existsSync(built) || (args[0] === 'serve' && args.includes('--build-if-missing'))) {
  const { ensureServerBuild } = await import('./buildServer.mjs');
  if (!ensureServerBuild()) process.exit(1);
}
const { main } = await import(built.href);
process.exitCode = await main(args);
