/**
 * The store's schema, as numbered migrations. `PRAGMA user_version` records how many have run; a new
 * migration is appended, never edited.
 */
import type { Database } from 'better-sqlite3';

export const MIGRATIONS: ReadonlyArray<{ name: string; up: (db: Database) => void }> = [
  {
    name: '1-updates-and-snapshots',
    up: (db) =>
      db.exec(`
        -- Every Yjs update the relay accepted, in arrival order. AUTOINCREMENT: a seq is never reused,
        -- so "delete every update up to seq N" can never remove one that arrived later.
        CREATE TABLE updates (
          seq   INTEGER PRIMARY KEY AUTOINCREMENT,
          room  TEXT    NOT NULL,
          bytes BLOB    NOT NULL
        );
        CREATE INDEX updates_by_room ON updates (room, seq);
        -- One compacted state per room: the merge of every update up to and including through_seq.
        CREATE TABLE snapshots (
          room         TEXT    PRIMARY KEY,
          bytes        BLOB    NOT NULL,
          through_seq  INTEGER NOT NULL,
          compacted_at INTEGER NOT NULL
        );
      `),
  },
  {
    name: '2-row-checksums',
    up: (db) =>
      db.exec(`
        -- CRC-32 of bytes, checked on every read: damage is caught at the row where it is. NULL for rows
        -- written before this migration (not checked).
        ALTER TABLE updates ADD COLUMN checksum INTEGER;
        ALTER TABLE snapshots ADD COLUMN checksum INTEGER;
      `),
  },
  {
    name: '3-invites-and-revocations',
    up: (db) =>
      db.exec(`
        -- Invites made in the app, listed in the Workspaces menu (server/auth/inviteStore.ts).
        CREATE TABLE invites (
          id         TEXT    PRIMARY KEY,
          workspace  TEXT    NOT NULL,
          role       TEXT    NOT NULL,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          revoked_at INTEGER
        );
        CREATE INDEX invites_by_workspace ON invites (workspace, created_at);
        -- Every invite revoked one by one (also ones made outside the app, by id).
        CREATE TABLE revoked_invites (
          id         TEXT    PRIMARY KEY,
          workspace  TEXT    NOT NULL,
          revoked_at INTEGER NOT NULL
        );
        -- "Revoke all before": invites of the workspace made before 'before' (ms) no longer work, except one.
        CREATE TABLE workspace_cutoffs (
          workspace TEXT    PRIMARY KEY,
          before    INTEGER NOT NULL,
          except_id TEXT
        );
      `),
  },
  {
    name: '4-updates-clustered-by-room',
    up: (db) =>
      db.exec(`
        -- The update log as one B-tree keyed by (room, seq), without a rowid: appending an update writes the
        -- room's last leaf page, where the rowid table wrote three (the row, its index, AUTOINCREMENT's
        -- sqlite_sequence) — a third of the WAL bytes per update and ≈ 20 % less CPU per append. seq is
        -- given by the store (roomStore.ts), above every seq in the log, in a checkpoint or in seq_floor.
        CREATE TABLE updates_by_room_seq (
          room     TEXT    NOT NULL,
          seq      INTEGER NOT NULL,
          bytes    BLOB    NOT NULL,
          checksum INTEGER,
          PRIMARY KEY (room, seq)
        ) WITHOUT ROWID;
        INSERT INTO updates_by_room_seq (room, seq, bytes, checksum)
          SELECT room, seq, bytes, checksum FROM updates;
        -- The highest seq AUTOINCREMENT ever gave out (its rows may be compacted away): seqs stay above it.
        CREATE TABLE seq_floor (
          id       INTEGER PRIMARY KEY CHECK (id = 1),
          last_seq INTEGER NOT NULL
        );
        INSERT INTO seq_floor (id, last_seq)
          VALUES (1, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'updates'), 0));
        DROP TABLE updates;
        ALTER TABLE updates_by_room_seq RENAME TO updates;
      `),
  },
  {
    name: '5-invite-labels',
    up: (db) =>
      db.exec(`
        -- Whom an invite made in the app is for ("Carla"), so that two links of one role can be told apart
        -- in the Workspaces menu; '' when none was given (and for invites made before this migration).
        ALTER TABLE invites ADD COLUMN label TEXT NOT NULL DEFAULT '';
      `),
  },
];

/**
 * The last seq handed out in the update log (0 for a new store): the highest of the log's rows, the
 * checkpoints' `through_seq` and the floor migration 4 kept. The store appends above it, so within a room
 * seq only grows and "delete every update up to seq N" never removes one written after N was chosen.
 */
export function lastSeq(db: Database): number {
  const row = db
    .prepare<[], { last: number | null }>(
      `SELECT MAX(
         COALESCE((SELECT MAX(seq) FROM updates), 0),
         COALESCE((SELECT MAX(through_seq) FROM snapshots), 0),
         COALESCE((SELECT last_seq FROM seq_floor WHERE id = 1), 0)
       ) AS last`,
    )
    .get();
  return row?.last ?? 0;
}

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The data directory was written by a newer Haard (schema ${current}, this one knows ${MIGRATIONS.length}). ` +
        'Upgrade Haard; the data was left untouched.',
    );
  }
  for (const [index, migration] of MIGRATIONS.entries()) {
    if (index < current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
