/**
 * `kill -9` under continuous edits loses nothing any client saw: the relay stores an update before it
 * broadcasts it. The relay runs as a child process; two writers edit without pause and watch each other.
 *
 * After the kill, a relay on a *new* port checks the data dir first, with a fresh client — the writers
 * cannot reach it, so they cannot re-upload what the store lost. Then the relay comes back on the old
 * port and the writers must reconnect by themselves and merge what they wrote while it was down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startRelayProcess, stopRelayProcess as stop } from './helpers/relayChild.ts';
import {
  providerClient,
  removeDir,
  sleep,
  synced,
  tempDataDir,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/crash';

describe('relay: kill -9 under continuous edits', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(
    'keeps every update any client saw, and the providers reconnect by themselves',
    { timeout: 30_000 },
    async () => {
      const dataDir = tempDataDir();
      cleanups.push(() => removeDir(dataDir));
      const first = await startRelayProcess(dataDir, 0);
      cleanups.push(() => stop(first.child, 'SIGKILL'));

      const writers: TestClient[] = [providerClient(first, ROOM), providerClient(first, ROOM)];
      const watcher = providerClient(first, ROOM);
      cleanups.push(...[...writers, watcher].map((client) => client.destroy));
      await Promise.all([...writers, watcher].map((client) => synced(client)));

      let counter = 0;
      const writing = setInterval(() => {
        writers.forEach((writer, i) => writer.doc.getArray<string>(`w${i}`).push([`w${i}-${counter}`]));
        counter++;
      }, 2);
      cleanups.push(() => clearInterval(writing));
      await sleep(700);

      await stop(first.child, 'SIGKILL');
      await sleep(100); // whatever was already on the wire arrives (or not)
      // Everything a client holds from *another* client came through the relay: that is what was broadcast.
      const seen = new Set<string>([
        ...writers[0]!.doc.getArray<string>('w1').toArray(),
        ...writers[1]!.doc.getArray<string>('w0').toArray(),
        ...watcher.doc.getArray<string>('w0').toArray(),
        ...watcher.doc.getArray<string>('w1').toArray(),
      ]);
      expect(seen.size).toBeGreaterThan(50);
      watcher.destroy();

      // 1. The data dir alone, through a relay the writers do not know about.
      const check = await startRelayProcess(dataDir, 0);
      const fresh = providerClient(check, ROOM);
      await synced(fresh);
      const stored = new Set([
        ...fresh.doc.getArray<string>('w0').toArray(),
        ...fresh.doc.getArray<string>('w1').toArray(),
      ]);
      const lost = [...seen].filter((item) => !stored.has(item));
      expect(lost).toEqual([]);
      fresh.destroy();
      await stop(check.child, 'SIGTERM');

      // 2. Back on the old port: the writers reconnect on their own and merge their offline edits.
      clearInterval(writing);
      const written = counter;
      const second = await startRelayProcess(dataDir, first.port);
      cleanups.push(() => stop(second.child, 'SIGKILL'));
      await waitFor(() => writers.every((writer) => writer.provider.synced), 10_000, 'writers to reconnect');
      const complete = (client: TestClient) =>
        client.doc.getArray('w0').length === written && client.doc.getArray('w1').length === written;
      await waitFor(() => writers.every(complete), 10_000, 'writers to converge');
      const late = providerClient(second, ROOM);
      cleanups.push(late.destroy);
      await synced(late);
      await waitFor(() => complete(late), 5_000, 'the relay to hold everything');
    },
  );
});
