/**
 * One peer in one room: reads the peer's y-websocket frames for that room and enforces its role. Every way a
 * frame can be bad ends here as a close of this peer alone; nothing a peer sends throws out of `receive`.
 *
 * Socket-level rules (rate limit, liveness, buffered bytes, token expiry) are the socket's business
 * (connection.ts, or a multiplexed socket); this is what is left once a frame is known to be for this room.
 */
import { CloseCode } from './closeCodes.ts';
import type { Peer } from './peer.ts';
import { encodePermissionDenied, parseClientMessage } from './protocol.ts';
import type { Room } from './room.ts';
import { REFUSED, take, type RateLimit } from './tokenBucket.ts';

export interface MembershipHooks {
  /** A viewer sent a document change; it was dropped. */
  viewerUpdateDropped(room: Room, peer: Peer): void;
  /** The peer is being closed for a reason worth a log line. */
  rejected(room: Room, peer: Peer, code: number, reason: string): void;
  /** The peer left the room (its membership ended). */
  left(room: Room, peer: Peer): void;
  /** Some of the peer's awareness entries were refused (said once per membership). */
  awarenessRefused(room: Room, peer: Peer, refused: ReadonlyArray<{ clientId: number; why: string }>): void;
}

const READ_ONLY_NOTICE = 'read-only: this access token has the viewer role; document changes are not kept';

export class Membership {
  private toldReadOnly = false;
  private toldAwarenessRefused = false;
  private active = true;
  /** The awareness byte rate's bucket (tokenBucket.ts `take`). */
  private awarenessFullAt = 0;

  constructor(
    readonly room: Room,
    readonly peer: Peer,
    private readonly hooks: MembershipHooks,
    /** Awareness bytes per second the peer may send, and in one burst: one object shared by every membership. */
    private readonly awarenessRate: RateLimit,
  ) {}

  /** Handles one frame from the peer for this room. Never throws. */
  receive(frame: Uint8Array): void {
    if (!this.active) return;
    try {
      this.handle(frame);
    } catch (error) {
      // Nothing a client sends may take the process or another peer down.
      this.reject(CloseCode.MalformedMessage, `message could not be handled: ${String(error)}`);
    }
  }

  /** Ends the membership: the room forgets the peer and its awareness states. Idempotent. */
  leave(): void {
    if (!this.active) return;
    this.active = false;
    this.room.leave(this.peer);
    this.hooks.left(this.room, this.peer);
  }

  private handle(frame: Uint8Array): void {
    const parsed = parseClientMessage(frame);
    if (!parsed.ok) return this.reject(CloseCode.MalformedMessage, `malformed message: ${parsed.reason}`);
    const message = parsed.message;
    switch (message.type) {
      case 'syncStep1':
        return this.room.answerSyncStep1(message.stateVector, this.peer);
      case 'syncStep2':
      case 'update':
        return this.receiveUpdate(message.update);
      case 'awareness':
        return this.receiveAwareness(message.update);
      case 'queryAwareness': {
        const awareness = this.room.awarenessFrame();
        if (awareness !== null) this.peer.send(awareness);
        return;
      }
      case 'auth':
        return; // only the relay sends auth messages
    }
  }

  private receiveUpdate(update: Uint8Array): void {
    if (this.peer.role === 'viewer') {
      if (this.room.holdsAllOf(update)) return; // e.g. the sync step 2 of a viewer that has nothing new
      this.hooks.viewerUpdateDropped(this.room, this.peer);
      if (!this.toldReadOnly) {
        this.toldReadOnly = true;
        this.peer.send(encodePermissionDenied(READ_ONLY_NOTICE));
      }
      return;
    }
    this.room.receiveUpdate(update, this.peer);
  }

  private receiveAwareness(update: Uint8Array): void {
    const fullAt = take(this.awarenessRate, this.awarenessFullAt, update.length);
    if (fullAt === REFUSED) return this.reject(CloseCode.RateLimited, 'too many awareness bytes per second');
    this.awarenessFullAt = fullAt;
    const refused = this.room.applyAwareness(update, this.peer);
    if (refused.length > 0 && !this.toldAwarenessRefused) {
      this.toldAwarenessRefused = true;
      this.hooks.awarenessRefused(this.room, this.peer, refused);
    }
  }

  private reject(code: number, reason: string): void {
    this.hooks.rejected(this.room, this.peer, code, reason);
    this.peer.close(code, reason);
  }
}
