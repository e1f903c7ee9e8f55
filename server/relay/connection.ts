/**
 * One client on one room: reads its frames, enforces its rate limit and its role, and answers it.
 * Every way a frame can be bad ends here as a close code for this connection alone.
 */
import type { Role } from '../auth/token.ts';
import { CloseCode } from './closeCodes.ts';
import { encodePermissionDenied, encodeSyncStep1, parseClientMessage } from './protocol.ts';
import type { Room } from './room.ts';
import { TokenBucket, type RateLimit } from './tokenBucket.ts';
import { OPEN, type WebSocketLike } from './webSocketLike.ts';

export interface ConnectionHooks {
  /** A viewer sent a document change; it was dropped. */
  viewerUpdateDropped(connection: Connection): void;
  /** The connection is being closed for a reason worth a log line. */
  rejected(connection: Connection, code: number, reason: string): void;
}

const READ_ONLY_NOTICE = 'read-only: this access token has the viewer role; document changes are not kept';

export class Connection {
  /** Cleared before each ping, set by the pong (or any frame): a connection still false at the next ping is dead. */
  alive = true;
  /** Awareness client ids this connection announced, removed for everyone when it leaves. */
  readonly awarenessClients = new Set<number>();
  private readonly bucket: TokenBucket;
  private closed = false;
  private toldReadOnly = false;

  constructor(
    readonly socket: WebSocketLike,
    readonly room: Room,
    readonly role: Role,
    rateLimit: RateLimit,
    private readonly hooks: ConnectionHooks,
  ) {
    this.bucket = new TokenBucket(rateLimit);
  }

  /** The relay speaks first, like the reference server: its state vector, then who is here. */
  greet(): void {
    this.send(encodeSyncStep1(this.room.doc));
    const awareness = this.room.awarenessFrame();
    if (awareness !== null) this.send(awareness);
  }

  receive(frame: Uint8Array): void {
    if (this.closed) return;
    this.alive = true;
    if (!this.bucket.take()) return this.reject(CloseCode.RateLimited, 'too many messages per second');
    const parsed = parseClientMessage(frame);
    if (!parsed.ok) return this.reject(CloseCode.MalformedMessage, `malformed message: ${parsed.reason}`);
    const message = parsed.message;
    switch (message.type) {
      case 'syncStep1':
        this.send(this.room.syncStep2For(message.stateVector));
        return;
      case 'syncStep2':
      case 'update':
        return this.receiveUpdate(message.update);
      case 'awareness':
        this.room.applyAwareness(message.update, this);
        return;
      case 'queryAwareness': {
        const awareness = this.room.awarenessFrame();
        if (awareness !== null) this.send(awareness);
        return;
      }
      case 'auth':
        return; // only the relay sends auth messages
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    this.socket.send(frame, (error) => {
      if (error !== undefined && error !== null) this.socket.terminate();
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // A close reason is at most 123 bytes on the wire.
    this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
  }

  private receiveUpdate(update: Uint8Array): void {
    if (this.role === 'viewer') {
      if (this.room.holdsAllOf(update)) return; // e.g. the sync step 2 of a viewer that has nothing new
      this.hooks.viewerUpdateDropped(this);
      if (!this.toldReadOnly) {
        this.toldReadOnly = true;
        this.send(encodePermissionDenied(READ_ONLY_NOTICE));
      }
      return;
    }
    const result = this.room.applyUpdate(update, this);
    if (!result.ok) this.reject(result.code, result.reason);
  }

  private reject(code: number, reason: string): void {
    this.hooks.rejected(this, code, reason);
    this.close(code, reason);
  }
}
