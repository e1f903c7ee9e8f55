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
import { deterministicEdit } from './migrate.ts';
import { issue } from './result.ts';
import type { QuarantineEntry } from './check.ts';

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

/** Every record field of `kind` laid out as a shared text (nested kind `text`): collection root and field. */
function textFields(kind: DocKind): { path: string; root: string; field: string }[] {
  return LAYOUT[kind].collections.flatMap((c) =>
    Object.entries(c.nested)
      .filter(([, nested]) => nested === 'text')
      .map(([field]) => ({ path: c.path, root: c.root, field })),
  );
}

/**
 * Where a shared text should be (layout nested kind `text`, e.g. `relations.r1.notes`) but another value is
 * stored: a finding per field, with the value as it is (`raw`, a copy). A string there — written by a client
 * of an older schema, concurrently with the migration — reads and validates as before, but concurrent edits
 * of it would not merge (`repairTexts` turns it into a text, losing nothing); any other value also fails the
 * record's schema check, which sets the record aside in quarantine with its raw value. Absent fields are not
 * reported here (the schema check does). Does not touch the document.
 */
export function textFindings(kind: DocKind, doc: Y.Doc): QuarantineEntry[] {
  const out: QuarantineEntry[] = [];
  for (const { path, root, field } of textFields(kind)) {
    const records = doc.getMap(root);
    for (const id of [...records.keys()].sort()) {
      const record = records.get(id);
      if (!(record instanceof Y.Map) || !record.has(field)) continue;
      const value: unknown = record.get(field);
      if (value instanceof Y.Text) continue;
      const at = `${path}.${id}.${field}`;
      out.push({
        path: at,
        issues: [
          issue(
            at,
            'not_a_shared_text',
            typeof value === 'string'
              ? 'is stored as a plain value, not as a shared text: edits made at the same time would not merge (repair turns it into a shared text with the same content)'
              : 'must be a shared text; the value stored here is kept as it is',
            typeof value === 'string'
              ? 'is opgeslagen als losse waarde, niet als gedeelde tekst: gelijktijdige bewerkingen zouden niet samengaan (herstel maakt er een gedeelde tekst van met dezelfde inhoud)'
              : 'moet een gedeelde tekst zijn; de waarde die hier staat blijft bewaard zoals ze is',
          ),
        ],
        raw: toJson(value),
      });
    }
  }
  return out;
}

/**
 * Turn every string stored where a shared text should be into a Y.Text with the same characters (what
 * `textFindings` reports as a plain value). Other values are left as they are (the schema check quarantines
 * their record with its raw value; nothing is dropped). One update with REPAIR_ORIGIN (nobody's undo step),
 * written deterministically (migrate.ts `deterministicEdit`): replicas repairing the same state at once
 * write the same text, once. Returns how many fields were converted.
 */
export function repairTexts(kind: DocKind, doc: Y.Doc): number {
  const plain = textFindings(kind, doc).filter((f) => typeof f.raw === 'string');
  if (plain.length === 0) return 0;
  deterministicEdit(
    doc,
    `repairTexts:${kind}`,
    (scratch) => {
      for (const { root, field } of textFields(kind)) {
        const records = scratch.getMap(root);
        for (const id of [...records.keys()].sort()) {
          const record = records.get(id);
          const value: unknown = record instanceof Y.Map ? record.get(field) : undefined;
          if (record instanceof Y.Map && typeof value === 'string')
            record.set(field, valueToY(value, 'text'));
        }
      }
    },
    REPAIR_ORIGIN,
  );
  return plain.length;
}
