/**
 * The one bridge from a Y.Doc to Solid: a store that mirrors the document's valid data, plus intents and
 * undo. A change applies only the watch's patches (one record per touched record: `setState('data',
 * 'relations', id, reconcile(record))`, removals as `undefined`); a load, a migration, or data appearing or
 * going (status) reconciles the whole view. Always `reconcile`, so unchanged records keep their identity
 * and only touched fields re-render.
 * All logic lives in client/src/doc (tested under Node); this file only moves values into Solid.
 *
 * The watch's views share records with its cache; Solid adopts the objects it is given and later changes
 * them in place, so it only ever gets copies.
 */
import { createStore, reconcile } from 'solid-js/store';
import { batch, createSignal, getOwner, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import {
  createUndo,
  meetingIntents,
  planIntents,
  tournamentIntents,
  watchDocument,
  workspaceIntents,
  type DocView,
  type DocKind,
  type Undo,
  type IntentOptions,
  type MigrateOptions,
  type ViewPatch,
} from '../../../doc/index.ts';

export interface DocStoreOptions extends Omit<IntentOptions, 'canWrite'>, MigrateOptions {
  /** Resolves when the local state has loaded (e.g. IndexeddbPersistence#whenSynced); then `load()` runs. */
  ready?: Promise<unknown>;
}

export interface DocStore<K extends DocKind, I> {
  /** status, reason, data (valid records only) and quarantine — read-only, reactive. */
  state: DocView<K>;
  intents: I;
  undo: Undo & { state: { canUndo: boolean; canRedo: boolean } };
  /** Run loadDocument now (if no `ready` promise was given). */
  load(): void;
  /** Increases with every change of the view: track it to recompute from `plain()` (cheaper than proxies). */
  version: Accessor<number>;
  /** The current view as plain, immutable objects (not Solid proxies). Untracked: pair it with `version()`. */
  plain(): DocView<K>;

  dispose(): void;
}

export function createDocStore<K extends DocKind, I>(
  kind: K,
  doc: Y.Doc,
  makeIntents: (doc: Y.Doc, opts: IntentOptions) => I,
  opts: DocStoreOptions,
): DocStore<K, I> {
  const [state, setState] = createStore<DocView<K>>({
    status: 'loading',
    reason: { en: 'Loading…', nl: 'Laden…' },
    data: null,
    quarantine: [],
  });
  const merge = { key: 'id', merge: true } as const;
  // A path setter with a computed path (Solid types only literal paths).
  const setAt = setState as unknown as (...pathAndValue: unknown[]) => void;
  const [version, setVersion] = createSignal(0);
  const apply = (view: DocView<K>, patches: ViewPatch[] | null) =>
    batch(() => {
      if (!patches) setState(reconcile(structuredClone(view), merge));
      else
        for (const { path, value } of patches)
          setAt(...path, value === undefined ? undefined : reconcile(structuredClone(value), merge));
      setVersion((v) => v + 1);
    });
  const watch = watchDocument(kind, doc, apply, opts);
  const intents = makeIntents(doc, { ...opts, canWrite: watch.writable });
  const undo = createUndo(kind, doc, opts.origin);
  const [undoState, setUndoState] = createStore({ canUndo: false, canRedo: false });
  const offUndo = undo.onChange(() => setUndoState({ canUndo: undo.canUndo(), canRedo: undo.canRedo() }));

  let disposed = false;
  void opts.ready?.then(() => {
    if (!disposed) watch.load();
  });
  // Called by its owner's cleanup and by the registry's close, in either order: the second call does nothing
  // (it unobserved every root again, and Yjs warned 16–32 times per document 20 s after leaving a page).
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    offUndo();
    undo.destroy();
    watch.destroy();
  };
  if (getOwner()) onCleanup(dispose);

  return {
    state,
    intents,
    undo: Object.assign(undo, { state: undoState }),
    load: () => void watch.load(),
    version,
    plain: () => watch.view(),
    dispose,
  };
}

/** The intents of each document kind (doc/intents): what a store of that kind can be asked to do. */
const INTENTS = {
  workspace: workspaceIntents,
  plan: planIntents,
  meeting: meetingIntents,
  tournament: tournamentIntents,
} as const;
export type IntentsOf<K extends DocKind> = ReturnType<(typeof INTENTS)[K]>;
export type KindStore<K extends DocKind> = DocStore<K, IntentsOf<K>>;

/** The store of a document of kind `kind`: `createDocStore` with that kind's intents. */
export function createKindStore<K extends DocKind>(kind: K, doc: Y.Doc, opts: DocStoreOptions): KindStore<K> {
  const makeIntents = INTENTS[kind] as unknown as (doc: Y.Doc, o: IntentOptions) => IntentsOf<K>;
  return createDocStore(kind, doc, makeIntents, opts);
}
export type WorkspaceStore = KindStore<'workspace'>;
export type PlanStore = KindStore<'plan'>;
export type MeetingStore = KindStore<'meeting'>;
export type TournamentStore = KindStore<'tournament'>;
