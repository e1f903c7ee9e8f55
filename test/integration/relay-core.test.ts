/**
 * The relay core needs no HTTP server of ours: here a bare `ws` server hands its sockets to
 * `createRelay`, and the y-websocket provider syncs through it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createRelay } from '../../server/relay/relay.ts';
import { openRoomStore } from '../../server/store/roomStore.ts';
import { silentLogger } from '../../server/log.ts';
import { providerClient, removeDir, synced, tempDataDir, tokenFor, waitFor } from './helpers/relayHarness.ts';

describe('relay core on WebSocketLike', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('serves sockets from any WebSocket server, with the role it is given', async () => {
    const dataDir = tempDataDir();
    const store = openRoomStore({ dataDir });
    const relay = createRelay({ store, log: silentLogger });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => wss.once('listening', resolve));
    // The URL is not checked here: this server trusts the path, and serves /sync/<room> as a viewer
    // when the query says so (authentication is the HTTP layer's job, not the core's).
    wss.on('connection', (socket, request) => {
      const url = new URL(request.url!, 'http://x');
      relay.connect(socket, {
        room: url.pathname.slice('/sync/'.length),
        role: url.searchParams.get('as') === 'viewer' ? 'viewer' : 'editor',
      });
    });
    cleanups.push(
      () => removeDir(dataDir),
      () => store.close(),
      () => new Promise((resolve) => wss.close(resolve)),
      () => relay.close(),
    );
    const port = (wss.address() as { port: number }).port;

    const room = 'acme/tournament/t1';
    const a = providerClient({ port }, room);
    const b = providerClient({ port }, room);
    cleanups.push(a.destroy, b.destroy);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('scores').set('acme', 4);
    await waitFor(() => b.doc.getMap('scores').get('acme') === 4);
    expect(store.updateCount(room)).toBe(1);
    expect(relay.stats()).toEqual({ rooms: 1, connections: 2, droppedViewerUpdates: 0, storeError: null });

    const viewer = providerClient({ port }, room, tokenFor('acme'));
    viewer.provider.params = { as: 'viewer' };
    viewer.provider.disconnect();
    viewer.provider.connect();
    cleanups.push(viewer.destroy);
    await synced(viewer);
    viewer.doc.getMap('scores').set('acme', 1);
    await waitFor(() => relay.stats().droppedViewerUpdates === 1);
    expect(a.doc.getMap('scores').get('acme')).toBe(4);
  });
});
