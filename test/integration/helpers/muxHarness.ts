/**
 * Multiplexed sync clients for tests: the app's own `openDocument` (client/src/sync) in Node — `ws` as the
 * WebSocket, no IndexedDB (so `local` is `unavailable`: online only) — and a raw client that speaks the
 * multiplex protocol by hand.
 *
 * Documents opened with the same `client` tag, relay and token share one socket, exactly as in a browser tab;
 * different tags are different devices (the tag goes into the URL's query, which the relay ignores).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import WebSocket from 'ws';
import {
  openDocument,
  type ConnectionState,
  type OpenDocument,
} from '../../../client/src/sync/connection.ts';
import {
  decodeMuxFrame,
  encodeHello,
  encodeJoin,
  encodeMuxFrame,
  MuxType,
  readRefuse,
} from '../../../protocol/multiplex.ts';
import { waitFor, wsUrl } from './relayHarness.ts';

export const FAST_BACKOFF = { baseMs: 100, capMs: 400, random: () => 0.5 };

export interface MuxDocOptions {
  /** Documents with the same tag share a socket (one device). Default 'a'. */
  client?: string;
  doc?: Y.Doc;
  answerTimeoutMs?: number;
  /** Override the relay URL (e.g. a silent server). */
  url?: string;
}

/** Opens a document as the app does, over the shared socket of `client` + token. */
export function muxDoc(
  server: { port: number },
  room: string,
  token: string,
  options: MuxDocOptions = {},
): OpenDocument {
  return openDocument({
    doc: options.doc ?? new Y.Doc(),
    room,
    token,
    relayUrl: options.url ?? `${wsUrl(server)}?client=${options.client ?? 'a'}`,
    backoff: FAST_BACKOFF,
    local: { indexedDB: null },
    socket: {
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
      answerTimeoutMs: options.answerTimeoutMs,
    },
  });
}

export async function phase(
  doc: OpenDocument,
  wanted: ConnectionState['phase'],
  timeoutMs = 8_000,
): Promise<void> {
  await waitFor(() => doc.state().phase === wanted, timeoutMs, `phase ${wanted} (is ${doc.state().phase})`);
}

/** A raw multiplexed client: sends what a test says, records every frame by room, keeps a doc per room. */
export interface RawMuxClient {
  socket: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  docs: Map<string, Y.Doc>;
  refusals: Map<string, { code: number; reason: string }>;
  /** Set once the relay answered the Hello with Welcome. */
  welcomed(): boolean;
  send(frame: Uint8Array): void;
  hello(token: string, version?: number): void;
  /** Join + sync step 1. */
  join(room: string): void;
  /** A y-websocket sync update for a room. */
  update(room: string, update: Uint8Array): void;
}

export function rawMuxClient(server: { port: number }): RawMuxClient {
  const socket = new WebSocket(wsUrl(server));
  const docs = new Map<string, Y.Doc>();
  const refusals = new Map<string, { code: number; reason: string }>();
  let welcomed = false;
  const docOf = (room: string) => {
    let doc = docs.get(room);
    if (doc === undefined) docs.set(room, (doc = new Y.Doc()));
    return doc;
  };
  const send = (frame: Uint8Array) => socket.send(frame);
  socket.on('error', () => {});
  socket.on('message', (data: Buffer) => {
    const decoded = decodeMuxFrame(new Uint8Array(data));
    if (!decoded.ok) throw new Error(`relay sent a malformed frame: ${decoded.reason}`);
    const { room, type, body } = decoded.frame;
    if (type === MuxType.Refuse) return void refusals.set(room, readRefuse(body));
    if (type === MuxType.Welcome) return void (welcomed = true);
    if (type !== MuxType.Sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MuxType.Sync);
    syncProtocol.readSyncMessage(body, reply, docOf(room), 'relay');
    if (encoding.length(reply) > 1 && socket.readyState === WebSocket.OPEN)
      send(encodeMuxFrame(room, encoding.toUint8Array(reply)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => {});
  return {
    socket,
    opened,
    closed,
    docs,
    refusals,
    welcomed: () => welcomed,
    send,
    hello: (token, version) => send(encodeHello(token, version)),
    join(room) {
      send(encodeJoin(room));
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, MuxType.Sync);
      syncProtocol.writeSyncStep1(step1, docOf(room));
      send(encodeMuxFrame(room, encoding.toUint8Array(step1)));
    },
    update(room, update) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MuxType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      send(encodeMuxFrame(room, encoding.toUint8Array(encoder)));
    },
  };
}

/** Reads the room of a frame (for assertions on what was sent). */
export function roomOf(frame: Uint8Array): string {
  return decoding.readVarString(decoding.createDecoder(frame));
}
