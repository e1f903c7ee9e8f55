/**
 * The compaction worker thread: its own connection to the store, folding rooms' updates into checkpoints
 * (compaction.ts) one request at a time, so the relay's event loop never replays or encodes a big document.
 * It also copies the WAL into the database when asked (`{ id, wal: true }`), which the relay's own connection
 * never does (its automatic WAL checkpoints, with their fsync, are off).
 * workerData: `{ file, synchronous, historyDays? }`; messages in `{ id, room, throughSeq }`, out `{ id, result }`.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { compactor } from './compaction.ts';
import type { CheckpointResult } from './docStore.ts';
import { WAL_SIZE_LIMIT_BYTES } from './pragmas.ts';

const { file, synchronous, historyDays } = workerData as {
  file: string;
  synchronous: 'NORMAL' | 'FULL';
  historyDays?: number;
};
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('busy_timeout = 5000');
db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
type Request = { id: number; room: string; throughSeq: number } | { id: number; wal: true };
type Compact = ReturnType<typeof compactor>;

// Yjs and the compaction code load on the first compaction: a worker started for WAL checkpoints stays small.
let compact: Compact | null = null;

async function handle(request: Request): Promise<CheckpointResult> {
  if ('wal' in request) {
    // Copy the WAL into the database (and fsync it) here, off the relay's event loop.
    db.pragma('wal_checkpoint(PASSIVE)');
    return { ok: true, foldedUpdates: 0, checkpointBytes: 0 };
  }
  compact ??= (await import('./compaction.ts')).compactor(db, { historyDays });
  return compact(request.room, request.throughSeq);
}

// One request at a time, in order.
let queue = Promise.resolve();
parentPort!.on('message', (request: Request) => {
  queue = queue.then(async () => {
    const result = await handle(request).catch((error: unknown) => ({
      ok: false as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
    parentPort!.postMessage({ id: request.id, result });
  });
});
