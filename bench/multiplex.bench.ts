/**
 * One socket vs one socket per document: `npm run bench:multiplex`. Prints figures; asserts nothing.
 *
 * A workspace with 200 small plan documents (≈2 KB each) is on the relay. A device with nothing local opens
 * all 200 and waits until every one is synced, as the app's prefetch does after one online visit:
 *
 * - **one socket**: the app's own client (client/src/sync, `openDocument`), every document over one
 *   multiplexed socket (`/sync`);
 * - **200 sockets**: y-websocket's WebsocketProvider per document on `/sync/<room>` (what the app did before).
 *
 * Figures per way (median of interleaved runs, rooms already loaded on the relay so only the transport
 * differs): time until all 200 are synced, the relay's CPU time for it, and the relay's memory while the 200
 * documents stay open (heap and RSS above the relay at rest with the rooms loaded).
 *
 * The relay runs in a child process (this file with `--serve`), so its memory and CPU are its own; the
 * clients run here and share the machine's cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openDocument } from '../client/src/sync/connection.ts';
import { createToken } from '../server/auth/token.ts';
import { createHaardServer } from '../server/http.ts';
import { silentLogger } from '../server/log.ts';

const SECRET = randomBytes(32).toString('base64url');
const WORKSPACE = 'bench';
const PLANS = 200;
const RUNS = 5;
const rooms = Array.from({ length: PLANS }, (_, i) => `${WORKSPACE}/plan/p${i}`);

// ---------------------------------------------------------------- relay child

async function serve(dataDir: string): Promise<void> {
  const server = await createHaardServer({
    dataDir,
    port: 0,
    secret: process.env.BENCH_SECRET!,
    log: silentLogger,
    idleUnloadMs: 3_600_000, // rooms stay loaded: the runs compare transports, not loading
    rateLimit: { perSecond: 10_000, burst: 10_000 },
  });
  process.on('message', (request: string) => {
    if (request === 'memory') {
      for (let i = 0; i < 3; i++) globalThis.gc?.();
      process.send!({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
    }
  });
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
}

interface Probe {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}

async function startRelay(dataDir: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: { ...process.env, BENCH_SECRET: SECRET } },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    port: (JSON.parse(line) as { port: number }).port,
    probe: async (): Promise<Probe> => {
      const reply = once(child, 'message');
      child.send('memory');
      return (await reply)[0] as Probe;
    },
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------- the two ways

const token = createToken(
  { workspaceId: WORKSPACE, role: 'editor', expiresAt: new Date(Date.now() + 3_600_000) },
  SECRET,
);
const Ws = WebSocket as unknown as typeof globalThis.WebSocket;

interface Opened {
  synced: Promise<unknown>;
  docs: Y.Doc[];
  close(): Promise<void>;
}

/** The app's client: every document over one multiplexed socket. */
function oneSocket(port: number, run: number): Opened {
  const opened = rooms.map((room) =>
    openDocument({
      doc: new Y.Doc(),
      room,
      token,
      relayUrl: `ws://127.0.0.1:${port}/sync?device=${run}`,
      local: { indexedDB: null },
      socket: { WebSocketImpl: Ws },
    }),
  );
  const synced = Promise.all(
    opened.map(
      (o) =>
        new Promise<void>((resolve) => {
          const off = o.subscribe((s) => {
            if (s.phase !== 'synced') return;
            queueMicrotask(() => off());
            resolve();
          });
        }),
    ),
  );
  return {
    synced,
    docs: opened.map((o) => o.doc),
    close: async () => {
      await Promise.all(opened.map((o) => o.destroy()));
      for (const o of opened) o.doc.destroy();
    },
  };
}

/** One y-websocket provider, and so one socket, per document. */
function socketPerDocument(port: number): Opened {
  const providers = rooms.map(
    (room) =>
      new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, new Y.Doc(), {
        params: { token },
        WebSocketPolyfill: Ws,
        disableBc: true,
      }),
  );
  const synced = Promise.all(
    providers.map((p) => new Promise<void>((resolve) => p.once('sync', () => resolve()))),
  );
  return {
    synced,
    docs: providers.map((p) => p.doc),
    close: async () => {
      for (const p of providers) {
        p.destroy();
        p.doc.destroy(); // also ends the provider's awareness timer
      }
      await sleep(300);
    },
  };
}

/** Each plan: a title, a few fields and a text of about 2 KB. */
function seedPlans(port: number): Promise<void> {
  const seeding = oneSocket(port, -1);
  return seeding.synced.then(async () => {
    seeding.docs.forEach((doc, i) =>
      doc.transact(() => {
        const plan = doc.getMap('plan');
        plan.set('title', `Account plan ${i}`);
        plan.set('owner', `u${i % 12}`);
        plan.set('completeness', i % 100);
        doc.getText('situation').insert(0, `Situation of relation ${i}. `.repeat(70));
      }),
    );
    await sleep(1_000);
    await seeding.close();
  });
}

interface Sample {
  ms: number;
  cpuMs: number;
  heapKiB: number;
  rssKiB: number;
}

async function measure(relay: Awaited<ReturnType<typeof startRelay>>, open: () => Opened): Promise<Sample> {
  await sleep(300);
  const before = await relay.probe();
  const start = performance.now();
  const opened = open();
  await opened.synced;
  const ms = performance.now() - start;
  await sleep(300); // let the last awareness and sync step 2 frames settle
  const after = await relay.probe();
  const text = opened.docs[PLANS - 1]!.getText('situation').toString();
  if (!text.startsWith(`Situation of relation ${PLANS - 1}.`)) throw new Error('a plan did not arrive whole');
  await opened.close();
  return {
    ms,
    cpuMs: (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000,
    heapKiB: (after.memory.heapUsed - before.memory.heapUsed) / 1024,
    rssKiB: (after.memory.rss - before.memory.rss) / 1024,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener in Node
  const dataDir = mkdtempSync(join(tmpdir(), 'haard-multiplex-bench-'));
  const relay = await startRelay(dataDir);
  try {
    await seedPlans(relay.port);
    // Warm-up: loads every room and warms both code paths.
    await measure(relay, () => socketPerDocument(relay.port));
    await measure(relay, () => oneSocket(relay.port, 0));

    const samples = { one: [] as Sample[], many: [] as Sample[] };
    for (let run = 1; run <= RUNS; run++) {
      samples.many.push(await measure(relay, () => socketPerDocument(relay.port)));
      samples.one.push(await measure(relay, () => oneSocket(relay.port, run)));
    }
    const row = (label: string, s: Sample[]) =>
      `  ${label.padEnd(12)} ${median(s.map((x) => x.ms))
        .toFixed(0)
        .padStart(6)} ms` +
      `   relay CPU ${median(s.map((x) => x.cpuMs))
        .toFixed(0)
        .padStart(5)} ms` +
      `   relay heap +${(median(s.map((x) => x.heapKiB)) / PLANS).toFixed(1)} KiB/document` +
      `   RSS +${(median(s.map((x) => x.rssKiB)) / PLANS).toFixed(1)} KiB/document`;
    console.log(
      `A device with nothing local syncs ${PLANS} plan documents (median of ${RUNS}, rooms loaded):`,
    );
    console.log(row('200 sockets', samples.many));
    console.log(row('one socket', samples.one));
    const ratio = (f: (x: Sample) => number) =>
      (median(samples.many.map(f)) / Math.max(1e-9, median(samples.one.map(f)))).toFixed(1);
    console.log(
      `  one socket is ${ratio((x) => x.ms)}× faster, uses ${ratio((x) => x.cpuMs)}× less relay CPU and ${ratio((x) => x.heapKiB)}× less relay heap`,
    );
  } finally {
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3]!);
else await main();
