/** A frame over `maxMessageBytes` closes that connection with 1009 before any of it is applied. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  tempDataDir,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/big';
const LIMIT = 64 * 1024;

describe('relay: maximum message size', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let editor: TestClient;
  let peer: TestClient;

  beforeAll(async () => {
    server = await startServer({ maxMessageBytes: LIMIT });
    editor = providerClient(server, ROOM);
    peer = providerClient(server, ROOM);
    await Promise.all([synced(editor), synced(peer)]);
  });
  afterAll(async () => {
    editor.destroy();
    peer.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  it('closes an oversized frame with 1009 and stores nothing of it', async () => {
    const doc = new Y.Doc();
    doc.getText('huge').insert(0, 'x'.repeat(LIMIT + 1));
    const big = rawClient(server, ROOM);
    await big.opened;
    big.sendUpdate(Y.encodeStateAsUpdate(doc));
    expect((await big.closed).code).toBe(CloseCode.MessageTooBig);
    expect(server.store.updateCount(ROOM)).toBe(0);

    // A message under the limit goes through, for the same room.
    editor.doc.getText('huge').insert(0, 'y'.repeat(LIMIT / 2));
    await waitFor(() => peer.doc.getText('huge').length === LIMIT / 2);
    expect(server.store.updateCount(ROOM)).toBe(1);
  });

  it('rejects a limit that is not a sane number of bytes', async () => {
    const dataDir = tempDataDir();
    await expect(startServer({ dataDir, maxMessageBytes: Number('eight') })).rejects.toThrow(
      /HAARD_MAX_MESSAGE/,
    );
    removeDir(dataDir);
  });
});
