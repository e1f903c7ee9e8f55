/**
 * Haard alone: how long the relay's event loop stalls while a big room is compacted under load.
 *
 * A room holds an ~11 MB document; one writer sends small updates to it at 200/s, so compaction runs again and
 * again (every 500 updates, or every checkpoint's size in bytes). The relay's own event-loop monitor (the
 * longest delay since the previous /healthz, 10 ms resolution) gives the longest stall; a probe in another
 * room pinging every 5 ms shows what a client saw. The same load on a small room gives the floor this
 * (shared, noisy) machine sets. The relay's log lines say how many compactions ran and how long each took.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { BenchClient } from './clients.ts';
import { percentile, sleep } from './scenarios.ts';
import { startHaardOn } from './servers.ts';

const RELATIONS = 37_000;
/** Relations per seeding update: keeps every frame under the relay's 8 MiB message limit. */
const PER_UPDATE = 6_000;

export async function compactionStall(secret: string, token: string, seconds = 12): Promise<void> {
  await stallUnder(secret, token, seconds, RELATIONS, 'an 11.6 MB room');
  await stallUnder(secret, token, seconds, 100, 'a small room (the floor)');
}

async function stallUnder(
  secret: string,
  token: string,
  seconds: number,
  relationCount: number,
  label: string,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'haard-relay-bench-stall-'));
  const relay = await startHaardOn(dataDir, secret, token);
  try {
    const compactions: string[] = [];
    relay.onLine((line) => {
      if (line.includes('compacted')) compactions.push(line);
    });
    const writer = new BenchClient(relay.dialect, relay.port, 'plan/huge');
    await writer.synced;
    const updates: Uint8Array[] = [];
    writer.doc.on('update', (update: Uint8Array) => updates.push(update));
    const relations = writer.doc.getArray<Y.Map<unknown>>('relations');
    for (let start = 0; start < relationCount; start += PER_UPDATE) {
      writer.doc.transact(() => {
        for (let i = start; i < Math.min(relationCount, start + PER_UPDATE); i++) {
          const relation = new Y.Map<unknown>();
          relation.set('id', `rel-${i}`);
          relation.set('name', `Relation ${i} ${'·'.repeat(40)}`);
          relation.set('notes', randomBytes(96).toString('base64'));
          relation.set('score', i % 4);
          relations.push([relation]);
        }
      });
      writer.sendUpdate(updates.shift()!);
    }
    await sleep(3_000); // let the seeding settle (and its own compaction run)
    compactions.length = 0;
    const loopMax = async () =>
      ((await (await fetch(`http://127.0.0.1:${relay.port}/healthz`)).json()) as { eventLoopMaxMs: number })
        .eventLoopMaxMs;
    await loopMax(); // resets the relay's monitor

    const probe = new BenchClient(relay.dialect, relay.port, 'meeting/probe');
    await probe.synced;
    const rtts: number[] = [];
    let stop = false;
    const probing = (async () => {
      while (!stop) {
        const sent = performance.now();
        await new Promise<void>((resolve) => {
          probe.socket.once('pong', () => resolve());
          probe.socket.ping();
        });
        rtts.push(performance.now() - sent);
        await sleep(5);
      }
    })();
    const board = writer.doc.getMap('board');
    const started = performance.now();
    for (let k = 0; performance.now() - started < seconds * 1000; k++) {
      board.set('cursor', k);
      writer.sendUpdate(updates.shift()!);
      await sleep(Math.max(0, started + (k + 1) * 5 - performance.now()));
    }
    await sleep(1_000);
    stop = true;
    await probing;
    const relayMax = await loopMax();
    rtts.sort((a, b) => a - b);
    console.log(
      `  ${label}, 200 updates/s for ${seconds} s, ${compactions.length} compactions: longest event-loop ` +
        `stall in the relay ${relayMax} ms; a client's ping in another room: p99 ` +
        `${percentile(rtts, 99).toFixed(1)} ms, max ${rtts.at(-1)!.toFixed(0)} ms`,
    );
    const took = compactions.map((line) => Number(/"ms":(\d+)/.exec(line)?.[1] ?? NaN));
    if (took.length > 0) console.log(`    each compaction took ${took.join(', ')} ms in the worker`);
    await Promise.all([writer.close(), probe.close()]);
  } finally {
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
