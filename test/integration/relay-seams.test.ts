/**
 * The relay's seams, with their in-process implementations: an asynchronous store (persist before broadcast
 * holds even when a write takes time), the room bus (two relay "nodes" sharing one bus and one store serve
 * one room together), and `join` for any `Peer` (what a multiplexed socket uses).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { createLocalHub } from '../../server/relay/bus.ts';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import { encodeUpdate } from '../../server/relay/protocol.ts';
import { nextPeerId, type Peer } from '../../server/relay/peer.ts';
import { createRelay, type Relay } from '../../server/relay/relay.ts';
import { silentLogger } from '../../server/log.ts';
import type { DocStore } from '../../server/store/docStore.ts';
import { openRoomStore } from '../../server/store/roomStore.ts';
import {
  arrayPush,
  providerClient,
  rawClient,
  removeDir,
  sleep,
  synced,
  tempDataDir,
  waitFor,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/meeting/seams';

describe('relay seams', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A ws server on port 0 handing every /sync/<room> socket to `relay` as an editor. */
  async function listen(relay: Relay): Promise<{ port: number }> {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => wss.once('listening', resolve));
    wss.on('connection', (socket, request) => {
      const room = new URL(request.url!, 'http://x').pathname.slice('/sync/'.length);
      relay.connect(socket, { room, role: 'editor' });
    });
    cleanups.push(() => new Promise((resolve) => wss.close(resolve)));
    return { port: (wss.address() as { port: number }).port };
  }

  function sqlite() {
    const dataDir = tempDataDir();
    const store = openRoomStore({ dataDir });
    cleanups.push(
      () => removeDir(dataDir),
      () => store.close(),
    );
    return store;
  }

  it('a slow store: nobody sees an update, nor gets it in a sync, before it is stored', async () => {
    const real = sqlite();
    const appended: string[] = [];
    let release: () => void = () => {};
    const store: DocStore = {
      ...real,
      // Each write waits until the test releases it.
      append: (room, updates) =>
        new Promise<void>((resolve) => (release = resolve)).then(async () => {
          const result = await real.append(room, updates);
          appended.push(room);
          return result;
        }),
    };
    const relay = createRelay({ store, log: silentLogger });
    cleanups.push(() => relay.close());
    const server = await listen(relay);

    const writer = rawClient(server, ROOM);
    const observer = rawClient(server, ROOM);
    cleanups.push(
      () => writer.socket.close(),
      () => observer.socket.close(),
    );
    await Promise.all([writer.opened, observer.opened]);
    await waitFor(() => relay.roomStats(ROOM)?.connections === 2);
    writer.sendUpdate(arrayPush('items', 'slow'));
    const joiner = rawClient(server, ROOM);
    cleanups.push(() => joiner.socket.close());
    await joiner.opened;
    joiner.syncStep1();
    await sleep(150);
    expect(appended).toEqual([]);
    expect(observer.doc.getArray('items').length).toBe(0);
    expect(joiner.doc.getArray('items').length).toBe(0); // its sync step 2 waits behind the write

    release();
    await waitFor(
      () => observer.doc.getArray('items').length === 1 && joiner.doc.getArray('items').length === 1,
    );
    expect(appended).toEqual([ROOM]);
    expect(real.updateCount(ROOM)).toBe(1);
  });

  it('two relay nodes on one bus and one store serve one room together', async () => {
    const store = sqlite();
    const hub = createLocalHub();
    const nodeA = createRelay({ store, bus: hub.bus('a'), log: silentLogger });
    const nodeB = createRelay({ store, bus: hub.bus('b'), log: silentLogger });
    cleanups.push(
      () => nodeA.close(),
      () => nodeB.close(),
    );
    const [serverA, serverB] = await Promise.all([listen(nodeA), listen(nodeB)]);

    const alice = providerClient(serverA, ROOM);
    const bob = providerClient(serverB, ROOM);
    cleanups.push(alice.destroy, bob.destroy);
    await Promise.all([synced(alice), synced(bob)]);
    alice.doc.getMap('board').set('topic', 'Q3');
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    await waitFor(() => bob.doc.getMap('board').get('topic') === 'Q3');
    await waitFor(() =>
      [...alice.provider.awareness.getStates().values()].some(
        (s) => (s as { user?: unknown }).user !== undefined,
      ),
    );
    bob.doc.getMap('board').set('next', 'Q4');
    await waitFor(() => alice.doc.getMap('board').get('next') === 'Q4');
    // Each update was stored once, by the node that received it.
    expect(store.updateCount(ROOM)).toBe(2);

    // A third client on node A, joining late, gets Bob's edit from node A's live document.
    const carol = providerClient(serverA, ROOM);
    cleanups.push(carol.destroy);
    await synced(carol);
    expect(carol.doc.getMap('board').toJSON()).toEqual({ topic: 'Q3', next: 'Q4' });
  });

  it('any Peer can join a room: it is greeted, gets broadcasts, and its updates are stored', async () => {
    const store = sqlite();
    const relay = createRelay({ store, log: silentLogger });
    cleanups.push(() => relay.close());
    const server = await listen(relay);

    const frames: Uint8Array[] = [];
    const closes: number[] = [];
    const peer: Peer = {
      id: nextPeerId(),
      role: 'editor',
      awarenessIdCount: 0,
      send: (frame) => frames.push(frame),
      close: (code) => closes.push(code),
    };
    const joined = await relay.join(peer, ROOM);
    if (!joined.ok) throw new Error(joined.reason);
    expect([...frames[0]!.subarray(0, 2)]).toEqual([0, 0]); // sync step 1 first

    const socketClient = providerClient(server, ROOM);
    cleanups.push(socketClient.destroy);
    await synced(socketClient);
    socketClient.doc.getArray('items').push(['from a socket']);
    await waitFor(() => frames.some((frame) => frame[0] === 0 && frame[1] === 2));

    const doc = new Y.Doc();
    doc.getArray('items').push(['from a peer']);
    const update = Y.encodeStateAsUpdate(doc);
    joined.membership.receive(encodeUpdate(update));
    await waitFor(() => socketClient.doc.getArray('items').length === 2);
    expect(store.updateCount(ROOM)).toBe(2);

    joined.membership.receive(new Uint8Array([9, 9, 9]));
    expect(closes).toEqual([CloseCode.MalformedMessage]);
    joined.membership.leave();
    expect(relay.roomStats(ROOM)?.connections).toBe(1);
  });
});
