/**
 * The Haard server: one HTTP port that serves the built client, `GET /healthz`, and the sync relay's
 * WebSocket endpoint `/sync/<workspaceId>/<kind>/<docId>?token=<token>`.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { API_PREFIX, handleApi } from './http/api.ts';
import { admit, refuseOrigin } from './http/admission.ts';
import { serveStatic } from './http/staticFiles.ts';
import { consoleLogger, type Logger } from './log.ts';
import { createMultiplexer } from './relay/multiplex.ts';
import { createRelay, DEFAULT_MAX_BUFFERED_BYTES, type Relay, type Revocation } from './relay/relay.ts';
import { workspaceRoom } from './relay/roomName.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './relay/tokenBucket.ts';
import { CloseCode } from './relay/closeCodes.ts';
import { lockDataDir } from './store/dataDirLock.ts';
import { openRoomStore, type RoomStore } from './store/roomStore.ts';

export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export interface HaardServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port; the real one is returned. */
  port: number;
  /** Where the store (haard.sqlite) lives. */
  dataDir: string;
  /** HMAC secret for access tokens (see auth/secret.ts). */
  secret: string | Buffer;
  /** The built client; null or undefined serves no files (404). */
  distDir?: string | null;
  /** Largest WebSocket message accepted; larger frames close with 1009. Default 8 MiB. */
  maxMessageBytes?: number;
  /** Default 30 s. */
  pingIntervalMs?: number;
  /** Default 30 s. */
  idleUnloadMs?: number;
  /** Default 500. */
  compactAfterUpdates?: number;
  /** Default 200 messages/s per connection, bursts of 1000. */
  rateLimit?: RateLimit;
  /** Bytes that may wait to be sent to one client before it is closed with SlowReader (4503). Default 32 MiB. */
  maxBufferedBytes?: number;
  /** SQLite `synchronous`: NORMAL (default) survives kill -9; FULL also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /** Largest the store may grow, in bytes (a quota); writes beyond fail as on a full disk. Default: no limit. */
  maxStoreBytes?: number;
  /** Keep versions and the deleted content they need for this many days (store/retention.ts). Default: forever. */
  historyDays?: number;
  /**
   * Creates the seeded document of a new workspace (POST /api/workspaces). Without it that call answers
   * 404: the relay itself knows nothing of document contents.
   */
  seedWorkspace?: (input: { id: string; name: string; locale: 'nl' | 'en' }) => Uint8Array;
  /**
   * Origins besides the server's own whose pages may open sync sockets (e.g. `https://haard.example.org`
   * behind a proxy that rewrites Host). Default none.
   */
  allowedOrigins?: readonly string[];
  /** The clock tokens are checked against. Default: the system clock. */
  now?: () => Date;
  log?: Logger;
}

export interface HaardServer {
  port: number;
  /** `http://host:port` (a wildcard host is shown as localhost). */
  url: string;
  store: RoomStore;
  relay: Relay;
  /**
   * Closes the open connections of revoked invites with 4401 — plain `/sync/<room>` ones and multiplexed
   * sockets alike; returns how many. What an invite revocation must call.
   */
  revoke(revocation: Revocation): number;
  /** Stops accepting, closes every socket with 1001, compacts every room, closes the store. */
  close(): Promise<void>;
}

export async function createHaardServer(options: HaardServerOptions): Promise<HaardServer> {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1024) {
    throw new Error(
      `maxMessageBytes (HAARD_MAX_MESSAGE) must be a whole number of bytes ≥ 1024, got ${maxMessageBytes}`,
    );
  }
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  if (!Number.isSafeInteger(maxBufferedBytes) || maxBufferedBytes < 64 * 1024) {
    throw new Error(
      `maxBufferedBytes (HAARD_MAX_BUFFERED) must be a whole number of bytes ≥ 65536, got ${maxBufferedBytes}`,
    );
  }
  const log = options.log ?? consoleLogger;
  const allowedOrigins = options.allowedOrigins ?? [];
  const now = options.now ?? (() => new Date());
  const startedAt = performance.now();

  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir);
  let store: RoomStore;
  try {
    store = openRoomStore({
      dataDir: options.dataDir,
      synchronous: options.synchronous,
      maxStoreBytes: options.maxStoreBytes,
      historyDays: options.historyDays,
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  // The longest the event loop was blocked since the previous /healthz (resolution 10 ms).
  // The longest event-loop stall (for /healthz), sampled only while a sync socket is open: the monitor wakes
  // the process 100 times a second, which an idle server does not need (≈ 170 ms of CPU a minute at rest).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  let openSockets = 0;
  const socketClosed = () => {
    if (--openSockets === 0) loopDelay.disable();
  };
  const isRevoked = store.invites.isRevoked;
  const revoke = (revocation: Revocation) => relay.revoke(revocation) + multiplexer.revoke(revocation);
  const relay = createRelay({
    store,
    log,
    pingIntervalMs: options.pingIntervalMs,
    idleUnloadMs: options.idleUnloadMs,
    compactAfterUpdates: options.compactAfterUpdates,
    rateLimit: options.rateLimit,
    maxBufferedBytes,
  });
  const multiplexer = createMultiplexer({
    relay,
    secret: options.secret,
    isRevoked,
    now,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    pingIntervalMs: options.pingIntervalMs,
    maxBufferedBytes,
    log,
  });
  // No permessage-deflate: sync frames are small or already compact, and relay/wire.ts writes prebuilt frames.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    clientTracking: false,
    perMessageDeflate: false,
  });
  const staticFiles = serveStatic(options.distDir ?? null);

  const server = createServer((request, response) => {
    if (request.url === '/healthz' || request.url?.startsWith('/healthz?')) {
      const stats = relay.stats();
      const eventLoopMaxMs = Math.round(loopDelay.max / 1e6);
      loopDelay.reset();
      // Degraded (503) while writes to the store fail, e.g. a full disk: edits are refused, nothing is lost.
      const degraded = stats.storeError !== null;
      const body = JSON.stringify({
        status: degraded ? 'degraded' : 'ok',
        ...stats,
        multiplexedSockets: multiplexer.stats().sockets,
        eventLoopMaxMs,
        uptimeSeconds: Math.floor((performance.now() - startedAt) / 1000),
      });
      response.writeHead(degraded ? 503 : 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      response.end(body);
      return;
    }
    if (request.url?.startsWith(API_PREFIX)) {
      const seed = options.seedWorkspace;
      void handleApi(request, response, {
        secret: options.secret,
        now,
        invites: store.invites,
        closeRevoked: (revocation) => revoke(revocation),
        createWorkspace:
          seed &&
          (async (input) => {
            await store.append(workspaceRoom(input.id), [seed(input)]);
          }),
      });
      return;
    }
    staticFiles(request, response).catch((error: unknown) => {
      log('error', 'serving a file failed', { url: request.url, error: String(error) });
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own error listener from an upgraded socket: without this one, a client that resets
    // the connection would take the process down.
    socket.on('error', destroySocket);
    let admission = admit(request.url ?? '/', options.secret, now(), isRevoked);
    const badOrigin = refuseOrigin(request.headers.origin, request.headers.host, allowedOrigins);
    if (badOrigin !== null && admission.kind !== 'not-found') {
      admission = { kind: 'refuse', code: CloseCode.Forbidden, reason: badOrigin };
    }
    if (admission.kind === 'not-found') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      // `ws` has its own error listener on the socket now. `on`, not `once`: 'close' comes once, and `once`
      // would keep a wrapper, its state and a bound function per idle connection.
      socket.off('error', destroySocket);
      if (openSockets++ === 0) loopDelay.enable();
      ws.on('close', socketClosed);
      if (admission.kind === 'refuse') {
        log('info', 'refused a sync connection', { code: admission.code, reason: admission.reason });
        ws.close(admission.code, admission.reason);
      } else if (admission.kind === 'multiplex') multiplexer.accept(ws);
      else relay.connect(ws, admission.access);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await Promise.all([multiplexer.close(0), relay.close()]);
    await store.close();
    lock.release();
    loopDelay.disable();
    throw error;
  }

  const address = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::', ''].includes(address.address) ? 'localhost' : address.address;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`;
  // For local tools (haard import): a wildcard address is reached on the loopback interface.
  const local = ['0.0.0.0', '::', ''].includes(address.address) ? '127.0.0.1' : address.address;
  lock.announce(`http://${local.includes(':') ? `[${local}]` : local}:${address.port}`);

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Multiplexed sockets first (one 1001 per socket, not one Refuse per room), then the plain ones.
      await Promise.all([multiplexer.close(), relay.close()]);
      server.closeAllConnections();
      await stopped;
      await store.close();
      lock.release();
      loopDelay.disable();
    })();
    return closed;
  };

  return { port: address.port, url, store, relay, revoke, close };
}

/**
 * An upgraded socket's error listener. A module-level function (not a closure in the upgrade handler): a
 * closure would keep the handler's whole scope — the admission, the request — alive as long as the socket.
 */
function destroySocket(this: Duplex): void {
  this.destroy();
}
