/**
 * One open document: local persistence in IndexedDB (y-indexeddb) and live sync through the relay
 * (y-websocket's WebsocketProvider speaking the standard protocol). Framework-free; the Solid stores
 * subscribe to it.
 *
 * - Nothing may be written before the local state has loaded: `loaded` resolves after IndexedDB has
 *   replayed the stored state; the relay connection starts only then.
 * - Reconnects use capped, jittered exponential backoff (backoff.ts) instead of y-websocket's fixed one;
 *   a permanent refusal (an invalid, expired or foreign invite) stops retrying and says why.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { DEFAULT_BACKOFF, isPermanentClose, reconnectDelay, type BackoffOptions } from './backoff.ts';

export type ConnectionPhase =
  | 'loading' // reading the local copy from IndexedDB
  | 'connecting' // talking to the relay
  | 'synced' // the relay has our changes and we have theirs
  | 'offline' // no relay; retrying at `retryAt`
  | 'refused'; // the relay refused us for good (see `refusal`)

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Local changes made since the last time the relay confirmed sync. */
  pending: number;
  /** When the next reconnect attempt happens (ms since epoch), while offline. */
  retryAt: number | null;
  /** The close code and reason of a permanent refusal. */
  refusal: { code: number; reason: string } | null;
}

export interface OpenDocumentOptions {
  doc: Y.Doc;
  room: string;
  token: string;
  /** e.g. `ws://127.0.0.1:8080/sync`; null to stay local only. */
  relayUrl: string | null;
  backoff?: BackoffOptions;
  /** Called after each load path (IndexedDB, then each relay sync) — where migrations run. */
  onLoad?: (source: 'indexeddb' | 'relay') => void;
}

export interface OpenDocument {
  doc: Y.Doc;
  /** Presence: who is here and where. Local until the relay connects. */
  awareness: Awareness;
  loaded: Promise<void>;
  state(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
  /** Retry now (e.g. a "reconnect" button, or the browser's `online` event). */
  reconnect(): void;
  destroy(): Promise<void>;
}

export function openDocument(opts: OpenDocumentOptions): OpenDocument {
  const { doc, room } = opts;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const listeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = { phase: 'loading', pending: 0, retryAt: null, refusal: null };
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;

  const set = (patch: Partial<ConnectionState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };

  const idb = new IndexeddbPersistence(room, doc);
  const awareness = new Awareness(doc);
  let provider: WebsocketProvider | null = null;

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === idb) return; // remote or replayed, not a local change
    const sent = provider !== null && provider.wsconnected && provider.synced;
    if (!sent) set({ pending: state.pending + 1 });
  };
  doc.on('update', onUpdate);

  const scheduleRetry = () => {
    if (!provider || destroyed) return;
    const delay = reconnectDelay(Math.max(1, provider.wsUnsuccessfulReconnects), backoff);
    if (retryTimer) clearTimeout(retryTimer);
    set({ phase: 'offline', retryAt: Date.now() + delay });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      provider?.connect();
    }, delay);
  };

  const loaded = idb.whenSynced.then(() => {
    if (destroyed) return;
    opts.onLoad?.('indexeddb');
    if (opts.relayUrl === null) {
      set({ phase: 'offline', retryAt: null });
      return;
    }
    provider = new WebsocketProvider(opts.relayUrl, room, doc, {
      connect: false,
      params: { token: opts.token },
      awareness,
      // y-websocket's own schedule is replaced by ours (see connection-close below).
      maxBackoffTime: backoff.capMs,
    });
    const p = provider;
    p.on('status', ({ status }) => {
      if (status === 'connecting' || status === 'connected') set({ phase: 'connecting', retryAt: null });
    });
    p.on('sync', (synced: boolean) => {
      if (!synced) return;
      set({ phase: 'synced', pending: 0, retryAt: null, refusal: null });
      opts.onLoad?.('relay');
    });
    p.on('connection-close', (event) => {
      if (destroyed) return;
      if (event && isPermanentClose(event.code)) {
        // y-websocket stops by itself for 44xx; we only record why.
        set({ phase: 'refused', retryAt: null, refusal: { code: event.code, reason: event.reason } });
        return;
      }
      // Take over the reconnect: y-websocket's scheduled attempt becomes a no-op.
      p.shouldConnect = false;
      scheduleRetry();
    });
    p.connect();
  });

  const onOnline = () => api.reconnect();
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  const api: OpenDocument = {
    doc,
    awareness,
    loaded,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    reconnect() {
      if (!provider || destroyed || provider.wsconnected) return;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      set({ refusal: null });
      provider.connect();
    },
    async destroy() {
      destroyed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      doc.off('update', onUpdate);
      provider?.destroy();
      awareness.destroy();
      await idb.destroy();
      listeners.clear();
    },
  };
  return api;
}
