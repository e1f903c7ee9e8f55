/**
 * Haard alone: how long the relay's event loop stalls while a big room is compacted under load.
 *
 * A room holds an ~11 MB document; one writer sends small updates to it at 200/s, so compaction runs again and
 * again (every 500 updates, or every checkpoint's size in bytes). Meanwhile a probe in another room sends a
 * WebSocket ping every 5 ms: the longest ping → pong round trip bounds the longest stall every other room
 * of the process saw. The relay's own log lines say how many compactions ran and how long each took.
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
    for (let start = 0; start < RELATIONS; start += PER_UPDATE) {
      writer.doc.transact(() => {
        for (let i = start; i < Math.min(RELATIONS, start + PER_UPDATE); i++) {
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
    const size = Y.encodeStateAsUpdate(writer.doc).length;
    await sleep(3_000); // let the seeding settle (and its own compaction run)
    compactions.length = 0;

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
    rtts.sort((a, b) => a - b);
    console.log(
      `  event loop under compaction (${(size / 1e6).toFixed(1)} MB room, 200 updates/s for ${seconds} s, ` +
        `${compactions.length} compactions): longest stall ≤ ${rtts.at(-1)!.toFixed(0)} ms, ` +
        `probe p99 ${percentile(rtts, 99).toFixed(1)} ms`,
    );
    for (const line of compactions.slice(0, 3)) console.log(`    ${line.replace(/^\[haard\] /, '')}`);
    await Promise.all([writer.close(), probe.close()]);
  } finally {
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
