/** What every reader of the store's rows shares: CRC-32 checks (migration 2) and the SQL that reads a room. */
import type { Database } from 'better-sqlite3';
import { crc32 } from 'node:zlib';
import { StoredDataError } from './docStore.ts';

export { crc32 };

/** Throws StoredDataError naming the row when `bytes` no longer match the checksum written with them. */
export function verifyRow(
  room: string,
  row: 'checkpoint' | number,
  bytes: Uint8Array,
  checksum: number | null,
): void {
  if (checksum === null || crc32(bytes) === checksum) return;
  throw new StoredDataError(
    `stored ${row === 'checkpoint' ? 'checkpoint' : `update ${row}`} of ${room} is damaged ` +
      `(checksum ${crc32(bytes)} ≠ ${checksum} written); it was left as it is`,
    row,
  );
}

export interface SnapshotRow {
  bytes: Buffer;
  through_seq: number;
  checksum: number | null;
}

export interface UpdateRow {
  seq: number;
  bytes: Buffer;
  checksum: number | null;
}

/** Prepared reads of one room's rows, on any connection to the store. */
export function roomReads(db: Database) {
  return {
    snapshot: db.prepare<[string], SnapshotRow>(
      'SELECT bytes, through_seq, checksum FROM snapshots WHERE room = ?',
    ),
    updates: db.prepare<[string], UpdateRow>(
      'SELECT seq, bytes, checksum FROM updates WHERE room = ? ORDER BY seq',
    ),
    updatesThrough: db.prepare<[string, number], UpdateRow>(
      'SELECT seq, bytes, checksum FROM updates WHERE room = ? AND seq <= ? ORDER BY seq',
    ),
  };
}
