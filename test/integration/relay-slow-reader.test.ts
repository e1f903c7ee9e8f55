/**
 * A client that writes but never reads: what the relay sends it piles up in the relay's memory. Above the
 * per-connection cap it is closed with SlowReader (4503) and dropped; its frames never count as "alive";
 * everyone else keeps receiving.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Logger } from '../../server/log.ts';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  waitFor,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/meeting/slow';

describe('relay: a client that does not read', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is closed with SlowReader once 256 KiB wait for it, however often it writes', async () => {
    const lines: string[] = [];
    const log: Logger = (level, message, fields) =>
      lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
    const server = await startServer({ maxBufferedBytes: 256 * 1024, log, pingIntervalMs: 60_000 });
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
    const writer = providerClient(server, ROOM);
    const reader = providerClient(server, ROOM);
    cleanups.push(writer.destroy, reader.destroy);
    await Promise.all([synced(writer), synced(reader)]);

    const silent = rawClient(server, ROOM);
    await silent.opened;
    await waitFor(() => server.relay.roomStats(ROOM)?.connections === 3);
    silent.socket.pause(); // reads nothing from now on…
    const queryAwareness = encoding.encode((e) => encoding.writeVarUint(e, 3));
    const chatter = setInterval(() => silent.send(queryAwareness), 20); // …but keeps writing
    cleanups.push(() => clearInterval(chatter));

    // 24 MB of room traffic: far more than the kernel's socket buffers and the relay's cap together.
    const text = writer.doc.getText('notes');
    for (let i = 0; i < 120; i++) {
      text.insert(text.length, 'x'.repeat(200_000));
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitFor(
      () => server.relay.roomStats(ROOM)?.connections === 2,
      10_000,
      'the silent client to be dropped',
    );
    expect(lines.some((line) => line.includes(`"code":${CloseCode.SlowReader}`))).toBe(true);

    // The reader that reads got everything.
    await waitFor(() => reader.doc.getText('notes').length === 120 * 200_000, 10_000);
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc));
    silent.socket.resume();
    expect([CloseCode.SlowReader, 1006]).toContain((await silent.closed).code);
  });
});
