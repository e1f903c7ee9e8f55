/**
 * The relay's durable store: SQLite (better-sqlite3) in `<dataDir>/haard.sqlite`, behind the asynchronous
 * `DocStore` interface (see docStore.ts for the log + checkpoint model).
 *
 * Durability: WAL journal with `synchronous = NORMAL` by default. Every append is its own committed
 * transaction before its promise resolves, and a committed transaction in the WAL survives `kill -9` of the
 * process (the bytes are in the OS page cache). Only an OS crash or power loss can drop the last few
 * commits; pass `synchronous: 'FULL'` to fsync every commit and survive those too, at a large cost per
 * update. The trade is acceptable because the relay is never the only copy: every client keeps its
 * document in IndexedDB and sends what the relay lacks on its next sync.
 *
 * better-sqlite3 is synchronous; its calls are short (one indexed insert per append), so the promises here
 * resolve at once. The synchronous `readRoom` / `updateCount` exist for tests and tools that inspect a store.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { compactionThread } from './compactionThread.ts';
import type { DocStore, StoredRoom } from './docStore.ts';
import { crc32, verifyRow } from './rows.ts';
import { openInviteStore, type InviteStore } from '../auth/inviteStore.ts';
import { lastSeq, migrate } from './schema.ts';
import { WAL_SIZE_LIMIT_BYTES } from './pragmas.ts';

export type { StoredRoom } from './docStore.ts';

export interface RoomStore extends DocStore {
  /** The SQLite file. */
  readonly file: string;
  /** The stored rows of a room, read synchronously (tests, tools). */
  readRoom(room: string): StoredRoom;
  /** Updates stored after the room's checkpoint, counted synchronously (tests, tools). */
  updateCount(room: string): number;
  /** Invites made in the app and revocations, in the same file. */
  readonly invites: InviteStore;
}

export interface RoomStoreOptions {
  dataDir: string;
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Largest the database may grow, in bytes (SQLite's max_page_count): a quota for the operator. Writes
   * beyond it fail with "database or disk is full", exactly as on a full disk. Default: no limit.
   */
  maxStoreBytes?: number;
  /**
   * History retention (`haard serve --history-days N`): compaction removes versions older than N days and the
   * deleted content only they needed (retention.ts). Default: keep everything.
   */
  historyDays?: number;
}

export const STORE_FILE_NAME = 'haard.sqlite';
/** Appended rows between two WAL checkpoints (in the worker): a few MB of WAL, like SQLite's own default. */
const WAL_CHECKPOINT_EVERY = 1_000;

export function openRoomStore(options: RoomStoreOptions): RoomStore {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, STORE_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // No automatic WAL checkpoints on this connection: one would copy the WAL into the database and fsync it
  // inside whichever append crossed 1,000 pages, stalling the event loop. The compaction worker does it
  // instead, every WAL_CHECKPOINT_EVERY appended rows and after each compaction (compactionThread.ts).
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  migrate(db);
  if (options.maxStoreBytes !== undefined) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxStoreBytes / pageSize))}`);
  }

  const insertUpdate = db.prepare<[string, number, Uint8Array, number]>(
    'INSERT INTO updates (room, seq, bytes, checksum) VALUES (?, ?, ?, ?)',
  );
  // This process is the only writer of the log (the data directory's lock; the compaction worker only
  // deletes), so it numbers the updates itself (schema.ts migration 4).
  let lastAppended = lastSeq(db);
  const selectUpdates = db.prepare<[string], { seq: number; bytes: Buffer; checksum: number | null }>(
    'SELECT seq, bytes, checksum FROM updates WHERE room = ? ORDER BY seq',
  );
  const selectSnapshot = db.prepare<
    [string],
    { bytes: Buffer; through_seq: number; checksum: number | null }
  >('SELECT bytes, through_seq, checksum FROM snapshots WHERE room = ?');
  const countUpdates = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM updates WHERE room = ?',
  );
  const anyRow = db.prepare<[string, string], { found: number }>(
    'SELECT EXISTS (SELECT 1 FROM snapshots WHERE room = ?) OR EXISTS (SELECT 1 FROM updates WHERE room = ?) AS found',
  );

  /** The room's rows, each checked against its checksum; a mismatch throws StoredDataError naming the row. */
  const readRoom = (room: string): StoredRoom => {
    const snapshot = selectSnapshot.get(room);
    if (snapshot !== undefined) verifyRow(room, 'checkpoint', snapshot.bytes, snapshot.checksum);
    const updates = selectUpdates.all(room).map(({ seq, bytes, checksum }) => {
      verifyRow(room, seq, bytes, checksum);
      return { seq, bytes };
    });
    return { checkpoint: snapshot?.bytes ?? null, checkpointSeq: snapshot?.through_seq ?? 0, updates };
  };

  const appendMany = db.transaction((room: string, updates: readonly Uint8Array[], first: number): void => {
    for (const [i, update] of updates.entries()) insertUpdate.run(room, first + i, update, crc32(update));
  });
  const compaction = compactionThread(file, options.synchronous ?? 'NORMAL', options.historyDays);

  let rowsSinceWalCheckpoint = 0;
  // One row is its own transaction already (autocommit): no BEGIN / COMMIT round trips.
  const append = (room: string, updates: readonly Uint8Array[]): number => {
    const first = lastAppended + 1;
    if (updates.length === 1) insertUpdate.run(room, first, updates[0]!, crc32(updates[0]!));
    else appendMany(room, updates, first);
    // Only once written: a failed write (a full disk) uses up no seq.
    const last = (lastAppended += updates.length);
    rowsSinceWalCheckpoint += updates.length;
    if (rowsSinceWalCheckpoint >= WAL_CHECKPOINT_EVERY) {
      rowsSinceWalCheckpoint = 0;
      compaction.checkpointWal();
    }
    return last;
  };

  // Each call runs inside the promise executor, so a throw becomes a rejection, never a synchronous throw.
  const later = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

  return {
    file,
    load: (room) => later(() => readRoom(room)),
    exists: (room) => later(() => anyRow.get(room, room)?.found === 1),
    append: (room, updates) => later(() => ({ lastSeq: append(room, updates) })),
    compact: (room, throughSeq) => compaction.compact(room, throughSeq),
    close: async () => {
      await compaction.close();
      if (db.open) db.close();
    },
    readRoom,
    updateCount: (room) => countUpdates.get(room)?.n ?? 0,
    invites: openInviteStore(db),
  };
}
