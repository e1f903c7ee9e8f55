/**
 * Delivering an import's edits through a running relay, as an editor client over its WebSocket — the same
 * way a browser's edits arrive: the relay checks the invite, validates and stores each update, then
 * broadcasts it to every connected browser. Per room: one plain y-websocket connection
 * (`/sync/<room>?token=…`), the update, then a sync step 1 — the relay answers a sync step 1 only after every
 * update received before it is stored, so its sync step 2 is the proof the edit is durable.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { CloseCode } from '../../protocol/closeCodes.ts';

const MESSAGE_SYNC = 0;
/** How long one room may take to be stored, ms. */
const ROOM_TIMEOUT_MS = 60_000;

const syncFrame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** Why a close code ended a delivery, for the one line the operator reads. */
function closeText(code: number, reason: string): string {
  switch (code) {
    case CloseCode.Unauthorized:
      return `the relay refused the invite (${reason}): run import with the server's HAARD_SECRET / --data`;
    case CloseCode.MessageTooBig:
      return 'the update is larger than the relay accepts (HAARD_MAX_MESSAGE): raise it, or import with the server stopped';
    case CloseCode.LoadFailed:
      return `the relay cannot load the room's stored data (${reason})`;
    case CloseCode.InternalError:
      return `the relay could not store the update (${reason}); nothing of it was kept`;
    default:
      return `the relay closed the connection (${code}${reason ? ` ${reason}` : ''})`;
  }
}

/**
 * Sends `update` to room `room` of the relay at `baseUrl` (`http://host:port`) with editor invite `token`,
 * and resolves once the relay has stored it. Rejects with an Error whose message says what went wrong.
 */
export function deliverThroughRelay(
  baseUrl: string,
  token: string,
  room: string,
  update: Uint8Array,
): Promise<void> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/sync/${room}?token=${encodeURIComponent(token)}`;
  return new Promise<void>((resolve, reject) => {
    const socket = new WebSocket(url);
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.removeAllListeners('close');
      socket.on('error', () => {});
      socket.close(1000);
      if (error === null) resolve();
      else reject(error);
    };
    const timer = setTimeout(
      () => finish(new Error(`the relay did not store ${room} within a minute`)),
      ROOM_TIMEOUT_MS,
    );
    socket.on('error', (error) =>
      finish(new Error(`cannot reach the relay at ${baseUrl}: ${error.message}`)),
    );
    socket.on('close', (code, reason) => finish(new Error(`${room}: ${closeText(code, reason.toString())}`)));
    socket.on('open', () => {
      socket.send(syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update)));
      // An empty state vector: the answer (the whole document) is only the receipt, and comes after the store.
      socket.send(
        syncFrame((encoder) => {
          encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
          encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
        }),
      );
    });
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) finish(null);
    });
  });
}
