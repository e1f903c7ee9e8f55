// Builds dist-server/ when it is missing or older than a source file of the server (server/, core/, doc/,
// protocol/). Used by bin/haard.mjs only when needed, so `haard classify` never pays for the check.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT = join(ROOT, 'dist-server', 'cli.js');
const SOURCES = ['server', 'core', 'doc', 'protocol'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist-server/ is there and current (building it if needed); false after a failed build, said on stderr. */
export function ensureServerBuild() {
  const sourcesThere = SOURCES.every((dir) => existsSync(join(ROOT, dir)));
  if (existsSync(BUILT)) {
    if (!sourcesThere) return true;
    const builtAt = statSync(BUILT).mtimeMs;
    if (SOURCES.every((dir) => newestSource(join(ROOT, dir)) <= builtAt)) return true;
  }
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  if (!sourcesThere || !existsSync(vite)) {
    process.stderr.write('haard: dist-server/ is missing; run `npm run build` in the project folder.\n');
    return false;
  }
  process.stderr.write('Building the server…\n');
  const result = spawnSync(vite, ['build', '-c', 'vite.server.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('haard: building the server failed (see above); run `npm run build` to retry.\n');
    return false;
  }
  return true;
}
