/**
 * Every open document of a workspace, by kind and id: the one way the app opens a document.
 *
 * `registry.open(kind, id)` returns a handle to the document's Y.Doc with its local persistence (IndexedDB),
 * its sync through the relay, its Solid store (state, intents, undo) and its awareness. Handles are
 * reference-counted: the plan page, the plan list's presenter view and a meeting board can hold the same plan
 * at once and share one Y.Doc. The document's lifetime is the registry's, not a component's: when the last
 * handle is released the document stays open for `keepAliveMs` (going back to a page is instant), then it is
 * flushed and closed. Stores are created under their own reactive root, so a component that unmounts never
 * disposes a store another component still uses.
 *
 * Durable shared state goes in the document (through intents); ephemeral state — which section someone is
 * looking at, carets — goes in the document's awareness (`setLocation`, the editor binding).
 */
import * as Y from 'yjs';
import { createMemo, createRoot, createSignal, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import { roomName, type DocKind, type Role } from '../../../protocol/index.ts';
import { openDocument, type ConnectionState, type OpenDocument } from '../sync/connection.ts';
import { createKindStore, type KindStore } from '../stores/docStore.ts';
import type { Me } from './identity.ts';
import { todayIso } from './today.ts';
import { putBackOverwrite, watchOverwrites, type Overwrite } from '../../../doc/overwrites.ts';
import { MIGRATION_ORIGIN, SEED_ORIGIN, UPKEEP_ORIGIN } from '../../../doc/index.ts';
import {
  attachUserOnFirstEdit,
  HISTORY_ORIGIN,
  setPersonName,
  trackDailyVersions,
} from '../../../doc/history/index.ts';

/**
 * History for an editor's document (history design §2–§3), once its local copy has loaded: on this session's
 * first edit, its client id mapped to the person (PermanentUserData) — a document only read is not written —
 * and the daily version on the first edit of a day.
 */
function startHistory(
  kind: DocKind,
  doc: Y.Doc,
  loaded: Promise<void>,
  me: () => Me,
  now: () => string,
): () => void {
  // Bookkeeping is nobody's edit: migrations, index cards, versions and PermanentUserData's own writes (null).
  const notEdits: readonly unknown[] = [UPKEEP_ORIGIN, MIGRATION_ORIGIN, HISTORY_ORIGIN, null];
  let stopped = false;
  let stopDaily = () => {};
  let stopAttach = () => {};
  void loaded.then(() => {
    if (stopped) return;
    stopAttach = attachUserOnFirstEdit(
      doc,
      () => ({ id: me().id, name: me().name }),
      (origin) => !notEdits.includes(origin),
    );
    stopDaily = trackDailyVersions(kind, doc, {
      today: () => todayIso(),
      author: () => ({ at: now(), by: me().id, byName: me().name || null }),
      ignore: [SEED_ORIGIN, UPKEEP_ORIGIN, MIGRATION_ORIGIN],
      name: (day) => `Daily ${day}`,
    });
  });
  return () => {
    stopped = true;
    stopAttach();
    stopDaily();
  };
}

/** What a colleague is doing in a document: the route they have open and, inside it, the section. */
export interface PresenceLocation {
  /** The app route, e.g. `/plans/p1`. */
  view: string;
  /** A section of that view, e.g. `goals` (plan editor) or a ruitmodel step. */
  section?: string | null;
  /** The field being edited, by its `data-path` (`goals.g1.metric`): colleagues see who is in which field. */
  field?: string | null;
}

export interface PresenceEntry {
  clientId: number;
  user: { id: string; name: string; color: string };
  location: PresenceLocation | null;
  self: boolean;
}

export interface DocHandle<K extends DocKind> {
  readonly kind: K;
  readonly id: string;
  /** `<workspaceId>/<kind>/<docId>`. */
  readonly room: string;
  /** The Solid store: `state` (status, data, quarantine), `intents`, per-user `undo`. */
  readonly store: KindStore<K>;
  /** Resolves when the local copy (IndexedDB) has loaded: nothing may be written before. */
  readonly ready: Promise<void>;
  /** Sync state of this document (loading / connecting / synced / offline / refused, pending changes). */
  readonly connection: Accessor<ConnectionState>;
  /** Everyone with this document open, self first. */
  readonly presence: Accessor<PresenceEntry[]>;
  /**
   * True for a viewer invite, while the document is not loaded and valid, and once the relay refused the invite
   * for good (invalid, expired, revoked: edits could never be sent).
   */
  readonly readOnly: Accessor<boolean>;
  /** Ephemeral: tell colleagues where in this document we are (null: nowhere in particular). */
  setLocation(location: PresenceLocation | null): void;
  /** Retry the relay now. */
  reconnect(): void;
  /**
   * For editor bindings only (client/src/ui/editor): the Y.Doc and its awareness. Screens never touch Y types;
   * they use `store`.
   */
  readonly binding: { doc: Y.Doc; awareness: Awareness; origin: object };
  /** Give this handle back. Calling it twice is harmless. */
  release(): void;
}

export interface DocRegistryOptions {
  workspaceId: string;
  token: string;
  role: Role;
  /** e.g. `ws://host/sync`; null keeps every document local. */
  relayUrl: string | null;
  me: Me;
  /** How long a document stays open after its last handle is released, ms. Default 20 s. */
  keepAliveMs?: number;
  /** ISO timestamp of now (intents stamp `updatedAt` with it). Default: the clock. */
  now?: () => string;
}

/** A value of this person's that a colleague's concurrent write replaced (doc/overwrites.ts), to be told. */
export interface OverwriteNotice {
  /** Unique within the session: what `dismissOverwrite` and `putBackOverwrite` take. */
  n: number;
  kind: DocKind;
  docId: string;
  overwrite: Overwrite;
}

export interface PrefetchProgress {
  done: number;
  total: number;
  failed: string[];
}

export interface DocRegistry {
  /**
   * Open a document (or share the open one). A `background` handle (prefetching) does not announce the user
   * in the document's awareness: colleagues see someone in a plan only while a screen of theirs shows it.
   */
  open<K extends DocKind>(kind: K, id: string, opts?: { background?: boolean }): DocHandle<K>;
  /**
   * Brings documents onto this device (IndexedDB) and up to date with the relay without keeping them open:
   * each is opened, synced (or given up after `timeoutMs` when offline) and released. At most `concurrency`
   * at a time. Resolves with how many synced and which did not.
   */
  prefetch(
    kind: DocKind,
    ids: readonly string[],
    opts?: { concurrency?: number; timeoutMs?: number },
  ): Promise<PrefetchProgress>;
  /** Number of documents open now (held or kept alive). */
  openCount(): number;
  /**
   * This person's values that colleagues' concurrent writes replaced, in any document opened this session
   * (also in the background), oldest first, until dismissed. Watched from the moment a document's local copy
   * has loaded: what the device already held was told when it happened. Viewers are never told (they write
   * nothing).
   */
  overwrites: Accessor<OverwriteNotice[]>;
  dismissOverwrite(n: number): void;
  /**
   * Writes the replaced value back as a new edit of this person's (undoable), then dismisses the notice.
   * Resolves false when the field is gone (its record deleted since) — the notice then stays.
   */
  putBackOverwrite(n: number): Promise<boolean>;
  setMe(me: Me): void;
  /** Close every document now (flushes IndexedDB). */
  dispose(): Promise<void>;
}

interface Entry {
  kind: DocKind;
  id: string;
  refs: number;
  /** Handles held by screens (not background prefetching): while > 0 the user is announced. */
  foreground: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
  handleBase: Omit<DocHandle<DocKind>, 'release'>;
  conn: OpenDocument;
  /** Announce `me` (name, colour) again after it changed. */
  republish(): void;
  close(): Promise<void>;
}

const keyOf = (kind: DocKind, id: string) => `${kind}/${id}`;

export function createDocRegistry(opts: DocRegistryOptions): DocRegistry {
  const entries = new Map<string, Entry>();
  const keepAliveMs = opts.keepAliveMs ?? 20_000;
  const now = opts.now ?? (() => new Date().toISOString());
  let me = opts.me;
  const [overwrites, setOverwrites] = createSignal<OverwriteNotice[]>([]);
  let overwriteCount = 0;

  function create(kind: DocKind, id: string): Entry {
    return createRoot((disposeRoot) => {
      // No garbage collection (history design §1): deleted content stays, so every version still opens.
      const doc = new Y.Doc({ gc: false });
      const origin = { user: me.id }; // this tab's edits: what its undo tracks
      const room = roomName(opts.workspaceId, kind, id);
      // Migrations run on every load path: after IndexedDB (the store's `ready`) and after each relay sync.
      let loadStore: (() => void) | null = null;
      const conn: OpenDocument = openDocument({
        doc,
        room,
        token: opts.token,
        relayUrl: opts.relayUrl,
        // Versions and the person mapping (PermanentUserData writes its delete sets with no origin).
        bookkeeping: [HISTORY_ORIGIN, null],
        onLoad: (source) => {
          if (source === 'relay') loadStore?.();
        },
      });
      const store = createKindStore(kind, doc, { origin, now, ready: conn.loaded });
      loadStore = () => store.load();
      let stopOverwrites = () => {};
      let closed = false;
      if (opts.role !== 'viewer')
        void conn.loaded.then(() => {
          if (closed) return;
          stopOverwrites = watchOverwrites(
            kind,
            doc,
            () => me.id,
            (found) =>
              setOverwrites((list) => [
                ...list,
                ...found.map((overwrite) => ({ n: ++overwriteCount, kind, docId: id, overwrite })),
              ]),
          );
        });
      const stopHistory =
        opts.role === 'viewer' ? () => {} : startHistory(kind, doc, conn.loaded, () => me, now);

      const [connection, setConnection] = createSignal<ConnectionState>(conn.state());
      // A memo: the connection state changes with every pending edit; read-only changes only when refused does
      // (a text editor reconfigured on each keystroke dropped the keystroke from Yjs: plans.spec offline test).
      const refused = createMemo(() => connection().phase === 'refused');
      const offConn = conn.subscribe(setConnection);

      const awareness = conn.awareness;
      let location: PresenceLocation | null = null;
      const publish = () => {
        if (entry.foreground === 0) return;
        // setLocalStateField does nothing on a null state: set the whole state (keeping other fields, e.g. a caret).
        awareness.setLocalState({
          ...(awareness.getLocalState() ?? {}),
          user: { id: me.id, name: me.name, color: me.color },
          location,
        });
      };
      // Nobody is announced until a screen opens the document (see `open`).
      awareness.setLocalState(null);
      const readPresence = (): PresenceEntry[] =>
        [...awareness.getStates().entries()]
          .filter(([, s]) => s && typeof s === 'object' && 'user' in s)
          .map(([clientId, s]) => ({
            clientId,
            user: (s as { user: PresenceEntry['user'] }).user,
            location: (s as { location?: PresenceLocation | null }).location ?? null,
            self: clientId === doc.clientID,
          }))
          .sort((a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name));
      const [presence, setPresence] = createSignal<PresenceEntry[]>(readPresence());
      // Carets move on every keystroke; presence only changes when someone comes, goes or moves section or field.
      const onAwareness = () => {
        const next = readPresence();
        const same = (a: PresenceEntry[], b: PresenceEntry[]) =>
          a.length === b.length &&
          a.every(
            (e, i) =>
              e.clientId === b[i]!.clientId &&
              e.user.name === b[i]!.user.name &&
              e.user.color === b[i]!.user.color &&
              e.location?.view === b[i]!.location?.view &&
              (e.location?.section ?? null) === (b[i]!.location?.section ?? null) &&
              (e.location?.field ?? null) === (b[i]!.location?.field ?? null),
          );
        if (!same(next, presence())) setPresence(next);
      };
      awareness.on('change', onAwareness);

      const entry: Entry = {
        kind,
        id,
        refs: 0,
        foreground: 0,
        closeTimer: null,
        handleBase: {
          kind,
          id,
          room,
          store,
          ready: conn.loaded,
          connection,
          presence,
          // Refused for good (an invalid, expired or revoked invite): nothing typed here could ever reach anyone,
          // so nothing is taken; what is on the device stays readable, and the sync status says why.
          readOnly: () => opts.role === 'viewer' || store.state.status !== 'ready' || refused(),
          setLocation(next) {
            location = next;
            if (entry.foreground > 0) awareness.setLocalStateField('location', location);
          },
          reconnect: () => conn.reconnect(),
          binding: { doc, awareness, origin },
        } as Omit<DocHandle<DocKind>, 'release'>,
        conn,
        republish: publish,
        async close() {
          closed = true;
          stopOverwrites();
          stopHistory();
          awareness.off('change', onAwareness);
          offConn();
          store.dispose();
          disposeRoot();
          await conn.destroy();
          doc.destroy();
        },
      };
      return entry;
    });
  }

  const release = (key: string, entry: Entry, background: boolean) => {
    entry.refs--;
    if (!background && --entry.foreground === 0) entry.conn.awareness.setLocalState(null);
    if (entry.refs > 0) return;
    entry.closeTimer = setTimeout(() => {
      entry.closeTimer = null;
      if (entry.refs > 0) return;
      entries.delete(key);
      void entry.close();
    }, keepAliveMs);
  };

  const registry: DocRegistry = {
    open<K extends DocKind>(kind: K, id: string, opts: { background?: boolean } = {}): DocHandle<K> {
      const key = keyOf(kind, id);
      let entry = entries.get(key);
      if (!entry) {
        entry = create(kind, id);
        entries.set(key, entry);
      }
      if (entry.closeTimer) {
        clearTimeout(entry.closeTimer);
        entry.closeTimer = null;
      }
      entry.refs++;
      const background = opts.background ?? false;
      if (!background && entry.foreground++ === 0) entry.republish();
      const held = entry;
      let released = false;
      return {
        ...(held.handleBase as unknown as Omit<DocHandle<K>, 'release'>),
        release() {
          if (released) return;
          released = true;
          release(key, held, background);
        },
      };
    },

    async prefetch(kind, ids, { concurrency = 8, timeoutMs = 15_000 } = {}) {
      const progress: PrefetchProgress = { done: 0, total: ids.length, failed: [] };
      const queue = [...ids];
      const one = async (id: string) => {
        const handle = registry.open(kind, id, { background: true });
        try {
          const conn = entries.get(keyOf(kind, id))!.conn;
          const synced = await new Promise<boolean>((resolve) => {
            let settled = false;
            let off: () => void = () => {};
            const finish = (ok: boolean) => {
              if (settled) return;
              settled = true;
              clearTimeout(timer);
              queueMicrotask(() => off());
              resolve(ok);
            };
            const timer = setTimeout(() => finish(false), timeoutMs);
            off = conn.subscribe((s) => {
              if (s.phase === 'synced') finish(true);
              else if (s.phase === 'refused') finish(false);
            });
          });
          if (synced) progress.done++;
          else progress.failed.push(id);
        } finally {
          handle.release();
        }
      };
      const workers = Array.from({ length: Math.max(1, concurrency) }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) await one(id);
      });
      await Promise.all(workers);
      return progress;
    },

    openCount: () => entries.size,

    overwrites,
    dismissOverwrite: (n) => setOverwrites((list) => list.filter((o) => o.n !== n)),
    async putBackOverwrite(n) {
      const notice = overwrites().find((o) => o.n === n);
      if (!notice) return false;
      const handle = registry.open(notice.kind, notice.docId, { background: true });
      try {
        await handle.ready;
        const { doc, origin } = handle.binding;
        if (!putBackOverwrite(notice.kind, doc, notice.overwrite, origin)) return false;
        registry.dismissOverwrite(n);
        return true;
      } finally {
        handle.release();
      }
    },

    setMe(next) {
      me = next;
      for (const entry of entries.values()) {
        entry.republish();
        if (opts.role !== 'viewer') setPersonName(entry.handleBase.binding.doc, { id: me.id, name: me.name });
      }
    },

    async dispose() {
      const all = [...entries.values()];
      entries.clear();
      for (const e of all) if (e.closeTimer) clearTimeout(e.closeTimer);
      await Promise.all(all.map((e) => e.close()));
    },
  };
  return registry;
}
