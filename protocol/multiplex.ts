/**
 * Several documents over one WebSocket: the multiplexed sync protocol (as Hocuspocus' provider does it),
 * spoken at `/sync` (no room in the path). `/sync/<room>?token=…` keeps speaking plain y-websocket for any
 * Yjs client; this protocol wraps exactly those messages.
 *
 * ## Frames
 *
 * Every frame, both ways, is `varString(room) · varUint(type) · body` (lib0 encoding):
 *
 * | type | name           | direction       | body                                                         |
 * | ---- | -------------- | --------------- | ------------------------------------------------------------ |
 * | 0–3  | y-websocket    | both            | a y-websocket message for `room`, unchanged (sync, awareness, |
 * |      |                |                 | auth, query-awareness): what `/sync/<room>` carries           |
 * | 16   | Hello          | client → relay  | `varUint(version) · varString(token)`, room `""`: the first   |
 * |      |                |                 | frame of every socket                                         |
 * | 17   | Join           | client → relay  | empty: attach `room` to this socket                           |
 * | 18   | Leave          | client → relay  | empty: detach `room` (its awareness states are removed)      |
 * | 19   | Refuse         | relay → client  | `varUint(code) · varString(reason)`: `room` is detached, the  |
 * |      |                |                 | other rooms on the socket carry on                            |
 * | 20   | Welcome        | relay → client  | empty, room `""`: the Hello was accepted (so a client always  |
 * |      |                |                 | hears from a live relay, even with nothing to join)           |
 *
 * ## A socket's life
 *
 * 1. The client opens `/sync` and sends **Hello** first: the access token travels in the first message, never
 *    in the URL (browsers print a failed socket's URL in the console and proxies log URLs). A bad token, an
 *    unsupported version, or no Hello within the relay's deadline closes the *socket* (4401 / 4400): one
 *    token is for one workspace, so no room on the socket could be served. An accepted Hello is answered
 *    with **Welcome**.
 * 2. Per document: **Join**, then the y-websocket exchange exactly as on `/sync/<room>` — the relay greets
 *    with its sync step 1 and the awareness of the room; the client sends its sync step 1 (and may pipeline
 *    it right after Join); both answer step 1 with step 2; updates and awareness flow. The client may
 *    pipeline Hello and every Join without waiting: the relay reads a socket's frames in order.
 * 3. The relay refuses one room with **Refuse** and the same codes a `/sync/<room>` socket would close with:
 *    4400 bad room name, 4403 a room of another workspace than the token's, 4500 stored data not loadable,
 *    1007 a malformed message for that room, 1011 the room was reset, 1013 too many messages for the room.
 *    `isFinalClose(code)` says whether re-joining can help. Frames for a room that is not joined (e.g. sent
 *    before the client read the Refuse) are dropped.
 * 4. **Leave** detaches a room; the socket closes when the client has nothing left to sync. Closing the
 *    socket detaches every room.
 *
 * Socket-wide problems close the socket with a close code: a frame whose room cannot be read (1007), too
 * many rooms on one socket (1008), the relay shutting down (1001), an expired token (4401).
 *
 * Pure: no Node, DOM or Yjs; both ends import it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The multiplex protocol version a Hello announces; the relay refuses other versions with 4400. */
export const MULTIPLEX_VERSION = 1;

/** Message types of a multiplexed frame. 0–3 are y-websocket's own (y-protocols: sync, awareness, auth, query). */
export const MuxType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  Hello: 16,
  Join: 17,
  Leave: 18,
  Refuse: 19,
  Welcome: 20,
} as const;

/** A decoded frame: the room it is for and the y-websocket message or control message that follows. */
export interface MuxFrame {
  room: string;
  /** The message type (see `MuxType`). */
  type: number;
  /** The whole message after the room: `varUint(type) · body`, as y-websocket would carry it alone. */
  message: Uint8Array;
  /** A decoder positioned after the type, at the body. */
  body: decoding.Decoder;
}

/** Splits a frame into its room and message; `reason` says in English what is wrong. Never throws. */
export function decodeMuxFrame(
  frame: Uint8Array,
): { ok: true; frame: MuxFrame } | { ok: false; reason: string } {
  try {
    const decoder = decoding.createDecoder(frame);
    const room = decoding.readVarString(decoder);
    const start = decoder.pos;
    const type = decoding.readVarUint(decoder);
    const message = frame.subarray(start);
    return { ok: true, frame: { room, type, message, body: decoder } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** `varString(room)` followed by a y-websocket message (`varUint(type) · body`) as it is. */
export function encodeMuxFrame(room: string, message: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

/** The first frame of a socket: protocol version and the access token (room `""`). */
export function encodeHello(token: string, version: number = MULTIPLEX_VERSION): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, '');
  encoding.writeVarUint(encoder, MuxType.Hello);
  encoding.writeVarUint(encoder, version);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** Reads a Hello's body (after `decodeMuxFrame`); throws on a truncated body. */
export function readHello(body: decoding.Decoder): { version: number; token: string } {
  const version = decoding.readVarUint(body);
  const token = decoding.readVarString(body);
  return { version, token };
}

export const encodeJoin = (room: string): Uint8Array => encodeControl(room, MuxType.Join);
/** The relay's answer to an accepted Hello (room `""`). */
export const encodeWelcome = (): Uint8Array => encodeControl('', MuxType.Welcome);
export const encodeLeave = (room: string): Uint8Array => encodeControl(room, MuxType.Leave);

/** The relay detaches one room from the socket with a close code and reason (at most 123 bytes kept). */
export function encodeRefuse(room: string, code: number, reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, MuxType.Refuse);
  encoding.writeVarUint(encoder, code);
  encoding.writeVarString(encoder, truncateUtf8(reason, 123));
  return encoding.toUint8Array(encoder);
}

/** Reads a Refuse's body (after `decodeMuxFrame`); throws on a truncated body. */
export function readRefuse(body: decoding.Decoder): { code: number; reason: string } {
  const code = decoding.readVarUint(body);
  const reason = decoding.readVarString(body);
  return { code, reason };
}

function encodeControl(room: string, type: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, type);
  return encoding.toUint8Array(encoder);
}

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character (close reasons: 123 bytes). */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back to the start of a character
  return new TextDecoder().decode(bytes.subarray(0, end));
}
