/**
 * Reading documents out of a data directory's store without disturbing a running server: a read-only SQLite
 * connection (WAL lets it read while the relay writes), every read of one export inside one read transaction
 * (a consistent snapshot: a compaction that folds rows meanwhile cannot make a room lose rows between its
 * checkpoint and its updates). Documents are rebuilt without garbage collection, like the relay's.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { parseRoomName, WORKSPACE_DOC_ID, type RoomName } from '../../protocol/rooms.ts';
import { StoredDataError } from '../store/docStore.ts';
import { replayInto } from '../store/replay.ts';
import { roomReads, verifyRow } from '../store/rows.ts';
import { STORE_FILE_NAME } from '../store/roomStore.ts';

export interface StoreReader {
  /** Ids of the workspaces whose own document (`<id>/workspace/main`) is stored, sorted. */
  workspaces(): string[];
  /** Every stored room of `workspaceId` (its own document and all others), sorted by name. */
  rooms(workspaceId: string): RoomName[];
  /**
   * The room's document rebuilt from its rows (a fresh `gc: false` Y.Doc; destroy it after use). Throws
   * StoredDataError naming the row when a row is damaged or cannot be applied.
   */
  load(room: string): Y.Doc;
  /** Runs `work` inside one read transaction: everything it reads is one consistent state of the store. */
  snapshot<T>(work: () => T): T;
  close(): void;
}

/** Opens `<dataDir>/haard.sqlite` read-only; throws an Error saying what is missing when there is none. */
export function openStoreReader(dataDir: string): StoreReader {
  const file = join(dataDir, STORE_FILE_NAME);
  if (!existsSync(file)) throw new Error(`there is no store in ${dataDir} (no ${STORE_FILE_NAME})`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const reads = roomReads(db);
  const allRooms = db.prepare<[], { room: string }>(
    'SELECT room FROM snapshots UNION SELECT DISTINCT room FROM updates ORDER BY room',
  );
  // A range, not LIKE: ids may hold `_`, which LIKE reads as a wildcard. '0' is the character after '/'.
  const roomsOf = db.prepare<[string, string, string, string], { room: string }>(
    `SELECT room FROM snapshots WHERE room > ? AND room < ?
     UNION SELECT DISTINCT room FROM updates WHERE room > ? AND room < ? ORDER BY room`,
  );

  const parsed = (names: { room: string }[]): RoomName[] =>
    names.flatMap(({ room }) => {
      const result = parseRoomName(room);
      return result.ok ? [result.room] : [];
    });

  return {
    workspaces: () =>
      parsed(allRooms.all())
        .filter((r) => r.kind === 'workspace' && r.docId === WORKSPACE_DOC_ID)
        .map((r) => r.workspaceId),
    rooms: (workspaceId) => {
      const from = `${workspaceId}/`;
      const to = `${workspaceId}0`;
      return parsed(roomsOf.all(from, to, from, to)).filter((r) => r.workspaceId === workspaceId);
    },
    load(room) {
      const snapshot = reads.snapshot.get(room);
      if (snapshot !== undefined) verifyRow(room, 'checkpoint', snapshot.bytes, snapshot.checksum);
      const updates = reads.updates.all(room).map(({ seq, bytes, checksum }) => {
        verifyRow(room, seq, bytes, checksum);
        return { seq, bytes };
      });
      const doc = new Y.Doc({ gc: false });
      const replay = replayInto(doc, {
        checkpoint: snapshot?.bytes ?? null,
        checkpointSeq: snapshot?.through_seq ?? 0,
        updates,
      });
      if (!replay.ok) {
        doc.destroy();
        throw new StoredDataError(
          `stored row ${replay.row} of ${room} cannot be applied: ${replay.error}`,
          replay.row,
        );
      }
      return doc;
    },
    snapshot: (work) => db.transaction(work).deferred(),
    close: () => db.close(),
  };
}
