/** A peer that stops answering pings is terminated and leaves its room. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  waitFor,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/pings';

describe('relay: ping/pong', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer({ pingIntervalMs: 100 });
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  it('terminates a dead peer and keeps a live one', async () => {
    const live = providerClient(server, ROOM);
    await synced(live);
    const dead = rawClient(server, ROOM, undefined, { autoPong: false });
    await dead.opened;
    await waitFor(() => server.relay.roomStats(ROOM)?.connections === 2);

    const closed = await dead.closed;
    expect(closed.code).toBe(1006); // terminated: no close frame
    await waitFor(() => server.relay.roomStats(ROOM)?.connections === 1);

    await new Promise((resolve) => setTimeout(resolve, 400)); // several more ping rounds
    expect(live.provider.wsconnected).toBe(true);
    expect(server.relay.roomStats(ROOM)?.connections).toBe(1);
    live.destroy();
  });
});
