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
import { crc32 } from 'node:zlib';
import { StoredDataError, type CheckpointResult, type DocStore, type StoredRoom } from './docStore.ts';
import { openInviteStore, type InviteStore } from '../auth/inviteStore.ts';
import { migrate } from './schema.ts';

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
}

export const STORE_FILE_NAME = 'haard.sqlite';

function verify(room: string, row: 'checkpoint' | number, bytes: Uint8Array, checksum: number | null): void {
  if (checksum === null || crc32(bytes) === checksum) return;
  throw new StoredDataError(
    `stored ${row === 'checkpoint' ? 'checkpoint' : `update ${row}`} of ${room} is damaged ` +
      `(checksum ${crc32(bytes)} ≠ ${checksum} written); it was left as it is`,
    row,
  );
}

export function openRoomStore(options: RoomStoreOptions): RoomStore {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, STORE_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  migrate(db);
  if (options.maxStoreBytes !== undefined) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxStoreBytes / pageSize))}`);
  }

  const insertUpdate = db.prepare<[string, Uint8Array, number]>(
    'INSERT INTO updates (room, bytes, checksum) VALUES (?, ?, ?)',
  );
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
  const lastUpdateSeq = db.prepare<[string], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM updates WHERE room = ?',
  );
  const anyRow = db.prepare<[string, string], { found: number }>(
    'SELECT EXISTS (SELECT 1 FROM snapshots WHERE room = ?) OR EXISTS (SELECT 1 FROM updates WHERE room = ?) AS found',
  );
  const upsertSnapshot = db.prepare<[string, Uint8Array, number, number, number]>(
    `INSERT INTO snapshots (room, bytes, through_seq, compacted_at, checksum) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET bytes = excluded.bytes, through_seq = excluded.through_seq,
       compacted_at = excluded.compacted_at, checksum = excluded.checksum`,
  );
  const deleteUpdatesThrough = db.prepare<[string, number]>(
    'DELETE FROM updates WHERE room = ? AND seq <= ?',
  );

  /** The room's rows, each checked against its checksum; a mismatch throws StoredDataError naming the row. */
  const readRoom = (room: string): StoredRoom => {
    const snapshot = selectSnapshot.get(room);
    if (snapshot !== undefined) verify(room, 'checkpoint', snapshot.bytes, snapshot.checksum);
    const updates = selectUpdates.all(room).map(({ seq, bytes, checksum }) => {
      verify(room, seq, bytes, checksum);
      return { seq, bytes };
    });
    return { checkpoint: snapshot?.bytes ?? null, checkpointSeq: snapshot?.through_seq ?? 0, updates };
  };

  const appendMany = db.transaction((room: string, updates: readonly Uint8Array[]): number => {
    let last = 0;
    for (const update of updates)
      last = Number(insertUpdate.run(room, update, crc32(update)).lastInsertRowid);
    return last;
  });
  // One row is its own transaction already (autocommit): no BEGIN / COMMIT round trips.
  const append = (room: string, updates: readonly Uint8Array[]): number =>
    updates.length === 1
      ? Number(insertUpdate.run(room, updates[0]!, crc32(updates[0]!)).lastInsertRowid)
      : appendMany(room, updates);

  const checkpoint = db.transaction(
    (room: string, state: Uint8Array, throughSeq: number): CheckpointResult => {
      const current = selectSnapshot.get(room)?.through_seq ?? 0;
      if (throughSeq < current)
        return {
          ok: false,
          reason: `checkpoint through ${throughSeq} is older than the stored one (${current})`,
        };
      const last = lastUpdateSeq.get(room)?.seq ?? current;
      if (throughSeq > last)
        return {
          ok: false,
          reason: `checkpoint through ${throughSeq} is past the last stored update (${last})`,
        };
      upsertSnapshot.run(room, state, throughSeq, Date.now(), crc32(state));
      // Only the rows folded into the checkpoint; an update appended after `throughSeq` stays.
      const folded = deleteUpdatesThrough.run(room, throughSeq).changes;
      return { ok: true, foldedUpdates: folded, checkpointBytes: state.length };
    },
  );

  // Each call runs inside the promise executor, so a throw becomes a rejection, never a synchronous throw.
  const later = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

  return {
    file,
    load: (room) => later(() => readRoom(room)),
    exists: (room) => later(() => anyRow.get(room, room)?.found === 1),
    append: (room, updates) => later(() => ({ lastSeq: append(room, updates) })),
    checkpoint: (room, state, throughSeq) => later(() => checkpoint(room, state, throughSeq)),
    close: () =>
      later(() => {
        if (db.open) db.close();
      }),
    readRoom,
    updateCount: (room) => countUpdates.get(room)?.n ?? 0,
    invites: openInviteStore(db),
  };
}
