/**
 * Revocable invites: an editor lists the invites made in the app, revokes one, or revokes every invite made
 * before now (except their own). What is revoked stops working at once — its open sockets (plain and
 * multiplexed) close with 4401, new ones and API calls are refused — and stays revoked after a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import { rawClient, removeDir, startServer, tempDataDir, tokenFor, waitFor } from './helpers/relayHarness.ts';
import { rawMuxClient } from './helpers/muxHarness.ts';

const ROOM = 'acme/plan/revoke';
const DAY = 86_400;

interface Invite {
  id: string;
  revokedAt: number | null;
}

describe('relay: revoking invites', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function server(dataDir = tempDataDir()) {
    const started = await startServer({ dataDir });
    cleanups.push(() => started.close());
    const api = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await fetch(`${started.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as { invites: Invite[]; closedConnections?: number } & Record<
          string,
          unknown
        >,
      };
    };
    const invite = async (owner: string, role: 'editor' | 'viewer' = 'editor') =>
      (await api('POST', '/api/invites', owner, { role, days: 7 })).body as unknown as {
        token: string;
        invite: { id: string };
      };
    return { server: started, api, invite, dataDir };
  }

  it('revokes one invite: its sockets close with 4401, it is refused from then on, also after a restart', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const { server: relay, api, invite } = await server(dataDir);
    const anna = tokenFor('acme', 'editor', 30 * DAY);
    const bram = await invite(anna);
    const carla = await invite(anna, 'viewer');

    const annaSocket = rawClient(relay, ROOM, anna);
    const bramSocket = rawClient(relay, ROOM, bram.token);
    const bramMux = rawMuxClient(relay);
    await Promise.all([annaSocket.opened, bramSocket.opened, bramMux.opened]);
    bramMux.hello(bram.token);
    bramMux.join(ROOM);
    await waitFor(() => relay.relay.roomStats(ROOM)?.connections === 3);

    const listed = await api('GET', '/api/invites', anna);
    expect(listed.body.invites.map((i) => [i.id, i.revokedAt])).toEqual(
      expect.arrayContaining([
        [bram.invite.id, null],
        [carla.invite.id, null],
      ]),
    );

    const revoked = await api('POST', '/api/invites/revoke', anna, { id: bram.invite.id });
    expect(revoked).toEqual({ status: 200, body: { closedConnections: 2 } });
    expect(await bramSocket.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'invite revoked' });
    expect((await bramMux.closed).code).toBe(CloseCode.Unauthorized);
    expect(annaSocket.socket.readyState).toBe(annaSocket.socket.OPEN);

    expect((await rawClient(relay, ROOM, bram.token).closed).code).toBe(CloseCode.Unauthorized);
    expect((await api('GET', '/api/invites', bram.token)).status).toBe(401);
    const after = (await api('GET', '/api/invites', anna)).body.invites as Array<{
      id: string;
      revokedAt: number | null;
    }>;
    expect(after.find((i) => i.id === bram.invite.id)?.revokedAt).toEqual(expect.any(Number));
    expect(after.find((i) => i.id === carla.invite.id)?.revokedAt).toBeNull();
    expect((await api('POST', '/api/invites/revoke', anna, { id: 'no-such-id' })).status).toBe(404);

    annaSocket.socket.close();
    await relay.close();
    const again = await server(dataDir);
    expect((await rawClient(again.server, ROOM, bram.token).closed).code).toBe(CloseCode.Unauthorized);
    const carlaSocket = rawClient(again.server, ROOM, carla.token);
    await carlaSocket.opened;
    carlaSocket.socket.close();
  });

  it('revokes every invite made before now except the caller’s own, also ones made outside the app', async () => {
    const { server: relay, api, invite, dataDir } = await server();
    cleanups.push(() => removeDir(dataDir));
    const anna = tokenFor('acme', 'editor', 30 * DAY);
    const bram = await invite(anna);
    const outside = tokenFor('acme', 'editor', 30 * DAY); // e.g. made by `haard token`
    const otherWorkspace = tokenFor('zeta', 'editor', 30 * DAY);
    const sockets = [anna, bram.token, outside].map((token) => rawClient(relay, ROOM, token));
    const zeta = rawClient(relay, 'zeta/plan/x', otherWorkspace);
    await Promise.all([...sockets, zeta].map((s) => s.opened));
    await waitFor(() => relay.relay.stats().connections === 4);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the cutoff is in whole seconds

    expect(await api('POST', '/api/invites/revoke-all', anna, {})).toEqual({
      status: 200,
      body: { closedConnections: 2 },
    });
    expect((await sockets[1]!.closed).code).toBe(CloseCode.Unauthorized);
    expect((await sockets[2]!.closed).code).toBe(CloseCode.Unauthorized);
    expect(sockets[0]!.socket.readyState).toBe(sockets[0]!.socket.OPEN);
    expect(zeta.socket.readyState).toBe(zeta.socket.OPEN);

    // Invites made after the revocation work.
    const fresh = await invite(anna);
    const freshSocket = rawClient(relay, ROOM, fresh.token);
    await freshSocket.opened;
    for (const s of [sockets[0]!, zeta, freshSocket]) s.socket.close();
  });
});
