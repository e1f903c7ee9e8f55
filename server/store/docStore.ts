/**
 * The relay's persistence seam: an asynchronous store of Yjs documents, one *room* each. The relay only ever
 * talks to this interface; SQLite (`roomStore.ts`) implements it today, a shared store for several relay
 * nodes can tomorrow.
 *
 * A room is stored as an append-only **log** of updates, each with a sequence number (`seq`, increasing, never
 * reused), folded now and then into a **checkpoint**: the merged state of every update up to `throughSeq`.
 * Loading = the checkpoint, then every update after it, in `seq` order.
 *
 * History (issue 9): every document is kept without garbage collection (`gc: false`
 * in the relay's rooms, in compaction and in every scratch document), so a checkpoint still holds deleted
 * content and any past state is rebuilt from it with a `Y.snapshot` — the named and automatic versions live in
 * the document itself (root map `versions`). Folding the updates into a checkpoint therefore loses nothing
 * history needs, and the folded rows are deleted. The operator's retention (`--history-days`) is the one place
 * where old deleted content is dropped on purpose (store/retention.ts).
 *
 * Ordering: the relay calls a room's `load` and `append` one at a time (its per-room serial queue), so an
 * implementation needs no ordering of its own for them. `compact` may run while the same room appends: it
 * must fold only rows up to its `throughSeq` and leave later ones be. Calls for different rooms interleave.
 */

export interface StoredUpdate {
  seq: number;
  bytes: Uint8Array;
}

export interface StoredRoom {
  /** The merged state of every update through `checkpointSeq`, or null when the room was never checkpointed. */
  checkpoint: Uint8Array | null;
  /** The `seq` the checkpoint covers; 0 without a checkpoint. */
  checkpointSeq: number;
  /** Updates after the checkpoint, in `seq` order. */
  updates: StoredUpdate[];
}

export type CheckpointResult =
  | {
      ok: true;
      foldedUpdates: number;
      checkpointBytes: number;
      /**
       * An edit the compaction made to the document and stored in the checkpoint — the removal of versions
       * older than the history retention (store/retention.ts) — which the live document and its peers must
       * receive too (it is not in the update log).
       */
      edits?: Uint8Array;
      /** Versions removed by the history retention. */
      removedVersions?: number;
    }
  | { ok: false; reason: string };

/** What was wrong with a stored row, found by its checksum or by replaying it; the room must not be served. */
export class StoredDataError extends Error {
  constructor(
    message: string,
    /** `checkpoint`, or the `seq` of the update row. */
    readonly row: 'checkpoint' | number,
  ) {
    super(message);
    this.name = 'StoredDataError';
  }
}

export interface DocStore {
  /**
   * Everything needed to rebuild a room. A room never written loads as `{ checkpoint: null, updates: [] }`.
   * Rejects with `StoredDataError` when a row is damaged (checksum mismatch), with any other error when the
   * store cannot be read at all.
   */
  load(room: string): Promise<StoredRoom>;
  /** True once anything was stored for the room. */
  exists(room: string): Promise<boolean>;
  /**
   * Appends updates to the room's log, all or none, durably (see the implementation for what "durable" means)
   * before it resolves. Resolves with the `seq` of the last one. Rejects when nothing was stored.
   */
  append(room: string, updates: readonly Uint8Array[]): Promise<{ lastSeq: number }>;
  /**
   * Folds the room's updates through `throughSeq` into its checkpoint, from the stored rows (the caller needs
   * no document in memory), and off the caller's event loop where it can. Updates after `throughSeq` stay as
   * they are. Resolves `ok: false` (nothing changed) when a row is damaged or the fold cannot be done; never
   * rejects. The checkpoint keeps deleted content (no gc), so the folded rows are deleted.
   */
  compact(room: string, throughSeq: number): Promise<CheckpointResult>;
  /** Releases the store; pending operations finish first. */
  close(): Promise<void>;
}
