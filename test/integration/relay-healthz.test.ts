import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerClient, removeDir, startServer, synced, tokenFor, waitFor } from './helpers/relayHarness.ts';

describe('relay: GET /healthz', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  const healthz = async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return (await response.json()) as Record<string, unknown>;
  };

  it('counts rooms, connections and dropped viewer updates', async () => {
    expect(await healthz()).toEqual({
      status: 'ok',
      rooms: 0,
      connections: 0,
      droppedViewerUpdates: 0,
      storeError: null,
      multiplexedSockets: 0,
      eventLoopMaxMs: expect.any(Number),
      uptimeSeconds: 0,
    });

    const clients = [
      providerClient(server, 'acme/plan/one'),
      providerClient(server, 'acme/plan/one'),
      providerClient(server, 'acme/meeting/two'),
      providerClient(server, 'acme/meeting/two', tokenFor('acme', 'viewer')),
    ];
    await Promise.all(clients.map((c) => synced(c)));
    clients[3]!.doc.getText('t').insert(0, 'viewer write');
    await waitFor(() => server.relay.stats().droppedViewerUpdates === 1);

    expect(await healthz()).toMatchObject({
      status: 'ok',
      rooms: 2,
      connections: 4,
      droppedViewerUpdates: 1,
    });
    for (const c of clients) c.destroy();
    await waitFor(() => server.relay.stats().connections === 0);
    expect(await healthz()).toMatchObject({ connections: 0, droppedViewerUpdates: 1 });
  });
});
