/**
 * The compaction worker thread: its own connection to the store, folding rooms' updates into checkpoints
 * (compaction.ts) one request at a time, so the relay's event loop never replays or encodes a big document.
 * workerData: `{ file, synchronous }`; messages in `{ id, room, throughSeq }`, out `{ id, result }`.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { compactor } from './compaction.ts';

const { file, synchronous } = workerData as { file: string; synchronous: 'NORMAL' | 'FULL' };
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('busy_timeout = 5000');
const compact = compactor(db);

parentPort!.on('message', (request: { id: number; room: string; throughSeq: number }) => {
  parentPort!.postMessage({ id: request.id, result: compact(request.room, request.throughSeq) });
});
