/**
 * The relay core: rooms loaded from the store on first connection and unloaded when idle, connections
 * pinged, compaction scheduled. It works on `WebSocketLike`, so it needs no HTTP server; authentication
 * happens before `connect` is called (see http/admission.ts).
 */
import type { Role } from '../auth/token.ts';
import { consoleLogger, type Logger } from '../log.ts';
import type { RoomStore } from '../store/roomStore.ts';
import { CloseCode } from './closeCodes.ts';
import { Connection, type ConnectionHooks } from './connection.ts';
import { Room } from './room.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './tokenBucket.ts';
import { toBytes, type WebSocketLike } from './webSocketLike.ts';

export interface RelayOptions {
  store: RoomStore;
  /** Ping every connection this often; one that has not answered the previous ping is terminated. Default 30 s. */
  pingIntervalMs?: number;
  /** Unload a room this long after its last connection left (compacting it first). Default 30 s. */
  idleUnloadMs?: number;
  /** Compact a loaded room once it has this many stored updates. Default 500. */
  compactAfterUpdates?: number;
  /** Per-connection message rate. Default 200 messages/s, bursts of 1000. */
  rateLimit?: RateLimit;
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
}

export interface RoomStats {
  connections: number;
  droppedViewerUpdates: number;
  storedUpdates: number;
}

export interface Relay {
  /** Serves an authenticated socket on a room (a validated `<workspaceId>/<kind>/<docId>`). */
  connect(socket: WebSocketLike, access: { room: string; role: Role }): void;
  stats(): RelayStats;
  /** Figures for a loaded room; undefined when the room is not loaded. */
  roomStats(room: string): RoomStats | undefined;
  /** Closes every connection with 1001, compacts and unloads every room. Leaves the store open. */
  close(): Promise<void>;
}

export function createRelay(options: RelayOptions): Relay {
  const { store } = options;
  const log = options.log ?? consoleLogger;
  const idleUnloadMs = options.idleUnloadMs ?? 30_000;
  const compactAfterUpdates = options.compactAfterUpdates ?? 500;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const loadRetryMs = options.loadRetryMs ?? 5_000;
  const rooms = new Map<string, Room>();
  const failedLoads = new Map<string, number>();
  const compactionsDue = new Set<Room>();
  let droppedViewerUpdates = 0;
  let closing = false;

  const hooks: ConnectionHooks = {
    viewerUpdateDropped(connection) {
      connection.room.droppedViewerUpdates++;
      droppedViewerUpdates++;
    },
    rejected(connection, code, reason) {
      log('warn', 'closed a connection', { room: connection.room.name, code, reason });
    },
  };

  const pingTimer = setInterval(() => {
    for (const room of rooms.values()) {
      for (const connection of room.connections) {
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
    }
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  function openRoom(name: string): Room | { error: string } {
    const loaded = rooms.get(name);
    if (loaded !== undefined && !loaded.broken) return loaded;
    if (loaded !== undefined) {
      // Its document may hold what the store does not: load the room afresh instead of serving that.
      rooms.delete(name);
      loaded.destroy();
    }
    const failedAt = failedLoads.get(name);
    if (failedAt !== undefined && performance.now() - failedAt < loadRetryMs) {
      return { error: 'load failed moments ago; not retried yet' };
    }
    const result = Room.load(name, store);
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
    scheduleCompactionIfDue(result.room);
    return result.room;
  }

  function scheduleCompactionIfDue(room: Room): void {
    if (room.storedUpdates < compactAfterUpdates || compactionsDue.has(room)) return;
    compactionsDue.add(room);
    // Later, outside the message that crossed the threshold; the compaction itself is one transaction.
    setImmediate(() => {
      compactionsDue.delete(room);
      if (rooms.get(room.name) === room) compact(room);
    });
  }

  /** Compaction is an optimisation: when it fails, every update stays stored as it was, and we say so. */
  function compact(room: Room): void {
    if (room.storedUpdates === 0) return;
    let reason: string;
    try {
      const result = store.compact(room.name);
      if (result.ok) {
        room.storedUpdates = 0;
        return;
      }
      reason = result.reason;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    log('warn', 'compaction failed; the updates stay stored as they were', { room: room.name, reason });
  }

  function scheduleUnload(room: Room): void {
    clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => unload(room), idleUnloadMs);
    room.unloadTimer.unref();
  }

  function unload(room: Room): void {
    if (room.connections.size > 0 || rooms.get(room.name) !== room) return;
    compact(room);
    rooms.delete(room.name);
    room.destroy();
  }

  function connect(socket: WebSocketLike, access: { room: string; role: Role }): void {
    if (closing) {
      socket.close(CloseCode.ServerShutdown, 'server shutting down');
      return;
    }
    const room = openRoom(access.room);
    if (!(room instanceof Room)) {
      socket.close(CloseCode.LoadFailed, 'the stored document could not be loaded; nothing was changed');
      return;
    }
    clearTimeout(room.unloadTimer);
    const connection = new Connection(socket, room, access.role, rateLimit, hooks);
    socket.on('message', (data) => {
      try {
        connection.receive(toBytes(data));
        if (access.role === 'editor') scheduleCompactionIfDue(room);
      } catch (error) {
        // Nothing a client sends may take the process or another connection down.
        hooks.rejected(connection, CloseCode.MalformedMessage, `message failed: ${String(error)}`);
        connection.close(CloseCode.MalformedMessage, 'message could not be handled');
      }
    });
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('error', (error) => {
      log('info', 'socket error', { room: room.name, error: error.message });
    });
    socket.on('close', () => {
      room.remove(connection);
      if (room.connections.size === 0 && rooms.get(room.name) === room) scheduleUnload(room);
    });
    room.add(connection);
    connection.greet();
  }

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    clearInterval(pingTimer);
    const open = [...rooms.values()].flatMap((room) => [...room.connections]);
    const allClosed = Promise.all(
      open.map(
        (connection) => new Promise<void>((resolve) => connection.socket.on('close', () => resolve())),
      ),
    );
    for (const connection of open) connection.close(CloseCode.ServerShutdown, 'server shutting down');
    let graceTimer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, options.closeGraceMs ?? 2_000);
    });
    await Promise.race([allClosed, grace]);
    clearTimeout(graceTimer);
    for (const connection of open) connection.socket.terminate();
    for (const room of [...rooms.values()]) {
      room.connections.clear();
      unload(room);
    }
  }

  return {
    connect,
    stats: () => ({
      rooms: rooms.size,
      connections: [...rooms.values()].reduce((sum, room) => sum + room.connections.size, 0),
      droppedViewerUpdates,
    }),
    roomStats: (name) => {
      const room = rooms.get(name);
      if (room === undefined) return undefined;
      return {
        connections: room.connections.size,
        droppedViewerUpdates: room.droppedViewerUpdates,
        storedUpdates: room.storedUpdates,
      };
    },
    close,
  };
}
