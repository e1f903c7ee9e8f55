/** A connection sending faster than its token bucket allows is closed with RateLimited; others carry on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/busy';

describe('relay: per-connection rate limit', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let calm: TestClient;

  beforeAll(async () => {
    server = await startServer({ rateLimit: { perSecond: 50, burst: 100 } });
    calm = providerClient(server, ROOM);
    await synced(calm);
  });
  afterAll(async () => {
    calm.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  it('closes a flooding connection with 1013 (try again later) and keeps serving the others', async () => {
    const flooder = rawClient(server, ROOM);
    await flooder.opened;
    const queryAwareness = encoding.encode((e) => encoding.writeVarUint(e, 3));
    for (let i = 0; i < 500; i++) flooder.send(queryAwareness);
    expect((await flooder.closed).code).toBe(CloseCode.RateLimited);

    const peer = providerClient(server, ROOM);
    await synced(peer);
    calm.doc.getText('t').insert(0, 'still here');
    await waitFor(() => peer.doc.getText('t').toString() === 'still here');
    peer.destroy();
  });

  it('lets a connection within its burst through', async () => {
    const steady = rawClient(server, ROOM);
    await steady.opened;
    for (let i = 0; i < 90; i++) steady.syncStep1();
    await waitFor(() => steady.received.length >= 90);
    expect(steady.socket.readyState).toBe(steady.socket.OPEN);
    steady.socket.close();
  });
});
