/**
 * One WebSocket per relay URL and access token, shared by every open document of that workspace
 * (the multiplexed protocol of `protocol/multiplex.ts`). Reference-counted: the socket opens when the first
 * document attaches and closes when the last one detaches.
 *
 * - The token travels in the first frame (Hello), never in the URL.
 * - A socket that does not open, or opens but stays silent, within `answerTimeoutMs` is given up (a slow or
 *   half-dead relay ends in `offline` within seconds instead of "connecting" forever).
 * - Reconnects use capped exponential backoff with full jitter (backoff.ts); the browser's `online` event and
 *   `reconnect()` retry at once.
 * - The browser's `offline` event drops the socket at once: a socket whose network went away stays "open"
 *   until TCP gives up (minutes), and the status would say synced while edits go nowhere. Sync catches up on
 *   the next open.
 * - A final close (`isFinalClose`: bad, expired or foreign token) refuses every attached document: the
 *   socket stays closed until `reconnect()`.
 */
import { decodeMuxFrame, encodeHello, type MuxFrame } from '../../../protocol/multiplex.ts';
import { isFinalClose } from '../../../protocol/index.ts';
import { DEFAULT_BACKOFF, reconnectDelay, type BackoffOptions } from './backoff.ts';

export type SocketPhase = 'connecting' | 'open' | 'offline' | 'refused';

export interface SocketState {
  phase: SocketPhase;
  /** When the next attempt happens (ms since epoch), while `offline`. */
  retryAt: number | null;
  /** The close code and reason of a final close, while `refused`. */
  refusal: { code: number; reason: string } | null;
}

/** What a document's channel must do for the socket it is attached to. */
export interface SocketMember {
  readonly room: string;
  /** The socket is open and Hello is sent: join and sync now. Also called at attach when already open. */
  opened(): void;
  /** A frame for this member's room. */
  receive(frame: MuxFrame): void;
  /** The socket's state changed (connecting, offline with retryAt, refused). */
  socketChanged(state: SocketState): void;
}

export interface SocketOptions {
  /** The relay's multiplex endpoint, e.g. `ws://127.0.0.1:8080/sync`. */
  url: string;
  /** The workspace's access token (sent in Hello). */
  token: string;
  backoff?: BackoffOptions;
  /** Give up on a socket that has not opened, or not sent a first frame, this long after trying. Default 8 s. */
  answerTimeoutMs?: number;
  /** The WebSocket class; Node tests pass `ws`'s. Default: the global WebSocket. */
  WebSocketImpl?: typeof WebSocket;
}

/** A member's handle on its shared socket. */
export interface SocketLease {
  state(): SocketState;
  /** Sends a frame; false when the socket is not open (the frame is dropped: sync catches up on open). */
  send(frame: Uint8Array): boolean;
  /** Retry now when offline or refused. */
  reconnect(): void;
  /** Detaches the member (after it sent its Leave); the last one closes the socket. */
  release(): void;
}

const sockets = new Map<string, SharedSocket>();

/** Attaches `member` to the shared socket for `options.url` + `options.token`, opening it if needed. */
export function attachToSocket(options: SocketOptions, member: SocketMember): SocketLease {
  const key = `${options.url}\n${options.token}`;
  let socket = sockets.get(key);
  if (socket === undefined) {
    socket = new SharedSocket(options, () => sockets.delete(key));
    sockets.set(key, socket);
  }
  return socket.attach(member);
}

/** How many shared sockets are alive (for tests and diagnostics). */
export const openSocketCount = (): number => sockets.size;

const NORMAL_CLOSURE = 1000;
const OPEN = 1;

class SharedSocket {
  private readonly members = new Map<string, Set<SocketMember>>();
  private ws: WebSocket | null = null;
  private current: SocketState = { phase: 'connecting', retryAt: null, refusal: null };
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private answerTimer: ReturnType<typeof setTimeout> | null = null;
  private heardFromRelay = false;
  private disposed = false;
  private readonly backoff: BackoffOptions;
  private readonly onOnline = () => this.reconnect();
  private readonly onOffline = () => {
    if (this.ws === null) return;
    this.detachSocket();
    this.lost(null);
  };

  constructor(
    private readonly options: SocketOptions,
    private readonly onDispose: () => void,
  ) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
    this.connect();
  }

  attach(member: SocketMember): SocketLease {
    let set = this.members.get(member.room);
    if (set === undefined) this.members.set(member.room, (set = new Set()));
    set.add(member);
    // Tell a member that joins an open socket on the next microtask: it is still being constructed (its
    // lease — this return value — does not exist yet when attach runs).
    if (this.current.phase === 'open')
      queueMicrotask(() => {
        if (!released && this.current.phase === 'open') member.opened();
      });
    let released = false;
    return {
      state: () => this.current,
      send: (frame) => this.send(frame),
      reconnect: () => this.reconnect(),
      release: () => {
        if (released) return;
        released = true;
        this.detach(member);
      },
    };
  }

  private detach(member: SocketMember): void {
    const set = this.members.get(member.room);
    set?.delete(member);
    if (set?.size === 0) this.members.delete(member.room);
    if (this.members.size === 0) this.dispose();
  }

  private send(frame: Uint8Array): boolean {
    if (this.ws === null || this.current.phase !== 'open' || this.ws.readyState !== OPEN) return false;
    this.ws.send(frame);
    return true;
  }

  reconnect(): void {
    if (this.disposed || this.current.phase === 'open' || this.current.phase === 'connecting') return;
    this.connect();
  }

  private connect(): void {
    this.clearTimers();
    const Impl = this.options.WebSocketImpl ?? globalThis.WebSocket;
    this.heardFromRelay = false;
    let ws: WebSocket;
    try {
      ws = new Impl(this.options.url);
    } catch {
      // A malformed URL or a blocked scheme: nothing to wait for, retry with backoff like any failure.
      this.lost(null);
      return;
    }
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    this.setState({ phase: 'connecting', retryAt: null, refusal: null });
    this.answerTimer = setTimeout(() => this.giveUp(ws), this.options.answerTimeoutMs ?? 8_000);
    ws.onopen = () => {
      if (this.ws !== ws) return;
      ws.send(encodeHello(this.options.token));
      this.setState({ phase: 'open', retryAt: null, refusal: null });
      for (const member of this.allMembers()) member.opened();
    };
    ws.onmessage = (event: MessageEvent) => {
      if (this.ws !== ws) return;
      if (!this.heardFromRelay) {
        this.heardFromRelay = true;
        this.attempts = 0; // the relay answers: the next loss starts the backoff afresh
        if (this.answerTimer) clearTimeout(this.answerTimer);
        this.answerTimer = null;
      }
      const data = event.data as ArrayBuffer | Uint8Array;
      const decoded = decodeMuxFrame(data instanceof Uint8Array ? data : new Uint8Array(data));
      if (!decoded.ok) return; // the relay only sends well-formed frames; a bad one has no room to go to
      const set = this.members.get(decoded.frame.room);
      if (set === undefined) return; // a room that left moments ago
      for (const member of [...set]) member.receive(decoded.frame);
    };
    // Errors are followed by a close event, which is where we act; nothing is thrown.
    ws.onerror = () => {};
    ws.onclose = (event: CloseEvent) => {
      if (this.ws !== ws) return;
      this.lost({ code: event.code, reason: event.reason });
    };
  }

  /** No open, or no first frame, in time: treat the relay as unreachable. */
  private giveUp(ws: WebSocket): void {
    if (this.ws !== ws) return;
    this.detachSocket();
    this.lost(null);
  }

  private lost(close: { code: number; reason: string } | null): void {
    this.ws = null;
    this.clearTimers();
    if (this.disposed) return;
    if (close !== null && isFinalClose(close.code)) {
      this.setState({ phase: 'refused', retryAt: null, refusal: close });
      return;
    }
    this.attempts++;
    const delay = reconnectDelay(this.attempts, this.backoff);
    this.setState({ phase: 'offline', retryAt: Date.now() + delay, refusal: null });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private setState(next: SocketState): void {
    this.current = next;
    for (const member of this.allMembers()) member.socketChanged(next);
  }

  private allMembers(): SocketMember[] {
    return [...this.members.values()].flatMap((set) => [...set]);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.answerTimer) clearTimeout(this.answerTimer);
    this.retryTimer = null;
    this.answerTimer = null;
  }

  /** Stops listening to the current socket and closes it, without reporting the close. */
  private detachSocket(): void {
    const ws = this.ws;
    this.ws = null;
    if (ws === null) return;
    ws.onopen = ws.onmessage = ws.onclose = null;
    try {
      ws.close(NORMAL_CLOSURE);
    } catch {
      // closing a socket that never opened can throw in some implementations; it is gone either way
    }
  }

  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimers();
    this.detachSocket();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    this.onDispose();
  }
}
