import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openRoomStore, STORE_FILE_NAME } from '../../server/store/roomStore.ts';
import { crc32 } from '../../server/store/rows.ts';
import { MIGRATIONS } from '../../server/store/schema.ts';
import { removeDir, tempDataDir } from './helpers/relayHarness.ts';

/** Real Yjs updates: each pushes one item to the room's array. */
function updates(count: number, from = 0): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) doc.getArray('items').push([from + i]);
  return out;
}

const tableSql = (db: Database.Database, name: string): string =>
  (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;

describe('store schema: the update log clustered by room (migration 4)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('a store written before it keeps every row, checkpoint and seq, and never hands out a seq again', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    mkdirSync(dataDir, { recursive: true });
    // The schema as it was: migrations 1–3, a rowid table with AUTOINCREMENT.
    const old = new Database(join(dataDir, STORE_FILE_NAME));
    old.pragma('journal_mode = WAL');
    for (const migration of MIGRATIONS.slice(0, 3)) migration.up(old);
    old.pragma('user_version = 3');
    const insert = old.prepare('INSERT INTO updates (room, bytes, checksum) VALUES (?, ?, ?)');
    for (const update of updates(3)) insert.run('acme/plan/a', update, crc32(update));
    for (const update of updates(2)) insert.run('acme/plan/b', update, crc32(update));
    // Seqs 6 and 7 were given out, then folded away: AUTOINCREMENT remembers 7; no row shows it.
    for (const update of updates(2, 10)) insert.run('acme/plan/gone', update, crc32(update));
    old.prepare("DELETE FROM updates WHERE room = 'acme/plan/gone'").run();
    const before = old.prepare('SELECT room, seq, bytes, checksum FROM updates ORDER BY room, seq').all();
    expect(before).toHaveLength(5);
    old.close();

    const store = openRoomStore({ dataDir });
    cleanups.push(() => store.close());
    const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
    cleanups.push(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tableSql(db, 'updates')).toMatch(/WITHOUT ROWID/);
    expect(db.prepare('SELECT room, seq, bytes, checksum FROM updates ORDER BY room, seq').all()).toEqual(
      before,
    );
    expect(store.readRoom('acme/plan/a').updates.map((row) => row.seq)).toEqual([1, 2, 3]);

    const [next] = updates(1, 20);
    const { lastSeq } = await store.append('acme/plan/a', [next!]);
    expect(lastSeq).toBe(8); // above AUTOINCREMENT's 7, not MAX(seq) + 1 = 6
    const rebuilt = new Y.Doc();
    for (const row of store.readRoom('acme/plan/a').updates) Y.applyUpdate(rebuilt, row.bytes);
    expect(rebuilt.getArray('items').length).toBe(4);
  });

  it('a new store numbers its updates from 1, per append, and goes on above them after a restart', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const first = openRoomStore({ dataDir });
    const [one, two, three] = updates(3);
    expect((await first.append('acme/plan/a', [one!])).lastSeq).toBe(1);
    expect((await first.append('acme/plan/b', [two!, three!])).lastSeq).toBe(3);
    expect(first.readRoom('acme/plan/b').updates.map((row) => row.seq)).toEqual([2, 3]);
    await first.close();

    const second = openRoomStore({ dataDir });
    cleanups.push(() => second.close());
    const [four] = updates(1, 9);
    expect((await second.append('acme/plan/a', [four!])).lastSeq).toBe(4);
  });

  it('after a checkpoint folded every update away, seqs stay above the checkpoint', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const first = openRoomStore({ dataDir });
    await first.append('acme/plan/a', updates(4));
    const folded = await first.compact('acme/plan/a', 4);
    expect(folded).toMatchObject({ ok: true, foldedUpdates: 4 });
    expect(first.updateCount('acme/plan/a')).toBe(0);
    await first.close();

    const second = openRoomStore({ dataDir });
    cleanups.push(() => second.close());
    expect((await second.append('acme/plan/a', updates(1, 5))).lastSeq).toBe(5);
    expect(second.readRoom('acme/plan/a')).toMatchObject({ checkpointSeq: 4, updates: [{ seq: 5 }] });
  });
});

describe('store schema: invite labels (migration 5)', () => {
  it('an invite made before it is listed with no label, and a new one keeps its label', async () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    const old = new Database(join(dataDir, STORE_FILE_NAME));
    old.pragma('journal_mode = WAL');
    for (const migration of MIGRATIONS.slice(0, 4)) migration.up(old);
    old.pragma('user_version = 4');
    old
      .prepare('INSERT INTO invites (id, workspace, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run('old1', 'acme', 'viewer', 1_000, 9e12);
    old.close();

    const store = openRoomStore({ dataDir });
    try {
      store.invites.record({
        id: 'new1',
        workspaceId: 'acme',
        role: 'editor',
        label: 'Carla',
        createdAt: 2_000,
        expiresAt: 9e12,
      });
      expect(store.invites.list('acme', 5_000).map((i) => [i.id, i.label])).toEqual([
        ['new1', 'Carla'],
        ['old1', ''],
      ]);
    } finally {
      await store.close();
      removeDir(dataDir);
    }
  });
});
