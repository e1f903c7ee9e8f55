/**
 * Several documents over one socket (`/sync`, protocol/multiplex.ts), with the app's own client
 * (client/src/sync) against the real relay on port 0: many documents converge over one socket per device,
 * a late joiner gets everything, a relay restart mid-edit loses nothing, and `/sync/<room>` keeps serving
 * y-websocket's WebsocketProvider in the same rooms.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import type { OpenDocument } from '../../client/src/sync/connection.ts';
import { openSocketCount } from '../../client/src/sync/socket.ts';
import { mulberry32 } from '../helpers/rng.ts';
import { muxDoc, phase } from './helpers/muxHarness.ts';
import {
  providerClient,
  removeDir,
  startServer,
  synced,
  tokenFor,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

type Server = Awaited<ReturnType<typeof startServer>>;

const healthz = async (server: Server) =>
  (await (await fetch(`${server.url}/healthz`)).json()) as {
    connections: number;
    multiplexedSockets: number;
  };

const text = (doc: OpenDocument) => doc.doc.getText('t').toString();

describe('multiplexed sync: many documents over one socket', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const track = (docs: OpenDocument[]) => cleanups.push(() => Promise.all(docs.map((d) => d.destroy())));
  const serve = async (options = {}) => {
    const server = await startServer(options);
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
    return server;
  };

  it('three devices × 40 documents, random edits from all, converge over three sockets', async () => {
    const server = await serve();
    const token = tokenFor('acme');
    const rooms = Array.from({ length: 40 }, (_, i) => `acme/plan/p${i}`);
    const devices = ['a', 'b', 'c'].map((client) =>
      rooms.map((room) => muxDoc(server, room, token, { client })),
    );
    devices.forEach(track);
    await Promise.all(devices.flat().map((d) => phase(d, 'synced')));
    expect(await healthz(server)).toMatchObject({ multiplexedSockets: 3, connections: 120 });

    const rng = mulberry32(7);
    for (let step = 0; step < 300; step++) {
      const device = devices[Math.floor(rng() * 3)]!;
      const doc = device[Math.floor(rng() * rooms.length)]!;
      const t = doc.doc.getText('t');
      t.insert(Math.floor(rng() * (t.length + 1)), String.fromCharCode(97 + Math.floor(rng() * 26)));
      if (step % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const converged = () =>
      rooms.every(
        (_, i) =>
          text(devices[0]![i]!) === text(devices[1]![i]!) && text(devices[1]![i]!) === text(devices[2]![i]!),
      );
    await waitFor(converged, 10_000, 'every document to converge on every device');
    const total = devices[0]!.reduce((sum, d) => sum + text(d).length, 0);
    expect(total).toBe(300); // every keystroke survived, none doubled
    expect(
      devices.flat().every((d) => d.state().phase === 'synced' && d.state().local === 'unavailable'),
    ).toBe(true);
  });

  it('a late joiner gets every document; the socket closes when its last document is destroyed', async () => {
    const server = await serve();
    const token = tokenFor('acme');
    const rooms = Array.from({ length: 25 }, (_, i) => `acme/plan/late${i}`);
    const writers = rooms.map((room) => muxDoc(server, room, token, { client: 'writer' }));
    track(writers);
    await Promise.all(writers.map((d) => phase(d, 'synced')));
    writers.forEach((d, i) => d.doc.getText('t').insert(0, `plan ${i}`));
    await waitFor(() => rooms.every((room) => (server.relay.roomStats(room)?.storedUpdates ?? 0) > 0));

    const socketsBefore = openSocketCount();
    const late = rooms.map((room) => muxDoc(server, room, token, { client: 'late' }));
    await Promise.all(late.map((d) => phase(d, 'synced')));
    late.forEach((d, i) => expect(text(d)).toBe(`plan ${i}`));
    expect(openSocketCount()).toBe(socketsBefore + 1);

    await Promise.all(late.slice(1).map((d) => d.destroy()));
    expect(openSocketCount()).toBe(socketsBefore + 1); // still held by one document
    await late[0]!.destroy();
    expect(openSocketCount()).toBe(socketsBefore);
    await waitFor(
      () => server.relay.roomStats(rooms[0]!)?.connections === 1,
      5_000,
      'the late device to leave',
    );
  });

  it('a relay restart mid-edit: edits made while it is down reach the other device after it is back', async () => {
    const first = await startServer();
    cleanups.push(() => removeDir(first.dataDir));
    const { port, dataDir } = first;
    const token = tokenFor('acme');
    const rooms = Array.from({ length: 10 }, (_, i) => `acme/plan/r${i}`);
    const alice = rooms.map((room) => muxDoc({ port }, room, token, { client: 'alice' }));
    const bob = rooms.map((room) => muxDoc({ port }, room, token, { client: 'bob' }));
    track(alice);
    track(bob);
    await Promise.all([...alice, ...bob].map((d) => phase(d, 'synced')));
    alice.forEach((d, i) => d.doc.getText('t').insert(0, `before ${i};`));
    await waitFor(() => bob.every((d, i) => text(d) === `before ${i};`));

    await first.close();
    await Promise.all(alice.map((d) => phase(d, 'offline')));
    alice.forEach((d, i) => d.doc.getText('t').insert(text(d).length, ` during ${i};`));
    bob.forEach((d, i) => d.doc.getText('t').insert(0, `bob ${i};`));
    expect(alice[0]!.state().pending).toBeGreaterThan(0);

    const second = await startServer({ port, dataDir });
    cleanups.push(() => second.close());
    await Promise.all([...alice, ...bob].map((d) => phase(d, 'synced', 10_000)));
    await waitFor(
      () => rooms.every((_, i) => text(alice[i]!) === text(bob[i]!)),
      5_000,
      'convergence after restart',
    );
    alice.forEach((d, i) => {
      expect(text(d)).toContain(`before ${i};`);
      expect(text(d)).toContain(` during ${i};`);
      expect(text(d)).toContain(`bob ${i};`);
    });
    expect(alice[0]!.state().pending).toBe(0);
  });

  it('/sync/<room> still serves y-websocket providers, in the same rooms as multiplexed documents', async () => {
    const server = await serve();
    const room = 'acme/meeting/weekly';
    const provider: TestClient = providerClient(server, room);
    cleanups.push(provider.destroy);
    const mux = muxDoc(server, room, tokenFor('acme'));
    track([mux]);
    await Promise.all([synced(provider), phase(mux, 'synced')]);

    provider.doc.getText('t').insert(0, 'from y-websocket;');
    await waitFor(() => text(mux) === 'from y-websocket;');
    mux.doc.getText('t').insert(text(mux).length, 'from the app');
    await waitFor(() => provider.doc.getText('t').toString() === 'from y-websocket;from the app');

    // Presence crosses both ways too.
    mux.awareness.setLocalStateField('user', { name: 'App' });
    provider.provider.awareness.setLocalStateField('user', { name: 'Provider' });
    const names = (states: Map<number, Record<string, unknown>>) =>
      [...states.values()].map((s) => (s.user as { name?: string } | undefined)?.name);
    await waitFor(() => names(provider.provider.awareness.getStates()).includes('App'));
    await waitFor(() => names(mux.awareness.getStates()).includes('Provider'));
  });

  it('never puts the token in the socket URL', async () => {
    const server = await serve();
    const urls: string[] = [];
    class Recording extends WebSocket {
      constructor(url: string) {
        super(url);
        urls.push(url);
      }
    }
    const token = tokenFor('acme');
    const doc = new Y.Doc();
    const { openDocument } = await import('../../client/src/sync/connection.ts');
    const open = openDocument({
      doc,
      room: 'acme/plan/url',
      token,
      relayUrl: `ws://127.0.0.1:${server.port}/sync`,
      local: { indexedDB: null },
      socket: { WebSocketImpl: Recording as unknown as typeof globalThis.WebSocket },
    });
    track([open]);
    await phase(open, 'synced');
    expect(urls).toEqual([`ws://127.0.0.1:${server.port}/sync`]);
    expect(urls.join()).not.toContain(token.split('.')[2]!);
  });
});
