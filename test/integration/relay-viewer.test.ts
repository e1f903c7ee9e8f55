/** A viewer receives everything; its document changes are dropped, counted and never stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  providerClient,
  removeDir,
  startServer,
  synced,
  tokenFor,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/meeting/weekly';

describe('relay: viewer role', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let editor: TestClient;

  beforeAll(async () => {
    server = await startServer();
    editor = providerClient(server, ROOM);
    await synced(editor);
    editor.doc.getArray('agenda').push(['one', 'two', 'three']);
    editor.doc.getArray('agenda').delete(1, 1); // a delete set, so a viewer's sync step 2 is not empty
    await waitFor(() => server.store.updateCount(ROOM) === 2);
  });
  afterAll(async () => {
    editor.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  const healthz = async () =>
    (await (await fetch(`${server.url}/healthz`)).json()) as { droppedViewerUpdates: number };

  it('a viewer that only reads syncs without anything being counted as dropped', async () => {
    const viewer = providerClient(server, ROOM, tokenFor('acme', 'viewer'));
    await synced(viewer);
    expect(viewer.doc.getArray('agenda').toArray()).toEqual(['one', 'three']);
    viewer.provider.disconnect();
    viewer.provider.connect(); // its sync step 2 now carries the whole (already known) state
    await synced(viewer);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.relay.roomStats(ROOM)?.droppedViewerUpdates).toBe(0);
    viewer.destroy();
  });

  it('drops and counts a viewer write, keeps the data unchanged and keeps the viewer up to date', async () => {
    const viewer = providerClient(server, ROOM, tokenFor('acme', 'viewer'));
    await synced(viewer);
    const storedBefore = JSON.stringify(server.store.readRoom(ROOM));

    viewer.doc.getArray('agenda').push(['written by a viewer']);
    viewer.doc.getArray('agenda').delete(0, 1);
    await waitFor(() => (server.relay.roomStats(ROOM)?.droppedViewerUpdates ?? 0) === 2);
    expect((await healthz()).droppedViewerUpdates).toBe(2);
    expect(JSON.stringify(server.store.readRoom(ROOM))).toBe(storedBefore);

    // The viewer still receives, and may still announce itself through awareness.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Vera (viewer)' });
    editor.doc.getArray('agenda').push(['four']);
    await waitFor(() => viewer.doc.getArray('agenda').toArray().includes('four'));
    await waitFor(() =>
      [...editor.provider.awareness.getStates().values()].some(
        (state) => (state as { user?: { name: string } }).user?.name === 'Vera (viewer)',
      ),
    );
    expect(editor.doc.getArray('agenda').toArray()).toEqual(['one', 'three', 'four']);
    expect(viewer.provider.wsconnected).toBe(true);
    viewer.destroy();

    // A fresh editor sees none of the viewer's writes.
    const fresh = providerClient(server, ROOM);
    await synced(fresh);
    expect(fresh.doc.getArray('agenda').toArray()).toEqual(['one', 'three', 'four']);
    fresh.destroy();
  });
});
