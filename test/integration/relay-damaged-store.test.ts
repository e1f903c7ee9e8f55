/**
 * Damage inside a stored row that still decodes (a zeroed page) must not serve a room with part of its
 * content silently gone: the row's checksum catches it where it is, and a replay that leaves structs or
 * deletes waiting (rows written before checksums) is refused too. Both close with LoadFailed (4500), log
 * what is wrong, and leave every row as it was.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../server/log.ts';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import { STORE_FILE_NAME } from '../../server/store/roomStore.ts';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  tempDataDir,
  waitFor,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/damaged';
const ENTRIES = 320;

describe('relay: damaged rows that still decode', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A room of 320 list entries written one by one (each refers to the one before), compacted into its checkpoint; returns the data dir. */
  async function storedRoom(): Promise<string> {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const server = await startServer({ dataDir });
    const writer = providerClient(server, ROOM);
    await synced(writer);
    for (let i = 0; i < ENTRIES; i++) writer.doc.getArray('actions').push([`action ${i} ${'·'.repeat(20)}`]);
    await waitFor(() => server.store.updateCount(ROOM) === ENTRIES);
    writer.destroy();
    await server.close(); // checkpoints the room
    return dataDir;
  }

  /** Replaces the checkpoint's bytes by `damage(bytes)`; the checksum is left, or made to match (`rechecksum`). */
  function damageCheckpoint(
    dataDir: string,
    damage: (bytes: Buffer) => Uint8Array,
    rechecksum: boolean,
  ): string {
    const db = new Database(join(dataDir, STORE_FILE_NAME));
    const row = db.prepare('SELECT bytes FROM snapshots WHERE room = ?').get(ROOM) as { bytes: Buffer };
    const damaged = damage(Buffer.from(row.bytes));
    db.prepare('UPDATE snapshots SET bytes = ? WHERE room = ?').run(damaged, ROOM);
    if (rechecksum) db.prepare('UPDATE snapshots SET checksum = ? WHERE room = ?').run(crc32(damaged), ROOM);
    const dump = JSON.stringify(db.prepare('SELECT * FROM snapshots').all());
    db.close();
    return dump;
  }

  /** Zeroes 64 bytes in the middle, as a zeroed disk page would. */
  const zeroed = (bytes: Buffer) => bytes.fill(0, bytes.length >> 1, (bytes.length >> 1) + 64);
  /** Only the second half of the entries: what they refer to is not stored (e.g. lost while copying). */
  const secondHalf = (bytes: Buffer) => {
    const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(bytes));
    for (const [client, clock] of vector) vector.set(client, clock >> 1);
    return Y.diffUpdate(bytes, Y.encodeStateVector(vector));
  };

  it.each([
    [
      'a zeroed page no longer matches its checksum',
      zeroed,
      false,
      /checkpoint of acme\/plan\/damaged is damaged/,
    ],
    ['its replay leaves structs waiting for content that is not stored', secondHalf, true, /incomplete/],
  ])('refuses the room when %s', async (_what, damage, rechecksum, logged) => {
    const dataDir = await storedRoom();
    const before = damageCheckpoint(dataDir, damage, rechecksum);

    const lines: string[] = [];
    const log: Logger = (level, message, fields) =>
      lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
    const server = await startServer({ dataDir, log });
    cleanups.push(() => server.close());
    const client = rawClient(server, ROOM);
    expect((await client.closed).code).toBe(CloseCode.LoadFailed);
    expect(client.received).toHaveLength(0);
    expect(lines.filter((line) => line.startsWith('error'))).toEqual([expect.stringMatching(logged)]);
    await server.close();

    const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
    expect(JSON.stringify(db.prepare('SELECT * FROM snapshots').all())).toBe(before);
    db.close();
  });
});
