/**
 * Cross-site WebSocket hijacking: a page on another origin, in a browser holding an invite, must not open
 * sync sockets. The relay accepts the same origin, configured origins, and clients that send no Origin
 * (not browsers); any other origin is closed with Forbidden (4403) before a document byte flows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import { rawClient, removeDir, startServer, waitFor } from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/origin';

describe('relay: Origin check at the upgrade', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer({ allowedOrigins: ['https://haard.example.org'] });
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.dataDir);
  });

  const open = (origin?: string) => {
    const client = rawClient(server, ROOM, undefined, origin === undefined ? {} : { origin });
    return client;
  };

  it.each([
    ['the same origin', () => `http://127.0.0.1:${server.port}`],
    ['a configured origin', () => 'https://haard.example.org'],
    ['no Origin (not a browser)', () => undefined],
  ])('accepts %s', async (_what, origin) => {
    const client = open(origin());
    await client.opened;
    client.syncStep1();
    await waitFor(() => client.received.length > 0);
    client.socket.close();
  });

  it.each([
    ['another site', 'https://evil.example.com'],
    ['another port of the same host', 'http://127.0.0.1:1'],
    ['something that is no URL', 'null'],
  ])('closes a socket from %s with 4403 and sends it nothing', async (_what, origin) => {
    const client = open(origin);
    const closed = await client.closed;
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toContain('origin');
    expect(client.received).toHaveLength(0);
  });
});
