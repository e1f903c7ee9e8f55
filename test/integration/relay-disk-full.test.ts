/**
 * A full disk (here: the store's quota, HAARD_MAX_STORE, which fails SQLite writes exactly as a full disk
 * does) in a real `haard serve` process: the writer is closed with 1011 and keeps its change, /healthz says
 * "degraded" with 503 while writes fail, everything stored before is kept and served after a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import {
  SECRET,
  arrayPush,
  rawClient,
  removeDir,
  tempDataDir,
  tokenFor,
  waitFor,
} from './helpers/relayHarness.ts';
import { serve } from './helpers/serveProcess.ts';

describe('haard serve on a full disk', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('reports degraded health while writes fail, and loses nothing it stored', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const room = 'acme/plan/full';
    const full = await serve(dataDir, SECRET, { HAARD_MAX_STORE: String(400 * 1024) });
    cleanups.push(() => full.stop());
    const health = async (port: number) => {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return {
        status: response.status,
        body: (await response.json()) as { status: string; storeError: string },
      };
    };
    expect((await health(full.port!)).body.status).toBe('ok');

    const writer = rawClient({ port: full.port! }, room, tokenFor('acme'));
    await writer.opened;
    let sent = 0;
    let closedWith: number | null = null;
    void writer.closed.then(({ code }) => (closedWith = code));
    while (closedWith === null && sent < 100) {
      writer.sendUpdate(arrayPush('chunks', `${sent} ${'x'.repeat(50_000)}`));
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor(() => closedWith !== null);
    expect(closedWith).toBe(CloseCode.InternalError);
    const degraded = await health(full.port!);
    expect(degraded.status).toBe(503);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.storeError).toMatch(/full/);

    // What was stored before the disk filled up is served, by this server and after a restart without quota.
    const reader = rawClient({ port: full.port! }, room, tokenFor('acme'));
    await reader.opened;
    reader.syncStep1();
    await waitFor(() => reader.doc.getArray('chunks').length > 0);
    const stored = reader.doc.getArray('chunks').length;
    expect(stored).toBeLessThan(sent);
    reader.socket.close();
    expect(await full.stop()).toBe(0);

    const roomy = await serve(dataDir, SECRET);
    cleanups.push(() => roomy.stop());
    expect((await health(roomy.port!)).body.status).toBe('ok');
    const again = rawClient({ port: roomy.port! }, room, tokenFor('acme'));
    await again.opened;
    again.syncStep1();
    await waitFor(() => again.doc.getArray('chunks').length === stored);
    again.socket.close();
  });
});
