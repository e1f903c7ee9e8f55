/** A room with no connections is compacted and unloaded after the grace period, and loads again on demand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerClient, removeDir, startServer, synced, waitFor } from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/idle';

describe('relay: idle rooms', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer({ idleUnloadMs: 200 });
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('unloads a room after the grace period, compacting it first, and serves it again later', async () => {
    const first = providerClient(server, ROOM);
    await synced(first);
    first.doc.getArray('items').push(['a', 'b']);
    first.doc.getArray('items').push(['c']);
    await waitFor(() => server.store.updateCount(ROOM) === 2);
    first.destroy();

    await waitFor(() => server.relay.roomStats(ROOM)?.connections === 0);
    expect(server.relay.stats().rooms).toBe(1); // still loaded during the grace period
    await waitFor(() => server.relay.roomStats(ROOM) === undefined, 2_000, 'the room to unload');
    expect(server.relay.stats().rooms).toBe(0);
    expect(server.store.updateCount(ROOM)).toBe(0);
    expect(server.store.readRoom(ROOM).checkpoint).not.toBeNull();

    const again = providerClient(server, ROOM);
    await synced(again);
    expect(again.doc.getArray('items').toArray()).toEqual(['a', 'b', 'c']);
    again.destroy();
  });

  it('a connection arriving within the grace period keeps the room loaded', async () => {
    const room = 'acme/plan/returning';
    const patient = await startServer({ idleUnloadMs: 600 });
    const a = providerClient(patient, room);
    await synced(a);
    a.doc.getText('t').insert(0, 'x');
    await waitFor(() => patient.store.updateCount(room) === 1);
    a.destroy();
    await waitFor(() => patient.relay.roomStats(room)?.connections === 0);
    const b = providerClient(patient, room);
    await synced(b);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(patient.relay.roomStats(room)?.connections).toBe(1);
    expect(patient.store.updateCount(room)).toBe(1); // not compacted: never unloaded
    b.destroy();
    await patient.close();
    removeDir(patient.dataDir);
  });
});
