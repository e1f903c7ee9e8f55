/**
 * A room's broadcast to peers on multiplexed sockets: encoded with the room's name once and framed once for the
 * wire (relay/wire.ts), the same bytes written to every socket — not one copy and two writes per peer — and
 * every peer still receives exactly the change.
 */
import { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { OpenDocument } from '../../client/src/sync/connection.ts';
import { muxDoc, phase } from './helpers/muxHarness.ts';
import { removeDir, startServer, tokenFor, waitFor } from './helpers/relayHarness.ts';

describe('multiplexed sync: one frame for every peer of a room', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('writes the same prebuilt frame to each reader’s socket, and each reader gets the change', async () => {
    const server = await startServer();
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
    const token = tokenFor('acme');
    const docs: OpenDocument[] = ['writer', 'reader1', 'reader2'].map((client) =>
      muxDoc(server, 'acme/plan/shared', token, { client }),
    );
    cleanups.push(() => Promise.all(docs.map((d) => d.destroy())));
    await Promise.all(docs.map((d) => phase(d, 'synced')));
    const [writer, ...readers] = docs as [OpenDocument, OpenDocument, OpenDocument];

    // Every write to any TCP socket in this process (server and clients), from here on.
    const writes: Array<{ socket: Socket; bytes: unknown }> = [];
    const write = Socket.prototype.write;
    vi.spyOn(Socket.prototype, 'write').mockImplementation(function (this: Socket, ...args: unknown[]) {
      writes.push({ socket: this, bytes: args[0] });
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    });

    const marker = `shared-${Math.random()}`;
    writer.doc.getMap('plan').set('title', marker);
    for (const reader of readers) await waitFor(() => reader.doc.getMap('plan').get('title') === marker);

    // The relay's writes of the update: one Buffer object, written once to each reader's socket.
    const sockets = new Map<unknown, Set<Socket>>();
    for (const { socket, bytes } of writes) {
      if (!(bytes instanceof Uint8Array) || !Buffer.from(bytes).includes(marker)) continue;
      if (!sockets.has(bytes)) sockets.set(bytes, new Set());
      sockets.get(bytes)!.add(socket);
    }
    const shared = [...sockets.values()].filter((set) => set.size === readers.length);
    expect(shared).toHaveLength(1);
    expect(Y.encodeStateVector(readers[0].doc)).toEqual(Y.encodeStateVector(readers[1].doc));
  });
});
