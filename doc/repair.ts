/**
 * Undo can drop a required field. Yjs' undo never overwrites a remote change to a map key; when another
 * client overwrote the same key concurrently (both values conflicting, one already hidden), undoing my write
 * removes my value and cannot restore the one before it — the key is left with no value at all (a relation
 * without `name`, settings without `classification`). The fuzzer found this.
 *
 * `restoreDroppedFields` runs right after an undo/redo: wherever the document was valid before and the undo
 * made a record or field invalid by *removing* keys, the keys get back the value they had just before the
 * undo. One transaction with REPAIR_ORIGIN (nobody's undo step). Edits that undo legitimately removes
 * (an optional field the step had added, a whole record) leave the document valid and are not touched.
 */
import * as Y from 'yjs';
import { checkDocument } from './check.ts';
import { LAYOUT, valueToY, type DocKind, type NestedSpec } from './layout.ts';
import { isRecord, toJson } from './json.ts';
import { getAt, readDocument } from './read.ts';

export const REPAIR_ORIGIN = Object.freeze({ name: 'haard:repair' });

interface Target {
  map: Y.Map<unknown>;
  /** A single key of `map`, or every key of the record when absent. */
  key?: string;
  nested: NestedSpec;
}

function resolve(kind: DocKind, doc: Y.Doc, path: string): Target | null {
  const layout = LAYOUT[kind];
  for (const c of layout.collections) {
    if (!path.startsWith(`${c.path}.`)) continue;
    const [id, sub, subId] = path.slice(c.path.length + 1).split('.');
    const record = doc.getMap(c.root).get(id!);
    if (!(record instanceof Y.Map)) return null;
    if (sub === undefined) return { map: record, nested: c.nested };
    const inner = record.get(sub);
    if (c.nested[sub] === 'records' && inner instanceof Y.Map && subId !== undefined) {
      const subRecord = inner.get(subId);
      return subRecord instanceof Y.Map ? { map: subRecord, nested: {} } : null;
    }
    return { map: record, key: sub, nested: c.nested };
  }
  for (const e of layout.extra) {
    if (!path.startsWith(`${e}.`)) continue;
    const [row, cell] = path.slice(e.length + 1).split('.');
    const rowMap = doc.getMap(e).get(row!);
    return rowMap instanceof Y.Map && cell ? { map: rowMap, key: cell, nested: {} } : null;
  }
  const [first, second] = path.split('.');
  for (const f of layout.fields) {
    if (f.path === '' && f.keys?.includes(first!))
      return { map: doc.getMap(f.root), key: first!, nested: {} };
    if (f.path && f.path === first) return { map: doc.getMap(f.root), key: second, nested: {} };
  }
  return null;
}

/**
 * A record that the undo brought back (undo of a removal) is a new Y.Map; Yjs redoes only the fields no
 * other client changed. The values of the others are still in the removed Y.Map, which the UndoManager keeps
 * from garbage collection: the deleted items left of the restored one under the same key.
 * (Reads Yjs internals — `_item`, `left`, `_map` — stable throughout Yjs 13.)
 */
function valuesOfRemovedRecord(restored: Y.Map<unknown>): Record<string, unknown> | undefined {
  type ItemLike = { deleted: boolean; left: ItemLike | null; content: { type?: unknown } };
  type KeyItem = { length: number; left: KeyItem | null; content: { getContent(): unknown[] } };
  type Entries = Map<string, KeyItem>;
  const out: Record<string, unknown> = {};
  let found = false;
  // Nearest removed incarnation first: a record removed and restored several times keeps older values further left.
  for (
    let item = (restored as unknown as { _item: ItemLike | null })._item?.left ?? null;
    item;
    item = item.left
  ) {
    if (!item.deleted || !(item.content.type instanceof Y.Map)) continue;
    found = true;
    for (const [key, last] of (item.content.type as unknown as { _map: Entries })._map) {
      if (key in out) continue;
      // Items a peer added after the removal were garbage-collected (no content): take the newest one kept.
      let kept: KeyItem | null = last;
      while (kept && kept.content.getContent().length === 0) kept = kept.left;
      if (!kept) continue;
      const value = kept.content.getContent()[kept.length - 1];
      out[key] = value instanceof Y.AbstractType ? toJson(value) : value;
    }
  }
  return found ? out : undefined;
}

/** Returns how many keys were restored. `before` is readDocument() from just before the undo/redo. */
export function restoreDroppedFields(
  kind: DocKind,
  doc: Y.Doc,
  before: Record<string, unknown> | null,
): number {
  if (!before) return 0;
  const after = checkDocument(kind, readDocument(kind, doc));
  if (after.quarantine.length === 0) return 0;
  const wasBad = new Set(checkDocument(kind, before).quarantine.map((q) => q.path));
  let restored = 0;
  doc.transact(() => {
    for (const entry of after.quarantine) {
      if (wasBad.has(entry.path)) continue;
      const target = resolve(kind, doc, entry.path);
      const old = getAt(before, entry.path) ?? (target ? valuesOfRemovedRecord(target.map) : undefined);
      if (!target || old === undefined) continue;
      if (target.key !== undefined) {
        if (!target.map.has(target.key)) {
          target.map.set(target.key, valueToY(old, target.nested[target.key]));
          restored++;
        }
      } else if (isRecord(old)) {
        for (const [k, v] of Object.entries(old)) {
          if (!target.map.has(k) && v !== undefined) {
            target.map.set(k, valueToY(v, target.nested[k]));
            restored++;
          }
        }
      }
    }
  }, REPAIR_ORIGIN);
  return restored;
}
