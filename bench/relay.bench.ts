/**
 * Relay benchmark: `npm run bench:relay` (builds the server, then `tsx bench/relay.bench.ts`). Prints figures;
 * asserts nothing.
 *
 * Haard side by side with the two relays people would otherwise pick — the reference y-websocket server
 * (@y/websocket-server 0.1.1) and Hocuspocus 3.4 — each a bare `node` process measured from outside (/proc),
 * with clients that behave like real providers (bench/relay/clients.ts). The delivery figures are taken with
 * every relay running at once, taking turns burst by burst (`interleavedDelivery`); the others in a fresh
 * process per relay and round, the rounds interleaved (every relay once per round, the order rotating), each
 * figure the median over the rounds (`BENCH_RUNS`, default 3). CPU is the scheduler's account (schedstat, ns)
 * summed over the relay's threads. `BENCH_PIN=1` runs every relay on CPU 1 and the clients on CPU 0: steadier
 * figures on a 2-core machine (no migrations between cores). `BENCH_ONLY=delivery` stops after the delivery
 * figures. Haard persists every update to SQLite and compacts; the anchors run without a store.
 *
 * Figures: server CPU per delivered message (1 writer → 100 observers) and that delivery's p99; join storm p99
 * (50 clients joining a 1 MB room); RSS per idle connection (1,000 over 100 rooms); process RSS at rest.
 * Then Haard alone: the delivery figure over the app's own multiplexed socket (`/sync`), the join storm from
 * the store (cold), and the longest event-loop stall while big rooms are compacted under load.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createToken } from '../server/auth/token.ts';
import {
  delivery,
  DeliveryRoom,
  joinStorm,
  megabyteDoc,
  memoryAtRest,
  percentile,
  memoryPerIdleConnection,
  retainedPerIdleConnection,
  seedRoom,
} from './relay/scenarios.ts';
import { haardMuxDialect } from './relay/clients.ts';
import {
  haardRelay,
  hocuspocusRelay,
  pinBench,
  startHaardOn,
  yWebsocketRelay,
  type RelayKind,
} from './relay/servers.ts';
import { compactionStall } from './relay/stall.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The delivery figure's shape (interleavedDelivery). */
const DELIVERY = {
  observers: 100,
  perSecond: 100,
  /** Updates before counting (at twice the rate): past Haard's first compaction, which starts its worker. */
  warmUp: 600,
  perBurst: 200,
  rounds: Number(process.env.BENCH_DELIVERY_ROUNDS ?? 8),
};
const SECRET = randomBytes(32).toString('base64url');
const TOKEN = createToken(
  { workspaceId: 'bench', role: 'editor', expiresAt: new Date(Date.now() + 3_600_000) },
  SECRET,
);

interface Figure {
  label: string;
  unit: string;
  digits: number;
  goal: string;
}

const FIGURES = {
  cpu: { label: 'server CPU per delivered message', unit: 'µs', digits: 1, goal: '≤ 1 × best anchor' },
  deliveryP99: { label: 'delivery p99, 1 writer → 100 observers', unit: 'ms', digits: 1, goal: '—' },
  join: { label: 'join storm p99 time to synced (50 × 1 MB)', unit: 'ms', digits: 0, goal: '≤ 0.5 × best' },
  perConnection: {
    label: 'memory per idle connection (RSS)',
    unit: 'KB',
    digits: 1,
    goal: '≤ 1 × best anchor',
  },
  retained: {
    label: '… the same between two full GCs (RSS)',
    unit: 'KB',
    digits: 1,
    goal: '—',
  },
  retainedHeap: {
    label: '… JS heap + external between two full GCs',
    unit: 'KB',
    digits: 2,
    goal: '—',
  },
  atRest: { label: 'process memory at rest (RSS)', unit: 'MB', digits: 0, goal: '≤ 1.5 × best anchor' },
} satisfies Record<string, Figure>;
type FigureKey = keyof typeof FIGURES;

async function measureOnce(
  kind: RelayKind,
  state: Uint8Array,
): Promise<Omit<Record<FigureKey, number>, 'retained' | 'retainedHeap' | 'cpu' | 'deliveryP99'>> {
  const relay = await kind.start();
  try {
    const atRest = (await memoryAtRest(relay)) / 1e6;
    const perConnection = (await memoryPerIdleConnection(relay, 1_000, 100)) / 1e3;
    const seeder = await seedRoom(relay, 'plan/big', state);
    const storm = await joinStorm(relay, 'plan/big', 50);
    await seeder.close();
    return {
      join: storm.p99Ms,
      perConnection,
      atRest,
    };
  } finally {
    await relay.stop();
  }
}

/** Memory retained per idle connection, in a relay process of its own (its inspector is opened). */
async function measureRetained(kind: RelayKind): Promise<{ retained: number; retainedHeap: number }> {
  const relay = await kind.start();
  try {
    const retained = await retainedPerIdleConnection(relay, 1_000, 100);
    return { retained: retained.rss / 1e3, retainedHeap: retained.heap / 1e3 };
  } finally {
    await relay.stop();
  }
}

/**
 * Server CPU per delivered message, every relay measured in the same minute: all relays run at once, each with
 * one writer and 100 observers in a room, and they take turns — a burst of updates on one relay, then the
 * next (the order rotating each round). The machine's speed drifts by ± 20 % over tens of seconds (a shared
 * virtual machine); a relay measured in its own quarter of a minute carried that drift into its figure,
 * bursts side by side in the same rounds do not. Each relay has run a warm-up burst first (not counted), as a
 * relay that has been up for a while has: its code optimised, and Haard's compaction worker started (once per
 * busy period: it stops after a minute without compactions; ≈ 150 ms of CPU). The compactions themselves
 * (every 500 updates of a room) fall inside the counted bursts. Returns per relay the CPU per delivered
 * message (all counted bursts together), the p99 of every delivery and each round's figure.
 */
async function interleavedDelivery(
  kinds: RelayKind[],
): Promise<Map<string, { cpu: number; p99: number; rounds: number[]; lost: number }>> {
  const relays = await Promise.all(kinds.map((kind) => kind.start()));
  try {
    const rooms = await Promise.all(relays.map((relay) => DeliveryRoom.open(relay, DELIVERY.observers)));
    for (const room of rooms) await room.burst(DELIVERY.warmUp, DELIVERY.perSecond * 2);
    const totals = kinds.map(() => ({
      cpu: 0,
      delivered: 0,
      lost: 0,
      samples: [] as number[],
      rounds: [] as number[],
    }));
    for (let round = 0; round < DELIVERY.rounds; round++) {
      for (let k = 0; k < kinds.length; k++) {
        const i = (k + round) % kinds.length;
        const burst = await rooms[i]!.burst(DELIVERY.perBurst, DELIVERY.perSecond);
        const total = totals[i]!;
        total.cpu += burst.cpuMicros;
        total.delivered += burst.delivered;
        total.lost += burst.lost;
        total.samples.push(...burst.samples);
        total.rounds.push(burst.cpuMicros / burst.delivered);
      }
    }
    await Promise.all(rooms.map((room) => room.close()));
    return new Map(
      kinds.map((kind, i) => {
        const total = totals[i]!;
        total.samples.sort((a, b) => a - b);
        return [
          kind.name,
          {
            cpu: total.cpu / total.delivered,
            p99: percentile(total.samples, 99),
            rounds: total.rounds,
            lost: total.lost,
          },
        ];
      }),
    );
  } finally {
    await Promise.all(relays.map((relay) => relay.stop()));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function printTable(kinds: RelayKind[], results: Map<string, Array<Record<FigureKey, number>>>): void {
  const anchors = kinds.filter((kind) => kind.name !== 'Haard');
  const header = ['figure', ...kinds.map((kind) => kind.name), 'Haard ÷ best anchor', 'goal'];
  const rows = (Object.keys(FIGURES) as FigureKey[]).map((key) => {
    const figure = FIGURES[key];
    const value = (name: string) => median(results.get(name)!.map((run) => run[key]));
    const best = Math.min(...anchors.map((kind) => value(kind.name)));
    return [
      `${figure.label} (${figure.unit})`,
      ...kinds.map((kind) => value(kind.name).toFixed(figure.digits)),
      `× ${(value('Haard') / best).toFixed(2)}`,
      figure.goal,
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  pinBench();
  const kinds = [yWebsocketRelay, hocuspocusRelay, haardRelay(SECRET, TOKEN)];
  const seed = megabyteDoc();
  const state = Y.encodeStateAsUpdate(seed);
  console.log(
    `Relays side by side: median of ${RUNS} interleaved rounds (1 MB document: ${(state.length / 1e6).toFixed(2)} MB encoded)` +
      (process.env.BENCH_PIN ? '; every relay on CPU 1, the clients on CPU 0.' : '.'),
  );
  console.log(
    `Delivery, 1 writer → ${DELIVERY.observers} observers at ${DELIVERY.perSecond} updates/s: every relay at once, ` +
      `${DELIVERY.rounds} rounds of a ${DELIVERY.perBurst}-update burst each, taking turns (after a ${DELIVERY.warmUp}-update warm-up).`,
  );
  const delivered = await interleavedDelivery(kinds);
  for (const [name, figure] of delivered) {
    console.log(
      `  ${name}: ${figure.cpu.toFixed(1)} µs per delivered message; rounds ${figure.rounds.map((v) => v.toFixed(1)).join(', ')}` +
        (figure.lost > 0 ? `; ${figure.lost} deliveries lost` : ''),
    );
  }
  if (process.env.BENCH_ONLY === 'delivery') return;
  const results = new Map(kinds.map((kind) => [kind.name, [] as Array<Record<FigureKey, number>>]));
  for (let run = 0; run < RUNS; run++) {
    const order = kinds.map((_, i) => kinds[(i + run) % kinds.length]!);
    for (const kind of order) {
      const figures = {
        ...(await measureOnce(kind, state)),
        ...(await measureRetained(kind)),
        cpu: delivered.get(kind.name)!.cpu,
        deliveryP99: delivered.get(kind.name)!.p99,
      };
      results.get(kind.name)!.push(figures);
      console.log(
        `  round ${run + 1}, ${kind.name}: ` +
          (Object.keys(figures) as FigureKey[])
            .map((key) => `${key} ${figures[key].toFixed(FIGURES[key].digits)}`)
            .join(', '),
      );
    }
  }
  console.log('');
  printTable(kinds, results);

  console.log('\nHaard alone:');
  const muxCpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const relay = await haardRelay(SECRET, TOKEN).start();
    try {
      const sent = await delivery({ ...relay, dialect: haardMuxDialect(TOKEN) }, 100, 400, 100);
      if (sent.lost > 0) console.log(`  multiplexed: ${sent.lost} deliveries lost`);
      muxCpu.push(sent.cpuPerDeliveryMicros);
    } finally {
      await relay.stop();
    }
  }
  console.log(
    `  server CPU per delivered message over the app's multiplexed socket (/sync), 1 writer → 100 observers: ` +
      `${median(muxCpu).toFixed(1)} µs (median of ${RUNS}: ${muxCpu.map((v) => v.toFixed(1)).join(', ')})`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'haard-relay-bench-cold-'));
  try {
    let relay = await startHaardOn(dataDir, SECRET, TOKEN);
    const seeder = await seedRoom(relay, 'plan/big', state);
    await seeder.close();
    await relay.stop();
    relay = await startHaardOn(dataDir, SECRET, TOKEN);
    const cold = await joinStorm(relay, 'plan/big', 50);
    console.log(`  join storm from the store (relay restarted): p99 ${cold.p99Ms.toFixed(0)} ms`);
    await relay.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  await compactionStall(SECRET, TOKEN);
}

await main();
