/**
 * One open document: its local copy on this device (localCopy.ts, IndexedDB) and its live sync through the
 * relay (channel.ts), over one WebSocket shared with every other document of the same relay and invite
 * (socket.ts, protocol/multiplex.ts). Framework-free; the Solid stores subscribe to it.
 *
 * - Nothing may be written before the local state has loaded: `loaded` resolves after the local copy has
 *   been read; the relay connection starts only then. When there is no local copy (refused, unreadable),
 *   `loaded` waits for the relay's state instead — or for the relay to be offline or refusing — so a
 *   document opens within seconds either way, and `state().local` says what is kept where.
 * - Reconnects use capped, jittered exponential backoff; a permanent refusal (an invalid, expired or foreign
 *   invite, or a room of another workspace) stops retrying and says why.
 * - While changes exist only in this tab (no local copy, or storage full, and not yet at the relay), closing
 *   the tab asks first (`beforeunload`).
 */
import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { BackoffOptions } from './backoff.ts';
import { openChannel, type Channel, type ChannelState } from './channel.ts';
import { openLocalCopy, type LocalCopyOptions, type LocalStatus } from './localCopy.ts';
import type { SocketOptions } from './socket.ts';

export type { LocalStatus } from './localCopy.ts';

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
  /**
   * The copy on this device: `ok` every change is kept here; `unavailable` the browser refuses local storage
   * and `unreadable` the stored copy could not be read (left untouched) — both work online only, so changes
   * not yet at the relay live only in this tab; `full` storage ran out: changes are kept in memory, sent to the
   * relay, and written here again once there is space.
   */
  local: LocalStatus;
}

export interface OpenDocumentOptions {
  doc: Y.Doc;
  room: string;
  token: string;
  /** The relay's sync endpoint, e.g. `ws://127.0.0.1:8080/sync`; null to stay local only. */
  relayUrl: string | null;
  backoff?: BackoffOptions;
  /** Called after each load path (IndexedDB, then each relay sync) — where migrations run. */
  onLoad?: (source: 'indexeddb' | 'relay') => void;
  /** Local storage options (tests: `{ indexedDB: null }` in Node, short timeouts). */
  local?: LocalCopyOptions;
  /** Socket options (Node tests pass `ws`'s WebSocket class; timeouts). */
  socket?: Pick<SocketOptions, 'WebSocketImpl' | 'answerTimeoutMs'>;
  /**
   * Origins of bookkeeping updates that are not a person's change (history: versions, who-made-what), so
   * "n changes not yet sent" counts edits only. They are sent like any update.
   */
  bookkeeping?: readonly unknown[];
}

export interface OpenDocument {
  doc: Y.Doc;
  /** Presence: who is here and where. Local until the relay connects. */
  awareness: Awareness;
  /** Resolves when the document may be read and written (see the module comment). Never rejects. */
  loaded: Promise<void>;
  state(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
  /** Retry now (e.g. a "reconnect" button, or the browser's `online` event). */
  reconnect(): void;
  destroy(): Promise<void>;
}

export function openDocument(opts: OpenDocumentOptions): OpenDocument {
  const { doc, room } = opts;
  const listeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = { phase: 'loading', pending: 0, retryAt: null, refusal: null, local: 'ok' };
  let channel: Channel | null = null;
  let destroyed = false;
  let markLoaded: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve));

  const set = (patch: Partial<ConnectionState>) => {
    if (destroyed) return;
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };

  const local = openLocalCopy(room, doc, opts.local);
  local.subscribe((status) => set({ local: status }));
  const awareness = new Awareness(doc);

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === local.origin || (channel !== null && origin === channel.origin)) return; // not a local change
    if (opts.bookkeeping?.includes(origin)) return;
    if (channel === null || !channel.live()) set({ pending: state.pending + 1 });
  };
  doc.on('update', onUpdate);

  const onChannel = (c: ChannelState) => {
    set({
      phase: c.phase,
      retryAt: c.retryAt,
      refusal: c.refusal,
      ...(c.phase === 'synced' ? { pending: 0 } : {}),
    });
    // Without a local copy, the relay's answer — or its absence — is what there is to load.
    if (c.phase === 'offline' || c.phase === 'refused') markLoaded();
  };

  void local.loaded.then((status) => {
    if (destroyed) return;
    set({ local: status });
    const hasCopy = status === 'ok' || status === 'full';
    if (hasCopy) {
      opts.onLoad?.('indexeddb');
      markLoaded();
    }
    if (opts.relayUrl === null) {
      set({ phase: 'offline', retryAt: null });
      markLoaded();
      return;
    }
    channel = openChannel({
      url: opts.relayUrl,
      token: opts.token,
      backoff: opts.backoff,
      ...opts.socket,
      room,
      doc,
      awareness,
      onState: onChannel,
      onSynced: () => {
        opts.onLoad?.('relay');
        markLoaded();
      },
    });
  });

  // Closing the tab would lose changes that are neither on this device nor at the relay: ask first.
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (state.local === 'ok' || state.pending === 0) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers need it set
  };
  if (typeof window !== 'undefined') window.addEventListener('beforeunload', onBeforeUnload);

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
      if (destroyed) return;
      channel?.reconnect();
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (typeof window !== 'undefined') window.removeEventListener('beforeunload', onBeforeUnload);
      doc.off('update', onUpdate);
      channel?.destroy();
      awareness.destroy();
      listeners.clear();
      markLoaded();
      await local.destroy();
    },
  };
  return api;
}
