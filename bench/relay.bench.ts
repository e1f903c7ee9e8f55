/**
 * Relay benchmark: `npx tsx bench/relay.bench.ts` (or `npm run bench:relay`). Prints figures; asserts nothing.
 *
 * The relay runs in a child process (this file with `--serve`), so its memory and CPU are measured apart
 * from the clients; the clients are raw `ws` sockets speaking the y-websocket protocol. Both share this
 * machine's cores, so latencies include client-side work.
 *
 * 1. Delivery latency p50/p99 from one writer to 10 / 100 / 400 observers in one room, and lost messages.
 * 2. Time for 50 clients to join a room holding a 1 MB document (warm: room loaded; cold: loaded from the store).
 * 3. Server memory per idle connection over 500 connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createToken } from '../server/auth/token.ts';
import { createHaardServer } from '../server/http.ts';
import { silentLogger } from '../server/log.ts';

const SECRET = randomBytes(32).toString('base64url');
const WORKSPACE = 'bench';
/** Relations in the big document: about 1 MB encoded. */
const RELATIONS = 3_400;

// ---------------------------------------------------------------- relay child

async function serve(dataDir: string): Promise<void> {
  const server = await createHaardServer({
    dataDir,
    port: 0,
    secret: process.env.BENCH_SECRET!,
    log: silentLogger,
    rateLimit: { perSecond: 10_000, burst: 10_000 },
  });
  process.on('message', (request: string) => {
    if (request === 'memory') {
      for (let i = 0; i < 3; i++) globalThis.gc?.();
      process.send!(process.memoryUsage());
    }
  });
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
}

interface Relay {
  child: ChildProcess;
  port: number;
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

async function startRelay(dataDir: string): Promise<Relay> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, BENCH_SECRET: SECRET },
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    child,
    port: (JSON.parse(line) as { port: number }).port,
    memory: async () => {
      const reply = once(child, 'message');
      child.send('memory');
      return (await reply)[0] as NodeJS.MemoryUsage;
    },
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------- raw protocol clients

const token = createToken(
  { workspaceId: WORKSPACE, role: 'editor', expiresAt: new Date(Date.now() + 3_600_000) },
  SECRET,
);

function isDocUpdate(frame: Uint8Array): boolean {
  return frame[0] === 0 && frame[1] === 2;
}

function isSyncStep2(frame: Uint8Array): boolean {
  return frame[0] === 0 && frame[1] === 1;
}

async function connect(
  port: number,
  room: string,
  onFrame: (frame: Uint8Array) => void = () => {},
): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/sync/${WORKSPACE}/${room}?token=${token}`, {
    perMessageDeflate: false,
  });
  socket.on('message', (data: Buffer) => onFrame(data));
  await once(socket, 'open');
  return socket;
}

function syncStep1(doc: Y.Doc): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
}

function updateFrame(update: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
}

function closeAll(sockets: WebSocket[]): Promise<unknown> {
  return Promise.all(
    sockets.map((socket) => {
      const closed = once(socket, 'close');
      socket.close();
      return closed;
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

// ---------------------------------------------------------------- the measurements

async function latency(relay: Relay, observers: number, messages: number, intervalMs: number): Promise<void> {
  const room = `meeting/latency-${observers}`;
  const sentAt: number[] = [];
  const samples: number[] = [];
  const received = new Array<number>(observers).fill(0);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < observers; i++) {
    sockets.push(
      await connect(relay.port, room, (frame) => {
        if (!isDocUpdate(frame)) return;
        // TCP keeps order and the relay broadcasts in order: the k-th update an observer gets is message k.
        samples.push(performance.now() - sentAt[received[i]!]!);
        received[i]!++;
      }),
    );
  }
  const writerDoc = new Y.Doc();
  const pending: Uint8Array[] = [];
  writerDoc.on('update', (update: Uint8Array) => pending.push(update));
  const writer = await connect(relay.port, room);
  for (let k = 0; k < messages; k++) {
    writerDoc.getMap('board').set('cursor', k);
    sentAt.push(performance.now());
    writer.send(updateFrame(pending.shift()!));
    await sleep(intervalMs);
  }
  const deadline = Date.now() + 10_000;
  while (received.some((n) => n < messages) && Date.now() < deadline) await sleep(20);
  const lost = received.reduce((sum, n) => sum + (messages - n), 0);
  samples.sort((a, b) => a - b);
  console.log(
    `  ${String(observers).padStart(3)} observers × ${messages} updates: ` +
      `p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms, ` +
      `max ${samples.at(-1)!.toFixed(2)} ms, lost ${lost}`,
  );
  await closeAll([writer, ...sockets]);
}

function megabyteDoc(): Y.Doc {
  const doc = new Y.Doc();
  const relations = doc.getArray<Y.Map<unknown>>('relations');
  doc.transact(() => {
    for (let i = 0; i < RELATIONS; i++) {
      const relation = new Y.Map<unknown>();
      relation.set('id', `rel-${i}`);
      relation.set('name', `Relation ${i} ${'·'.repeat(40)}`);
      relation.set('notes', randomBytes(96).toString('base64'));
      relation.set('score', i % 4);
      relations.push([relation]);
    }
  });
  return doc;
}

/** Time until each client has received the relay's whole state (sync step 2); one client also applies it, to check it. */
async function join50(relay: Relay, room: string, label: string): Promise<void> {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: 50 }, async (_, index) => {
      let resolveReceived!: (result: { ms: number; frame: Uint8Array }) => void;
      const received = new Promise<{ ms: number; frame: Uint8Array }>(
        (resolve) => (resolveReceived = resolve),
      );
      const socket = await connect(relay.port, room, (frame) => {
        if (isSyncStep2(frame)) resolveReceived({ ms: performance.now() - started, frame });
      });
      socket.send(syncStep1(new Y.Doc()));
      const result = await received;
      socket.close();
      return { index, ...result };
    }),
  );
  const check = new Y.Doc();
  const decoder = decoding.createDecoder(results[0]!.frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  Y.applyUpdate(check, decoding.readVarUint8Array(decoder));
  if (check.getArray('relations').length !== RELATIONS)
    throw new Error('a joining client got an incomplete state');
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `  ${label}: all 50 had the full state after ${times.at(-1)!.toFixed(0)} ms ` +
      `(first ${times[0]!.toFixed(0)} ms, median ${percentile(times, 50).toFixed(0)} ms)`,
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'haard-relay-bench-'));
  let relay = await startRelay(dataDir);
  try {
    console.log('Delivery latency, one writer → N observers in one room (100 updates/s):');
    for (const observers of [10, 100, 400]) await latency(relay, observers, 300, 10);

    console.log('\n50 clients joining a room holding a 1 MB document:');
    const seed = megabyteDoc();
    const state = Y.encodeStateAsUpdate(seed);
    console.log(`  document: ${(state.length / 1024 / 1024).toFixed(2)} MB encoded`);
    const seeder = await connect(relay.port, 'plan/big');
    seeder.send(updateFrame(state));
    await sleep(500);
    await join50(relay, 'plan/big', 'warm (room already loaded)');
    await closeAll([seeder]);
    await relay.stop();
    relay = await startRelay(dataDir);
    await join50(relay, 'plan/big', 'cold (relay restarted, room loaded from the store)');

    console.log('\nServer memory per idle connection (500 connections over 50 rooms):');
    await sleep(200);
    const before = await relay.memory();
    const idle: WebSocket[] = [];
    for (let i = 0; i < 500; i++) {
      const socket = await connect(relay.port, `meeting/idle-${i % 50}`);
      socket.send(syncStep1(new Y.Doc()));
      idle.push(socket);
    }
    await sleep(500);
    const after = await relay.memory();
    const perConnection = (field: 'heapUsed' | 'rss') =>
      ((after[field] - before[field]) / 500 / 1024).toFixed(1);
    console.log(
      `  heap ${perConnection('heapUsed')} KiB/connection, RSS ${perConnection('rss')} KiB/connection (incl. 50 empty rooms)`,
    );
    console.log(
      `  server total: heap ${(after.heapUsed / 1048576).toFixed(1)} MiB, RSS ${(after.rss / 1048576).toFixed(1)} MiB`,
    );
    await closeAll(idle);
  } finally {
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3]!);
else await main();
