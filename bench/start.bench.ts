/**
 * How fast Haard is ready after `npm start` on a built checkout (issue 10: "a cold npm start with a built app
 * ready in < 1 s"): from spawning the command to the first answer of GET /healthz, with a fresh data directory
 * each run (so the first workspace is made too), and the same for `node bin/haard.mjs serve` (without npm's
 * own start-up). Prints min / median / max of 7 runs. Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 7;

async function readyAfter(command: string, args: string[], port: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'haard-start-bench-'));
  const started = performance.now();
  const child = spawn(command, args, {
    env: {
      ...process.env,
      PORT: String(port),
      HAARD_DATA: dataDir,
      HAARD_SECRET: 'bench-secret-0123456789abcdef',
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
      if (performance.now() - started > 30_000) throw new Error(`${command} not ready after 30 s`);
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]!.toFixed(0)} ms, median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, max ${s.at(-1)!.toFixed(0)} ms`;
};

const npm: number[] = [];
const node: number[] = [];
for (let i = 0; i < RUNS; i++) {
  node.push(await readyAfter(process.execPath, ['bin/haard.mjs', 'serve'], 18_900 + i));
  npm.push(await readyAfter('npm', ['start', '--silent'], 18_950 + i));
}
console.log(`npm start → /healthz answers (fresh data dir): ${stats(npm)}`);
console.log(`node bin/haard.mjs serve → /healthz answers:    ${stats(node)}`);
