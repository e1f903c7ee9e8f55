/**
 * Sending one broadcast frame to many `ws` sockets cheaply. A room's update goes to every peer as the same
 * bytes; `ws`' own `send` wraps the payload, allocates an options object and a frame header, and writes twice —
 * per peer. Here the WebSocket frame (binary, final, unmasked: server → client, RFC 6455 §5.2) is built once per
 * payload and written to each peer's TCP socket as it is — ≈ 8 % less relay CPU per delivered message in
 * `npm run bench:relay` (1 writer → 100 observers).
 *
 * It uses fields `ws` (8.x) does not document (`_socket`, `_sender._state`, `_sender._queue`); when they are
 * not there (another version, another library), or the sender is busy (compressing or reading a Blob, with a
 * queue behind it — never the case here: the relay turns permessage-deflate off), the frame goes through `ws`'
 * own `send`. Writes to the TCP socket keep their order with `ws`' own (pings, close),
 * and count in `bufferedAmount`, so the slow-reader cap still sees them. test/integration/relay-wire.test.ts
 * checks the bytes on the wire against a real `ws` client for every length class.
 */
import type { WebSocketLike } from './webSocketLike.ts';

interface WsInternals {
  _socket?: { write(bytes: Uint8Array): boolean; destroyed?: boolean } | null;
  /** ws 8.x: `_state` 0 = idle (1 compressing, 2 reading a Blob), `_queue` what waits behind that. */
  _sender?: { _state?: number; _queue?: unknown[] } | null;
}

const FRAMES = new WeakMap<Uint8Array, Buffer>();

/** The WebSocket frame around `payload` (binary, final, unmasked), built once per payload object. */
export function wireFrame(payload: Uint8Array): Buffer {
  let frame = FRAMES.get(payload);
  if (frame) return frame;
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82; // FIN + opcode 2 (binary)
  if (n < 126) frame[1] = n;
  else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    frame.writeUInt32BE(n >>> 0, 6);
  }
  frame.set(payload, head);
  FRAMES.set(payload, frame);
  return frame;
}

/** Send `payload` as one binary message: the prebuilt frame straight to the TCP socket, else `ws`' `send`. */
export function sendShared(socket: WebSocketLike, payload: Uint8Array): void {
  const { _socket: raw, _sender: sender } = socket as unknown as WsInternals;
  if (raw && !raw.destroyed && sender?._state === 0 && sender._queue?.length === 0) {
    raw.write(wireFrame(payload));
  } else {
    socket.send(payload);
  }
}
