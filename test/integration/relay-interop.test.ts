/**
 * Interop: the npm y-websocket WebsocketProvider (the browser app's client) and a client speaking the
 * protocol by hand with y-protocols both sync through the relay, including awareness.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  waitFor,
} from './helpers/relayHarness.ts';

describe('relay: y-websocket interop', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('the npm WebsocketProvider syncs documents and awareness through the relay', async () => {
    const server = await startServer();
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
    const room = 'acme/meeting/m-1';
    const alice = providerClient(server, room);
    const bob = providerClient(server, room);
    cleanups.push(alice.destroy, bob.destroy);
    await Promise.all([synced(alice), synced(bob)]);

    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    alice.doc.getMap('board').set('topic', 'Q3 review');
    await waitFor(() => bob.doc.getMap('board').get('topic') === 'Q3 review');
    const bobSeesAlice = (awareness: Awareness) =>
      [...awareness.getStates().values()].some(
        (s) => (s as { user?: { name: string } }).user?.name === 'Alice',
      );
    await waitFor(() => bobSeesAlice(bob.provider.awareness), 5_000, 'awareness of Alice at Bob');

    // A hand-written protocol client in the same room sees the provider's edit, and the provider sees its edit.
    const raw = rawClient(server, room);
    cleanups.push(() => raw.socket.terminate());
    await raw.opened;
    raw.syncStep1();
    await waitFor(() => raw.doc.getMap('board').get('topic') === 'Q3 review');
    const edit = new Y.Doc();
    edit.getMap('board').set('owner', 'Raw');
    raw.sendUpdate(Y.encodeStateAsUpdate(edit));
    await waitFor(
      () =>
        alice.doc.getMap('board').get('owner') === 'Raw' && bob.doc.getMap('board').get('owner') === 'Raw',
    );

    // Leaving removes Alice's awareness for the others.
    alice.provider.disconnect();
    await waitFor(() => !bobSeesAlice(bob.provider.awareness), 5_000, 'Alice to leave awareness');
    expect(server.relay.roomStats(room)?.connections).toBe(2);
  });
});
