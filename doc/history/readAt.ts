/**
 * A document's JSON as it was at a snapshot, read straight from the live (gc: false) Y.Doc — the same shape as
 * `readDocument` (read.ts), without copying the document first.
 *
 * `Y.createDocFromSnapshot` re-encodes and re-applies the WHOLE document up to the snapshot, including the
 * `versions` map (every version's snapshot) and the `users` map: on a plan with a year of edits that is
 * most of its bytes, and ~1 s. Reading only the layout's roots, each key at the snapshot (`itemAt`), texts
 * with `toDelta(snapshot)`, lists with `typeListToArraySnapshot`, costs what the content costs. All reads run in one transaction (origin HISTORY_ORIGIN, it changes nothing): Yjs splits the
 * items a snapshot cuts through once for all of them.
 */
import * as Y from 'yjs';
import { LAYOUT, META, VERSIONS, type DocKind } from '../layout.ts';
import { clonePlain, isRecord } from '../json.ts';
import { setAt, objectAt, sortKeys, type RawDoc } from '../read.ts';
import { HISTORY_ORIGIN } from './origin.ts';

/** Whether `item` existed and was not deleted at `snap` (null: now). */
export const visibleAt = (item: Y.Item, snap: Y.Snapshot | null): boolean =>
  snap === null
    ? !item.deleted
    : (snap.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snap.ds, item.id);

/** One value a map key held: the item and its index (Yjs merges successive deleted values into one item). */
export interface KeyValue {
  item: Y.Item;
  index: number;
  /** The value's own id: (client, clock + index). */
  id: Y.ID;
  value: unknown;
}

/**
 * The value of `key` of `map` at `snap` (null: now), or null when the key had none. Walks back through every
 * value the key ever had: after concurrent sets the chain is not in time order (Yjs' own `typeMapGetSnapshot`
 * stops at the first item older than the snapshot and misses the visible one), and successive values of one
 * client may share one merged item — a seeded test found both.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type with keys (map, record)
export function valueAt(map: Y.AbstractType<any>, key: string, snap: Y.Snapshot | null): KeyValue | null {
  for (let item = map._map.get(key) ?? null; item; item = item.left) {
    if (snap === null) {
      if (!item.deleted) return at(item, item.length - 1);
      continue;
    }
    const created = (snap.sv.get(item.id.client) ?? 0) - item.id.clock; // values of this item made by then
    for (let i = Math.min(item.length, created) - 1; i >= 0; i--) {
      const id = Y.createID(item.id.client, item.id.clock + i);
      if (!Y.isDeleted(snap.ds, id)) return at(item, i);
    }
  }
  return null;
}

const at = (item: Y.Item, index: number): KeyValue => ({
  item,
  index,
  id: Y.createID(item.id.client, item.id.clock + index),
  value: item.content.getContent()[index],
});

/** A Y value at `snap` → plain JSON (plain values copied). */
function toJsonAt(value: unknown, snap: Y.Snapshot): unknown {
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const key of value._map.keys()) {
      const found = valueAt(value, key, snap);
      if (found) out[key] = toJsonAt(found.value, snap);
    }
    return out;
  }
  if (value instanceof Y.Array) return Y.typeListToArraySnapshot(value, snap).map((v) => toJsonAt(v, snap));
  if (value instanceof Y.Text) return textAt(value, snap);
  return clonePlain(value);
}

const textAt = (text: Y.Text, snap: Y.Snapshot): string =>
  (text.toDelta(snap) as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');

const mapAt = (map: Y.Map<unknown>, snap: Y.Snapshot): Record<string, unknown> =>
  toJsonAt(map, snap) as Record<string, unknown>;

/**
 * `doc` of kind `kind` as it was at `snap` (unvalidated, canonical key order); null when it had no meta then.
 * Needs a document that never garbage collected since the snapshot.
 */
export function readDocumentAt(kind: DocKind, doc: Y.Doc, snap: Y.Snapshot): RawDoc | null {
  let out: RawDoc | null = null;
  doc.transact(() => {
    const meta = mapAt(doc.getMap(META), snap);
    if (!('id' in meta)) return;
    const layout = LAYOUT[kind];
    const json: Record<string, unknown> = { ...meta };
    // The schema version then: max(meta.schemaVersion, migration marks — string values — of `versions`).
    let version = typeof meta.schemaVersion === 'number' ? meta.schemaVersion : Number.NaN;
    for (const [key, value] of Object.entries(mapAt(doc.getMap(VERSIONS), snap))) {
      const n = Number(key);
      if (typeof value === 'string' && Number.isInteger(n) && (Number.isNaN(version) || n > version))
        version = n;
    }
    if (!Number.isNaN(version)) json.schemaVersion = version;
    for (const f of layout.fields) {
      const target = f.path ? objectAt(json, f.path) : json;
      Object.assign(target, mapAt(doc.getMap(f.root), snap));
    }
    for (const c of layout.collections) setAt(json, c.path, mapAt(doc.getMap(c.root), snap));
    for (const e of layout.extra) json[e] = mapAt(doc.getMap(e), snap);
    for (const t of layout.texts) setAt(json, t, textAt(doc.getText(t), snap));
    out = sortKeys(json);
  }, HISTORY_ORIGIN);
  return out && isRecord(out) ? out : null;
}
