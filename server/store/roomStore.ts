/**
 * The relay's durable store: SQLite (better-sqlite3) in `<dataDir>/haard.sqlite`.
 *
 * Durability: WAL journal with `synchronous = NORMAL` by default. Every append is its own committed
 * transaction before `appendUpdate` returns, and a committed transaction in the WAL survives `kill -9` of
 * the process (the bytes are in the OS page cache). Only an OS crash or power loss can drop the last few
 * commits; pass `synchronous: 'FULL'` to fsync every commit and survive those too, at a large cost per
 * update. The trade is acceptable because the relay is never the only copy: every client keeps its
 * document in IndexedDB and sends what the relay lacks on its next sync.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { replayInto } from './replay.ts';
import { migrate } from './schema.ts';

export interface StoredRoom {
  snapshot: Uint8Array | null;
  updates: Array<{ seq: number; bytes: Uint8Array }>;
}

export type CompactResult =
  { ok: true; mergedUpdates: number; snapshotBytes: number } | { ok: false; reason: string };

export interface RoomStore {
  /** The SQLite file. */
  readonly file: string;
  /** True once anything was stored for the room. */
  hasRoom(room: string): boolean;
  /** Appends one update and commits before returning. Used by the relay, and to seed a brand-new room. */
  appendUpdate(room: string, update: Uint8Array): void;
  /** Appends several updates in one transaction: all or none. */
  appendUpdates(room: string, updates: readonly Uint8Array[]): void;
  readRoom(room: string): StoredRoom;
  /** Updates stored since the room's last compaction. */
  updateCount(room: string): number;
  /**
   * Replaces the room's snapshot and updates with one snapshot, in one transaction. A row Yjs cannot
   * apply aborts the compaction and leaves every row as it was.
   */
  compact(room: string): CompactResult;
  close(): void;
}

export interface RoomStoreOptions {
  dataDir: string;
  synchronous?: 'NORMAL' | 'FULL';
}

export const STORE_FILE_NAME = 'haard.sqlite';

export function openRoomStore(options: RoomStoreOptions): RoomStore {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, STORE_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, bytes) VALUES (?, ?)');
  const selectUpdates = db.prepare<[string], { seq: number; bytes: Buffer }>(
    'SELECT seq, bytes FROM updates WHERE room = ? ORDER BY seq',
  );
  const selectSnapshot = db.prepare<[string], { bytes: Buffer }>(
    'SELECT bytes FROM snapshots WHERE room = ?',
  );
  const countUpdates = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM updates WHERE room = ?',
  );
  const anyRow = db.prepare<[string, string], { found: number }>(
    'SELECT EXISTS (SELECT 1 FROM snapshots WHERE room = ?) OR EXISTS (SELECT 1 FROM updates WHERE room = ?) AS found',
  );
  const upsertSnapshot = db.prepare<[string, Uint8Array, number, number]>(
    `INSERT INTO snapshots (room, bytes, through_seq, compacted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET bytes = excluded.bytes, through_seq = excluded.through_seq,
       compacted_at = excluded.compacted_at`,
  );
  const deleteUpdatesThrough = db.prepare<[string, number]>(
    'DELETE FROM updates WHERE room = ? AND seq <= ?',
  );

  const readRoom = (room: string): StoredRoom => ({
    snapshot: selectSnapshot.get(room)?.bytes ?? null,
    updates: selectUpdates.all(room),
  });

  const appendUpdates = db.transaction((room: string, updates: readonly Uint8Array[]) => {
    for (const update of updates) insertUpdate.run(room, update);
  });

  const compact = db.transaction((room: string): CompactResult => {
    const stored = readRoom(room);
    const last = stored.updates.at(-1);
    if (last === undefined)
      return { ok: true, mergedUpdates: 0, snapshotBytes: stored.snapshot?.length ?? 0 };
    const doc = new Y.Doc();
    try {
      const replay = replayInto(doc, stored);
      if (!replay.ok) return { ok: false, reason: `row ${replay.row} cannot be applied: ${replay.error}` };
      // A fresh document with gc on: deleted content is dropped, so the snapshot is as small as it gets.
      const snapshot = Y.encodeStateAsUpdate(doc);
      upsertSnapshot.run(room, snapshot, last.seq, Date.now());
      // Only the rows merged above; an update appended after `last` stays.
      deleteUpdatesThrough.run(room, last.seq);
      return { ok: true, mergedUpdates: stored.updates.length, snapshotBytes: snapshot.length };
    } finally {
      doc.destroy();
    }
  });

  return {
    file,
    hasRoom: (room) => anyRow.get(room, room)?.found === 1,
    appendUpdate: (room, update) => void insertUpdate.run(room, update),
    appendUpdates: (room, updates) => appendUpdates(room, updates),
    readRoom,
    updateCount: (room) => countUpdates.get(room)?.n ?? 0,
    compact: (room) => compact(room),
    close: () => {
      if (db.open) db.close();
    },
  };
}
