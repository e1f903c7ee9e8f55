/**
 * The operator's history retention (`haard serve --history-days N`, history design §5), applied when a room is
 * compacted. Versions made before the horizon (now − N days) are removed from the document's `versions` map,
 * and content deleted before the oldest remaining version is garbage-collected — only content deleted in
 * *every* remaining version's snapshot (no version can show it), so every remaining version still opens with
 * `Y.createDocFromSnapshot` and the live state is unchanged. When no version remains, the newest removed one
 * is the boundary. The snapshots of removed versions (deleted entries of `versions`) are collected too.
 * Without any version older than the horizon nothing happens: the document's versions are the only clock of
 * when content was deleted.
 *
 * Garbage collection is Yjs' own (`Item.gc`: the content of a deleted item is replaced by its length, as a
 * `gc: true` document does), applied only to items whose whole range is deleted in each boundary snapshot;
 * items are first split at those snapshots' deleted ranges (`iterateDeletedStructs`), because Yjs merges
 * neighbouring deleted items that were deleted at different times.
 */
import * as Y from 'yjs';
import { HISTORY_ORIGIN, readVersions, versionSnapshot } from '../../doc/history/versions.ts';
import { VERSIONS } from '../../doc/layout.ts';

export interface RetentionResult {
  /** The state to store as the checkpoint (garbage-collected where allowed). */
  state: Uint8Array;
  /** The edit that removed expired versions, for the live document and its peers; null when none expired. */
  edits: Uint8Array | null;
  removedVersions: number;
}

/**
 * Whether `[clock, clock + length)` of `client` lies inside one range of `ds`. A snapshot's delete set is
 * written sorted and merged (Yjs builds it from the struct store in order).
 */
function rangeDeleted(ds: Y.Snapshot['ds'], client: number, clock: number, length: number): boolean {
  const ranges = ds.clients.get(client);
  if (ranges === undefined) return false;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (range.clock + range.len <= clock) low = mid + 1;
    else if (range.clock > clock) high = mid - 1;
    else return clock + length <= range.clock + range.len;
  }
  return false;
}

/**
 * Applies retention to `doc` (a room replayed without gc; it gets the removal of expired versions) for
 * horizon `horizon` (ISO date-time: versions with `at` before it expire). Never throws for a damaged
 * snapshot: then nothing is garbage-collected (the expired versions are still removed).
 */
export function applyRetention(doc: Y.Doc, horizon: string): RetentionResult {
  const versions = readVersions(doc);
  const expired = versions.filter((v) => v.at < horizon);
  if (expired.length === 0) return { state: Y.encodeStateAsUpdate(doc), edits: null, removedVersions: 0 };
  const boundary: Y.Snapshot[] = [];
  try {
    const remaining = versions.filter((v) => v.at >= horizon);
    for (const v of remaining.length > 0 ? remaining : [expired.at(-1)!]) boundary.push(versionSnapshot(v));
  } catch {
    boundary.length = 0;
  }

  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const map = doc.getMap(VERSIONS);
    for (const v of expired) map.delete(v.id);
  }, HISTORY_ORIGIN);
  const edits = Y.encodeStateAsUpdate(doc, before);

  const versionsType = doc.getMap(VERSIONS);
  const collect = (struct: Y.Item | Y.GC) => {
    if (struct instanceof Y.Item && struct.deleted && !struct.keep) struct.gc(doc.store, false);
  };
  doc.transact((transaction) => {
    if (boundary.length > 0) {
      // Split items at every boundary snapshot's deleted ranges, so that each item lies wholly inside or
      // outside each range; then collect what every boundary snapshot deletes.
      const [first, ...others] = boundary as [Y.Snapshot, ...Y.Snapshot[]];
      for (const snapshot of others) Y.iterateDeletedStructs(transaction, snapshot.ds, () => {});
      Y.iterateDeletedStructs(transaction, first.ds, (struct) => {
        const { client, clock } = struct.id;
        if (others.every((s) => rangeDeleted(s.ds, client, clock, struct.length))) collect(struct);
      });
    }
    // The snapshots of removed (and overwritten) versions: bookkeeping no version's content shows.
    doc.store.clients.forEach((structs) => {
      for (const struct of structs)
        if (struct instanceof Y.Item && struct.parent === versionsType) collect(struct);
    });
  });
  return { state: Y.encodeStateAsUpdate(doc), edits, removedVersions: expired.length };
}
