/**
 * A room answers a client that has nothing with its whole state (sync step 2). It keeps that encoding for the
 * next such client only when the state is big (room.ts WHOLE_STATE_CACHE_MIN_BYTES): a 1 MB room joined by
 * many clients is encoded once (issue 10's join storm), a small room keeps no bytes while it idles.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeUpdate } from '../../server/relay/protocol.ts';
import { nextPeerId, type Peer } from '../../server/relay/peer.ts';
import { createRelay } from '../../server/relay/relay.ts';
import { WHOLE_STATE_CACHE_MIN_BYTES } from '../../server/relay/room.ts';
import { silentLogger } from '../../server/log.ts';
import { openRoomStore } from '../../server/store/roomStore.ts';
import { removeDir, tempDataDir, waitFor } from './helpers/relayHarness.ts';

describe('the whole state for clients that have nothing', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A room holding `bytes` of text, and two fresh peers each asking for everything. */
  async function twoFreshClients(room: string, bytes: number): Promise<Uint8Array[]> {
    const dataDir = tempDataDir();
    const store = openRoomStore({ dataDir });
    const relay = createRelay({ store, log: silentLogger });
    cleanups.push(
      () => removeDir(dataDir),
      () => store.close(),
      () => relay.close(),
    );
    const answers: Uint8Array[] = [];
    const peer = (): Peer => ({
      id: nextPeerId(),
      role: 'editor',
      awarenessIdCount: 0,
      // A sync step 2 (`[0, 1, …]`) is the answer to the empty sync step 1 below.
      send: (frame) => void (frame[0] === 0 && frame[1] === 1 && answers.push(frame)),
      close: () => {},
    });
    const writer = await relay.join(peer(), room);
    if (!writer.ok) throw new Error(writer.reason);
    const content = new Y.Doc();
    content.getText('notes').insert(0, 'x'.repeat(bytes));
    writer.membership.receive(encodeUpdate(Y.encodeStateAsUpdate(content)));
    await waitFor(() => relay.roomStats(room)?.connections === 1 && store.updateCount(room) === 1);
    answers.length = 0;

    const nothing = encodeSyncStep1(new Y.Doc());
    for (let i = 0; i < 2; i++) {
      const fresh = await relay.join(peer(), room);
      if (!fresh.ok) throw new Error(fresh.reason);
      fresh.membership.receive(nothing);
    }
    await waitFor(() => answers.length === 2);
    return answers;
  }

  it('a big room encodes it once and gives every fresh client the same bytes', async () => {
    const [first, second] = await twoFreshClients('acme/plan/big', WHOLE_STATE_CACHE_MIN_BYTES * 2);
    expect(first!.byteLength).toBeGreaterThan(WHOLE_STATE_CACHE_MIN_BYTES);
    expect(second).toBe(first);
  });

  it('a small room encodes it for each client and keeps nothing', async () => {
    const [first, second] = await twoFreshClients('acme/plan/small', 100);
    expect(first!.byteLength).toBeLessThan(WHOLE_STATE_CACHE_MIN_BYTES);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });
});
