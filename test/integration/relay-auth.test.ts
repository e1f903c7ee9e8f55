/**
 * Access is decided at the upgrade, before any document byte flows: every refused socket is closed at
 * once with a named code and receives nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { createToken } from '../../server/auth/token.ts';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import {
  providerClient,
  rawClient,
  removeDir,
  startServer,
  synced,
  tokenFor,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/workspace/main';
const hour = () => new Date(Date.now() + 3_600_000);

const CASES: Array<[string, string, () => string | null, number]> = [
  ['a missing token', ROOM, () => null, CloseCode.Unauthorized],
  ['an empty token', ROOM, () => '', CloseCode.Unauthorized],
  ['a malformed token', ROOM, () => 'v1.not-a-token', CloseCode.Unauthorized],
  [
    'a token of another version',
    ROOM,
    () => tokenFor('acme').replace(/^v1\./, 'v2.'),
    CloseCode.Unauthorized,
  ],
  [
    'a forged token (signed with another secret)',
    ROOM,
    () =>
      createToken({ workspaceId: 'acme', role: 'editor', expiresAt: hour() }, 'another-secret-0123456789'),
    CloseCode.Unauthorized,
  ],
  [
    'a token whose payload was edited (viewer → editor)',
    ROOM,
    () => {
      const [v, payload, signature] = tokenFor('acme', 'viewer').split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      const edited = Buffer.from(JSON.stringify({ ...claims, role: 'editor' })).toString('base64url');
      return `${v}.${edited}.${signature}`;
    },
    CloseCode.Unauthorized,
  ],
  ['an expired token', ROOM, () => tokenFor('acme', 'editor', -1), CloseCode.Unauthorized],
  ['a token for another workspace', ROOM, () => tokenFor('globex'), CloseCode.Forbidden],
  ['a room name with two parts', 'acme/plan', () => tokenFor('acme'), CloseCode.BadRoom],
  ['an unknown document kind', 'acme/invoice/x1', () => tokenFor('acme'), CloseCode.BadRoom],
  [
    'a workspace document other than main',
    'acme/workspace/second',
    () => tokenFor('acme'),
    CloseCode.BadRoom,
  ],
  ['a doc id outside [A-Za-z0-9_-]', 'acme/plan/a%20b', () => tokenFor('acme'), CloseCode.BadRoom],
];

describe('relay: access at the upgrade', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let member: TestClient;

  beforeAll(async () => {
    server = await startServer();
    member = providerClient(server, ROOM);
    await synced(member);
    member.doc.getMap('workspace').set('name', 'Acme');
    await waitFor(() => server.store.updateCount(ROOM) === 1);
  });
  afterAll(async () => {
    member.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  it.each(CASES)('%s is closed with its code and receives no document byte', async (_, room, token, code) => {
    const client = rawClient(server, room, token());
    const closed = await client.closed;
    expect(closed.code).toBe(code);
    expect(client.received).toEqual([]);
    // The member carries on.
    const storedBefore = server.store.updateCount(ROOM);
    member.doc.getArray('log').push([`after ${_}`]);
    await waitFor(() => server.store.updateCount(ROOM) === storedBefore + 1 && member.provider.wsconnected);
  });

  it('a WebsocketProvider with an expired token stops reconnecting and reports 4401', async () => {
    const client = providerClient(server, ROOM, tokenFor('acme', 'editor', -60));
    const closed: Array<{ code: number }> = [];
    client.provider.on('closed', (event) => closed.push(event));
    await waitFor(() => closed.length === 1);
    expect(closed[0]!.code).toBe(CloseCode.Unauthorized);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.doc.getMap('workspace').get('name')).toBeUndefined();
    client.destroy();
  });

  it('an upgrade on any other path than /sync/ gets HTTP 404', async () => {
    const socket = new WebSocket(
      `ws://127.0.0.1:${server.port}/other/acme/workspace/main?token=${tokenFor('acme')}`,
    );
    const status = await new Promise<number>((resolve, reject) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('error', (error) => reject(error));
      socket.on('open', () => reject(new Error('upgrade was accepted')));
    }).catch((error: Error) => (error.message.includes('404') ? 404 : Promise.reject(error)));
    expect(status).toBe(404);
  });

  it('an upgrade whose target is no URL (`//`) gets HTTP 404 and the relay keeps serving', async () => {
    // `new URL('//', base)` throws; this once took the whole process down from an unauthenticated request.
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          'GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += String(chunk)));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('a valid editor token for the room is served', async () => {
    const client = rawClient(server, ROOM, tokenFor('acme'));
    await client.opened;
    client.syncStep1();
    await waitFor(() => client.doc.getMap('workspace').get('name') === 'Acme');
    client.socket.close();
  });
});
