/**
 * An operator's mistakes never serve a wrong document: a second server on a data directory in use refuses
 * to start and names the first; a used data directory whose database is gone or 0 bytes refuses to start
 * instead of serving every room empty. Real `haard serve` child processes.
 */
import { existsSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../server/store/dataDirLock.ts';
import { STORE_FILE_NAME } from '../../server/store/roomStore.ts';
import { SECRET, removeDir, tempDataDir } from './helpers/relayHarness.ts';
import { serve, type ServeProcess } from './helpers/serveProcess.ts';

describe('haard serve: operator mistakes', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const started = async (dataDir: string): Promise<ServeProcess> => {
    const server = await serve(dataDir, SECRET);
    cleanups.push(() => server.stop());
    return server;
  };

  it('a second server on the same data directory refuses to start and names the first', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const first = await started(dataDir);
    expect(first.port).not.toBeNull();

    const second = await started(dataDir);
    expect(second.port).toBeNull();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('in use by another Haard');
    expect(second.output()).toContain(`process ${first.child.pid}`);

    // The first is untouched and still serves.
    const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false); // released on a clean stop
  });

  it('takes over the lock of a server that was killed (kill -9)', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const killed = await started(dataDir);
    await killed.stop('SIGKILL');
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);
    const next = await started(dataDir);
    expect(next.port).not.toBeNull();
  });

  it.each([
    ['0 bytes', (file: string) => truncateSync(file, 0), 0],
    ['missing', (file: string) => rmSync(file), null],
  ])('refuses to start on a used data directory whose database is %s', async (_what, damage, sizeAfter) => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const first = await started(dataDir); // creates the first workspace
    expect(await first.stop()).toBe(0);
    const file = join(dataDir, STORE_FILE_NAME);
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    damage(file);

    const refused = await started(dataDir);
    expect(refused.port).toBeNull();
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(`${file} is`);
    expect(refused.output()).toContain('Restore haard.sqlite from a backup');
    expect(existsSync(file) ? statSync(file).size : null).toBe(sizeAfter); // left as it was
  });
});
