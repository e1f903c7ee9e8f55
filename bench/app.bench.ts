/**
 * App benchmarks in real Chromium against the real server (npm run bench:app). Prints figures; asserts
 * nothing. Needs a build (`npm run build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 *
 * - initial JavaScript (gzip) of the built app: the entry chunk plus what index.html preloads
 * - opening a workspace of 2,000 relations × 8 criteria that is already in IndexedDB, until the
 *   relations table shows rows (median of several reloads)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { workspaceIntents } from '../doc/intents/workspace.ts';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'bench-secret-that-is-long-enough-0123';
const RELATIONS = 2_000;
const CRITERIA = 8;
const RELOADS = 7;

function initialJsGzip(): { files: string[]; bytes: number } {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(ROOT, 'dist', f))).length, 0);
  return { files, bytes };
}

async function startServer(port: number, dataDir: string) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/haard.mjs'), 'serve', '--port', String(port), '--data', dataDir],
    {
      env: { ...process.env, HAARD_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const invite = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/\S+#invite=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { child, invite };
}

async function seed(port: number, invite: string): Promise<void> {
  const token = invite.split('#invite=')[1]!;
  const ws = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { ws: string };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, `${ws.ws}/workspace/main`, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const intents = workspaceIntents(doc, { origin: 'bench', now: () => new Date().toISOString() });
  let n = 0;
  const must = <T>(r: { ok: true; value: T } | { ok: false; issues: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  };
  doc.transact(() => {
    for (const c of Object.keys(doc.getMap('criteria').toJSON())) must(intents.removeCriterion(c));
    const categories = ['financial', 'strategic', 'relational'] as const;
    const criteria = Array.from({ length: CRITERIA }, (_, i) =>
      must(
        intents.addCriterion({
          name: `Criterium ${i + 1}`,
          category: categories[i % 3]!,
          weight: 1 + (i % 3),
        }),
      ),
    );
    for (let r = 0; r < RELATIONS; r++) {
      const id = must(
        intents.addRelation({
          name: `Relatie ${String(r).padStart(4, '0')}`,
          kind: 'client',
          revenue: (r * 7919) % 500_000,
        }),
      );
      for (const c of criteria) must(intents.scoreRelation(id, c, (((r + n++) % 4) + 1) as 1 | 2 | 3 | 4));
    }
  }, 'bench');
  // Wait until the relay has everything (a fresh client sees all relations).
  await new Promise((r) => setTimeout(r, 1500));
  provider.destroy();
  doc.destroy();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const js = initialJsGzip();
  console.log(
    `initial JavaScript (gzip)                      ${(js.bytes / 1024).toFixed(1)} kB  (${js.files.join(', ')})`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'haard-bench-'));
  const port = 18_900 + Math.floor(Math.random() * 90);
  const { child, invite } = await startServer(port, dataDir);
  try {
    const t0 = performance.now();
    await seed(port, invite);
    console.log(
      `seeded ${RELATIONS} relations × ${CRITERIA} criteria through the relay in ${(performance.now() - t0).toFixed(0)} ms`,
    );

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
      ],
    });
    const page = await browser.newPage();
    await page.goto(invite);
    const rows = page.getByTestId('relations').getByText('Relatie 0000');
    await rows.first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000); // let IndexedDB persist the state
    const opens: number[] = [];
    for (let i = 0; i < RELOADS; i++) {
      await page.reload({ waitUntil: 'commit' });
      await rows.first().waitFor({ timeout: 30_000 });
      opens.push(await page.evaluate(() => performance.now()));
    }
    console.log(
      `open workspace (2,000 × 8, in IndexedDB) → table   median ${median(opens).toFixed(0)} ms  (runs: ${opens.map((x) => x.toFixed(0)).join(', ')})`,
    );
    await browser.close();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
