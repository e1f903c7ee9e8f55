/**
 * The measurements `npm run bench:relay` takes of every relay, with provider-like clients (clients.ts).
 * Each returns plain figures; the caller runs them interleaved and prints medians.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { BenchClient } from './clients.ts';
import { inspect } from './inspector.ts';
import type { RelayProcess } from './servers.ts';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function connectAll(relay: RelayProcess, rooms: string[]): Promise<BenchClient[]> {
  const clients = rooms.map((room) => new BenchClient(relay.dialect, relay.port, room));
  await Promise.all(clients.map((client) => client.synced));
  return clients;
}

const closeAll = (clients: BenchClient[]) => Promise.all(clients.map((client) => client.close()));

/** Resident memory of the fresh process, after a moment to settle. */
export async function memoryAtRest(relay: RelayProcess): Promise<number> {
  await sleep(1_000);
  return relay.rss();
}

/** Opens `count` synced clients (each announces awareness) over `rooms` rooms, 50 at a time. */
async function openIdle(relay: RelayProcess, count: number, rooms: number): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  // In batches: a real fleet does not open a thousand sockets in the same millisecond either.
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from(
      { length: Math.min(50, count - i) },
      (_, k) => `meeting/idle-${(i + k) % rooms}`,
    );
    clients.push(...(await connectAll(relay, batch)));
  }
  return clients;
}

/** RSS growth per connection with `count` synced clients (each announced awareness) idle over `rooms` rooms. */
export async function memoryPerIdleConnection(
  relay: RelayProcess,
  count: number,
  rooms: number,
): Promise<number> {
  const before = relay.rss();
  const clients = await openIdle(relay, count, rooms);
  await sleep(1_500);
  const after = relay.rss();
  await closeAll(clients);
  return (after - before) / count;
}

/** What idle connections retain, per connection, between two full GCs; bytes. */
export interface Retained {
  /** Growth of the process's resident memory. */
  rss: number;
  /** Growth of V8's heap in use plus the memory JavaScript objects hold outside it (Buffers). */
  heap: number;
}

/**
 * The growth `memoryPerIdleConnection` measures, taken between two full, memory-reducing GCs (inspector.ts):
 * what the idle connections retain. During a burst of connections V8's young generation grows, and it is
 * given back only when V8 reduces memory, seconds later; these figures leave that transient out, in every
 * relay alike. Opens the relay's inspector: use a relay process that is measured for nothing else.
 */
export async function retainedPerIdleConnection(
  relay: RelayProcess,
  count: number,
  rooms: number,
): Promise<Retained> {
  const inspector = await inspect(relay.pid);
  const heap = async () => {
    const usage = await inspector.memoryUsage();
    return usage.heapUsed + usage.external;
  };
  try {
    await inspector.collectGarbage();
    const before = { rss: relay.rss(), heap: await heap() };
    const clients = await openIdle(relay, count, rooms);
    await sleep(1_500);
    await inspector.collectGarbage();
    const after = { rss: relay.rss(), heap: await heap() };
    await closeAll(clients);
    return { rss: (after.rss - before.rss) / count, heap: (after.heap - before.heap) / count };
  } finally {
    inspector.close();
  }
}

export interface Delivery {
  /** Server CPU time per delivered message, µs. */
  cpuPerDeliveryMicros: number;
  p50Ms: number;
  p99Ms: number;
  lost: number;
}

/** What one burst of a `DeliveryRoom` cost and how long its messages took. */
export interface Burst {
  /** Server CPU during the burst, µs (until every message arrived, or 10 s after the last was sent). */
  cpuMicros: number;
  /** Messages delivered to observers. */
  delivered: number;
  /** Messages that did not arrive within 10 s after the last one was sent. */
  lost: number;
  /** Time from sending to arriving, one per delivered message, ms (unsorted). */
  samples: number[];
}

/**
 * One writer and `observers` synced observers in a fresh room of `relay`, ready for bursts of updates. Every
 * observer counts what it receives; TCP keeps order and every relay broadcasts in order, so the k-th update an
 * observer gets is message k.
 */
export class DeliveryRoom {
  private readonly sentAt: number[] = [];
  private readonly received: number[];
  private samples: number[] = [];
  private readonly pending: Uint8Array[] = [];
  private constructor(
    private readonly relay: RelayProcess,
    private readonly writer: BenchClient,
    private readonly observers: BenchClient[],
    received: number[],
  ) {
    this.received = received;
    writer.doc.on('update', (update: Uint8Array) => this.pending.push(update));
  }

  static async open(relay: RelayProcess, observers: number): Promise<DeliveryRoom> {
    const room = `meeting/delivery-${observers}-${Math.random().toString(36).slice(2, 8)}`;
    const received = new Array<number>(observers).fill(0);
    let self: DeliveryRoom | null = null;
    const clients = Array.from(
      { length: observers },
      (_, i) =>
        new BenchClient(relay.dialect, relay.port, room, {
          onUpdate: () => {
            self!.samples.push(performance.now() - self!.sentAt[received[i]!]!);
            received[i]!++;
          },
        }),
    );
    const writer = new BenchClient(relay.dialect, relay.port, room);
    await Promise.all([...clients, writer].map((client) => client.synced));
    self = new DeliveryRoom(relay, writer, clients, received);
    return self;
  }

  /** Sends `messages` updates at `perSecond` and waits until every observer has them (at most 10 s more). */
  async burst(messages: number, perSecond: number): Promise<Burst> {
    const first = this.sentAt.length;
    const expected = first + messages;
    this.samples = [];
    const cpuBefore = this.relay.cpuMicros();
    const interval = 1000 / perSecond;
    const started = performance.now();
    for (let k = 0; k < messages; k++) {
      this.writer.doc.getMap('board').set('cursor', first + k);
      this.sentAt.push(performance.now());
      this.writer.sendUpdate(this.pending.shift()!);
      const next = started + (k + 1) * interval;
      await sleep(Math.max(0, next - performance.now()));
    }
    const deadline = Date.now() + 10_000;
    while (this.received.some((n) => n < expected) && Date.now() < deadline) await sleep(5);
    const cpuMicros = this.relay.cpuMicros() - cpuBefore;
    const lost = this.received.reduce((sum, n) => sum + Math.max(0, expected - n), 0);
    return { cpuMicros, delivered: messages * this.received.length - lost, lost, samples: this.samples };
  }

  close(): Promise<unknown> {
    return closeAll([this.writer, ...this.observers]);
  }
}

/** One writer → `observers` in one room, `messages` updates at `perSecond`; server CPU per delivered message. */
export async function delivery(
  relay: RelayProcess,
  observers: number,
  messages: number,
  perSecond: number,
): Promise<Delivery> {
  const room = await DeliveryRoom.open(relay, observers);
  await sleep(500);
  const burst = await room.burst(messages, perSecond);
  await room.close();
  const samples = burst.samples.sort((a, b) => a - b);
  return {
    cpuPerDeliveryMicros: burst.cpuMicros / burst.delivered,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    lost: burst.lost,
  };
}

/** Relations in the big document: about 1 MB encoded. */
const RELATIONS = 3_400;

export function megabyteDoc(): Y.Doc {
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

/** Puts `state` into `room` through a client that stays connected (relays without a store keep it only then). */
export async function seedRoom(relay: RelayProcess, room: string, state: Uint8Array): Promise<BenchClient> {
  const seeder = new BenchClient(relay.dialect, relay.port, room);
  await seeder.synced;
  seeder.sendUpdate(state);
  // Confirmed when a fresh client's sync brings the whole document back.
  for (;;) {
    const probe = new BenchClient(relay.dialect, relay.port, room, { apply: true });
    await probe.synced;
    await probe.close();
    if (probe.doc.getArray('relations').length === RELATIONS) return seeder;
    await sleep(100);
  }
}

export interface JoinStorm {
  p99Ms: number;
  maxMs: number;
}

/** `count` clients join `room` at once; time from the start until each has the relay's sync step 2. */
export async function joinStorm(relay: RelayProcess, room: string, count: number): Promise<JoinStorm> {
  const started = performance.now();
  const clients = Array.from({ length: count }, () => new BenchClient(relay.dialect, relay.port, room));
  const times = (await Promise.all(clients.map((client) => client.synced))).map((at) => at - started);
  // One client checks what it got is the whole document.
  const check = new BenchClient(relay.dialect, relay.port, room, { apply: true });
  await check.synced;
  if (check.doc.getArray('relations').length !== RELATIONS)
    throw new Error(`${relay.dialect.name}: a joining client got an incomplete state`);
  await closeAll([...clients, check]);
  times.sort((a, b) => a - b);
  return { p99Ms: percentile(times, 99), maxMs: times.at(-1)! };
}
