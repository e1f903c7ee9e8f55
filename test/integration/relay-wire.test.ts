/**
 * relay/wire.ts: a frame built once and written straight to each peer's TCP socket arrives at a real `ws`
 * client as exactly the payload sent, for every length class of RFC 6455 (7-bit, 16-bit, 64-bit), in order
 * with frames `ws` sends itself; and the fast path is really taken on this `ws` version (else the saving is
 * silently gone).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { sendShared, wireFrame } from '../../server/relay/wire.ts';
import type { WebSocketLike } from '../../server/relay/webSocketLike.ts';

let server: WebSocketServer | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function pair(): Promise<{ serverSide: WebSocket; client: WebSocket }> {
  server = new WebSocketServer({ port: 0, perMessageDeflate: false });
  const port = (server.address() as AddressInfo).port;
  const serverSide = new Promise<WebSocket>((resolve) => server!.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => client.once('open', resolve));
  return { serverSide: await serverSide, client };
}

const payload = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) % 251);

describe('sendShared', () => {
  it('delivers every length class exactly, in order with ws’ own sends', async () => {
    const { serverSide, client } = await pair();
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
    const received: Uint8Array[] = [];
    const done = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer) => {
        received.push(new Uint8Array(data));
        if (received.length === lengths.length + 1) resolve();
      }),
    );
    for (const n of lengths) sendShared(serverSide as unknown as WebSocketLike, payload(n));
    serverSide.send(payload(3)); // ws' own, after them
    await done;
    expect(received.map((r) => r.length)).toEqual([...lengths, 3]);
    lengths.forEach((n, i) => expect(Buffer.compare(received[i]!, payload(n))).toBe(0));
    client.close();
  });

  it('writes the prebuilt frame on this ws version, built once per payload', async () => {
    const { serverSide, client } = await pair();
    const writes: Uint8Array[] = [];
    const raw = (serverSide as unknown as { _socket: { write: (b: Uint8Array) => boolean } })._socket;
    const write = raw.write.bind(raw);
    raw.write = (b: Uint8Array) => {
      writes.push(b);
      return write(b);
    };
    const p = payload(300);
    sendShared(serverSide as unknown as WebSocketLike, p);
    expect(writes).toEqual([wireFrame(p)]);
    expect(wireFrame(p)).toBe(wireFrame(p));
    expect([...wireFrame(p).subarray(0, 4)]).toEqual([0x82, 126, 1, 44]);
    client.close();
  });
});
