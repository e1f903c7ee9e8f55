/**
 * A room whose stored data Yjs cannot apply is refused with LoadFailed and a log line — never served as an
 * empty document that would then be written back over the real data.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../server/log.ts';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import { STORE_FILE_NAME } from '../../server/store/roomStore.ts';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  tempDataDir,
  waitFor,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/corrupt';

describe('relay: corrupt stored data', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('closes with LoadFailed, logs it, serves no bytes and leaves the stored rows as they were', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const first = await startServer({ dataDir });
    const writer = providerClient(first, ROOM);
    await synced(writer);
    for (let i = 0; i < 3; i++) writer.doc.getArray('items').push([i]);
    await waitFor(() => first.store.updateCount(ROOM) === 3);
    writer.destroy();
    await first.close(); // compacts the three updates into the room's snapshot
    // Then one more update row, corrupted, after the real data.
    const file = join(dataDir, STORE_FILE_NAME);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO updates (room, seq, bytes)
       VALUES (?, (SELECT MAX(through_seq) FROM snapshots) + 1, ?)`,
    ).run(ROOM, Buffer.from('not a yjs update'));
    const before = dumpRows(db);
    db.close();
    expect(before.map((row) => row.table)).toEqual(['updates', 'snapshots']);

    const lines: string[] = [];
    const log: Logger = (level, message, fields) =>
      lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
    const server = await startServer({ dataDir, log, idleUnloadMs: 0 });
    cleanups.push(() => server.close());

    const client = rawClient(server, ROOM);
    const closed = await client.closed;
    expect(closed.code).toBe(CloseCode.LoadFailed);
    expect(client.received).toHaveLength(0);
    expect(lines.some((line) => line.startsWith('error') && line.includes(ROOM))).toBe(true);

    // A real provider is refused too (and keeps retrying with backoff, as 4500 is "try again later").
    const provider = providerClient(server, ROOM);
    cleanups.push(provider.destroy);
    const codes: number[] = [];
    provider.provider.on('connection-close', (event) => codes.push(event?.code ?? -1));
    await waitFor(() => codes.length >= 1);
    expect(codes[0]).toBe(CloseCode.LoadFailed);
    expect(provider.provider.synced).toBe(false);

    // Another room on the same server works.
    const other = providerClient(server, 'acme/plan/healthy');
    cleanups.push(other.destroy);
    await synced(other);
    other.doc.getText('t').insert(0, 'fine');
    await waitFor(() => server.store.updateCount('acme/plan/healthy') === 1);

    provider.destroy();
    await server.close();
    const after = new Database(file, { readonly: true });
    const rows = dumpRows(after);
    after.close();
    expect(rows.filter((row) => row.room === ROOM)).toEqual(before.filter((row) => row.room === ROOM));
  });
});

function dumpRows(db: Database.Database): Array<{ table: string; room: string; hex: string }> {
  const updates = db.prepare('SELECT room, bytes FROM updates ORDER BY seq').all() as Array<{
    room: string;
    bytes: Buffer;
  }>;
  const snapshots = db.prepare('SELECT room, bytes FROM snapshots ORDER BY room').all() as Array<{
    room: string;
    bytes: Buffer;
  }>;
  return [
    ...updates.map((row) => ({ table: 'updates', room: row.room, hex: row.bytes.toString('hex') })),
    ...snapshots.map((row) => ({ table: 'snapshots', room: row.room, hex: row.bytes.toString('hex') })),
  ];
}
