/**
 * One plain y-websocket socket (`/sync/<room>`): one peer in one room. It owns what belongs to the socket —
 * the rate limit, liveness (only a pong proves the peer still reads; frames it sends prove nothing), the cap
 * on bytes waiting to be sent to it — and hands each frame to its
 * membership of the room. Frames that arrive while the room is still loading wait, in order.
 */
import type { Role } from '../../protocol/index.ts';
import { CloseCode } from './closeCodes.ts';
import type { Membership } from './membership.ts';
import type { Access } from './relay.ts';
import { nextPeerId, type Peer } from './peer.ts';
import { REFUSED, take, type RateLimit } from './tokenBucket.ts';
import { OPEN, type WebSocketLike } from './webSocketLike.ts';
import { sendShared } from './wire.ts';

export interface ConnectionLimits {
  rateLimit: RateLimit;
  /**
   * Bytes that may wait to be sent to this client; above it the connection closes with SlowReader. A single
   * frame larger than the cap (a big room's whole state) is still sent when little else waits.
   */
  maxBufferedBytes: number;
  /** After closing a slow reader, wait this long for the close handshake before dropping the socket. */
  slowReaderGraceMs: number;
}

export interface ConnectionHooks {
  /** The connection is being closed for a reason worth a log line. */
  rejected(connection: Connection, code: number, reason: string): void;
}

export class Connection implements Peer {
  readonly id = nextPeerId();
  /** The validated room name, `<workspaceId>/<kind>/<docId>`. */
  readonly room: string;
  readonly role: Role;
  /** The invite's id (Access.inviteId). */
  readonly identity: string | undefined;
  /** When the invite expires / was made, ms since the epoch (Access). */
  readonly expiresAt: number | undefined;
  readonly issuedAt: number | undefined;
  awarenessIdCount = 0;
  /** Cleared before each ping, set by the pong: a connection still false at the next ping is dead. */
  alive = true;
  /** The message rate limit's bucket (tokenBucket.ts `take`). */
  private messagesFullAt = 0;
  private membership: Membership | null = null;
  /** Frames received before the room was ready (allocated by the first such frame); none once it is. */
  private waiting: Uint8Array[] | null = null;
  private closed = false;

  /**
   * What the connection needs of `access` is copied into its own fields: the admission's object is not kept
   * (an object per idle connection).
   */
  constructor(
    readonly socket: WebSocketLike,
    access: Access,
    private readonly limits: ConnectionLimits,
    private readonly hooks: ConnectionHooks,
  ) {
    this.room = access.room;
    this.role = access.role;
    this.identity = access.inviteId;
    this.expiresAt = access.expiresAt;
    this.issuedAt = access.issuedAt;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The room is ready: frames that waited are handled now, later ones as they come. */
  attach(membership: Membership): void {
    const waiting = this.waiting;
    this.membership = membership;
    this.waiting = null;
    if (waiting !== null) for (const frame of waiting) membership.receive(frame);
  }

  receive(frame: Uint8Array): void {
    if (this.closed) return;
    const fullAt = take(this.limits.rateLimit, this.messagesFullAt);
    if (fullAt === REFUSED) return this.reject(CloseCode.RateLimited, 'too many messages per second');
    this.messagesFullAt = fullAt;
    if (this.membership !== null) this.membership.receive(frame);
    else (this.waiting ??= []).push(frame);
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) return this.dropSlowReader();
    // No callback: a failed write makes `ws` emit 'error' and close the socket, which ends the membership.
    // The same frame goes to every peer of the room: framed once (wire.ts).
    sendShared(this.socket, frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // A close reason is at most 123 bytes on the wire.
    this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
  }

  /** The socket is gone: leave the room. */
  closedBySocket(): void {
    this.closed = true;
    this.waiting = null;
    this.membership?.leave();
  }

  /** It does not read: its queue would grow with every frame of the room. Close it, then drop it. */
  private dropSlowReader(): void {
    const waiting = this.socket.bufferedAmount;
    this.reject(CloseCode.SlowReader, `not reading: ${Math.round(waiting / 1024)} KiB waiting`);
    // The close frame queues behind what it does not read; do not keep that memory for ws's 30 s close timeout.
    setTimeout(() => this.socket.terminate(), this.limits.slowReaderGraceMs).unref();
  }

  private reject(code: number, reason: string): void {
    this.hooks.rejected(this, code, reason);
    this.close(code, reason);
  }
}
