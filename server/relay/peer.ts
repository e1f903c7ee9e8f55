/**
 * What a room needs from someone in it: a way to send them bytes, a way to send them away, and who they
 * are. The room never sees a socket. A plain y-websocket connection (`connection.ts`) is one peer in one
 * room; a multiplexed socket holds one peer per room it has joined (each prefixing its frames with the room).
 */
import type { Role } from '../../protocol/index.ts';

export interface Peer {
  /** Unique among this process's peers, for as long as the process runs; names the sender on the room bus. */
  readonly id: number;
  /** What the peer may do in the room: an editor's updates are applied, a viewer's dropped. */
  readonly role: Role;
  /**
   * Who is behind the peer, as far as the relay can tell (e.g. the invite it connected with); two peers with
   * the same identity may take over each other's awareness ids. Undefined: nobody else is the same.
   */
  readonly identity?: string;
  /**
   * How many awareness client ids this peer holds in its room (counted by the room, which caps it:
   * awarenessPolicy.ts). The ids are the room's own record; they are removed for everyone when the peer
   * leaves, and nobody else may announce them while it holds them. Start at 0.
   */
  awarenessIdCount: number;
  /** Queues one y-websocket frame (`[messageType, …]`) for the peer. Never throws; a no-op once closed. */
  send(frame: Uint8Array): void;
  /** Sends the peer away from the room with a close code (protocol/closeCodes.ts) and a short reason. */
  close(code: number, reason: string): void;
}

let lastPeerId = 0;

/** A fresh peer id. */
export const nextPeerId = (): number => ++lastPeerId;
