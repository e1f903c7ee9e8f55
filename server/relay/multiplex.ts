/**
 * Multiplexed sockets (`/sync`, protocol/multiplex.ts): one WebSocket per workspace and device carries every
 * document the client has open, instead of one socket per document. Each joined room is one `Peer` of the
 * relay (`relay.join`), whose frames are prefixed with the room; the room logic (sync, awareness, roles, the
 * viewer's dropped writes) is the relay's own `Membership`, exactly as for a `/sync/<room>` socket.
 *
 * What belongs to the socket lives here, as connection.ts does it for `/sync/<room>`: the Hello with the token
 * (the first frame; never in the URL), the token's workspace that every room must belong to, its expiry and
 * revocation (4401), liveness (only a pong counts), the cap on bytes waiting for a client that does not read
 * (4503), the number of rooms, and the rate of Join messages. What belongs to one room ends as a Refuse of that room alone: a room of
 * another workspace (4403), a bad room name (4400), a room that cannot be loaded (4500), a malformed message
 * for it (1007), too many messages for it (1013, the same per-room rate as a `/sync/<room>` socket).
 */
import { verifyInvite, type RevocationCheck, type Role } from '../auth/token.ts';
import {
  decodeMuxFrame,
  encodeMuxFrame,
  encodeRefuse,
  encodeWelcome,
  MULTIPLEX_VERSION,
  MuxType,
  readHello,
} from '../../protocol/multiplex.ts';
import { parseRoomName } from '../../protocol/index.ts';
import type { Logger } from '../log.ts';
import { CloseCode } from './closeCodes.ts';
import type { Membership } from './membership.ts';
import { nextPeerId, type Peer } from './peer.ts';
import { DEFAULT_MAX_BUFFERED_BYTES, type Relay, type Revocation } from './relay.ts';
import { REFUSED, take, type RateLimit } from './tokenBucket.ts';
import { OPEN, toBytes, type WebSocketLike } from './webSocketLike.ts';
import { sendShared } from './wire.ts';

export interface MultiplexOptions {
  relay: Pick<Relay, 'join'>;
  /** HMAC secret the Hello's token is checked with. */
  secret: string | Buffer;
  /** Revoked invites (server/auth/inviteStore.ts) are refused like expired ones. */
  isRevoked?: RevocationCheck;
  now: () => Date;
  /** Per room on the socket (as per `/sync/<room>` socket), and for the socket's Join messages. */
  rateLimit: RateLimit;
  /** Close a socket whose first frame is not a Hello within this long. Default 10 s. */
  helloTimeoutMs?: number;
  /** Rooms one socket may have joined at once; a Join beyond is refused with 1013. Default 5,000. */
  maxRooms?: number;
  /** Ping every socket this often; one that has not answered the previous ping is terminated. Default 30 s. */
  pingIntervalMs?: number;
  /** Bytes that may wait to be sent on one socket before it is closed with SlowReader (4503). Default 32 MiB. */
  maxBufferedBytes?: number;
  log: Logger;
}

export interface MultiplexStats {
  /** Open multiplexed sockets. */
  sockets: number;
  /** Rooms joined over them, summed. */
  rooms: number;
}

export interface Multiplexer {
  /** Serves a socket that was upgraded at `/sync` (no room). */
  accept(socket: WebSocketLike): void;
  stats(): MultiplexStats;
  /** Closes the sockets of revoked invites with Unauthorized (4401), every room on them; returns how many. */
  revoke(revocation: Revocation): number;
  /** Closes every socket with 1001 (their rooms are left) and waits for them, at most `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

/** What the socket's Hello token grants. */
interface SocketAccess {
  workspaceId: string;
  role: Role;
  /** When the invite was made, ms since the epoch (revocation "every invite before …"). */
  issuedAt: number;
  inviteId: string | undefined;
}

/** setTimeout's largest delay; a token that expires later is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function createMultiplexer(options: MultiplexOptions): Multiplexer {
  const sockets = new Set<MuxSocket>();
  let closing = false;

  const pingTimer = setInterval(() => {
    for (const socket of sockets) socket.ping();
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  return {
    accept(ws) {
      if (closing) return ws.close(CloseCode.ServerShutdown, 'server shutting down');
      const socket = new MuxSocket(ws, options, () => sockets.delete(socket));
      sockets.add(socket);
    },
    stats: () => ({
      sockets: sockets.size,
      rooms: [...sockets].reduce((sum, socket) => sum + socket.roomCount, 0),
    }),
    revoke(revocation) {
      let closed = 0;
      for (const socket of sockets) {
        if (!socket.revokedBy(revocation)) continue;
        socket.close(CloseCode.Unauthorized, 'invite revoked');
        closed++;
      }
      return closed;
    },
    async close(graceMs = 2_000) {
      closing = true;
      clearInterval(pingTimer);
      const open = [...sockets];
      const closed = Promise.all(open.map((socket) => socket.closed));
      for (const socket of open) socket.close(CloseCode.ServerShutdown, 'server shutting down');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const socket of open) socket.terminate();
    },
  };
}

class MuxSocket {
  private readonly rooms = new Map<string, RoomPeer>();
  private access: SocketAccess | null = null;
  /** The join rate limit's bucket (tokenBucket.ts `take`). */
  private joinsFullAt = 0;
  private alive = true;
  private ended = false;
  private timer: NodeJS.Timeout | undefined;
  readonly closed: Promise<void>;

  constructor(
    readonly ws: WebSocketLike,
    private readonly options: MultiplexOptions,
    onGone: () => void,
  ) {
    this.timer = setTimeout(
      () => this.close(CloseCode.Unauthorized, 'no Hello with an access token in time'),
      options.helloTimeoutMs ?? 10_000,
    );
    ws.on('message', (data) => this.receive(toBytes(data)));
    ws.on('pong', () => (this.alive = true));
    ws.on('error', () => {}); // a close event follows
    this.closed = new Promise((resolve) =>
      ws.on('close', () => {
        this.ended = true;
        clearTimeout(this.timer);
        for (const peer of [...this.rooms.values()]) peer.gone();
        this.rooms.clear();
        onGone();
        resolve();
      }),
    );
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  ping(): void {
    if (!this.alive) return this.ws.terminate();
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.ws.terminate();
    }
  }

  sendFrame(frame: Uint8Array): void {
    if (this.ended || this.ws.readyState !== OPEN) return;
    const waiting = this.ws.bufferedAmount;
    if (waiting > (this.options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES)) {
      // It does not read: its queue would grow with every frame of every room. Close it, then drop it.
      this.close(CloseCode.SlowReader, `not reading: ${Math.round(waiting / 1024)} KiB waiting`);
      setTimeout(() => this.ws.terminate(), 1_000).unref();
      return;
    }
    // No callback: a failed write makes `ws` emit 'error' and close the socket, which leaves every room.
    // A room's broadcast reaches every multiplexed peer of the room as the same bytes: framed once (wire.ts).
    sendShared(this.ws, frame);
  }

  /** Whether a revocation covers this socket's invite. */
  revokedBy(revocation: Revocation): boolean {
    const access = this.access;
    if (access === null || access.workspaceId !== revocation.workspaceId) return false;
    if ('inviteId' in revocation) return access.inviteId === revocation.inviteId;
    return (
      access.issuedAt < revocation.issuedBefore &&
      (revocation.except === undefined || access.inviteId !== revocation.except)
    );
  }

  close(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
  }

  terminate(): void {
    this.ws.terminate();
  }

  /** A room peer was sent away (by its room, or by a rule): forget it, keep the socket. */
  forget(peer: RoomPeer): void {
    if (this.rooms.get(peer.room) === peer) this.rooms.delete(peer.room);
  }

  private receive(data: Uint8Array): void {
    if (this.ended) return;
    const decoded = decodeMuxFrame(data);
    if (!decoded.ok) return this.close(CloseCode.MalformedMessage, `malformed frame: ${decoded.reason}`);
    const { room, type, message, body } = decoded.frame;

    if (this.access === null) {
      if (room !== '' || type !== MuxType.Hello) {
        return this.close(CloseCode.Unauthorized, 'the first message must be a Hello with an access token');
      }
      let hello: { version: number; token: string };
      try {
        hello = readHello(body);
      } catch {
        return this.close(CloseCode.MalformedMessage, 'malformed Hello');
      }
      return this.hello(hello.version, hello.token);
    }

    switch (type) {
      case MuxType.Join:
        return this.join(room);
      case MuxType.Leave: {
        const peer = this.rooms.get(room);
        if (peer !== undefined) {
          this.rooms.delete(room);
          peer.gone();
        }
        return;
      }
      case MuxType.Hello:
      case MuxType.Refuse:
      case MuxType.Welcome:
        return this.close(CloseCode.MalformedMessage, `unexpected message type ${type}`);
      default:
        // A y-websocket message (or an unknown type, which the room's membership refuses with 1007).
        // Frames for a room that is not joined are dropped: e.g. sent before the client read its Refuse.
        this.rooms.get(room)?.receive(message);
    }
  }

  private hello(version: number, token: string): void {
    if (version !== MULTIPLEX_VERSION) {
      return this.close(
        CloseCode.BadRoom,
        `multiplex protocol version ${version} is not spoken here (${MULTIPLEX_VERSION} is)`,
      );
    }
    const check = verifyInvite(token, this.options.secret, this.options.now(), this.options.isRevoked);
    if (!check.ok) return this.close(CloseCode.Unauthorized, `${check.reason} token`);
    const { claims } = check;
    this.access = {
      workspaceId: claims.ws,
      role: claims.role,
      issuedAt: claims.iat * 1000,
      inviteId: claims.id,
    };
    clearTimeout(this.timer);
    this.sendFrame(encodeWelcome());
    this.closeAtExpiry(check.claims.exp);
  }

  /** An expired token keeps no socket: close with 4401 when it expires (checked against the relay's clock). */
  private closeAtExpiry(exp: number): void {
    const remaining = exp * 1000 - this.options.now().getTime();
    if (remaining <= 0) return this.close(CloseCode.Unauthorized, 'expired token');
    this.timer = setTimeout(() => this.closeAtExpiry(exp), Math.min(remaining, MAX_TIMER_MS));
    this.timer.unref();
  }

  private join(room: string): void {
    const access = this.access!;
    if (this.rooms.has(room)) return; // already joined: a repeated Join changes nothing
    const refuse = (code: number, reason: string) => this.sendFrame(encodeRefuse(room, code, reason));
    const joinsFullAt = take(this.options.rateLimit, this.joinsFullAt);
    if (joinsFullAt === REFUSED) return refuse(CloseCode.RateLimited, 'too many Join messages per second');
    this.joinsFullAt = joinsFullAt;
    const parsed = parseRoomName(room);
    if (!parsed.ok) return refuse(CloseCode.BadRoom, parsed.reason);
    if (parsed.room.workspaceId !== access.workspaceId) {
      return refuse(CloseCode.Forbidden, 'room of another workspace than the token');
    }
    if (this.rooms.size >= (this.options.maxRooms ?? 5_000)) {
      return refuse(CloseCode.RateLimited, 'too many rooms on one socket');
    }
    const peer = new RoomPeer(this, room, access, this.options);
    this.rooms.set(room, peer);
    void this.options.relay.join(peer, room).then((result) => {
      if (!result.ok) return peer.close(result.code, result.reason);
      peer.attach(result.membership);
    });
  }
}

const MUX_FRAMES = new WeakMap<Uint8Array, { room: string; frame: Uint8Array }>();

/**
 * `frame` (a y-websocket message of `room`) as a multiplexed frame, encoded once per frame object: a room
 * broadcasts one frame object to all its peers, so each multiplexed peer of the room gets the same bytes (and
 * relay/wire.ts frames them once for the wire) instead of a copy of its own.
 */
function muxFrameOf(room: string, frame: Uint8Array): Uint8Array {
  const cached = MUX_FRAMES.get(frame);
  if (cached !== undefined && cached.room === room) return cached.frame;
  const encoded = encodeMuxFrame(room, frame);
  MUX_FRAMES.set(frame, { room, frame: encoded });
  return encoded;
}

/** One room on a multiplexed socket: a `Peer` of the relay whose frames carry the room's name. */
class RoomPeer implements Peer {
  readonly id = nextPeerId();
  awarenessIdCount = 0;
  readonly role: Role;
  /** The invite: two peers of one invite may take over each other's awareness ids (a reconnecting tab). */
  readonly identity: string | undefined;
  private membership: Membership | null = null;
  /** Frames received before the room was ready (allocated by the first such frame); none once it is. */
  private waiting: Uint8Array[] | null = null;
  /** The message rate limit's bucket (tokenBucket.ts `take`). */
  private messagesFullAt = 0;
  private readonly rateLimit: RateLimit;
  private ended = false;

  constructor(
    private readonly socket: MuxSocket,
    readonly room: string,
    access: SocketAccess,
    options: MultiplexOptions,
  ) {
    this.rateLimit = options.rateLimit;
    this.role = access.role;
    this.identity = access.inviteId;
  }

  /** The room is ready: frames that waited are handled now, later ones as they come. */
  attach(membership: Membership): void {
    if (this.ended) return membership.leave(); // left (or the socket closed) while the room loaded
    const waiting = this.waiting;
    this.membership = membership;
    this.waiting = null;
    if (waiting !== null) for (const frame of waiting) membership.receive(frame);
  }

  receive(message: Uint8Array): void {
    if (this.ended) return;
    const fullAt = take(this.rateLimit, this.messagesFullAt);
    if (fullAt === REFUSED) return this.close(CloseCode.RateLimited, 'too many messages per second');
    this.messagesFullAt = fullAt;
    if (this.membership !== null) this.membership.receive(message);
    else (this.waiting ??= []).push(message);
  }

  send(frame: Uint8Array): void {
    if (!this.ended) this.socket.sendFrame(muxFrameOf(this.room, frame));
  }

  /** The relay (or a rule) sends this peer away: the client hears a Refuse for this room only. */
  close(code: number, reason: string): void {
    if (this.ended) return;
    this.gone();
    this.socket.sendFrame(encodeRefuse(this.room, code, reason));
  }

  /** Left, refused or the socket closed: leave the room without a word. Idempotent. */
  gone(): void {
    if (this.ended) return;
    this.ended = true;
    this.waiting = null;
    this.socket.forget(this);
    this.membership?.leave();
  }
}
