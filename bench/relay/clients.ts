/**
 * Bench clients that behave like real providers, for each relay's dialect of the Yjs sync protocol:
 * on connect they send sync step 1 and announce an awareness state; they answer the relay's sync step 1 with
 * a sync step 2; Hocuspocus clients authenticate first, as its provider does.
 *
 * They stay light on purpose (no awareness bookkeeping, applying the document only when asked), so the client
 * process takes as little of the shared CPU as it can.
 */
import { once } from 'node:events';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  decodeMuxFrame,
  encodeHello,
  encodeJoin,
  encodeMuxFrame,
  MuxType,
} from '../../protocol/multiplex.ts';

/** How one relay frames the y-websocket messages, and where its rooms are. */
export interface Dialect {
  readonly name: string;
  url(port: number, room: string): string;
  /** Wraps a y-websocket message (`[type, …]`) for the wire. */
  wrap(room: string, message: Uint8Array): Uint8Array;
  /** A y-websocket message from a wire frame, or null for frames of the dialect's own (auth, sync status). */
  unwrap(frame: Uint8Array): Uint8Array | null;
  /** Frames to send once the socket is open, before the provider's first sync step 1 (e.g. authentication). */
  hello(room: string): Uint8Array[];
  /** True when the provider may start syncing: at once, or after an "authenticated" frame. */
  readyOn(frame: Uint8Array | 'open'): boolean;
}

const SYNC = 0;
const AWARENESS = 1;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

/** Haard: `/sync/<workspace>/<kind>/<doc>?token=…`, plain y-websocket framing. */
export function haardDialect(token: string): Dialect {
  return {
    name: 'Haard',
    url: (port, room) => `ws://127.0.0.1:${port}/sync/bench/${room}?token=${token}`,
    wrap: (_room, message) => message,
    unwrap: (frame) => frame,
    hello: () => [],
    readyOn: (frame) => frame === 'open',
  };
}

/**
 * Haard's multiplexed socket (`/sync`, protocol/multiplex.ts), as the app's own client speaks it: Hello with the
 * token, Join the room, then the y-websocket messages prefixed with the room (`<workspace>/<room>`). One room
 * per socket here, so each client is one socket as with the other dialects.
 */
export function haardMuxDialect(token: string): Dialect {
  const name = (room: string) => `bench/${room}`;
  return {
    name: 'Haard (multiplexed)',
    url: (port) => `ws://127.0.0.1:${port}/sync`,
    wrap: (room, message) => encodeMuxFrame(name(room), message),
    unwrap: (frame) => {
      const decoded = decodeMuxFrame(frame);
      return decoded.ok && decoded.frame.type <= MuxType.QueryAwareness ? decoded.frame.message : null;
    },
    hello: (room) => [encodeHello(token), encodeJoin(name(room))],
    readyOn: (frame) => {
      if (frame === 'open') return false;
      const decoded = decodeMuxFrame(frame);
      return decoded.ok && decoded.frame.type === MuxType.Welcome;
    },
  };
}

/** The reference server: `/<room>`, plain y-websocket framing. */
export const yWebsocketDialect: Dialect = {
  name: 'y-websocket-server',
  url: (port, room) => `ws://127.0.0.1:${port}/${room.replaceAll('/', '-')}`,
  wrap: (_room, message) => message,
  unwrap: (frame) => frame,
  hello: () => [],
  readyOn: (frame) => frame === 'open',
};

const HOCUS_SYNC_REPLY = 4;
const HOCUS_AUTH = 2;
const HOCUS_AUTHENTICATED = 2;

/** Hocuspocus: every frame starts with the document name; a token message first; its sync reply type 4. */
export const hocuspocusDialect: Dialect = {
  name: 'Hocuspocus',
  url: (port) => `ws://127.0.0.1:${port}/`,
  wrap: (room, message) =>
    encoding.encode((e) => {
      encoding.writeVarString(e, room);
      encoding.writeUint8Array(e, message);
    }),
  unwrap: (frame) => {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const body = frame.subarray(decoder.pos);
    if (body[0] === HOCUS_SYNC_REPLY) return Uint8Array.of(SYNC, ...body.subarray(1));
    return body[0] === SYNC || body[0] === AWARENESS ? body : null;
  },
  hello: (room) => [
    encoding.encode((e) => {
      encoding.writeVarString(e, room);
      encoding.writeVarUint(e, HOCUS_AUTH);
      encoding.writeVarUint(e, 0); // token
      encoding.writeVarString(e, 'bench');
    }),
  ],
  readyOn: (frame) => {
    if (frame === 'open') return false;
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return (
      decoding.readVarUint(decoder) === HOCUS_AUTH && decoding.readVarUint(decoder) === HOCUS_AUTHENTICATED
    );
  },
};

export interface ClientOptions {
  /** Apply the relay's sync step 2 and updates to `doc` (default false: only count them). */
  apply?: boolean;
  /** Called with each document update the relay broadcast (sync type 2). */
  onUpdate?: (update: Uint8Array) => void;
}

let nextClientId = 1;

/** One provider-like client. `synced` resolves with the time (performance.now) its sync step 2 arrived. */
export class BenchClient {
  readonly doc = new Y.Doc();
  readonly socket: WebSocket;
  readonly synced: Promise<number>;
  private resolveSynced!: (at: number) => void;
  private ready = false;
  private readonly clientId = nextClientId++;

  constructor(
    private readonly dialect: Dialect,
    port: number,
    private readonly room: string,
    private readonly options: ClientOptions = {},
  ) {
    this.synced = new Promise((resolve) => (this.resolveSynced = resolve));
    this.socket = new WebSocket(dialect.url(port, room), { perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('error', () => {});
    this.socket.on('open', () => {
      for (const frame of dialect.hello(room)) this.socket.send(frame);
      if (dialect.readyOn('open')) this.start();
    });
    this.socket.on('message', (data: Buffer) =>
      this.receive(new Uint8Array(data.buffer, data.byteOffset, data.length)),
    );
  }

  /** Resolves once the socket is open. */
  async opened(): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) await once(this.socket, 'open');
  }

  /** Sends a document update, as a provider does after a local change. */
  sendUpdate(update: Uint8Array): void {
    this.send(syncMessage(UPDATE, update));
  }

  close(): Promise<unknown> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    const closed = once(this.socket, 'close');
    this.socket.close();
    return closed;
  }

  private send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(this.dialect.wrap(this.room, message));
  }

  private start(): void {
    if (this.ready) return;
    this.ready = true;
    this.send(syncMessage(STEP1, Y.encodeStateVector(this.doc)));
    this.send(
      awarenessMessage(this.clientId, { user: { name: `bench ${this.clientId}`, color: '#b4441c' } }),
    );
  }

  private receive(frame: Uint8Array): void {
    if (!this.ready) {
      if (this.dialect.readyOn(frame)) this.start();
      return;
    }
    const message = this.dialect.unwrap(frame);
    if (message === null || message[0] !== SYNC) return;
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (type === STEP1) {
      this.send(syncMessage(STEP2, Y.encodeStateAsUpdate(this.doc, payload)));
    } else if (type === STEP2) {
      this.resolveSynced(performance.now());
      if (this.options.apply) Y.applyUpdate(this.doc, payload);
    } else if (type === UPDATE) {
      if (this.options.apply) Y.applyUpdate(this.doc, payload);
      this.options.onUpdate?.(payload);
    }
  }
}

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, type);
    encoding.writeVarUint8Array(e, payload);
  });
}

/** An awareness update announcing one client's state (clock 1), as y-protocols encodes it. */
function awarenessMessage(clientId: number, state: unknown): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, AWARENESS);
    encoding.writeVarUint8Array(
      e,
      encoding.encode((inner) => {
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, clientId);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, JSON.stringify(state));
      }),
    );
  });
}
