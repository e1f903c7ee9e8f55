/**
 * An invite's expiry ends its open connections too: at the expiry second the relay closes the socket with
 * Unauthorized (4401), and nothing the client sends after that is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import {
  arrayPush,
  rawClient,
  removeDir,
  sleep,
  startServer,
  tokenFor,
  waitFor,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/expiring';

describe('relay: token expiry', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('closes a connection with 4401 when its token expires, long before any ping would', async () => {
    const server = await startServer({ pingIntervalMs: 60_000 });
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
    const client = rawClient(server, ROOM, tokenFor('acme', 'editor', 2));
    await client.opened;
    client.sendUpdate(arrayPush('items', 'before expiry'));
    await waitFor(() => server.store.updateCount(ROOM) === 1);
    const writing = setInterval(() => {
      if (client.socket.readyState === client.socket.OPEN) client.sendUpdate(arrayPush('items', 'after'));
    }, 100);
    cleanups.push(() => clearInterval(writing));
    const closed = await client.closed;
    expect(closed).toEqual({ code: CloseCode.Unauthorized, reason: 'token expired' });
    await sleep(50);
    // Every update it sent was stored before the close; its socket is gone from the room.
    const stored = server.store.updateCount(ROOM);
    await sleep(300);
    expect(server.store.updateCount(ROOM)).toBe(stored);
    expect(server.relay.stats().connections).toBe(0);
  });
});
