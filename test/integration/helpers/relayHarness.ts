/**
 * Shared plumbing for the relay tests: a server on port 0 in a temp data dir, tokens, y-websocket
 * providers, raw protocol clients, and waiting for things to happen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { createToken, type Role } from '../../../server/auth/token.ts';
import { createHaardServer, type HaardServer, type HaardServerOptions } from '../../../server/http.ts';
import { silentLogger } from '../../../server/log.ts';

export const SECRET = 'test-secret-0123456789abcdef';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'haard-relay-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export type TestServerOptions = Partial<HaardServerOptions>;

export async function startServer(
  options: TestServerOptions = {},
): Promise<HaardServer & { dataDir: string }> {
  const dataDir = options.dataDir ?? tempDataDir();
  const server = await createHaardServer({ port: 0, secret: SECRET, log: silentLogger, ...options, dataDir });
  return Object.assign(server, { dataDir });
}

export function tokenFor(workspaceId: string, role: Role = 'editor', expiresInSeconds = 3600): string {
  return createToken(
    { workspaceId, role, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) },
    SECRET,
  );
}

export function wsUrl(server: { port: number }): string {
  return `ws://127.0.0.1:${server.port}/sync`;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A real y-websocket WebsocketProvider, as the browser app uses it (Node: `ws` polyfill, no BroadcastChannel). */
export function providerClient(
  server: { port: number },
  room: string,
  token: string = tokenFor(room.split('/')[0]!),
  doc: Y.Doc = new Y.Doc(),
): TestClient {
  const provider = new WebsocketProvider(wsUrl(server), room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: TestClient, timeoutMs = 5_000): Promise<void> {
  await waitFor(() => client.provider.synced, timeoutMs, 'provider to sync');
}

export async function waitFor(
  condition: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A raw `ws` client speaking the y-websocket protocol by hand; keeps its own doc in sync with what it receives. */
export interface RawClient {
  socket: WebSocket;
  doc: Y.Doc;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
  send(frame: Uint8Array): void;
  /** Sends sync step 1; the relay answers with sync step 2. */
  syncStep1(): void;
  /** Sends a document update the way a provider does. */
  sendUpdate(update: Uint8Array): void;
}

export function rawClient(
  server: { port: number },
  room: string,
  token: string | null = tokenFor(room.split('/')[0]!),
  wsOptions: WebSocket.ClientOptions = {},
): RawClient {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(`${wsUrl(server)}/${room}${query}`, wsOptions);
  const doc = new Y.Doc();
  const received: Uint8Array[] = [];
  socket.on('error', () => {});
  socket.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    received.push(frame);
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 0) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    syncProtocol.readSyncMessage(decoder, reply, doc, 'relay');
    if (encoding.length(reply) > 1 && socket.readyState === WebSocket.OPEN)
      socket.send(encoding.toUint8Array(reply));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => {});
  const send = (frame: Uint8Array) => socket.send(frame);
  return {
    socket,
    doc,
    received,
    closed,
    opened,
    send,
    syncStep1: () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, doc);
      send(encoding.toUint8Array(encoder));
    },
    sendUpdate: (update) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      send(encoding.toUint8Array(encoder));
    },
  };
}

/** An update that adds `value` to the array `key` of a throwaway doc. */
export function arrayPush(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray(key).push([value]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
