/**
 * The y-websocket wire protocol, as the relay reads and writes it. A frame is
 * `[messageType: varUint, ...body]`; the room is not in the frame — it is the connection's URL.
 *
 * Parsing validates the whole frame before anything touches a document: an update must decode as a Yjs
 * update and an awareness update must decode entry by entry, so a bad frame is rejected as a value,
 * never half-applied.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;
const AUTH_PERMISSION_DENIED = 0;

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }
  /** Auth messages flow from relay to client only; one from a client is read and ignored. */
  | { type: 'auth' };

export type ParsedMessage = { ok: true; message: ClientMessage } | { ok: false; reason: string };

export function parseClientMessage(frame: Uint8Array): ParsedMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MessageType.Sync:
        return { ok: true, message: parseSync(decoder) };
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        checkAwarenessUpdate(update);
        return { ok: true, message: { type: 'awareness', update } };
      }
      case MessageType.Auth:
        return { ok: true, message: { type: 'auth' } };
      case MessageType.QueryAwareness:
        return { ok: true, message: { type: 'queryAwareness' } };
      default:
        return { ok: false, reason: `unknown message type ${messageType}` };
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function parseSync(decoder: decoding.Decoder): ClientMessage {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncType.Step1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      Y.decodeStateVector(stateVector);
      return { type: 'syncStep1', stateVector };
    }
    case SyncType.Step2:
    case SyncType.Update: {
      const update = decoding.readVarUint8Array(decoder);
      // Decodes every struct and the delete set; throws on anything Yjs could not read.
      Y.decodeUpdate(update);
      return { type: syncType === SyncType.Step2 ? 'syncStep2' : 'update', update };
    }
    default:
      throw new Error(`unknown sync message type ${syncType}`);
  }
}

/** Same reads as y-protocols' applyAwarenessUpdate, without applying anything. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    JSON.parse(decoding.readVarString(decoder));
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SyncType.Step1, Y.encodeStateVector(doc));
}

export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Step2, Y.encodeStateAsUpdate(doc, stateVector));
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Update, update);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return frameOf(encoder);
}

export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return frameOf(encoder);
}

/** The payload of a frame this relay encoded: the update of a sync frame, the awareness update of an awareness frame. */
export function framePayload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) === MessageType.Sync) decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return frameOf(encoder);
}

/**
 * The encoder's bytes as a Buffer view (no copy): `ws` sends a Buffer as it is, while it wraps any other
 * Uint8Array in a new Buffer on every send — and a broadcast frame is sent to every peer.
 */
function frameOf(encoder: encoding.Encoder): Buffer {
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
