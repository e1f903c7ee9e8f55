/**
 * A framework-free view of one document: status, valid data and quarantine, recomputed once per
 * transaction that touched the kind's roots. The Solid stores are a thin wrapper around this.
 *
 * Status:
 *  - `loading` until `load()` is called — the provider calls it once the local IndexedDB state has been
 *    applied (never write before that; intents are refused while loading);
 *  - then whatever `loadDocument` says: `ready` (migrated to this client's version), `uninitialised` (no
 *    meta yet: keep waiting for the relay; never seed here), `newerVersion` (read-only), `unreadable`.
 *  - after load, every change re-evaluates: meta arriving from the relay triggers `loadDocument` (which runs
 *    migrations); a peer migrating the document past this client's version turns it read-only.
 *
 * The view is kept up to date incrementally (incremental.ts): a transaction re-reads and re-checks only the
 * records it touched, so scoring one cell of a 2,000 × 8 workspace costs well under a millisecond instead of
 * a full read and check. It is always equal to `viewDocument` (the full recompute). `onChange` also gets the
 * patches from the previous view (patch.ts), or null when the whole view should be replaced.
 * Views share unchanged records with earlier views and with the cache: treat them as read-only.
 */
import type * as Y from 'yjs';
import { checkDocument, type QuarantineEntry } from './check.ts';
import { incrementalCheck } from './incremental.ts';
import { documentStatus, loadDocument, type LoadResult, type MigrateOptions } from './migrate.ts';
import type { DocJson, DocKind } from './layout.ts';
import { viewPatches, type ViewPatch } from './patch.ts';
export type { ViewPatch } from './patch.ts';
import type { LocalText } from './result.ts';
import { readDocument } from './read.ts';

export type ViewStatus = 'loading' | LoadResult['status'];

export interface DocView<K extends DocKind> {
  status: ViewStatus;
  /** Why the document is not writable (for the banner); null when ready. */
  reason: LocalText | null;
  /** The valid part of the document (also shown, read-only, for newer versions); null until there is one. */
  data: DocJson<K> | null;
  quarantine: QuarantineEntry[];
}

/** The view recomputed from scratch (read and check everything): the reference for `watchDocument`. */
export function viewDocument<K extends DocKind>(
  kind: K,
  doc: Y.Doc,
  status: ViewStatus,
  reason: LocalText | null,
): DocView<K> {
  if (status === 'loading' || status === 'uninitialised')
    return { status, reason, data: null, quarantine: [] };
  const json = readDocument(kind, doc);
  const checked = checkDocument(kind, json);
  return { status, reason, data: checked.valid, quarantine: checked.quarantine };
}

export interface DocWatch<K extends DocKind> {
  view(): DocView<K>;
  /** Run loadDocument (migrations) and start reporting; call after the local state has loaded. */
  load(): LoadResult;
  /** True when intents may write. */
  writable(): boolean;
  destroy(): void;
}

const LOADING: LocalText = { en: 'Loading…', nl: 'Laden…' };

/** Where a failing `onChange` is reported (console.error); replaceable for tests. */
let onViewError = (kind: DocKind, error: unknown): void => {
  console.error(`[haard] showing a change of a ${kind} document failed; the document is unaffected`, error);
};
/** Replace the reporter of failing views (tests); returns the previous one. */
export function setViewErrorReporter(report: typeof onViewError): typeof onViewError {
  const previous = onViewError;
  onViewError = report;
  return previous;
}

export function watchDocument<K extends DocKind>(
  kind: K,
  doc: Y.Doc,
  onChange: (view: DocView<K>, patches: ViewPatch[] | null) => void,
  opts: MigrateOptions = {},
): DocWatch<K> {
  let status: ViewStatus = 'loading';
  let reason: LocalText | null = LOADING;
  let current: DocView<K> = viewDocument(kind, doc, status, reason);
  let loading = false;
  const checked = incrementalCheck(kind, doc);

  const publish = () => {
    const prev = current;
    let whole = true;
    if (status === 'loading' || status === 'uninitialised') {
      checked.invalidate();
      current = { status, reason, data: null, quarantine: [] };
    } else {
      const result = checked.update();
      whole = checked.lastWasFull();
      current = { status, reason, data: result.valid, quarantine: result.quarantine };
    }
    const patches = whole ? null : viewPatches(kind, prev, current, checked.lastTouched());
    try {
      onChange(current, patches);
    } catch (error) {
      // A view that fails while showing a change must not fail the Yjs transaction that made it: the error
      // would reach whoever called transact — an editor binding (y-codemirror), which then stops syncing
      // and silently keeps the next keystrokes to itself. The document is right; report and go on.
      onViewError(kind, error);
    }
  };

  const apply = (result: LoadResult) => {
    status = result.status;
    reason = result.status === 'ready' ? null : result.reason;
  };

  const load = (): LoadResult => {
    loading = true;
    try {
      const result = loadDocument(kind, doc, opts);
      apply(result);
      return result;
    } finally {
      loading = false;
      // A load (or migration) may have changed anything: read it all again.
      checked.invalidate();
      publish();
    }
  };

  const afterTransaction = () => {
    if (!checked.pending() || loading || status === 'loading') return;
    if (status === 'uninitialised' || status === 'unreadable') {
      // Meta (or a readable version) arrived from a peer: load it properly, migrations included.
      if (documentStatus(kind, doc, opts.known).status !== 'uninitialised') {
        load();
        return;
      }
    } else {
      const now = documentStatus(kind, doc, opts.known);
      if (now.status === 'needsMigration') {
        load();
        return;
      }
      if (now.status !== 'ready') apply(now);
    }
    publish();
  };
  doc.on('afterTransaction', afterTransaction);

  return {
    view: () => current,
    load,
    writable: () => status === 'ready',
    destroy() {
      checked.destroy();
      doc.off('afterTransaction', afterTransaction);
    },
  };
}
