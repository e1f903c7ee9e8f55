import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../server/store/roomStore.ts';
import {
  providerClient,
  removeDir,
  startServer,
  synced,
  tempDataDir,
  waitFor,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/persist';

describe('relay: persistence', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('a restarted server on the same data dir serves the state it had', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const first = await startServer({ dataDir });
    const writer = providerClient(first, ROOM);
    await synced(writer);
    writer.doc.getText('notes').insert(0, 'kept across restarts');
    writer.doc.getArray('items').push([1, 2, 3]);
    await waitFor(() => (first.store.readRoom(ROOM).updates.length ?? 0) >= 2);
    writer.destroy();
    await first.close();

    const second = await startServer({ dataDir });
    cleanups.push(() => second.close());
    const reader = providerClient(second, ROOM);
    cleanups.push(reader.destroy);
    await synced(reader);
    expect(reader.doc.getText('notes').toString()).toBe('kept across restarts');
    expect(reader.doc.getArray('items').toArray()).toEqual([1, 2, 3]);
  });

  it('compaction folds the updates into one snapshot and keeps every one of them', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const server = await startServer({ dataDir, compactAfterUpdates: 20 });
    const writer = providerClient(server, ROOM);
    await synced(writer);
    for (let i = 0; i < 250; i++) {
      writer.doc.getArray('items').push([i]);
      if (i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    writer.doc.getArray('items').delete(0, 10);
    await waitFor(() => server.relay.roomStats(ROOM)!.storedUpdates < 20 && hasSnapshot(server.store.file));
    const observer = providerClient(server, ROOM);
    await synced(observer);
    await waitFor(() => observer.doc.getArray('items').length === 240);
    writer.destroy();
    observer.destroy();
    await server.close();

    // After the last compaction (at unload on close) the room is one snapshot and no updates.
    const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM updates').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM snapshots').get()).toEqual({ n: 1 });
    db.close();

    const restarted = await startServer({ dataDir });
    cleanups.push(() => restarted.close());
    const reader = providerClient(restarted, ROOM);
    cleanups.push(reader.destroy);
    await synced(reader);
    expect(reader.doc.getArray('items').toArray()).toEqual(Array.from({ length: 240 }, (_, i) => i + 10));
  });
});

function hasSnapshot(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM snapshots').get() as { n: number }).n > 0;
  } finally {
    db.close();
  }
}
