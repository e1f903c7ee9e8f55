/**
 * When the store fails while a room is live — an update cannot be stored, and the room cannot be rebuilt
 * from the store either — the room's document may hold a change the store does not. Its connections are
 * closed, and the next client gets the room loaded afresh from the store, never that document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { silentLogger } from '../../server/log.ts';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import { createRelay } from '../../server/relay/relay.ts';
import type { DocStore } from '../../server/store/docStore.ts';
import { openRoomStore } from '../../server/store/roomStore.ts';
import { arrayPush, rawClient, removeDir, tempDataDir, waitFor } from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/flaky';

describe('relay: the store fails while a room is live', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('a room that could not be rebuilt is never served again; the next client gets what is stored', async () => {
    const dataDir = tempDataDir();
    const real = openRoomStore({ dataDir });
    let failing = false;
    const disk = async () => {
      if (failing) throw new Error('disk I/O error');
    };
    const store: DocStore = {
      ...real,
      append: (room, updates) => disk().then(() => real.append(room, updates)),
      load: (room) => disk().then(() => real.load(room)),
    };
    const relay = createRelay({ store, log: silentLogger, idleUnloadMs: 60_000 });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => wss.once('listening', resolve));
    wss.on('connection', (socket, request) => {
      const room = new URL(request.url!, 'http://x').pathname.slice('/sync/'.length);
      relay.connect(socket, { room, role: 'editor' });
    });
    cleanups.push(
      () => removeDir(dataDir),
      () => real.close(),
      () => new Promise((resolve) => wss.close(resolve)),
      () => relay.close(),
    );
    const port = (wss.address() as { port: number }).port;

    const writer = rawClient({ port }, ROOM);
    await writer.opened;
    writer.sendUpdate(arrayPush('items', 'stored'));
    await waitFor(() => real.updateCount(ROOM) === 1);

    failing = true;
    writer.sendUpdate(arrayPush('items', 'never stored'));
    expect((await writer.closed).code).toBe(CloseCode.LoadFailed);
    failing = false;

    // The room is still loaded (its idle unload is a minute away), yet a new client must not see it.
    const reader = rawClient({ port }, ROOM);
    cleanups.push(() => reader.socket.close());
    await reader.opened;
    reader.syncStep1();
    await waitFor(() => reader.doc.getArray('items').length > 0);
    expect(reader.doc.getArray('items').toArray()).toEqual(['stored']);
    expect(real.updateCount(ROOM)).toBe(1);
  });
});
