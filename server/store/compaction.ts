/**
 * Folding a room's stored updates into its checkpoint, from the stored rows alone (no live document needed):
 * read the checkpoint and the updates through `throughSeq`, check them, replay them into a fresh document
 * without garbage collection (deleted content is kept, so every version stays reconstructable from the
 * checkpoint — issue 9, history design §1), and write the new checkpoint in one short transaction that also
 * deletes the folded rows. With a history retention (`historyDays`), expired versions are removed and the
 * content only they showed is collected first (retention.ts). Runs in the compaction worker (compactWorker.ts), off the relay's event loop.
 */
import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import type { CheckpointResult } from './docStore.ts';
import { replayInto } from './replay.ts';
import { applyRetention } from './retention.ts';
import { crc32, roomReads, verifyRow } from './rows.ts';

const DAY_MS = 86_400_000;

export interface CompactorOptions {
  /** Keep versions and the content they need for this many days (history design §5); undefined: forever. */
  historyDays?: number;
}

export function compactor(
  db: Database,
  options: CompactorOptions = {},
): (room: string, throughSeq: number) => CheckpointResult {
  const reads = roomReads(db);
  const upsertSnapshot = db.prepare<[string, Uint8Array, number, number, number]>(
    `INSERT INTO snapshots (room, bytes, through_seq, compacted_at, checksum) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET bytes = excluded.bytes, through_seq = excluded.through_seq,
       compacted_at = excluded.compacted_at, checksum = excluded.checksum`,
  );
  const deleteThrough = db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND seq <= ?');
  const write = db.transaction(
    (room: string, state: Uint8Array, throughSeq: number, expectedSeq: number): CheckpointResult => {
      const current = reads.snapshot.get(room)?.through_seq ?? 0;
      if (current !== expectedSeq) return { ok: false, reason: 'the checkpoint changed while it was built' };
      upsertSnapshot.run(room, state, throughSeq, Date.now(), crc32(state));
      // Only the rows folded in; an update appended after `throughSeq` stays.
      const folded = deleteThrough.run(room, throughSeq).changes;
      return { ok: true, foldedUpdates: folded, checkpointBytes: state.length };
    },
  );

  return (room, throughSeq) => {
    const snapshot = reads.snapshot.get(room);
    const checkpointSeq = snapshot?.through_seq ?? 0;
    if (checkpointSeq >= throughSeq)
      return { ok: true, foldedUpdates: 0, checkpointBytes: snapshot?.bytes.length ?? 0 };
    try {
      if (snapshot !== undefined) verifyRow(room, 'checkpoint', snapshot.bytes, snapshot.checksum);
      const updates = reads.updatesThrough.all(room, throughSeq).map((row) => {
        verifyRow(room, row.seq, row.bytes, row.checksum);
        return { seq: row.seq, bytes: row.bytes };
      });
      const doc = new Y.Doc({ gc: false });
      try {
        const replay = replayInto(doc, { checkpoint: snapshot?.bytes ?? null, checkpointSeq, updates });
        if (!replay.ok) return { ok: false, reason: `row ${replay.row} cannot be applied: ${replay.error}` };
        if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
          return {
            ok: false,
            reason: 'the stored rows are incomplete (content waits for what is not stored)',
          };
        const retention =
          options.historyDays === undefined
            ? null
            : applyRetention(doc, new Date(Date.now() - options.historyDays * DAY_MS).toISOString());
        const state = retention?.state ?? Y.encodeStateAsUpdate(doc);
        const result = write.immediate(room, state, throughSeq, checkpointSeq);
        // Copy the new checkpoint from the WAL into the database here, not in the relay's next commit.
        db.pragma('wal_checkpoint(PASSIVE)');
        if (result.ok && retention?.edits)
          return { ...result, edits: retention.edits, removedVersions: retention.removedVersions };
        return result;
      } finally {
        doc.destroy();
      }
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
}
