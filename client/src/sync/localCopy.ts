/**
 * The local copy of one document in the browser's IndexedDB, in y-indexeddb's layout — database named after
 * the room, object store `updates` (auto-increment keys, each value a Yjs update) and `custom` — so copies
 * written by earlier versions of Haard (which used y-indexeddb 9) keep loading.
 *
 * Written here rather than used from y-indexeddb because y-indexeddb leaves every storage failure unhandled:
 * a refused `indexedDB.open` becomes an uncaught rejection and its `whenSynced` never resolves (the app
 * showed "Opening the local copy…" forever), and a write refused for lack of space is dropped without a word.
 * Here every failure becomes a status, within seconds:
 *
 * - `ok`          the copy loaded and every change is written to this device;
 * - `unavailable` the browser refuses local storage (a private window, a policy, no answer within `timeoutMs`,
 *                 the database deleted by another tab): nothing is kept on this device;
 * - `unreadable`  the stored copy could not be read (a corrupt database); it is left untouched, nothing more is
 *                 written to it;
 * - `full`        a write was refused for lack of space: the changes are kept in memory and written again every
 *                 `retryMs` (and before `destroy`), and the status returns to `ok` once a write succeeds.
 */
import * as Y from 'yjs';

export type LocalStatus = 'ok' | 'unavailable' | 'unreadable' | 'full';

export interface LocalCopyOptions {
  /** Give up when `indexedDB.open` has not answered after this many ms (→ `unavailable`). Default 4,000. */
  timeoutMs?: number;
  /** While `full`, try writing the kept changes again this often (ms). Default 5,000. */
  retryMs?: number;
  /** The IndexedDB to use; `null` for none (Node). Default: the browser's `indexedDB`. */
  indexedDB?: IDBFactory | null;
}

export interface LocalCopy {
  /** The transaction origin of changes read from this device (not local edits, not to be counted as such). */
  readonly origin: object;
  /** Resolves with the status once the stored state is in the document or storage has failed. Never rejects. */
  readonly loaded: Promise<LocalStatus>;
  status(): LocalStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: LocalStatus) => void): () => void;
  /** Writes what is still in memory (when it can), then closes the database. */
  destroy(): Promise<void>;
}

const UPDATES = 'updates';
const CUSTOM = 'custom';
/** Rows after which the copy is compacted into one (y-indexeddb's PREFERRED_TRIM_SIZE). */
const TRIM_ROWS = 500;

type WriteResult = 'ok' | 'quota' | 'failed';

/** Opens (or creates) the local copy of `doc` under `name` and starts writing its changes to it. */
export function openLocalCopy(name: string, doc: Y.Doc, options: LocalCopyOptions = {}): LocalCopy {
  const factory = options.indexedDB === undefined ? (globalThis.indexedDB ?? null) : options.indexedDB;
  const retryMs = options.retryMs ?? 5_000;
  const origin = { localCopy: name };
  const listeners = new Set<(status: LocalStatus) => void>();
  let status: LocalStatus = 'ok';
  let db: IDBDatabase | null = null;
  let destroyed = false;
  /** Changes not yet written: waiting for the load, the next flush, or space. */
  let queue: Uint8Array[] = [];
  let writing: Promise<void> | null = null;
  let flushScheduled = false;
  let rows = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setStatus = (next: LocalStatus) => {
    if (status === next) return;
    status = next;
    for (const listener of listeners) listener(next);
  };
  const lostStorage = (next: 'unavailable' | 'unreadable') => {
    db?.close();
    db = null;
    queue = [];
    setStatus(next);
  };

  // Whatever the document held before it was handed to us is written too (y-indexeddb does the same).
  if (Y.encodeStateVector(doc).length > 1) queue.push(Y.encodeStateAsUpdate(doc));
  const onUpdate = (update: Uint8Array, from: unknown) => {
    if (from === origin || destroyed || status === 'unavailable' || status === 'unreadable') return;
    queue.push(update);
    if (status === 'ok') scheduleFlush();
  };
  doc.on('update', onUpdate);

  const scheduleFlush = () => {
    if (flushScheduled || writing !== null || db === null) return;
    flushScheduled = true;
    // A microtask, not a timer: every update of the running task is written in one row, and the write has
    // started before the browser can unload the page (a reload right after an edit kept nothing when the
    // write waited for a timer).
    queueMicrotask(() => {
      flushScheduled = false;
      void flush();
    });
  };

  /** Writes the queue as one row; on failure the changes go back to the front of the queue. */
  const flush = (): Promise<void> => {
    if (writing !== null) return writing;
    const target = db;
    if (target === null || queue.length === 0) return Promise.resolve();
    const batch = queue;
    queue = [];
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    writing = write(target, (store) => store.add(update), true).then((result) => {
      writing = null;
      if (result === 'ok') {
        rows++;
        if (status === 'full') setStatus('ok');
        if (rows >= TRIM_ROWS) return compact(target);
        if (queue.length > 0) scheduleFlush();
        return;
      }
      queue.unshift(update);
      if (result === 'quota') {
        setStatus('full');
        if (!destroyed && retryTimer === null) {
          retryTimer = setTimeout(() => {
            retryTimer = null;
            void flush();
          }, retryMs);
        }
      } else lostStorage('unavailable');
    });
    return writing;
  };

  /** The whole state in one row, every older row deleted, in one transaction (all or nothing). */
  const compact = (target: IDBDatabase): Promise<void> => {
    const state = Y.encodeStateAsUpdate(doc);
    writing = write(target, (store) => {
      store.add(state).onsuccess = (event) => {
        const key = (event.target as IDBRequest<IDBValidKey>).result;
        store.delete(IDBKeyRange.upperBound(key, true));
      };
    }).then((result) => {
      writing = null;
      if (result === 'ok') rows = 1;
      if (queue.length > 0) scheduleFlush();
    });
    return writing;
  };

  const loaded = new Promise<LocalStatus>((resolve) => {
    let settled = false;
    const finish = (next: 'ok' | 'unavailable' | 'unreadable') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (next !== 'ok') lostStorage(next);
      resolve(status);
    };
    const timer = setTimeout(() => finish('unavailable'), options.timeoutMs ?? 4_000);
    if (factory === null) return finish('unavailable');
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      return finish('unavailable'); // some browsers throw at once in private windows
    }
    request.onupgradeneeded = () => {
      const created = request.result;
      if (!created.objectStoreNames.contains(UPDATES))
        created.createObjectStore(UPDATES, { autoIncrement: true });
      if (!created.objectStoreNames.contains(CUSTOM)) created.createObjectStore(CUSTOM);
    };
    request.onerror = (event) => {
      event.preventDefault(); // handled: do not let it surface as an uncaught error
      finish('unavailable');
    };
    request.onsuccess = () => {
      const opened = request.result;
      if (settled || destroyed) return opened.close(); // too late: we already work without it
      // Another tab deletes or upgrades the database: let it, and go on without a local copy.
      opened.onversionchange = () => {
        if (db === opened) lostStorage('unavailable');
        else opened.close();
      };
      void readInto(opened, doc, origin).then((result) => {
        if (settled || destroyed) return opened.close();
        if (!result.ok) {
          opened.close();
          return finish('unreadable');
        }
        db = opened;
        rows = result.rows;
        finish('ok');
        scheduleFlush();
      });
    };
  });

  return {
    origin,
    loaded,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      doc.off('update', onUpdate);
      if (retryTimer !== null) clearTimeout(retryTimer);
      await writing;
      await flush(); // the last changes; if there is no space they are lost with the tab, as the status said
      db?.close();
      db = null;
      listeners.clear();
    },
  };
}

/** Reads every stored update into `doc` as one merged update; `ok: false` when the copy cannot be read. */
function readInto(
  db: IDBDatabase,
  doc: Y.Doc,
  origin: object,
): Promise<{ ok: true; rows: number } | { ok: false }> {
  return new Promise((resolve) => {
    let request: IDBRequest<unknown[]>;
    try {
      const tx = db.transaction([UPDATES], 'readonly');
      tx.onabort = () => resolve({ ok: false });
      request = tx.objectStore(UPDATES).getAll();
    } catch {
      return resolve({ ok: false }); // e.g. the `updates` store is missing
    }
    request.onerror = (event) => {
      event.preventDefault();
      resolve({ ok: false });
    };
    request.onsuccess = () => {
      const rows = request.result;
      try {
        if (!rows.every((row) => row instanceof Uint8Array)) return resolve({ ok: false });
        // Merging decodes every row first: a damaged row fails here, before the document is touched.
        if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows as Uint8Array[]), origin);
        resolve({ ok: true, rows: rows.length });
      } catch {
        resolve({ ok: false });
      }
    };
  });
}

/** One readwrite transaction on `updates`; resolves with how it ended (`quota` when space ran out). */
function write(
  db: IDBDatabase,
  body: (store: IDBObjectStore) => void,
  commitAtOnce = false,
): Promise<WriteResult> {
  return new Promise((resolve) => {
    try {
      const tx = db.transaction([UPDATES], 'readwrite');
      tx.oncomplete = () => resolve('ok');
      tx.onabort = () => resolve(isQuotaError(tx.error) ? 'quota' : 'failed');
      body(tx.objectStore(UPDATES));
      // Commit now rather than when the event loop is idle: a page unloaded right after keeps the write.
      // Not for compaction, whose delete is issued from a request's success handler.
      if (commitAtOnce) {
        try {
          tx.commit?.();
        } catch {
          // Already aborted (a quota error can end it at once): its abort handler says why.
        }
      }
    } catch (error) {
      resolve(isQuotaError(error) ? 'quota' : 'failed');
    }
  });
}

const isQuotaError = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
