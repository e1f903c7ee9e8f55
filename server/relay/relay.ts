/**
 * The relay core: rooms loaded from the store on first join and unloaded when idle, sockets pinged,
 * checkpoints scheduled. It works on `WebSocketLike` and `Peer`, so it needs no HTTP server; authentication
 * happens before `connect` / `join` is called (see http/admission.ts).
 *
 * Two ways in:
 * - `connect(socket, access)`: a plain y-websocket socket on one room (`/sync/<room>`).
 * - `join(peer, room)`: any `Peer` — e.g. one room of a multiplexed socket — gets a `Membership` to feed
 *   that room's frames to. `connect` is built on it.
 */
import type { Role } from '../../protocol/index.ts';
import { consoleLogger, type Logger } from '../log.ts';
import type { DocStore } from '../store/docStore.ts';
import { DEFAULT_AWARENESS_LIMITS, type AwarenessLimits } from './awarenessPolicy.ts';
import { createLocalBus, type RoomBus } from './bus.ts';
import { CloseCode } from './closeCodes.ts';
import { compactionSchedule } from './compactionSchedule.ts';
import { ExpirySchedule } from './expirySchedule.ts';
import { Connection, type ConnectionHooks, type ConnectionLimits } from './connection.ts';
import { Membership, type MembershipHooks } from './membership.ts';
import type { Peer } from './peer.ts';
import { Room, type RoomDeps } from './room.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './tokenBucket.ts';
import { toBytes, type IncomingData, type WebSocketLike } from './webSocketLike.ts';

export const DEFAULT_MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export interface RelayOptions {
  store: DocStore;
  /** Where rooms broadcast. Default: an in-process bus. */
  bus?: RoomBus;
  /** Ping every connection this often; one that has not answered the previous ping is terminated. Default 30 s. */
  pingIntervalMs?: number;
  /** Unload a room this long after its last peer left (checkpointing it first). Default 30 s. */
  idleUnloadMs?: number;
  /** Checkpoint a loaded room once it has this many stored updates since its last checkpoint. Default 500. */
  compactAfterUpdates?: number;
  /**
   * …or once the bytes of those updates reach this, or the size of the last checkpoint if larger (so the
   * work of a checkpoint stays in proportion to what was written since). Default 1 MiB.
   */
  compactAfterBytes?: number;
  /** Per-connection message rate. Default 200 messages/s, bursts of 1000. */
  rateLimit?: RateLimit;
  /** Bytes that may wait to be sent to one connection before it is closed with SlowReader. Default 32 MiB. */
  maxBufferedBytes?: number;
  /** Caps on what one peer may announce in awareness (awarenessPolicy.ts). */
  awarenessLimits?: Partial<AwarenessLimits>;
  /** After a failed load, refuse the room without retrying the load for this long. Default 5 s. */
  loadRetryMs?: number;
  /** How long `close()` waits for clients to finish the close handshake. Default 2 s. */
  closeGraceMs?: number;
  log?: Logger;
}

export interface RelayStats {
  rooms: number;
  connections: number;
  droppedViewerUpdates: number;
  /** Why the last write to the store failed, while no write has succeeded since; null when writes work. */
  storeError: string | null;
}

export interface RoomStats {
  connections: number;
  droppedViewerUpdates: number;
  storedUpdates: number;
}

/** What a socket was admitted with (http/admission.ts), and what the relay enforces from it. */
export interface Access {
  /** A validated room name, `<workspaceId>/<kind>/<docId>`. */
  room: string;
  role: Role;
  /** When the invite expires, ms since the epoch: the connection is closed with Unauthorized (4401) then. */
  expiresAt?: number;
  /** When the invite was made, ms since the epoch ("revoke every invite made before …"). */
  issuedAt?: number;
  /** The invite's id (revocation; awareness ids may pass between connections of the same invite). */
  inviteId?: string;
}

/** Which open connections a revocation closes: one invite's, or every invite of a workspace made before a moment. */
export type Revocation =
  { workspaceId: string; inviteId: string } | { workspaceId: string; issuedBefore: number; except?: string };

export type JoinResult = { ok: true; membership: Membership } | { ok: false; code: number; reason: string };

export interface Relay {
  /** Serves an authenticated plain y-websocket socket on a room (a validated `<workspaceId>/<kind>/<docId>`). */
  connect(socket: WebSocketLike, access: Access): void;
  /** Closes the open connections of revoked invites with Unauthorized (4401); returns how many. */
  revoke(revocation: Revocation): number;
  /**
   * Adds a peer to a room (loading it when needed) and greets it. On success, feed the peer's frames for
   * the room to `membership.receive` and call `membership.leave()` when the peer goes. On failure the peer
   * was not added; close it with `code` and `reason`.
   */
  join(peer: Peer, room: string): Promise<JoinResult>;
  stats(): RelayStats;
  /** Figures for a loaded room; undefined when the room is not loaded. */
  roomStats(room: string): RoomStats | undefined;
  /** Closes every connection with 1001, checkpoints and unloads every room. Leaves the store open. */
  close(): Promise<void>;
}

export function createRelay(options: RelayOptions): Relay {
  const { store } = options;
  const bus = options.bus ?? createLocalBus();
  const log = options.log ?? consoleLogger;
  const idleUnloadMs = options.idleUnloadMs ?? 30_000;
  const limits: ConnectionLimits = {
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
    slowReaderGraceMs: 1_000,
  };
  const loadRetryMs = options.loadRetryMs ?? 5_000;
  const rooms = new Map<string, Room>();
  const loading = new Map<string, Promise<Room | { error: string }>>();
  const failedLoads = new Map<string, number>();
  const compaction = compactionSchedule({
    afterUpdates: options.compactAfterUpdates ?? 500,
    afterBytes: options.compactAfterBytes ?? 1024 * 1024,
    isLoaded: (room) => rooms.get(room.name) === room,
    log,
  });
  const connections = new Set<Connection>();
  const expiries = new ExpirySchedule<Connection>((connection) => {
    connectionHooks.rejected(connection, CloseCode.Unauthorized, 'token expired');
    connection.close(CloseCode.Unauthorized, 'token expired');
  });
  let droppedViewerUpdates = 0;
  let storeError: string | null = null;
  let closing = false;

  const awarenessLimits: AwarenessLimits = { ...DEFAULT_AWARENESS_LIMITS, ...options.awarenessLimits };
  // One limit object for every membership's awareness bucket (not a copy per connection).
  const awarenessRate: RateLimit = {
    perSecond: awarenessLimits.bytesPerSecond,
    burst: awarenessLimits.burstBytes,
  };
  const roomDeps: RoomDeps = {
    store,
    awarenessLimits,
    bus,
    stored: (room) => {
      storeError = null;
      compaction.ifDue(room);
    },
    writeFailed: (room, error) => {
      storeError = error instanceof Error ? error.message : String(error);
      log('error', 'a write to the store failed; the change was not stored nor broadcast', {
        room: room.name,
        error: storeError,
      });
    },
    rejected: (room, _peer, code, reason) =>
      log('warn', 'closed a connection', { room: room.name, code, reason }),
    failed: (room, error) =>
      log('error', 'a room task failed', {
        room: room.name,
        error: error instanceof Error ? error.stack : String(error),
      }),
  };

  const membershipHooks: MembershipHooks = {
    viewerUpdateDropped(room) {
      room.droppedViewerUpdates++;
      droppedViewerUpdates++;
    },
    rejected: (room, peer, code, reason) => roomDeps.rejected(room, peer, code, reason),
    left(room) {
      if (room.peers.size === 0 && rooms.get(room.name) === room) scheduleUnload(room);
    },
    awarenessRefused(room, _peer, refused) {
      log('warn', 'refused awareness entries of a connection (said once per connection)', {
        room: room.name,
        refused: refused.slice(0, 3),
        count: refused.length,
      });
    },
  };

  const connectionHooks: ConnectionHooks = {
    rejected: (connection, code, reason) =>
      log('warn', 'closed a connection', { room: connection.room, code, reason }),
  };

  const pingTimer = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      try {
        connection.socket.ping();
      } catch {
        connection.socket.terminate();
      }
    }
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  // One set of socket listeners for every connection, finding the connection by its socket (the emitter is
  // `this`): four closures and their scope per socket would cost ≈ 270 bytes of every idle connection.
  const connectionOf = new WeakMap<WebSocketLike, Connection>();
  function onSocketMessage(this: WebSocketLike, data: IncomingData): void {
    connectionOf.get(this)?.receive(toBytes(data));
  }
  function onSocketPong(this: WebSocketLike): void {
    const connection = connectionOf.get(this);
    if (connection !== undefined) connection.alive = true;
  }
  function onSocketError(this: WebSocketLike, error: Error): void {
    log('info', 'socket error', { room: connectionOf.get(this)?.room, error: error.message });
  }
  function onSocketClose(this: WebSocketLike): void {
    const connection = connectionOf.get(this);
    if (connection === undefined) return;
    connectionOf.delete(this);
    connections.delete(connection);
    const { expiresAt } = connection;
    if (expiresAt !== undefined) expiries.delete(connection, expiresAt);
    connection.closedBySocket();
  }

  function openRoom(name: string): Promise<Room | { error: string }> | Room | { error: string } {
    const loaded = rooms.get(name);
    if (loaded !== undefined && !loaded.broken) return loaded;
    if (loaded !== undefined) {
      // Its document may hold what the store does not: load the room afresh instead of serving that.
      rooms.delete(name);
      loaded.destroy();
    }
    const inFlight = loading.get(name);
    if (inFlight !== undefined) return inFlight;
    const failedAt = failedLoads.get(name);
    if (failedAt !== undefined && performance.now() - failedAt < loadRetryMs) {
      return { error: 'load failed moments ago; not retried yet' };
    }
    const load = Room.load(name, roomDeps).then((result) => {
      loading.delete(name);
      if (!result.ok) {
        failedLoads.set(name, performance.now());
        log(
          'error',
          'a room could not be loaded; its stored data was left untouched and no client was served',
          {
            room: name,
            error: result.error,
          },
        );
        return { error: result.error };
      }
      failedLoads.delete(name);
      rooms.set(name, result.room);
      compaction.ifDue(result.room);
      return result.room;
    });
    loading.set(name, load);
    return load;
  }

  function scheduleUnload(room: Room): void {
    clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => void unload(room), idleUnloadMs);
    room.unloadTimer.unref();
  }

  async function unload(room: Room): Promise<void> {
    if (room.peers.size > 0 || rooms.get(room.name) !== room) return;
    await room.settled();
    await compaction.run(room);
    // A peer that arrived while it compacted keeps the room loaded (its leaving schedules the unload again).
    if (room.peers.size > 0 || rooms.get(room.name) !== room) return;
    rooms.delete(room.name);
    room.destroy();
  }

  async function join(peer: Peer, name: string): Promise<JoinResult> {
    if (closing) return { ok: false, code: CloseCode.ServerShutdown, reason: 'server shutting down' };
    const room = await openRoom(name);
    if (!(room instanceof Room)) {
      return {
        ok: false,
        code: CloseCode.LoadFailed,
        reason: 'the stored document could not be loaded; nothing was changed',
      };
    }
    if (closing) return { ok: false, code: CloseCode.ServerShutdown, reason: 'server shutting down' };
    clearTimeout(room.unloadTimer);
    room.join(peer);
    return { ok: true, membership: new Membership(room, peer, membershipHooks, awarenessRate) };
  }

  function revoke(revocation: Revocation): number {
    let closed = 0;
    for (const connection of connections) {
      if (!connection.room.startsWith(`${revocation.workspaceId}/`)) continue;
      const revoked =
        'inviteId' in revocation
          ? connection.identity === revocation.inviteId
          : (connection.issuedAt ?? 0) < revocation.issuedBefore &&
            (revocation.except === undefined || connection.identity !== revocation.except);
      if (!revoked) continue;
      connection.close(CloseCode.Unauthorized, 'invite revoked');
      closed++;
    }
    return closed;
  }

  function connect(socket: WebSocketLike, access: Access): void {
    if (closing) {
      socket.close(CloseCode.ServerShutdown, 'server shutting down');
      return;
    }
    if (access.expiresAt !== undefined && access.expiresAt <= Date.now()) {
      socket.close(CloseCode.Unauthorized, 'expired token');
      return;
    }
    const connection = new Connection(socket, access, limits, connectionHooks);
    connections.add(connection);
    connectionOf.set(socket, connection);
    socket.on('message', onSocketMessage);
    socket.on('pong', onSocketPong);
    socket.on('error', onSocketError);
    socket.on('close', onSocketClose);
    if (access.expiresAt !== undefined) expiries.add(connection, access.expiresAt);
    void join(connection, access.room).then((result) => {
      if (!result.ok) return connection.close(result.code, result.reason);
      if (connection.isClosed) return result.membership.leave();
      connection.attach(result.membership);
    });
  }

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    clearInterval(pingTimer);
    expiries.stop();
    await Promise.all(loading.values());
    const open = [...connections];
    const allClosed = Promise.all(
      open.map(
        (connection) => new Promise<void>((resolve) => connection.socket.on('close', () => resolve())),
      ),
    );
    for (const room of rooms.values())
      for (const peer of [...room.peers]) peer.close(CloseCode.ServerShutdown, 'server shutting down');
    for (const connection of open) connection.close(CloseCode.ServerShutdown, 'server shutting down');
    let graceTimer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, options.closeGraceMs ?? 2_000);
    });
    await Promise.race([allClosed, grace]);
    clearTimeout(graceTimer);
    for (const connection of open) connection.socket.terminate();
    await Promise.all(
      [...rooms.values()].map((room) => {
        for (const peer of [...room.peers]) room.leave(peer);
        return unload(room);
      }),
    );
  }

  return {
    connect,
    revoke,
    join,
    stats: () => ({
      rooms: rooms.size,
      connections: [...rooms.values()].reduce((sum, room) => sum + room.peers.size, 0),
      droppedViewerUpdates,
      storeError,
    }),
    roomStats: (name) => {
      const room = rooms.get(name);
      if (room === undefined) return undefined;
      return {
        connections: room.peers.size,
        droppedViewerUpdates: room.droppedViewerUpdates,
        storedUpdates: room.storedUpdates,
      };
    },
    close,
  };
}
