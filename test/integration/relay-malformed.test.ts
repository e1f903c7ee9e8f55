/**
 * Bad frames close only the connection that sent them (MalformedMessage), change no data, and leave the
 * same room and other rooms working.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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

const ROOM = 'acme/plan/target';
const OTHER_ROOM = 'acme/plan/bystander';

/** Deterministic "random" bytes (a small LCG), so a failure replays exactly. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >>> 16;
  }
  return bytes;
}

function frame(...parts: Array<(encoder: encoding.Encoder) => void>): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) part(encoder);
  return encoding.toUint8Array(encoder);
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);
const raw = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeUint8Array(e, b);

/** A real update with one byte changed: Yjs decodes it, starts applying it, and throws half-way. */
function halfApplicableUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 42;
  doc.getArray('items').insert(0, ['a', 'b', 'c']);
  doc.getArray('items').delete(1, 1);
  const update = Y.encodeStateAsUpdate(doc);
  update[18] = 1;
  expect(() => Y.decodeUpdate(update)).not.toThrow();
  return update;
}

const BAD_FRAMES: Array<[string, () => Uint8Array]> = [
  ['random bytes', () => noise(64, 7)],
  ['an empty frame', () => new Uint8Array()],
  ['a truncated message-type varint', () => new Uint8Array([0x80])],
  ['a truncated update-length varint', () => frame(uint(0), uint(2), raw(new Uint8Array([0xff, 0xff])))],
  ['an unknown message type', () => frame(uint(9), raw(noise(8, 3)))],
  ['an unknown sync message type', () => frame(uint(0), uint(7), bytes(noise(8, 4)))],
  [
    'a sync update with garbage content',
    () => frame(uint(0), uint(2), bytes(new TextEncoder().encode('not yjs'))),
  ],
  ['a sync step 2 with random content', () => frame(uint(0), uint(1), bytes(noise(40, 11)))],
  [
    'a sync step 1 with a garbage state vector',
    () => frame(uint(0), uint(0), bytes(new Uint8Array([5, 0x80]))),
  ],
  [
    'an update Yjs rejects half-way through applying it',
    () => frame(uint(0), uint(2), bytes(halfApplicableUpdate())),
  ],
  [
    'an awareness update that is not JSON',
    () => frame(uint(1), bytes(frame(uint(1), uint(5), uint(1), (e) => encoding.writeVarString(e, '{nope')))),
  ],
];

describe('relay: malformed frames', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let editor: TestClient;
  let peer: TestClient;
  let bystander: TestClient;

  beforeAll(async () => {
    server = await startServer();
    editor = providerClient(server, ROOM);
    peer = providerClient(server, ROOM);
    bystander = providerClient(server, OTHER_ROOM);
    await Promise.all([synced(editor), synced(peer), synced(bystander)]);
    editor.doc.getArray('items').push(['before']);
    await waitFor(() => peer.doc.getArray('items').length === 1);
  });
  afterAll(async () => {
    for (const client of [editor, peer, bystander]) client.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  it.each(BAD_FRAMES)(
    '%s closes that connection only, with MalformedMessage, and changes nothing',
    async (_, make) => {
      const storedBefore = JSON.stringify(server.store.readRoom(ROOM));
      const attacker = rawClient(server, ROOM);
      await attacker.opened;
      attacker.send(make());
      expect((await attacker.closed).code).toBe(CloseCode.MalformedMessage);

      expect(JSON.stringify(server.store.readRoom(ROOM))).toBe(storedBefore);
      // A fresh client sees exactly what the store holds: nothing of the bad frame reached the room.
      const fresh = rawClient(server, ROOM);
      await fresh.opened;
      fresh.syncStep1();
      await waitFor(() => fresh.doc.getArray('items').length >= 1);
      expect(fresh.doc.getArray('items').toJSON()).toEqual(editor.doc.getArray('items').toJSON());
      fresh.socket.close();

      // The same room and another room carry on.
      const mark = `after ${_}`;
      editor.doc.getArray('items').push([mark]);
      bystander.doc.getArray('log').push([mark]);
      const stillSyncing = () =>
        peer.doc.getArray('items').toArray().includes(mark) &&
        server.store.readRoom(OTHER_ROOM).updates.some(() => true) &&
        editor.provider.wsconnected &&
        bystander.provider.wsconnected;
      await waitFor(stillSyncing, 5_000, 'the room and the other room to keep syncing');
    },
  );
});
